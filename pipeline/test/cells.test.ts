/**
 * One reading of a cell for its status and number (`cellValue`), against the two readings it
 * replaced (`cellStatus`, then `Number`), and the decimals a sum or scaled share is given.
 * Synthetic cells and areas only.
 */
import { describe, expect, it } from 'vitest';
import { CELL, cellStatus, cellValue } from '../stages/load.ts';
import { extractSeries, STATUS, type JoinedTable } from '../stages/values.ts';
import type { AreaFrame } from '../stages/areas.ts';
import type { Indicator, TableConfig } from '../schema.ts';

const MISSING = ['', 'NA', 'N/A', '-', ':'];
const SUPPRESSED = ['c', '*', 'x', '[c]', '[x]', '..'];

describe('cellValue', () => {
  it('gives the number exactly when cellStatus says value, and NaN otherwise', () => {
    const cells = ['0', '12', ' 12 ', '\t7\n', '-3.5', '+4', '.5', '5.', '0.398', '1e3', '1.5E-2', '1e999', '-1e999', '', ' ', 'NA', '-', ':', 'c', ' c ', '..', '[x]', '1,234', '12%', '0x10', 'Infinity', 'NaN', '1e', '--1', '1 2', '٣'];
    for (const raw of cells) {
      const st = cellStatus(raw, MISSING, SUPPRESSED);
      const v = cellValue(raw, MISSING, SUPPRESSED);
      if (st === CELL.value) expect(v, JSON.stringify(raw)).toBe(Number(raw.trim()));
      else expect(v, JSON.stringify(raw)).toBeNaN();
    }
    // A marker that reads as a number is still a marker.
    expect(cellValue('-1', ['-1'], [])).toBeNaN();
    expect(cellStatus('-1', ['-1'], [])).toBe(CELL.missing);
  });
});

describe('extractSeries', () => {
  const codes = ['E01000001', 'E01000002', 'E01000003', 'E01000004', 'E01000005', 'E01000006'];
  const frame = { vintage: 2021, codes, index: new Map(codes.map((c, i) => [c, i])), scope: codes.map((_, i) => i) } as unknown as AreaFrame;
  const config = { id: 't', file: 'synthetic.csv', code: 'code', vintage: 2021 } as TableConfig;
  const joined = (header: string[], rows: string[][]): JoinedTable => ({ config, csv: { file: 'raw/synthetic.csv', header, rows, lines: rows.map((_, i) => i + 2) }, rowOf: Int32Array.from(codes, (_, i) => (i < rows.length ? i : -1)), report: {} as JoinedTable['report'] });
  const defaults = { missingMarkers: MISSING, suppressedMarkers: SUPPRESSED };

  it('gives a scaled share and a sum the decimals their cells state, and leaves e-notation unrounded', () => {
    const t = joined(['code', 'a', 'b'], [['E01000001', '0.398', '0.1'], ['E01000002', '0.29', '0.2'], ['E01000003', ' 0.07 ', '0.3'], ['E01000004', '1.5e-1', '0.4'], ['E01000005', 'c', '0.5']]);
    const share = extractSeries(frame, t, { id: 's', table: 't', column: 'a', unit: 'percent', transform: 'proportion-to-percent' } as Indicator, defaults, []);
    expect([...share.values.slice(0, 4)]).toEqual([39.8, 29, 7, 0.15 * 100]);
    expect([...share.status]).toEqual([STATUS.value, STATUS.value, STATUS.value, STATUS.value, STATUS.suppressed, STATUS.noRow]);
    const sum = extractSeries(frame, t, { id: 'u', table: 't', columns: ['a', 'b'], unit: 'rate' } as Indicator, defaults, []);
    expect([...sum.values.slice(0, 3)]).toEqual([0.498, 0.49, 0.37]);
    expect(Number.isNaN(sum.values[4])).toBe(true);
  });

  it('reads numerators and denominator once each, keeps the counts, and names a cell that is not a number', () => {
    const problems: { code: string; value?: unknown }[] = [];
    const t = joined(['code', 'n1', 'n2', 'd'], [['E01000001', '3', '1', '10'], ['E01000002', '0', '0', '0'], ['E01000003', '12', '1', '10'], ['E01000004', 'ten', '1', '10'], ['E01000005', '1', '-', '10']]);
    const s = extractSeries(frame, t, { id: 'p', table: 't', numerator: ['n1', 'n2'], denominator: 'd', unit: 'percent' } as Indicator, defaults, problems as never);
    expect(s.values[0]).toBe(40);
    expect([...s.counts!.num.slice(0, 3)]).toEqual([4, 0, 13]);
    expect([...s.counts!.den.slice(0, 3)]).toEqual([10, 0, 10]);
    expect(problems.map((p) => [p.code, p.value])).toEqual([['OUT_OF_RANGE', '13 of 10'], ['NOT_A_NUMBER', 'ten']]);
    expect(Number.isNaN(s.values[3])).toBe(true);
  });
});
