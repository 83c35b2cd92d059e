import Papa from 'papaparse';
import type { Problem } from './problem.ts';

/*
 * Reading CSV text, shared by the pipeline and the browser (no Node APIs): a BOM, CRLF or LF
 * line ends, quoted cells; title rows above the header and notes below the data named; sizes
 * refused before any row is parsed.
 */

/** A CSV file as read: header and rows of raw string cells, codes untouched. */
export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows (only the kept columns, when `keep` was given). */
  rows: string[][];
  /** 1-based line number in the file of each data row (the header is line 1). */
  lines: number[];
}

/** Largest text a raw file may decode to (and largest file read at all); a bigger one fails at once rather than exhausting memory. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;
/** Most data rows and columns a CSV may have: far above any small-area table (England has 33,755 LSOAs; the postcode lookup 2.7 million rows). */
export const MAX_ROWS = 5_000_000;
export const MAX_COLUMNS = 1_000;
export const TOO_LARGE_FIX = 'Select the rows and columns the atlas needs before adding the file.';

/** Receives each data row (only the kept cells, in header order) instead of the table keeping it: a large table is then never held whole. */
export type RowSink = (cells: string[], line: number, header: readonly string[]) => void;

/**
 * Parses CSV text. Tolerates a BOM, CRLF or LF line ends, blank lines and quoted cells; keeps
 * every cell a string (so codes and leading zeros survive). With `keep`, only those columns
 * are kept, which saves most of the memory on wide files. Reports an empty file, blank or
 * repeated header names and ragged rows, all at once.
 */
