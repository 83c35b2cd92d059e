/**
 * Small-area tables read straight from their bytes as numbers (numberTable), on the SYNTHETIC
 * world: a plain file gives exactly what the CSV reader's rows give, and a file with anything
 * else in it (quotes, CR, a BOM, blank or ragged rows, markers, spaces, exponents, a title or a
 * note) is left whole to the CSV reader, which names what is wrong: the same series, reports and
 * problems either way.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors.ts';
import type { Config, Indicator, TableConfig } from '../schema.ts';
import { loadFrames } from '../stages/frames.ts';
import { parseCsv } from '../stages/load.ts';
import { numberTable } from '../stages/number-table.ts';
import { rawReader, takeTableFiles } from '../stages/reader.ts';
import { readTables } from '../stages/tables.ts';
import { validateConfig } from '../stages/validate.ts';
import { extractSeries, type JoinedTable } from '../stages/values.ts';
import type { AreaFrame } from '../stages/areas.ts';
import { rawFiles, world } from './fixture.ts';

/** The tables of a world with `overrides`, read with the bytes paths offered or not; which files took them. */
function tables(overrides: Record<string, string>, offer: boolean) {
  const w = world(overrides);
  const cfg = validateConfig(w.inputs.config).config as Config;
  const problems: Problem[] = [];
  const { frames } = loadFrames(cfg, rawReader(cfg, w.inputs.files, problems), 'region');
  const read = rawReader(cfg, takeTableFiles(cfg, w.inputs.files), problems);
  const taken = new Map<string, boolean>();
  const result = readTables(cfg, frames, (file, onRow, fromBytes) => read.csv(file, onRow, offer && fromBytes ? (b, keep) => { const t = fromBytes(b, keep); taken.set(file, t !== null); return t; } : undefined), problems);
  const series = Object.fromEntries([...result.series].map(([id, s]) => [id, { values: [...s.values], status: [...s.status], counts: s.counts && { num: [...s.counts.num], den: [...s.counts.den] } }]));
  return { taken, out: JSON.parse(JSON.stringify({ series, population: result.population, reports: result.reports, problems })) };
}

