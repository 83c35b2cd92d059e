import type { Problem } from '../errors.ts';
import type { TableConfig, Tables } from '../schema.ts';
import type { AreaFrame } from './areas.ts';
import { codeProblem, columnIndex, duplicateProblem } from './join.ts';
import { CELL, cellStatus, type CsvTable } from './load.ts';

/**
 * Tables published for a coarser geography (electoral wards) give each small area its ward's
 * figure: the ward is the one the vintage's LSOA lookup names (wards of May 2024 for 2021 LSOAs,
 * of December 2019 for 2011 LSOAs), so the join is exact as far as the lookup is (a small area in
 * two wards is given the ward the ONS lookup puts it in). The figure is the ward's, not the small
 * area's; every page says so. A table of contests (several rows a ward, one per election) is first
 * reduced to one row a ward (see `reduceContests`).
 */

export type Coarser = NonNullable<TableConfig['coarser']>;

/** One ward's row, as the pages list it (the columns the table declares under `show`, and the ward's small areas). */
export interface WardRow { code: string; cells: Record<string, string> }

export interface CoarserTableReport {
  level: 'ward';
  rowsRead: number;
  /** Rows of county electoral divisions and other non-ward geographies: not joined, counted. */
  notWards: { count: number; samples: string[] };
  /** Contest rows with no ward code at all (the row's line numbers): excluded and counted (tables of contests only; elsewhere an error). */
  withoutCode: { count: number; rows: number[] };
  /** Contests reduced to wards (tables of contests only). */
  contests?: number;
  wards: number;
  /** Wards of the table with at least one small area of the vintage in the lookup. */
  wardsMatched: number;
  wardsMatchedInScope: number;
  /** Wards the lookup does not know: excluded (with the table's reason) or an error. */
  wardsNotInLookup: { count: number; reason: string; samples: string[] };
  /** Wards with a row but no contested poll (their figure is missing: see the table's `noPoll`). */
  wardsWithoutPoll: { count: number; inScope: number; samples: string[] };
  lsoas: number;
  lsoasInScope: number;
}

const WARD = /^E05\d{6}$/;

/** Reduces contests (one row per ward and election) to one row per ward: the latest election, and every election's seats pooled (with the share of them filled unopposed, a percentage). */
function reduceContests(t: TableConfig, c: Coarser, csv: CsvTable, problems: Problem[]): { header: string[]; rows: string[][]; lines: number[]; contests: number } {
  const k = c.contests!;
  const cols = [t.code, k.name, k.date, k.seats, k.candidates, k.uncontested].map((col) => columnIndex(csv, col, problems, `table "${t.id}" (contests)`));
  const header = [t.code, k.name, 'latest_year', 'latest_seats', 'latest_candidates', 'latest_candidates_per_seat', 'seats_all', 'seats_uncontested_all', 'seats_uncontested_share_all', 'contests', 'years'];
  if (cols.some((i) => i < 0)) return { header, rows: [], lines: [], contests: 0 };
  const [ci, ni, di, si, ki, ui] = cols;
  const by = new Map<string, { line: number; name: string; latest: string; seats: number; candidates: number; all: number; unc: number; n: number; years: Set<string> }>();
  let contests = 0;
  csv.rows.forEach((row, r) => {
    const line = csv.lines[r];
    const code = row[ci] ?? '';
    if (!WARD.test(code)) return; // counted as not a ward by the caller
    const seats = Number(row[si]), candidates = Number(row[ki]);
    const u = (row[ui] ?? '').trim();
    if (!(seats > 0) || !Number.isInteger(seats) || !(candidates >= 0) || !Number.isInteger(candidates)) {
      problems.push({ code: 'NOT_A_NUMBER', file: csv.file, row: line, column: `${k.seats} / ${k.candidates}`, value: `${row[si]} / ${row[ki]}`, message: `table "${t.id}": a contest needs a whole number of seats (1 or more) and of candidates`, fix: 'Check the row against the publisher\'s results; a seat count of 0 is not a contest.' });
      return;
    }
    if (!['True', 'False', '1', '0'].includes(u)) {
      problems.push({ code: 'BAD_VALUE', file: csv.file, row: line, column: k.uncontested, value: u, message: `table "${t.id}": uncontested is True or False (1 or 0)`, fix: 'Write True where every candidate was elected without a vote, False otherwise.' });
      return;
    }
    contests++;
    const date = row[di] ?? '';
    const w = by.get(code) ?? { line, name: row[ni] ?? '', latest: '', seats: 0, candidates: 0, all: 0, unc: 0, n: 0, years: new Set<string>() };
    if (date > w.latest) Object.assign(w, { latest: date, seats, candidates, name: row[ni] ?? w.name, line });
    w.all += seats;
    if (u === 'True' || u === '1') w.unc += seats;
    w.n++;
    w.years.add(date.slice(0, 4));
    by.set(code, w);
  });
  const rows: string[][] = [], lines: number[] = [];
  for (const [code, w] of [...by].sort(([a], [b]) => (a < b ? -1 : 1))) {
    rows.push([code, w.name, w.latest.slice(0, 4), String(w.seats), String(w.candidates), String(Math.round((w.candidates / w.seats) * 100) / 100), String(w.all), String(w.unc), String(Math.round((w.unc / w.all) * 1e6) / 1e4), String(w.n), [...w.years].sort().join(';')]);
    lines.push(w.line);
  }
  return { header, rows, lines, contests };
}

/**
 * Gives each small area of the frame its ward's row: the result is an LSOA table (code column
 * as the table declares, then the ward table's columns), ready for the LSOA join; `wards` keeps
 * each ward's row for the pages. Percent columns are checked once per ward (0 to 100).
 */