export function parseCsv(file: string, text: string, keep?: ReadonlySet<string>, onRow?: RowSink): { table: CsvTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const none = { file, header: [], rows: [], lines: [] };
  const format = formatProblem(file, text);
  if (format) return { table: none, problems: [format] };
  let newlines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && newlines <= MAX_ROWS; at = text.indexOf('\n', at + 1)) newlines++;
  if (newlines > MAX_ROWS) return { table: none, problems: [{ code: 'TOO_LARGE', file, message: `the file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows`, fix: TOO_LARGE_FIX }] };
  const nl = text.indexOf('\n');
  const headerLine = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  const title = titleRow(headerLine, text);
  if (title) return { table: none, problems: [{ code: 'TITLE_ROW', file, row: 1, value: headerLine.slice(0, 60), message: `row 1 looks like a title, not a header; the header seems to be on row ${title}`, fix: `Delete the rows above the header (rows 1 to ${title - 1}) so the column names are on row 1.` }] };
  // Notes under the data ("Source: …") are named as such, not read as rows.
  const footer = footerStart(text);
  for (const f of footer.rows) problems.push({ code: 'FOOTER_ROW', file, row: f.row, value: f.text.slice(0, 60), message: 'a note or source line below the data, not a data row', fix: 'Delete the notes below the last data row (keep them in the source\'s documentation instead).' });
  const body = nl < 0 ? '' : text.slice(nl + 1, Math.max(nl + 1, footer.offset));
  if (headerLine.trim() === '') {
    problems.push({ code: 'EMPTY_FILE', file, row: 1, message: 'the file has no header row', fix: 'Check that the right file was saved; a CSV needs a header row and at least one data row.' });
    return { table: none, problems };
  }
  const fullHeader = (Papa.parse<string[]>(headerLine, { header: false, delimiter: ',' }).data[0] ?? []).map((h) => h.trim());
  if (fullHeader.length > MAX_COLUMNS) return { table: none, problems: [{ code: 'TOO_LARGE', file, row: 1, message: `the header has ${fullHeader.length.toLocaleString('en-GB')} columns; the limit is ${MAX_COLUMNS.toLocaleString('en-GB')}`, fix: TOO_LARGE_FIX }] };
  if (fullHeader.length === 1 && /[;\t|]/.test(headerLine)) {
    const d = headerLine.includes(';') ? 'semicolons' : headerLine.includes('\t') ? 'tabs' : 'pipes';
    problems.push({ code: 'WRONG_DELIMITER', file, row: 1, value: headerLine.slice(0, 60), message: `the header is separated by ${d}, not commas`, fix: 'Save the file as CSV with commas between cells (in a spreadsheet: "CSV UTF-8 (comma delimited)").' });
    return { table: none, problems };
  }
  const seen = new Map<string, number>();
  fullHeader.forEach((h, i) => {
    if (h === '') problems.push({ code: 'BLANK_HEADER', file, row: 1, column: `#${i + 1}`, message: `column ${i + 1} has no name`, fix: 'Give every column a name in the header row.' });
    else if (seen.has(h)) problems.push({ code: 'DUPLICATE_HEADER', file, row: 1, column: h, message: `column name "${h}" appears twice (columns ${seen.get(h)! + 1} and ${i + 1})`, fix: 'Rename or remove one of the two columns.' });
    else seen.set(h, i);
  });
  const cols = keep ? fullHeader.map((h, i) => (keep.has(h) ? i : -1)).filter((i) => i >= 0) : fullHeader.map((_, i) => i);
  const header = cols.map((i) => fullHeader[i]);
  const rows: string[][] = [];
  const lines: number[] = [];
  let count = 0;
  const emit = (cells: string[], line: number) => {
    count++;
    if (onRow) onRow(cells, line, header);
    else { rows.push(cells); lines.push(line); }
  };
  const width = fullHeader.length;
  const blank = (line: number) => problems.push({ code: 'BLANK_ROW', file, row: line, message: 'an empty row inside the data', fix: 'Delete the empty row.' });
  const take = (cells: string[], line: number) => {
    if (cells.every((c) => c.trim() === '')) { blank(line); return; }
    if (cells.length !== width) problems.push({ code: 'RAGGED_ROW', file, row: line, message: `row has ${cells.length} cells but the header has ${width}`, fix: 'Make every row have one cell per header column; quote cells that contain commas.' });
    emit(cols.map((i) => cells[i] ?? ''), line);
  };
  // Quotes that open and close on one line (e.g. "Bristol, City of") can be read line by line;
  // a quoted cell that spans lines needs the full parser.
  const quotesOnOneLine = quotesPairedOnEachLine(body);
  if (quotesOnOneLine) {
    // Scanning commas allocates only the kept cells; a line with quotes goes through papaparse alone.
    const want = new Int32Array(width).fill(-1);
    cols.forEach((c, k) => (want[c] = k));
    /** Each kept column's cell of the row before. */
    const last: string[] = new Array(cols.length).fill('');
    let lastContent = body.length;
    while (lastContent > 0 && (body.charCodeAt(lastContent - 1) === 10 || body.charCodeAt(lastContent - 1) === 13)) lastContent--;
    let start = 0;
    let line = 2;
    let nextQuote = body.indexOf('"');
    while (start < body.length) {
      let end = body.indexOf('\n', start);
      if (end < 0) end = body.length;
      const stop = end > start && body.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const c0 = body.charCodeAt(start);
      if (stop === start) { if (end < lastContent) blank(line); } // an empty line inside the data; trailing newlines are not rows
      else if ((c0 === 44 || c0 <= 32) && !/[^,\s]/.test(body.slice(start, stop))) blank(line);
      else {
        if (nextQuote >= 0 && nextQuote < start) nextQuote = body.indexOf('"', start);
        if (nextQuote >= 0 && nextQuote < stop) {
          const text = body.slice(start, stop);
          const quoted = splitQuotedLine(text);
          if (quoted) take(quoted, line);
          else {
            const parsed = Papa.parse<string[]>(text, { header: false, delimiter: ',' });
            for (const e of parsed.errors) problems.push({ code: 'CSV_SYNTAX', file, row: line, message: e.message, fix: 'Check quoting on this line: a quote that opens a cell must close it.' });
            take(parsed.data[0] ?? [''], line);
          }
        } else {
          const cells: string[] = new Array(cols.length).fill('');
          let field = 0;
          let from = start;
          for (;;) {
            let comma = body.indexOf(',', from);
            if (comma < 0 || comma > stop) comma = stop;
            if (field < width && want[field] >= 0) {
              // A cell as the row above had it (codes of a sorted lookup repeat) is that row's string, not a new one.
              const k = want[field], prev = last[k];
              let same = prev.length === comma - from;
              for (let j = 0; same && j < prev.length; j++) same = body.charCodeAt(from + j) === prev.charCodeAt(j);
              cells[k] = same ? prev : (last[k] = body.slice(from, comma));
            }
            field++;
            if (comma === stop) break;
            from = comma + 1;
          }
          if (field !== width) problems.push({ code: 'RAGGED_ROW', file, row: line, message: `row has ${field} cells but the header has ${width}`, fix: 'Make every row have one cell per header column; quote cells that contain commas.' });
          emit(cells, line);
        }
      }
      start = end + 1;
      line++;
    }
  } else {
    const parsed = Papa.parse<string[]>(body, { header: false, delimiter: ',', skipEmptyLines: false, newline: text.includes('\r\n') ? '\r\n' : '\n' });
    for (const e of parsed.errors) {
      if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue;
      problems.push({ code: 'CSV_SYNTAX', file, row: (e.row ?? 0) + 2, message: e.message, fix: 'Check quoting on this line: a quote that opens a cell must close it.' });
    }
    parsed.data.forEach((cells, k) => {
      if (k === parsed.data.length - 1 && cells.length === 1 && cells[0] === '') return; // the final newline
      take(cells, k + 2);
    });
  }
  if (count === 0) problems.push({ code: 'EMPTY_FILE', file, row: 2, message: 'the file has a header but no data rows', fix: 'Add the data rows, or check that the export did not stop after the header.' });
  return { table: { file, header, rows, lines }, problems };
}

