import type { Problem } from '../errors.ts';
import type { Indicator, TableConfig, Tables } from '../schema.ts';
import type { AreaFrame } from './areas.ts';
import { LSOA_CODE } from './areas.ts';
import { checkCodes, columnIndex } from './join.ts';
import { CELL, cellStatus, cellValue, type CsvTable } from './load.ts';
import type { FinerTableReport } from './finer.ts';
import type { NumberTable } from './number-table.ts';
import type { CoarserTableReport } from './coarser.ts';

import { round, STATUS } from '../../src/lib/aggregate.ts';

export { STATUS };

/** One indicator over every England LSOA of its vintage, in frame order. NaN where status is not value. */
export interface Series {
  indicator: Indicator;
  values: Float64Array;
  status: Uint8Array;
  /** For percentages built from counts: numerator and denominator per area (NaN where absent), for pooled aggregates. */
  counts?: { num: Float64Array; den: Float64Array };
}

/** Accounts for every row of one input table. */
export interface TableReport {
  table: string;
  file: string;
  vintage: number;
  rowsRead: number;
  matched: number;
  published: number;
  excluded: { outsideScope: number; otherNation: number };
  /** Areas of the frame the table has no row for. */
  areasWithoutRow: { count: number; inScope: number; samples: string[] };
  /** For a table of a finer geography: how its rows were summed to the LSOAs counted above. */
  finer?: FinerTableReport;
  /** For a table of wards: how its wards were given to the LSOAs counted above. */
  coarser?: CoarserTableReport;
}

/** A joined table: for each frame area, its row in the table or -1. */
export interface JoinedTable {
  config: TableConfig;
  csv: NumberTable;
  rowOf: Int32Array;
  report: TableReport;
}

/**
 * Joins a table onto the frame of its vintage and accounts for every row. A code of the
 * nation that no boundary of the table's vintage has is an error: `VINTAGE_MIXED` when it is
 * an area of the other vintage (`other`), `UNKNOWN_CODE` when it is an area of neither.
 */
export function joinTable(frame: AreaFrame, config: TableConfig, csv: NumberTable, englandPrefix: string, problems: Problem[], other?: AreaFrame): JoinedTable {
  // Each row's code checked as indexByCode checks it, and matched to the frame at once; only
  // codes the frame lacks are kept by name.
  const rowOf = new Int32Array(frame.codes.length).fill(-1);
  const elsewhere = new Map<string, number>();
  // Tables in code order, as most are published, are matched by position, without hashing each code.
  let next = 0;
  checkCodes(csv, config.code, LSOA_CODE, problems, `table "${config.id}"`, (code, r) => {
    const i = frame.codes[next] === code ? next : frame.index.get(code);
    if (i !== undefined) next = i + 1;
    const first = i !== undefined ? rowOf[i] : elsewhere.get(code) ?? -1;
    if (first < 0) { if (i !== undefined) rowOf[i] = r; else elsewhere.set(code, r); }
    return first;
  });
  const inScope = new Uint8Array(frame.codes.length);
  for (const i of frame.scope) inScope[i] = 1;
  let matched = 0, published = 0, otherNation = 0;
  rowOf.forEach((r, i) => { if (r >= 0) { matched++; if (inScope[i]) published++; } });
  const unknown: [string, number][] = [];
  for (const [code, r] of elsewhere) {
    if (!code.startsWith(englandPrefix)) otherNation++;
    else unknown.push([code, r]);
  }
  /** Distinct well-formed codes in the file. */
  const codes = matched + elsewhere.size;
  const ofOther = unknown.filter(([code]) => other?.index.has(code));
  for (const [code, r] of unknown) {
    const mixed = other?.index.has(code);
    problems.push(mixed
      ? { code: 'VINTAGE_MIXED', file: csv.file, row: csv.lines[r], column: config.code, value: code, message: `${code} is an LSOA of ${other!.vintage}, not of ${frame.vintage} as table "${config.id}" declares (${ofOther.length} of the file's ${codes} codes are ${other!.vintage}-only, e.g. ${ofOther.slice(0, 3).map(([c]) => c).join(', ')})`, fix: `Use a file on LSOA ${frame.vintage} codes throughout, or declare the table's vintage as ${other!.vintage} in tables.json if the whole file is on ${other!.vintage} codes.` }
      : { code: 'UNKNOWN_CODE', file: csv.file, row: csv.lines[r], column: config.code, value: code, message: `no LSOA of ${frame.vintage} in the boundary file has code ${code} (a terminated or mistyped code?)`, fix: `Check the code against the ONS LSOA ${frame.vintage} lookup; remove the row if the area does not exist.` });
  }
  const without: string[] = [];
  let withoutInScope = 0;
  rowOf.forEach((r, i) => {
    if (r < 0) {
      without.push(frame.codes[i]);
      if (inScope[i]) withoutInScope++;
    }
  });
  // Rows that failed validation (bad, duplicate or unknown codes) are reported as problems and fail the build.
  const invalidRows = csv.rows.length - codes + unknown.length;
  const report: TableReport = {
    table: config.id,
    file: csv.file,
    vintage: config.vintage,
    rowsRead: csv.rows.length,
    matched,
    published,
    excluded: { outsideScope: matched - published, otherNation },
    areasWithoutRow: { count: without.length, inScope: withoutInScope, samples: without.slice(0, 5) },
  };
  if (invalidRows === 0 && report.rowsRead !== report.published + report.excluded.outsideScope + report.excluded.otherNation) {
    throw new Error(`row accounting for ${csv.file} does not add up: ${JSON.stringify(report)}`);
  }
  return { config, csv, rowOf, report };
}

