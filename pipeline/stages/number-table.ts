import { isAscii } from 'node:buffer';
import { isPlainNumber, splitQuotedLine } from '../../src/lib/csv-read.ts';
import { MAX_COLUMNS, MAX_ROWS, type CsvTable } from './load.ts';

/**
 * A table of small areas read straight from its bytes: the code column as text, every other
 * column it keeps as numbers. Most of the time of reading a large table as CSV goes into making
 * a string of every cell; this makes one per row (the code).
 */
export interface NumberColumns {
  /** By header column: each row's number, or null for the code column (kept as text in `rows`). */
  values: (Float64Array | null)[];
  /** By header column: the digits after the decimal point of each row's cell, as written. */
  decimals: (Uint8Array | null)[];
  /** A cell as written in the file (for problems that name it). */
  text: (row: number, column: number) => string;
}

/** A table as the CSV reader gives it, or from {@link numberTable} with its numbers read and `rows` holding the code alone. */
export type NumberTable = CsvTable & { numbers?: NumberColumns };

/**
 * The header of a file that can be read from its bytes without a CSV parser, or null: ASCII with
 * no carriage returns or NUL bytes, no quotes below the header (a name holding a comma may be
 * quoted, as RFC 4180 has it), and a first line of at least two distinct, non-blank names
 * (trimmed, as the CSV reader trims them). What the rows hold is for the reader to check.
 */
export function plainHeader(buf: Uint8Array): string[] | null {
  if (buf.length === 0 || !isAscii(buf) || buf.indexOf(13) >= 0 || buf.indexOf(0) >= 0) return null;
  const nl = buf.indexOf(10);
  if (nl <= 0 || buf.indexOf(34, nl + 1) >= 0) return null;
  const line = Buffer.from(buf.buffer, buf.byteOffset, nl).toString('latin1');
  const names = line.includes('"') ? splitQuotedLine(line) : line.split(',');
  if (!names) return null;
  const header = names.map((h) => h.trim());
  if (header.length < 2 || header.length > MAX_COLUMNS || header.some((h) => h === '') || new Set(header).size !== header.length) return null;
  return header;
}

/** Most digits a cell may have to be read here: below 2^53, so digits over a power of ten give what `Number` gives. */
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, i) => 10 ** i);

/**
 * The number written in bytes [start, end) when it is plain: an optional minus sign, 1 to 15
 * digits and at most one decimal point (`whole`: digits alone), as `Number` reads it; else NaN.
 * The digits after its point go to `places[at]` when `places` is given. The one rule of both
 * bytes paths (the number tables here and the Output Area sums).
 */
export function plainNumberAt(buf: Uint8Array, start: number, end: number, whole: boolean, places?: Uint8Array, at = 0): number {
  let c = start, negative = false;
  if (!whole && c < end && buf[c] === 45) { negative = true; c++; }
  let mant = 0, digits = 0, dec = -1;
  for (; c < end; c++) {
    const ch = buf[c];
    if (ch === 46 && dec < 0 && !whole) { dec = 0; continue; }
    const d = ch - 48;
    if (d < 0 || d > 9) return NaN;
    mant = mant * 10 + d;
    digits++;
    if (dec >= 0) dec++;
  }
  if (digits === 0 || digits > MAX_DIGITS) return NaN;
  const p = dec < 0 ? 0 : dec;
  if (places) places[at] = p;
  const v = p === 0 ? mant : mant / POW10[p];
  return negative ? -v : v;
}

/**
 * Reads a table of small areas from its bytes when every part the atlas keeps of it is plain, or
 * gives null for the CSV reader to read it (and name whatever is wrong). Plain: as
 * {@link plainHeader} has it, with a header holding `code`;
 * every row as wide as the header, no blank lines; and in every kept column but the code,
 * numbers of at most 15 digits with an optional minus sign and decimal point (no spaces,
 * exponents or markers). `markers` are the table's missing and suppressed markers: a marker that
 * is itself such a number sends the file to the CSV reader, where markers are told apart.
 * Gives the same figures, row lines and codes as the CSV reader would.
 */
export function numberTable(file: string, bytes: Uint8Array, keep: ReadonlySet<string>, code: string, markers: readonly string[]): NumberTable | null {
  const buf = bytes;
  const len = buf.length;
  if (markers.some((m) => m !== '' && isPlainNumber(m))) return null;
  const fullHeader = plainHeader(buf);
  if (!fullHeader) return null;
  const nl = buf.indexOf(10);
  const width = fullHeader.length;
  const codeAt = fullHeader.indexOf(code);
  if (codeAt < 0) return null;
  const numberAt = fullHeader.map((h, i) => (i !== codeAt && keep.has(h) ? i : -1)).filter((i) => i >= 0);
  // Row count first, so each column is one array of the right length.
  let rowCount = 0;
  for (let at = buf.indexOf(10, nl + 1), from = nl + 1; from < len; at = buf.indexOf(10, from)) {
    const end = at < 0 ? len : at;
    if (end === from) return null; // a blank line (one final newline ends the loop before it)
    rowCount++;
    if (rowCount > MAX_ROWS) return null;
    from = end + 1;
  }
  if (rowCount === 0) return null;
  /** What each field is: -2 the code, k >= 0 the k-th number column, -1 not kept. */
  const slot = new Int32Array(width).fill(-1);
  numberAt.forEach((at, k) => (slot[at] = k));
  slot[codeAt] = -2;
  const values = numberAt.map(() => new Float64Array(rowCount));
  const decimals = numberAt.map(() => new Uint8Array(rowCount));
  const rows: string[][] = new Array(rowCount);
  const lines: number[] = new Array(rowCount);
  const starts = new Int32Array(rowCount);
  const raw = Buffer.from(buf.buffer, buf.byteOffset, len);
  let pos = nl + 1;
  for (let r = 0; r < rowCount; r++) {
    starts[r] = pos;
    let field = 0, start = pos, i = pos;
    for (; ; i++) {
      const b = i < len ? buf[i] : 10;
      if (b !== 44 && b !== 10) continue;
      const what = field < width ? slot[field] : -1;
      if (what === -2) rows[r] = [raw.toString('latin1', start, i)];
      else if (what >= 0) {
        const v = plainNumberAt(buf, start, i, false, decimals[what], r);
        if (v !== v) return null;
        values[what][r] = v;
      }
      field++;
      start = i + 1;
      if (b === 10) break;
    }
    if (field !== width) return null;
    lines[r] = r + 2;
    pos = i + 1;
  }
  const header = [code, ...numberAt.map((i) => fullHeader[i])];
  /** The cell of a row and (header) column as written: the line split again. */
  const text = (row: number, column: number): string => {
    const at = column === 0 ? codeAt : numberAt[column - 1];
    let from = starts[row];
    for (let f = 0; f < at; f++) from = raw.indexOf(44, from) + 1;
    let to = raw.indexOf(44, from);
    const eol = raw.indexOf(10, from);
    if (to < 0 || (eol >= 0 && eol < to)) to = eol < 0 ? len : eol;
    return raw.toString('latin1', from, to);
  };
  return { file, header, rows, lines, numbers: { values: [null, ...values], decimals: [null, ...decimals], text } };
}