/**
 * Whether a cell is a plain number: an optional sign, digits with at most one decimal point (at
 * least one digit), and an optional exponent; no thousands separators, units, hex or Infinity.
 * The same as /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, read without a regular expression
 * (it runs on every cell of every table).
 */
export function isPlainNumber(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) i++;
  let digits = 0;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) { i++; digits++; }
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) { i++; digits++; }
  }
  if (digits === 0) return false;
  if (i < n && ((c = s.charCodeAt(i)) === 101 || c === 69)) {
    i++;
    c = s.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    const from = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === from) return false;
  }
  return i === n;
}

/** Whether every line of the text has an even number of quotes (so each quoted cell closes on its own line), found without splitting the text. */
function quotesPairedOnEachLine(body: string): boolean {
  let q = body.indexOf('"');
  while (q >= 0) {
    let end = body.indexOf('\n', q);
    if (end < 0) end = body.length;
    let count = 0;
    for (; q >= 0 && q < end; q = body.indexOf('"', q + 1)) count++;
    if (count % 2 !== 0) return false;
  }
  return true;
}

/**
 * The cells of one line with quoted cells in the plain form RFC 4180 gives them: each quoted
 * cell opens at the cell's start and closes before a comma or the line's end, a quote inside it
 * doubled ("Bristol, City of" or "the ""best"" ward"). Null for any other use of quotes, which
 * the full parser reads and names.
 */
export function splitQuotedLine(line: string): string[] | null {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (line.charCodeAt(at) === 34) {
      let text = '';
      let from = at + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q < 0) return null;
        if (line.charCodeAt(q + 1) === 34) { text += line.slice(from, q + 1); from = q + 2; continue; }
        text += line.slice(from, q);
        at = q + 1;
        break;
      }
      cells.push(text);
      if (at === line.length) return cells;
      if (line.charCodeAt(at) !== 44) return null;
      at++;
    } else {
      let comma = line.indexOf(',', at);
      if (comma < 0) comma = line.length;
      const cell = line.slice(at, comma);
      if (cell.includes('"')) return null;
      cells.push(cell);
      if (comma === line.length) return cells;
      at = comma + 1;
    }
  }
}