/** The columns an indicator reads from its table, in order (numerators before the denominator). */
export function indicatorColumns(i: Indicator): string[] {
  return i.column !== undefined ? [i.column] : i.columns ?? [...i.numerator!, i.denominator!];
}

/** The decimals of a sum of cells, scaled by a power of ten (`scaleDecimals` its exponent): the most any cell states, less the scale's; NaN for a cell in e-notation (the sum is then left as it is, as is one of more than 9 decimals). */
function statedDecimals(row: string[], idx: number[], scaleDecimals: number): number {
  let most = 0;
  for (const i of idx) {
    // The digits after the point, read from the end (white space around a cell is not part of it).
    const c = row[i];
    let end = c.length;
    while (end > 0 && c.charCodeAt(end - 1) <= 32) end--;
    for (let j = end - 1; j >= 0; j--) {
      const ch = c.charCodeAt(j);
      if (ch === 101 || ch === 69) return NaN;
      if (ch === 46) { if (end - 1 - j > most) most = end - 1 - j; break; }
    }
  }
  return Math.max(0, most - scaleDecimals);
}

/** {@link statedDecimals} for a table read as numbers: the most digits after the point of any cell of row `r`. */
function writtenDecimals(places: Uint8Array[], r: number, scaleDecimals: number): number {
  let most = 0;
  for (let k = 0; k < places.length; k++) if (places[k][r] > most) most = places[k][r];
  return Math.max(0, most - scaleDecimals);
}

