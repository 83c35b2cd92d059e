import type { Problem } from '../errors.ts';
import type { FinerGeography, TableConfig, Tables } from '../schema.ts';
import type { AreaFrame } from './areas.ts';
import { codeProblem, columnIndex, duplicateProblem } from './join.ts';
import { CELL, cellStatus, MAX_ROWS, type CsvTable } from './load.ts';
import { plainHeader, plainNumberAt, type NumberTable } from './number-table.ts';

/**
 * Tables published for a finer geography that nests exactly in LSOAs (Census 2021 Output
 * Areas) are summed to LSOAs through a lookup declared in geographies.json, then joined like any
 * LSOA table. Every finer row is accounted for, and every LSOA is checked to have finer areas.
 */

/** A finer-to-LSOA lookup as read: the parent frame index of each finer area. */
export interface FinerLookup {
  id: string;
  config: FinerGeography;
  /** Finer area code to its ordinal in the lookup. */
  ordinal: Map<string, number>;
  /** Frame index of the LSOA of each finer area, by ordinal. */
  parent: Int32Array;
  /** Finer area codes by ordinal (a table in the lookup's order is matched by position, without hashing). */
  codes: string[];
  /** How many finer areas each frame LSOA has. */
  children: Uint16Array;
  report: FinerLookupReport;
}

export interface FinerLookupReport {
  id: string;
  file: string;
  level: string;
  rows: number;
  parents: number;
  /** Frame LSOAs with no finer area in the lookup (an error when any). */
  parentsWithoutChildren: { count: number; samples: string[] };
}

/** What a finer table's rows became: every row read is summed into an LSOA, in scope or not. */
export interface FinerTableReport {
  level: string;
  lookup: string;
  rowsRead: number;
  summed: number;
  rowsInScope: number;
  rowsOutsideScope: number;
  lsoas: number;
  /** LSOAs whose finer areas the table lacks in part (their sums would be short; an error when any). */
  lsoasIncomplete: { count: number; samples: string[] };
}

/**
 * Reads and checks a lookup as its rows stream past: each finer area once, each parent an LSOA
 * of the frame, each LSOA with at least one finer area. `finish` takes the parsed header.
 */
export function finerLookupReader(id: string, cfg: FinerGeography, frame: AreaFrame, problems: Problem[]) {
  const ordinal = new Map<string, number>();
  const parents: number[] = [];
  const codes: string[] = [];
  const firstLine: number[] = [];
  const children = new Uint16Array(frame.codes.length);
  const pattern = new RegExp(cfg.pattern);
  const usedBy = `the ${cfg.level} lookup "${id}"`;
  const file = `raw/${cfg.file}`;
  let rows = 0;
  let c = -2, p = -2;
  const row = (cells: string[], line: number, header: readonly string[]) => {
    rows++;
    if (c === -2) { c = header.indexOf(cfg.code); p = header.indexOf(cfg.parent); }
    if (c < 0 || p < 0) return;
    const code = cells[c] ?? '';
    const lsoa = cells[p] ?? '';
    const bad = codeProblem(file, line, cfg.code, code, pattern, usedBy);
    if (bad) { problems.push(bad); return; }
    const seen = ordinal.get(code);
    if (seen !== undefined) {
      problems.push({ code: 'LOOKUP_DUPLICATE', file, row: line, column: cfg.code, value: code, message: `${cfg.level} ${code} is mapped a second time (first on row ${firstLine[seen]})${parents[seen] !== (frame.index.get(lsoa) ?? -1) ? `, to a different LSOA (${lsoa})` : ''}; an exact-fit lookup maps each ${cfg.level} to one LSOA`, fix: 'Keep one row per area: use the ONS exact-fit (not best-fit) lookup, unchanged.' });
      return;
    }
    ordinal.set(code, codes.length);
    codes.push(code);
    firstLine.push(line);
    const i = frame.index.get(lsoa);
    if (i === undefined) {
      parents.push(-1);
      problems.push({ code: 'UNKNOWN_CODE', file, row: line, column: cfg.parent, value: lsoa, message: `${cfg.level} ${code} is mapped to ${lsoa}, which is not an LSOA of ${frame.vintage}`, fix: `Use a lookup to LSOA ${frame.vintage} codes (the ONS exact-fit lookup of the same Census).` });
      return;
    }
    parents.push(i);
    children[i]++;
  };
  const finish = (parsed: CsvTable): FinerLookup => {
    // Missing columns are reported once, from the header the parser read.
    columnIndex(parsed, cfg.code, problems, usedBy);
    columnIndex(parsed, cfg.parent, problems, usedBy);
    const report: FinerLookupReport = { id, file, level: cfg.level, rows, parents: 0, parentsWithoutChildren: { count: 0, samples: [] } };
    const without: string[] = [];
    if (codes.length > 0) children.forEach((n, i) => { if (n === 0) without.push(frame.codes[i]); else report.parents++; });
    report.parentsWithoutChildren = { count: without.length, samples: without.slice(0, 5) };
    for (const code of without.slice(0, 20)) {
      problems.push({ code: 'NO_FINER_AREAS', file, column: cfg.parent, value: code, message: `LSOA ${code} has no ${cfg.level} in the lookup${without.length > 20 ? ` (${without.length} LSOAs have none; the first 20 are listed)` : ''}, so no table can be summed to it`, fix: `Use the complete ONS lookup for the nation (every LSOA is made of whole ${cfg.level}s).` });
    }
    return { id, config: cfg, ordinal, parent: Int32Array.from(parents), codes, children, report };
  };
  return { row, finish };
}