/** The 1-based row of the real header when row 1 is a title ("Table 3: …") above it, else 0. */
function titleRow(headerLine: string, text: string): number {
  const cells = (line: string) => Papa.parse<string[]>(line, { header: false, delimiter: ',' }).data[0] ?? [];
  const first = cells(headerLine);
  const filled = first.filter((c) => c.trim() !== '').length;
  const lines = text.slice(0, 64 * 1024).split('\n').slice(1, 10).map((l) => l.replace(/\r$/, ''));
  for (let k = 0; k < lines.length; k++) {
    if (lines[k].trim() === '' || /^[,\s]*$/.test(lines[k])) continue;
    const next = cells(lines[k]);
    // A title fills one or two cells of a row that is narrower than, or as wide as but mostly
    // empty beside, the first real row under it.
    return next.length > 2 && filled <= 2 && filled * 2 < next.filter((c) => c.trim() !== '').length ? k + 2 : 0;
  }
  return 0;
}

/** Notes at the end of a file: the trailing rows whose only filled cell is prose ("Source: ONS"). */
function footerStart(text: string): { offset: number; rows: { row: number; text: string }[] } {
  let end = text.length;
  const found: { offset: number; text: string }[] = [];
  for (let k = 0; k < 20 && end > 0; k++) {
    let stop = end;
    while (stop > 0 && (text[stop - 1] === '\n' || text[stop - 1] === '\r')) stop--;
    const start = text.lastIndexOf('\n', stop - 1) + 1;
    if (start === 0) break; // never the header
    const line = text.slice(start, stop);
    const cells = Papa.parse<string[]>(line, { header: false, delimiter: ',' }).data[0] ?? [];
    const note = cells.length > 0 && /[\s:]/.test(cells[0].trim()) && /[A-Za-z]{3}/.test(cells[0]) && cells.slice(1).every((c) => c.trim() === '');
    if (!note) break;
    found.push({ offset: start, text: cells[0].trim() });
    end = start;
  }
  if (found.length === 0) return { offset: text.length, rows: [] };
  const offset = found[found.length - 1].offset;
  const rows = found.reverse().map((f) => ({ row: text.slice(0, f.offset).split('\n').length, text: f.text }));
  return { offset, rows };
}

/**
 * Whether some text is plainly not a UTF-8 CSV: bytes that are not UTF-8 (decoded as U+FFFD),
 * a spreadsheet or zip file (NUL bytes), or a web page.
 */
function formatProblem(file: string, text: string): Problem | null {
  const head = text.slice(0, 4096);
  if (head.includes('\u0000')) return { code: 'NOT_A_CSV', file, message: 'the file holds binary data (a spreadsheet, zip or other non-text file)', fix: 'Export the sheet as CSV (UTF-8): File, Save as, "CSV UTF-8 (comma delimited)".' };
  if (/^\s*<(!doctype|html|\?xml)/i.test(head)) return { code: 'NOT_A_CSV', file, message: 'the file is a web page or XML, not CSV (a download may have failed)', fix: 'Download the CSV again and check it opens as a table.' };
  let cr = text.indexOf('\r');
  while (cr >= 0 && text.charCodeAt(cr + 1) === 10) cr = text.indexOf('\r', cr + 2);
  if (cr >= 0) {
    const row = text.slice(0, cr).split('\n').length;
    return { code: 'LINE_BREAKS', file, row, message: 'a line ends in a bare carriage return (\\r without \\n), as old Mac exports do, so rows cannot be told apart', fix: 'Save the file again as "CSV UTF-8" (Windows or Unix line ends), or convert it with: tr "\\r" "\\n".' };
  }
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    const row = text.slice(0, bad).split('\n').length;
    return { code: 'ENCODING_ERROR', file, row, message: 'the file is not UTF-8: some characters cannot be read (often Windows-1252 from Excel)', fix: 'Save the file as "CSV UTF-8", or convert it with iconv -f WINDOWS-1252 -t UTF-8.' };
  }
  return null;
}