/** Reads one indicator's cells from its joined table; invalid cells become problems. */
export function extractSeries(frame: AreaFrame, joined: JoinedTable, indicator: Indicator, defaults: Tables['defaults'], problems: Problem[]): Series {
  const missing = joined.config.missingMarkers ?? defaults.missingMarkers;
  const suppressed = joined.config.suppressedMarkers ?? defaults.suppressedMarkers;
  const user = `indicator "${indicator.id}"`;
  const cols = indicatorColumns(indicator);
  const idx = cols.map((c) => columnIndex(joined.csv, c, problems, user));
  const n = frame.codes.length;
  const values = new Float64Array(n).fill(NaN);
  const status = new Uint8Array(n).fill(STATUS.noRow);
  const counts = indicator.numerator !== undefined ? { num: new Float64Array(n).fill(NaN), den: new Float64Array(n).fill(NaN) } : undefined;
  if (idx.some((i) => i < 0)) return { indicator, values, status, counts };
  const scale = indicator.transform === 'proportion-to-percent' ? 100 : 1;
  const exact = scale !== 1 || idx.length > 1;
  const scaleDecimals = Math.round(Math.log10(scale));
  const range = indicator.unit === 'decile' ? [1, 10] : indicator.unit === 'rank' ? [1, frame.codes.length] : indicator.unit === 'percent' ? [0, 100] : null;
  /** Each cell's number (NaN when it is not a value). */
  const num = new Float64Array(idx.length);
  // A table read as numbers (see numberTable): NaN where a cell is not a value, its text then read for why.
  const numbers = joined.csv.numbers;
  const columns = numbers ? idx.map((i) => numbers.values[i]!) : [];
  const places = numbers ? idx.map((i) => numbers.decimals[i]!) : [];
  /** The indicator's first cell of a row, as written. */
  const written = (r: number) => (numbers ? numbers.text(r, idx[0]) : joined.csv.rows[r][idx[0]]);
  for (let a = 0; a < n; a++) {
    const r = joined.rowOf[a];
    if (r < 0) continue;
    const row = joined.csv.rows[r];
    let worst = CELL.value as number;
    for (let k = 0; k < idx.length; k++) {
      const raw = numbers ? '' : row[idx[k]] ?? '';
      num[k] = numbers ? columns[k][r] : cellValue(raw, missing, suppressed);
      if (num[k] === num[k]) continue;
      // Not a value: a marker, or (read as text) a cell that is not a number.
      const cell = numbers ? numbers.text(r, idx[k]) : raw;
      const st = cellStatus(cell, missing, suppressed);
      if (st === CELL.invalid) {
        problems.push({ code: 'NOT_A_NUMBER', file: joined.csv.file, row: joined.csv.lines[r], column: cols[k], value: cell, message: `${user} needs a number here`, fix: `Write a plain number (no commas or units), leave the cell empty for missing, or use a suppression marker (${suppressed.join(' ')}).` });
      }
      // invalid (3) outranks suppressed (2), which outranks missing (1).
      if (st > worst) worst = st;
    }
    if (worst === CELL.invalid) continue;
    if (worst === CELL.suppressed) { status[a] = STATUS.suppressed; continue; }
    if (worst === CELL.missing) { status[a] = STATUS.missing; continue; }
    if (indicator.numerator === undefined) {
      let v = 0;
      for (let k = 0; k < idx.length; k++) v += num[k];
      // A sum or a scaled proportion is given to the decimals its cells state (0.398 is 39.8%, not 39.800000000000004).
      const d = !exact ? NaN : numbers ? writtenDecimals(places, r, scaleDecimals) : statedDecimals(row, idx, scaleDecimals);
      v = d <= 9 ? round(v * scale, d) : v * scale;
      if (range && (v < range[0] || v > range[1] || (indicator.unit !== 'percent' && !Number.isInteger(v)))) {
        problems.push({ code: 'OUT_OF_RANGE', file: joined.csv.file, row: joined.csv.lines[r], column: cols[0], value: written(r), message: `${user} is a ${indicator.unit}: it must be ${indicator.unit === 'percent' ? 'between' : 'a whole number from'} ${range[0]} ${indicator.unit === 'percent' ? 'and' : 'to'} ${range[1]}`, fix: 'Check the column against the publisher\'s file; a shifted column or a different edition is the usual cause.' });
        continue;
      }
      values[a] = v;
    } else {
      let part = 0;
      for (let k = 0; k < idx.length - 1; k++) part += num[k];
      const den = num[idx.length - 1];
      counts!.num[a] = part;
      counts!.den[a] = den;
      if (den <= 0) { status[a] = STATUS.missing; continue; }
      if (part < 0 || part > den) {
        problems.push({ code: 'OUT_OF_RANGE', file: joined.csv.file, row: joined.csv.lines[r], column: cols.join(' / '), value: `${part} of ${den}`, message: `${user}: the counts give a share outside 0 to 100%`, fix: 'Check that the numerator columns are parts of the denominator column.' });
        continue;
      }
      values[a] = (part / den) * 100;
    }
    status[a] = STATUS.value;
  }
  return { indicator, values, status, counts };
}