/** A plain whole number of 0 or more (the usual count cell), read without a regular expression; -1 for anything else. */
function wholeNumber(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Sums a finer table's count columns to LSOAs as its rows stream past (the table is never held
 * whole): `row` takes each parsed row, `finish` gives a table with one row per LSOA (code column
 * as declared, then `columns`), ready for the LSOA join. Counts must be whole numbers; a missing
 * or suppressed cell makes its LSOA's sum missing or suppressed, never a short total.
 */
export function finerSummer(table: TableConfig, lookup: FinerLookup, frame: AreaFrame, columns: readonly string[], defaults: Tables['defaults'], problems: Problem[]) {
  const cfg = lookup.config;
  const missing = table.missingMarkers ?? defaults.missingMarkers;
  const suppressed = table.suppressedMarkers ?? defaults.suppressedMarkers;
  const usedBy = `table "${table.id}" (${cfg.level}s)`;
  const pattern = new RegExp(cfg.pattern);
  const report: FinerTableReport = { level: cfg.level, lookup: lookup.id, rowsRead: 0, summed: 0, rowsInScope: 0, rowsOutsideScope: 0, lsoas: 0, lsoasIncomplete: { count: 0, samples: [] } };
  const n = frame.codes.length;
  const w = columns.length;
  const sums = new Float64Array(n * w);
  const worst = new Uint8Array(n * w);
  const seen = new Uint16Array(n);
  const firstLine = new Int32Array(n).fill(-1);
  const lineOfArea = new Int32Array(lookup.parent.length).fill(-1);
  const inScope = new Uint8Array(n);
  for (const i of frame.scope) inScope[i] = 1;
  const file = `raw/${table.file}`;
  let idx: number[] = [];
  let c = -1;
  /** Column positions, resolved once from the header (a missing column is reported once); whether all are there. */
  let ready: boolean | null = null;
  const resolve = (header: readonly string[]) => {
    if (ready !== null) return ready;
    const t = { file, header: header as string[], rows: [], lines: [] };
    c = columnIndex(t, table.code, problems, usedBy);
    idx = columns.map((col) => columnIndex(t, col, problems, `table "${table.id}"`));
    return (ready = c >= 0 && idx.every((i) => i >= 0));
  };
  const row = (cells: string[], line: number, header: readonly string[]) => {
    report.rowsRead++;
    if (!resolve(header)) return;
    const code = cells[c] ?? '';
    const bad = codeProblem(file, line, table.code, code, pattern, usedBy);
    if (bad) { problems.push(bad); return; }
    const guess = report.rowsRead - 1;
    const k = lookup.codes[guess] === code ? guess : lookup.ordinal.get(code);
    if (k === undefined || lookup.parent[k] < 0) {
      problems.push({ code: 'UNKNOWN_CODE', file, row: line, column: table.code, value: code, message: `${cfg.level} ${code} is not in the lookup "${lookup.id}" (${lookup.report.file}), so it cannot be summed to an LSOA`, fix: `Check the code; use a table and lookup of the same ${cfg.level} edition.` });
      return;
    }
    if (lineOfArea[k] >= 0) { problems.push(duplicateProblem(file, line, lineOfArea[k], table.code, code)); return; }
    lineOfArea[k] = line;
    const at = lookup.parent[k];
    let ok = true;
    for (let j = 0; j < w; j++) {
      const raw = cells[idx[j]] ?? '';
      let v = wholeNumber(raw);
      if (v < 0) {
        const st = cellStatus(raw, missing, suppressed);
        if (st === CELL.value) {
          v = Number(raw.trim());
          if (!Number.isInteger(v) || v < 0) {
            problems.push({ code: 'NOT_WHOLE_NUMBER', file, row: line, column: columns[j], value: raw, message: `a count of ${cfg.level}s must be a whole number of 0 or more to be summed to LSOAs`, fix: 'Use the published counts, not percentages or rates; sum only count columns.' });
            ok = false;
          }
        } else if (st === CELL.invalid) {
          problems.push({ code: 'NOT_A_NUMBER', file, row: line, column: columns[j], value: raw, message: `table "${table.id}" needs a count here`, fix: `Write a plain whole number, leave the cell empty for missing, or use a suppression marker (${suppressed.join(' ')}).` });
          ok = false;
        } else if (st > worst[at * w + j]) worst[at * w + j] = st;
        if (v < 0 || !ok) continue;
      }
      sums[at * w + j] += v;
    }
    // A row with a bad cell still counts as present (the problem names it); it is not summed.
    if (seen[at]++ === 0) firstLine[at] = line;
    if (!ok) return;
    report.summed++;
    if (inScope[at]) report.rowsInScope++; else report.rowsOutsideScope++;
  };
  /**
   * Sums the whole file straight from its bytes, as `row` would from parsed rows, when every row
   * is plain (see plainHeader: ASCII, no carriage returns, no quotes below the header), a header
   * of distinct names holding the table's columns, each row as wide as the header with its area in the lookup's order and
   * whole-number counts, and no blank lines. Most of the time of a large table is in making
   * strings of its text and cells; this makes none. Gives the header as the CSV reader would keep
   * it (`keep`), or null, having summed nothing, for any other file: the CSV reader then reads it
   * and names what is wrong.
   */
  const fromBytes = (bytes: Uint8Array, keep: ReadonlySet<string>): CsvTable | null => {
    const buf = bytes;
    const len = buf.length;
    const fullHeader = plainHeader(buf);
    if (!fullHeader) return null;
    const nl = buf.indexOf(10);
    const width = fullHeader.length;
    const codeAt = fullHeader.indexOf(table.code);
    const colAt = columns.map((col) => fullHeader.indexOf(col));
    if (codeAt < 0 || colAt.some((i) => i < 0)) return null;
    /** What each field of a row is: -2 the code, 0 to w - 1 a count column, -1 not read. */
    const slot = new Int32Array(width).fill(-1);
    colAt.forEach((at, j) => (slot[at] = j));
    slot[codeAt] = -2;
    const counts = new Float64Array(w);
    let pos = nl + 1;
    let line = 2;
    let ok = true;
    rows: while (pos < len) {
      if (line - 1 > MAX_ROWS) { ok = false; break; }
      let field = 0, k = -1, start = pos, i = pos;
      for (; ; i++) {
        const b = i < len ? buf[i] : 10;
        if (b !== 44 && b !== 10) continue;
        const what = field < width ? slot[field] : -1;
        if (what === -2) {
          // The lookup's area at this row's place, compared byte for byte; any other order goes the general way.
          const expected = lookup.codes[report.rowsRead];
          if (expected === undefined || expected.length !== i - start) { ok = false; break rows; }
          for (let c = 0; c < expected.length; c++) if (expected.charCodeAt(c) !== buf[start + c]) { ok = false; break rows; }
          k = report.rowsRead;
        } else if (what >= 0) {
          const v = plainNumberAt(buf, start, i, true);
          if (v !== v) { ok = false; break rows; }
          counts[what] = v;
        }
        field++;
        start = i + 1;
        if (b === 10) break;
      }
      if (field !== width || k < 0 || lookup.parent[k] < 0 || lineOfArea[k] >= 0) { ok = false; break; }
      report.rowsRead++;
      lineOfArea[k] = line;
      const at = lookup.parent[k];
      for (let j = 0; j < w; j++) sums[at * w + j] += counts[j];
      if (seen[at]++ === 0) firstLine[at] = line;
      report.summed++;
      if (inScope[at]) report.rowsInScope++; else report.rowsOutsideScope++;
      pos = i + 1;
      line++;
      // One newline may end the file; a blank line anywhere is left to the CSV reader to name.
      if (pos < len && buf[pos] === 10) { ok = false; break; }
    }
    if (!ok || report.rowsRead === 0) {
      sums.fill(0); seen.fill(0); firstLine.fill(-1); lineOfArea.fill(-1);
      report.rowsRead = report.summed = report.rowsInScope = report.rowsOutsideScope = 0;
      return null;
    }
    return { file, header: fullHeader.filter((h) => keep.has(h)), rows: [], lines: [] };
  };
  /**
   * The LSOA table, from the sums, once every row has been seen (`parsed` is the header the
   * parser read): its numbers in arrays (a missing or suppressed sum NaN, written as the table's
   * first marker of its kind), the code alone in each row.
   */
  const finish = (parsed: CsvTable): { csv: NumberTable; report: FinerTableReport } => {
    const out: NumberTable = { file: parsed.file, header: [table.code, ...columns], rows: [], lines: [] };
    if (parsed.header.length === 0 || !resolve(parsed.header)) return { csv: out, report };
    const incomplete: string[] = [];
    /** The frame index of each row. */
    const areaOf: number[] = [];
    for (let i = 0; i < n; i++) {
      if (seen[i] === 0) continue;
      if (seen[i] !== lookup.children[i]) incomplete.push(frame.codes[i]);
      areaOf.push(i);
      out.rows.push([frame.codes[i]]);
      out.lines.push(firstLine[i]);
    }
    const values = columns.map((_, k) => {
      const column = new Float64Array(areaOf.length);
      for (let r = 0; r < areaOf.length; r++) { const at = areaOf[r] * w + k; column[r] = worst[at] === CELL.value ? sums[at] : NaN; }
      return column;
    });
    const text = (r: number, c: number): string => {
      const i = areaOf[r];
      if (c === 0) return frame.codes[i];
      const st = worst[i * w + c - 1];
      return st === CELL.suppressed ? suppressed[0] : st === CELL.missing ? missing[0] : String(sums[i * w + c - 1]);
    };
    // Sums of whole numbers: no decimals.
    out.numbers = { values: [null, ...values], decimals: [null, ...columns.map(() => new Uint8Array(areaOf.length))], text };
    report.lsoas = out.rows.length;
    report.lsoasIncomplete = { count: incomplete.length, samples: incomplete.slice(0, 5) };
    for (const code of incomplete.slice(0, 20)) {
      const i = frame.index.get(code)!;
      problems.push({ code: 'FINER_AREAS_MISSING', file: out.file, column: table.code, value: code, message: `the table has ${seen[i]} of the ${lookup.children[i]} ${cfg.level}s of LSOA ${code}, so its sum would be short${incomplete.length > 20 ? ` (${incomplete.length} LSOAs are incomplete; the first 20 are listed)` : ''}`, fix: `Use the complete ${cfg.level} table for the nation, or declare the table at LSOA level if it was published so.` });
    }
    if (problems.length === 0 && report.rowsRead !== report.summed) throw new Error(`row accounting for ${out.file} does not add up: ${JSON.stringify(report)}`);
    return { csv: out, report };
  };
  return { row, fromBytes, finish };
}
