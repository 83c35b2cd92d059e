import type { Problem } from '../errors.ts';
import type { FinerGeography, TableConfig, Tables } from '../schema.ts';
import type { AreaFrame } from './areas.ts';
import { columnIndex, indexByCode } from './join.ts';
import { CELL, cellStatus, type CsvTable } from './load.ts';

/**
 * Tables published for a finer geography that nests exactly in LSOAs (Census 2021 Output
 * Areas) are summed to LSOAs through a lookup declared in geographies.json, then joined like any
 * LSOA table. Every finer row is accounted for, and every LSOA is checked to have finer areas.
 */

/** A finer-to-LSOA lookup as read: the parent frame index of each finer area. */
export interface FinerLookup {
  id: string;
  config: FinerGeography;
  /** Finer area code to the frame index of its LSOA. */
  parentOf: Map<string, number>;
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

/** Reads and checks a lookup: each finer area once, each parent an LSOA of the frame, each LSOA with at least one finer area. */
export function readFinerLookup(id: string, cfg: FinerGeography, csv: CsvTable, frame: AreaFrame, problems: Problem[]): FinerLookup {
  const parentOf = new Map<string, number>();
  const children = new Uint16Array(frame.codes.length);
  const pattern = new RegExp(cfg.pattern);
  const c = columnIndex(csv, cfg.code, problems, `the ${cfg.level} lookup "${id}"`);
  const p = columnIndex(csv, cfg.parent, problems, `the ${cfg.level} lookup "${id}"`);
  const report: FinerLookupReport = { id, file: csv.file, level: cfg.level, rows: csv.rows.length, parents: 0, parentsWithoutChildren: { count: 0, samples: [] } };
  if (c < 0 || p < 0) return { id, config: cfg, parentOf, children, report };
  const firstRow = new Map<string, number>();
  csv.rows.forEach((row, r) => {
    const code = row[c] ?? '';
    const parent = row[p] ?? '';
    const line = csv.lines[r];
    if (!pattern.test(code)) {
      problems.push({ code: 'BAD_CODE', file: csv.file, row: line, column: cfg.code, value: code, message: `"${code}" is not a code of the form ${cfg.pattern} (${cfg.level})`, fix: `Use the ONS ${cfg.level} code exactly, without spaces.` });
      return;
    }
    const first = firstRow.get(code);
    if (first !== undefined) {
      problems.push({ code: 'LOOKUP_DUPLICATE', file: csv.file, row: line, column: cfg.code, value: code, message: `${cfg.level} ${code} is mapped a second time (first on row ${first})${parentOf.get(code) !== frame.index.get(parent) ? `, to a different LSOA (${parent})` : ''}; an exact-fit lookup maps each ${cfg.level} to one LSOA`, fix: 'Keep one row per area: use the ONS exact-fit (not best-fit) lookup, unchanged.' });
      return;
    }
    firstRow.set(code, line);
    const i = frame.index.get(parent);
    if (i === undefined) {
      problems.push({ code: 'UNKNOWN_CODE', file: csv.file, row: line, column: cfg.parent, value: parent, message: `${cfg.level} ${code} is mapped to ${parent}, which is not an LSOA of ${frame.vintage}`, fix: `Use a lookup to LSOA ${frame.vintage} codes (the ONS exact-fit lookup of the same Census).` });
      return;
    }
    parentOf.set(code, i);
    children[i]++;
  });
  const without: string[] = [];
  children.forEach((n, i) => { if (n === 0) without.push(frame.codes[i]); else report.parents++; });
  report.parentsWithoutChildren = { count: without.length, samples: without.slice(0, 5) };
  for (const code of without.slice(0, 20)) {
    problems.push({ code: 'NO_FINER_AREAS', file: csv.file, column: cfg.parent, value: code, message: `LSOA ${code} has no ${cfg.level} in the lookup${without.length > 20 ? ` (${without.length} LSOAs have none; the first 20 are listed)` : ''}, so no table can be summed to it`, fix: `Use the complete ONS lookup for the nation (every LSOA is made of whole ${cfg.level}s).` });
  }
  return { id, config: cfg, parentOf, children, report };
}

/**
 * Sums a finer table's count columns to LSOAs: a table with one row per LSOA (code column as
 * declared, then `columns`), ready for the LSOA join. Counts must be whole numbers; a missing
 * or suppressed cell makes its LSOA's sum missing or suppressed, never a short total.
 */
export function sumToParent(
  table: TableConfig, csv: CsvTable, lookup: FinerLookup, frame: AreaFrame, columns: readonly string[], defaults: Tables['defaults'], problems: Problem[],
): { csv: CsvTable; report: FinerTableReport } {
  const cfg = lookup.config;
  const missing = table.missingMarkers ?? defaults.missingMarkers;
  const suppressed = table.suppressedMarkers ?? defaults.suppressedMarkers;
  const report: FinerTableReport = { level: cfg.level, lookup: lookup.id, rowsRead: csv.rows.length, summed: 0, rowsInScope: 0, rowsOutsideScope: 0, lsoas: 0, lsoasIncomplete: { count: 0, samples: [] } };
  const out: CsvTable = { file: csv.file, header: [table.code, ...columns], rows: [], lines: [] };
  const index = indexByCode(csv, table.code, new RegExp(cfg.pattern), problems, `table "${table.id}" (${cfg.level}s)`);
  const idx = columns.map((c) => columnIndex(csv, c, problems, `table "${table.id}"`));
  if (index.size === 0 || idx.some((i) => i < 0)) return { csv: out, report };
  const n = frame.codes.length;
  const sums = new Float64Array(n * columns.length);
  const worst = new Uint8Array(n * columns.length);
  const seen = new Uint16Array(n);
  const firstLine = new Int32Array(n).fill(-1);
  const inScope = new Uint8Array(n);
  for (const i of frame.scope) inScope[i] = 1;
  for (const [code, r] of index) {
    const parent = lookup.parentOf.get(code);
    const line = csv.lines[r];
    if (parent === undefined) {
      problems.push({ code: 'UNKNOWN_CODE', file: csv.file, row: line, column: table.code, value: code, message: `${cfg.level} ${code} is not in the lookup "${lookup.id}" (${lookup.report.file}), so it cannot be summed to an LSOA`, fix: `Check the code; use a table and lookup of the same ${cfg.level} edition.` });
      continue;
    }
    const row = csv.rows[r];
    let ok = true;
    for (let k = 0; k < idx.length; k++) {
      const raw = row[idx[k]] ?? '';
      const st = cellStatus(raw, missing, suppressed);
      if (st === CELL.value) {
        const v = Number(raw.trim());
        if (!Number.isInteger(v) || v < 0) {
          problems.push({ code: 'NOT_WHOLE_NUMBER', file: csv.file, row: line, column: columns[k], value: raw, message: `a count of ${cfg.level}s must be a whole number of 0 or more to be summed to LSOAs`, fix: 'Use the published counts, not percentages or rates; sum only count columns.' });
          ok = false;
          continue;
        }
        sums[parent * columns.length + k] += v;
      } else if (st === CELL.invalid) {
        problems.push({ code: 'NOT_A_NUMBER', file: csv.file, row: line, column: columns[k], value: raw, message: `table "${table.id}" needs a count here`, fix: `Write a plain whole number, leave the cell empty for missing, or use a suppression marker (${suppressed.join(' ')}).` });
        ok = false;
      } else if (st > worst[parent * columns.length + k]) worst[parent * columns.length + k] = st;
    }
    // A row with a bad cell still counts as present (the problem names it); it is not summed.
    if (seen[parent]++ === 0) firstLine[parent] = line;
    if (!ok) continue;
    report.summed++;
    if (inScope[parent]) report.rowsInScope++; else report.rowsOutsideScope++;
  }
  const incomplete: string[] = [];
  for (let i = 0; i < n; i++) {
    if (seen[i] === 0) continue;
    if (seen[i] !== lookup.children[i]) incomplete.push(frame.codes[i]);
    const cells = columns.map((_, k) => {
      const w = worst[i * columns.length + k];
      return w === CELL.suppressed ? suppressed[0] : w === CELL.missing ? missing[0] : String(sums[i * columns.length + k]);
    });
    out.rows.push([frame.codes[i], ...cells]);
    out.lines.push(firstLine[i]);
  }
  report.lsoas = out.rows.length;
  report.lsoasIncomplete = { count: incomplete.length, samples: incomplete.slice(0, 5) };
  for (const code of incomplete.slice(0, 20)) {
    const i = frame.index.get(code)!;
    problems.push({ code: 'FINER_AREAS_MISSING', file: csv.file, column: table.code, value: code, message: `the table has ${seen[i]} of the ${lookup.children[i]} ${cfg.level}s of LSOA ${code}, so its sum would be short${incomplete.length > 20 ? ` (${incomplete.length} LSOAs are incomplete; the first 20 are listed)` : ''}`, fix: `Use the complete ${cfg.level} table for the nation, or declare the table at LSOA level if it was published so.` });
  }
  if (problems.length === 0 && report.rowsRead !== report.summed) throw new Error(`row accounting for ${csv.file} does not add up: ${JSON.stringify(report)}`);
  return { csv: out, report };
}