export function coarserTable(t: TableConfig, frame: AreaFrame, input: CsvTable, defaults: Tables['defaults'], problems: Problem[]): { csv: CsvTable; report: CoarserTableReport; wards: Map<string, WardRow> } {
  const c = t.coarser!;
  const missing = t.missingMarkers ?? defaults.missingMarkers;
  const suppressed = t.suppressedMarkers ?? defaults.suppressedMarkers;
  const usedBy = `table "${t.id}" (wards)`;
  const reduced = c.contests ? reduceContests(t, c, input, problems) : { header: input.header, rows: input.rows, lines: input.lines, contests: undefined };
  const table: CsvTable = { file: input.file, header: reduced.header, rows: reduced.rows, lines: reduced.lines };
  const report: CoarserTableReport = {
    level: 'ward', rowsRead: input.rows.length, notWards: { count: 0, samples: [] }, withoutCode: { count: 0, rows: [] }, contests: reduced.contests, wards: 0, wardsMatched: 0, wardsMatchedInScope: 0,
    wardsNotInLookup: { count: 0, reason: c.notInLookup.reason, samples: [] }, wardsWithoutPoll: { count: 0, inScope: 0, samples: [] }, lsoas: 0, lsoasInScope: 0,
  };
  const out: CsvTable = { file: input.file, header: [t.code, ...table.header.filter((h) => h !== t.code)], rows: [], lines: [] };
  const wards = new Map<string, WardRow>();
  const ci = columnIndex(input, t.code, problems, usedBy);
  if (ci < 0 || input.header.length === 0) return { csv: out, report, wards };
  // Rows that are not wards (county electoral divisions) are counted, never joined.
  input.rows.forEach((row, r) => {
    const code = row[ci] ?? '';
    if (!WARD.test(code) && /^E\d{8}$/.test(code)) { if (report.notWards.count++ < 5) report.notWards.samples.push(code); }
    else if (code.trim() === '' && c.contests) { if (report.withoutCode.count++ < 20) report.withoutCode.rows.push(input.lines[r]); }
  });
  // Small areas of each ward.
  const members = new Map<string, number[]>();
  frame.ward.forEach((w, i) => { const m = members.get(w); if (m) m.push(i); else members.set(w, [i]); });
  const inScope = new Uint8Array(frame.codes.length);
  for (const i of frame.scope) inScope[i] = 1;
  const tc = columnIndex(table, t.code, problems, usedBy);
  const pct = c.percent.map((col) => [col, columnIndex(table, col, problems, usedBy)] as const);
  const poll = c.noPoll ? columnIndex(table, c.noPoll.column, problems, usedBy) : -1;
  const show = c.show.map((col) => [col, columnIndex(table, col, problems, usedBy)] as const);
  const seen = new Map<string, number>();
  const rest = table.header.map((h, i) => [h, i] as const).filter(([h]) => h !== t.code);
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const code = row[tc] ?? '';
    if (!WARD.test(code)) {
      if (/^E\d{8}$/.test(code)) return; // a county division: counted above
      const bad = codeProblem(table.file, line, t.code, code, WARD, usedBy);
      if (bad) problems.push(bad);
      return;
    }
    const first = seen.get(code);
    if (first !== undefined) { problems.push(duplicateProblem(table.file, line, first, t.code, code)); return; }
    seen.set(code, line);
    report.wards++;
    const cells = [...row];
    for (const [col, i] of pct) {
      if (i < 0) continue;
      const raw = cells[i] ?? '';
      if (cellStatus(raw, missing, suppressed) !== CELL.value) continue;
      const v = Number(raw);
      if (v < 0 || v > 100) {
        problems.push({ code: 'OUT_OF_RANGE', file: table.file, row: line, column: col, value: raw, message: `ward ${code}: a turnout or share must be between 0 and 100`, fix: 'Check the row against the publisher\'s results (turnout is ballots over electorate, as a percentage); a shifted column is the usual cause.' });
        cells[i] = missing[0];
      }
    }
    const areas = members.get(code);
    if (!areas) {
      if (report.wardsNotInLookup.count++ < 5) report.wardsNotInLookup.samples.push(code);
      if (c.notInLookup.policy === 'error') problems.push({ code: 'UNKNOWN_CODE', file: table.file, row: line, column: t.code, value: code, message: `ward ${code} is not in the LSOA ${frame.vintage} to ward lookup, so no small area can be given its figure`, fix: `Use a table on the lookup's wards (${frame.vintage === 2021 ? 'May 2024' : 'December 2019'}), or correct the code.` });
      return;
    }
    report.wardsMatched++;
    const anyInScope = areas.some((i) => inScope[i]);
    if (anyInScope) report.wardsMatchedInScope++;
    if (poll >= 0 && cellStatus(cells[poll] ?? '', missing, suppressed) === CELL.missing) {
      if (report.wardsWithoutPoll.count++ < 5) report.wardsWithoutPoll.samples.push(code);
      if (anyInScope) report.wardsWithoutPoll.inScope++;
    }
    wards.set(code, { code, cells: Object.fromEntries(show.filter(([, i]) => i >= 0).map(([col, i]) => [col, cells[i] ?? ''])) });
    for (const i of areas) {
      out.rows.push([frame.codes[i], ...rest.map(([, k]) => cells[k] ?? '')]);
      out.lines.push(line);
      report.lsoas++;
      if (inScope[i]) report.lsoasInScope++;
    }
  });
  return { csv: out, report, wards };
}
