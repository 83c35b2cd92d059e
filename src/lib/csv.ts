/**
 * CSV for people to download and open in a spreadsheet. A cell that begins with =, +, -, @,
 * a tab or a carriage return would be read as a formula: it is prefixed with a single quote
 * (and so shown as text). Negative numbers are written as numbers, not neutralised.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: header and rows, CRLF line ends as RFC 4180 asks, UTF-8 with a BOM for spreadsheets. */
export function csvFile(header: string[], rows: unknown[][], opts: { bom?: boolean } = {}): string {
  return (opts.bom === false ? '' : '\uFEFF') + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