const CENSUS = 'synthetic/census21.csv';
const IOD = 'synthetic/iod21.csv';
const CLEAN = rawFiles()[CENSUS];
const [HEADER, ...ROWS] = CLEAN.trimEnd().split('\n');
const body = (rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
/** Row i with its second cell (households) replaced. */
const cell = (i: number, v: string) => body(ROWS.map((r, k) => (k === i ? r.replace(/^([^,]*),[^,]*,/, `$1,${v},`) : r)));

const CASES: [name: string, text: string, fast: boolean][] = [
  ['plain', CLEAN, true],
  ['no newline at the end', CLEAN.trimEnd(), true],
  ['a column no indicator reads', `${HEADER},Other\n${ROWS.map((r) => `${r},x`).join('\n')}\n`, true],
  ['a decimal count', cell(1, '100.5'), true],
  ['a count ending in a point', cell(1, '100.'), true],
  ['a count starting with a point', cell(1, '.5'), true],
  ['leading zeros', cell(1, '0100'), true],
  ['a negative count', cell(1, '-100'), true],
  ['minus zero', cell(1, '-0'), true],
  ['15 digits', cell(1, '123456789.012345'), true],
  ['16 digits', cell(1, '1234567890.123456'), false],
  ['rows out of order', body([ROWS[2], ROWS[0], ROWS[1], ...ROWS.slice(3)]), true],
  ['an unknown area', body([...ROWS, 'E01900099,10,1,5']), true],
  ['a repeated area', body([...ROWS, ROWS[1]]), true],
  ['a missing area', body(ROWS.slice(1)), true],
  ['a code with spaces', body(ROWS.map((r, i) => (i === 1 ? ` ${r}` : r))), true],
  ['a malformed code', body(ROWS.map((r, i) => (i === 1 ? r.replace('E01900002', 'E0190002') : r))), true],
  ['a kept column missing', CLEAN.replace('Private rented', 'Renting'), true],
  ['a quoted header name holding a comma', `${HEADER},"Other, as published"\n${ROWS.map((r) => `${r},7`).join('\n')}\n`, true],
  ['a header name quoted and not closed', `${HEADER},"Other\n${ROWS.map((r) => `${r},7`).join('\n')}\n`, false],
  ['a quoted cell in a column not read', `${HEADER},Other\n${ROWS.map((r, i) => `${r},${i === 2 ? '"a, b"' : 'x'}`).join('\n')}\n`, false],
  ['CRLF line ends', CLEAN.replace(/\n/g, '\r\n'), false],
  ['a BOM', `\uFEFF${CLEAN}`, false],
  ['a quoted count', cell(1, '"100"'), false],
  ['an empty count (missing)', cell(1, ''), false],
  ['a suppressed count', cell(1, 'c'), false],
  ['a count with spaces', cell(1, ' 100'), false],
  ['a count in e-notation', cell(1, '1e2'), false],
  ['a count with a plus sign', cell(1, '+100'), false],
  ['a count with a comma for thousands', cell(1, '1,000'), false],
  ['a count that is text', cell(1, 'many'), false],
  ['a blank line inside', body([...ROWS.slice(0, 3), '', ...ROWS.slice(3)]), false],
  ['blank lines at the end', `${CLEAN}\n\n`, false],
  ['a ragged row', body(ROWS.map((r, i) => (i === 4 ? `${r},9` : r))), false],
  ['a title row', `Census 2021 tenure,,,\n${CLEAN}`, false],
  ['a note at the end', `${CLEAN}Source: ONS Census 2021,,,\n`, false],
  ['the code column missing', CLEAN.replace('LSOA21CD', 'LSOA'), false],
  ['a repeated column name', CLEAN.replace('total_residents', 'total_households'), false],
  ['a header only', `${HEADER}\n`, false],
  ['non-ASCII text', body(ROWS.map((r, i) => (i === 1 ? `${r.replace(/,[^,]*$/, ',30\u00a00')}` : r))), false],
];

describe('small-area tables read as numbers from their bytes', () => {
  it.for(CASES)('%s: the same series, reports and problems as from the CSV reader\'s rows', ([, text, fast]) => {
    const quick = tables({ [CENSUS]: text }, true);
    const rows = tables({ [CENSUS]: text }, false);
    expect(quick.taken.get(CENSUS)).toBe(fast);
    expect(rows.taken.size).toBe(0);
    expect(quick.out).toEqual(rows.out);
  });

  it('the decile and score table: an out-of-range decile is named with the cell as written, either way', () => {
    const text = rawFiles()[IOD].replace('E01900003,20.0,4', 'E01900003,20.0,11.0');
    const quick = tables({ [IOD]: text }, true);
    const rows = tables({ [IOD]: text }, false);
    expect(quick.taken.get(IOD)).toBe(true);
    expect(quick.out).toEqual(rows.out);
    expect(quick.out.problems.map((p: Problem) => [p.code, p.row, p.value])).toEqual([['OUT_OF_RANGE', 4, '11.0']]);
  });

  it('the plain file and its irregular forms do differ in what they give, so the comparison above can fail', () => {
    const plain = tables({}, true);
    expect([...plain.taken].filter(([, t]) => t).map(([f]) => f).sort()).toEqual([CENSUS, IOD, 'synthetic/iod11.csv', 'synthetic/pop11.csv', 'synthetic/oa21_cars.csv'].sort());
    expect(plain.out.problems).toEqual([]);
    expect(tables({ [CENSUS]: body([...ROWS, 'E01900099,10,1,5']) }, true).out.problems.map((p: Problem) => p.code)).toEqual(['UNKNOWN_CODE']);
    expect(tables({ [CENSUS]: cell(1, '-100') }, true).out).not.toEqual(plain.out);
    expect(tables({ [CENSUS]: cell(1, '100.5') }, true).out).not.toEqual(plain.out);
  });

  it('leaves a table to the CSV reader when one of its markers reads as a number', () => {
    const bytes = new Uint8Array(Buffer.from(CLEAN));
    const keep = new Set(['LSOA21CD', 'total_households']);
    expect(numberTable('raw/x.csv', bytes, keep, 'LSOA21CD', ['', 'c'])).not.toBeNull();
    expect(numberTable('raw/x.csv', bytes, keep, 'LSOA21CD', ['', '-1'])).toBeNull();
  });

  it('gives a sum and a scaled share the decimals their cells state, as the CSV reader\'s rows do', () => {
    const text = 'code,a,b\nE01000001,0.398,0.1\nE01000002,0.29,0.25\nE01000003,0.07,0.3\n';
    const codes = ['E01000001', 'E01000002', 'E01000003'];
    const frame = { vintage: 2021, codes, index: new Map(codes.map((c, i) => [c, i])), scope: [0, 1, 2] } as unknown as AreaFrame;
    const config = { id: 't', file: 'x.csv', code: 'code', vintage: 2021 } as TableConfig;
    const keep = new Set(['code', 'a', 'b']);
    const fromBytes = numberTable('raw/x.csv', new Uint8Array(Buffer.from(text)), keep, 'code', [])!;
    const fromText = parseCsv('raw/x.csv', text, keep).table;
    const defaults = { missingMarkers: [''], suppressedMarkers: [] };
    for (const ind of [{ id: 's', table: 't', column: 'a', unit: 'percent', transform: 'proportion-to-percent' }, { id: 'u', table: 't', columns: ['a', 'b'], unit: 'rate' }] as Indicator[]) {
      const [x, y] = [fromBytes, fromText].map((csv) => [...extractSeries(frame, { config, csv, rowOf: Int32Array.from([0, 1, 2]), report: {} } as unknown as JoinedTable, ind, defaults, []).values]);
      expect(x, ind.id).toEqual(y);
    }
    expect([...extractSeries(frame, { config, csv: fromBytes, rowOf: Int32Array.from([0, 1, 2]), report: {} } as unknown as JoinedTable, { id: 's', table: 't', column: 'a', unit: 'percent', transform: 'proportion-to-percent' } as Indicator, defaults, []).values]).toEqual([39.8, 29, 7]);
  });
});
