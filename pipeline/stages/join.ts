import type { Problem } from '../errors.ts';
import type { CsvTable } from './load.ts';

/** What a join matched and what it did not, on each side, with a few samples of each. */
export interface JoinReport {
  left: string;
  right: string;
  leftRows: number;
  rightRows: number;
  matched: number;
  /** Left-side keys with no partner on the right. */
  leftUnmatched: { count: number; samples: string[] };
  /** Right-side keys with no partner on the left. */
  rightUnmatched: { count: number; samples: string[] };
}

const SAMPLE = 5;

/** Column index by name, or a problem naming the columns that are there. */
export function columnIndex(table: CsvTable, column: string, problems: Problem[], usedBy: string): number {
  const i = table.header.indexOf(column);
  // No header at all: the file could not be read, and that problem is already reported.
  if (i < 0 && table.header.length > 0) {
    problems.push({
      code: 'MISSING_COLUMN',
      file: table.file,
      row: 1,
      column,
      message: `${usedBy} needs column "${column}", which the header does not have (it has: ${table.header.slice(0, 8).join(', ')}${table.header.length > 8 ? ', …' : ''})`,
      fix: `Rename the column in the file, or point ${usedBy} at the right column name.`,
    });
  }
  return i;
}

/**
 * The problem with one row's code, or null when it has the expected form: spaces around it,
 * a code of another geography level, or not a code at all. Codes are never trimmed silently.
 */
export function codeProblem(file: string, row: number, column: string, raw: string, pattern: RegExp, usedBy: string): Problem | null {
  if (pattern.test(raw)) return null;
  const code = raw.trim();
  if (code !== raw && pattern.test(code)) return { code: 'BAD_CODE', file, row, column, value: raw, message: `"${code}" has spaces around it; codes are matched exactly, never trimmed silently`, fix: 'Remove the spaces around the code (in a spreadsheet: =TRIM()).' };
  const level = geographyOf(code);
  if (level) return { code: 'GEOGRAPHY_MISMATCH', file, row, column, value: code, message: `"${code}" is ${level} code, not of the expected form ${pattern.source}`, fix: `Use a file of the geography ${usedBy} expects, or declare the file's own geography in tables.json (an Output Area table with "finer").` };
  return { code: 'BAD_CODE', file, row, column, value: code, message: `"${code}" is not a code of the expected form ${pattern.source}`, fix: 'Use the ONS area code (for LSOAs, E01 followed by six digits), without spaces or names.' };
}

/** A code seen again: the problem names both rows. */
export function duplicateProblem(file: string, row: number, firstRow: number, column: string, code: string): Problem {
  return { code: 'DUPLICATE_CODE', file, row, column, value: code, message: `code ${code} appears again (first on row ${firstRow})`, fix: 'Keep one row per area; remove or merge the duplicate.' };
}

/**
 * Checks a table's code column row by row, in order: each code must have the expected pattern
 * and appear once; every offending row is reported. `claim` records a well-formed code's row
 * and gives the row it was first seen on, or -1 when it is new.
 */
export function checkCodes(table: CsvTable, column: string, pattern: RegExp, problems: Problem[], usedBy: string, claim: (code: string, row: number) => number): void {
  const c = columnIndex(table, column, problems, usedBy);
  if (c < 0) return;
  table.rows.forEach((row, r) => {
    const code = row[c] ?? '';
    const bad = codeProblem(table.file, table.lines[r], column, code, pattern, usedBy);
    if (bad) { problems.push(bad); return; }
    const first = claim(code, r);
    if (first >= 0) problems.push(duplicateProblem(table.file, table.lines[r], table.lines[first], column, code));
  });
}

/** Indexes a table by its code column (codes are strings, never numbers), checked by {@link checkCodes}. */
export function indexByCode(table: CsvTable, column: string, pattern: RegExp, problems: Problem[], usedBy: string): Map<string, number> {
  const index = new Map<string, number>();
  checkCodes(table, column, pattern, problems, usedBy, (code, r) => {
    const first = index.get(code);
    if (first !== undefined) return first;
    index.set(code, r);
    return -1;
  });
  return index;
}

/** GSS code prefixes of other geographies, to name what a wrong-level file holds. */
const LEVELS: [RegExp, string][] = [
  [/^[EW]00\d{6}$/, 'an output area'], [/^[EW]01\d{6}$/, 'an LSOA'], [/^[EW]02\d{6}$/, 'an MSOA'], [/^[EW]05\d{6}$/, 'an electoral ward'],
  [/^E0[6-9]\d{6}$|^W06\d{6}$/, 'a local authority'], [/^E10\d{6}$/, 'a county'], [/^E12\d{6}$/, 'a region'], [/^(E92|W92)\d{6}$/, 'a country'],
  [/^S01\d{6}$/, 'a Scottish data zone'], [/^95[A-Z]{2}\d{2}[A-Z]\d$|^N00\d{6}$/, 'a Northern Irish small area'],
];

/** The geography a well-formed GSS code of another level belongs to, as "an MSOA", or null. */
export function geographyOf(code: string): string | null {
  return LEVELS.find(([re]) => re.test(code))?.[1] ?? null;
}

/** Reports how two key sets match, with samples of what did not, sorted for stable output. */
export function joinReport(left: string, leftKeys: Iterable<string>, right: string, rightKeys: ReadonlySet<string> | ReadonlyMap<string, unknown>): JoinReport {
  const leftSet = new Set(leftKeys);
  let matched = 0;
  const leftOnly: string[] = [];
  for (const k of leftSet) {
    if (rightKeys.has(k)) matched++;
    else leftOnly.push(k);
  }
  const rightOnly: string[] = [];
  for (const k of rightKeys.keys()) if (!leftSet.has(k)) rightOnly.push(k);
  leftOnly.sort();
  rightOnly.sort();
  return {
    left,
    right,
    leftRows: leftSet.size,
    rightRows: rightKeys.size,
    matched,
    leftUnmatched: { count: leftOnly.length, samples: leftOnly.slice(0, SAMPLE) },
    rightUnmatched: { count: rightOnly.length, samples: rightOnly.slice(0, SAMPLE) },
  };
}
