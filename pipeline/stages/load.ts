import { gunzipSync } from 'node:zlib';
import { InputError, type Problem } from '../errors.ts';
import { isPlainNumber, MAX_TEXT_BYTES, TOO_LARGE_FIX, type CsvTable } from '../../src/lib/csv-read.ts';

export { MAX_COLUMNS, MAX_ROWS, MAX_TEXT_BYTES, parseCsv, type CsvTable, type RowSink } from '../../src/lib/csv-read.ts';

/** Bytes of a raw file, gunzipped when its name ends in `.gz`; refused when too large or not gzip. */
export function inflate(file: string, bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength > MAX_TEXT_BYTES) throw new InputError([{ code: 'TOO_LARGE', file, message: `the file is ${Math.round(bytes.byteLength / 1e6)} MB; the limit is ${MAX_TEXT_BYTES / 2 ** 20} MiB`, fix: TOO_LARGE_FIX }]);
  try {
    return file.endsWith('.gz') ? gunzipSync(bytes, { maxOutputLength: MAX_TEXT_BYTES, chunkSize: chunkFor(bytes) }) : bytes;
  } catch (e) {
    const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /larger than|too large|maxOutputLength/i.test((e as Error).message);
    throw new InputError([tooBig
      ? { code: 'TOO_LARGE', file, message: `the file decompresses to more than ${MAX_TEXT_BYTES / 2 ** 20} MiB`, fix: TOO_LARGE_FIX }
      : { code: 'NOT_GZIP', file, message: `the file is named .gz but is not gzip data (${(e as Error).message})`, fix: 'Compress it with gzip, or drop .gz from its name.' }]);
  }
}

/**
 * Room for the whole output at once, read from the gzip trailer (its last four bytes give the
 * inflated size, modulo 4 GiB): zlib then fills one buffer and returns it without copying, where
 * chunks are copied into a second buffer at the end (about a tenth of the inflating time on the
 * staged files, and for a moment twice their size in memory). A trailer that is wrong (several
 * gzip members, or a damaged file) only costs the chunks again: the output is the same.
 */
function chunkFor(bytes: Uint8Array): number {
  if (bytes.byteLength < 18) return 1 << 16;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.byteLength - 4, true);
  // One byte spare, so that zlib does not take a full buffer to mean more output is coming; never over the limit.
  return Math.min(Math.max(size + 1, 1 << 16), MAX_TEXT_BYTES + 1);
}

/** Reads a whole CSV file from its inflated bytes, given the columns the reader keeps of it, or gives null to have it parsed as CSV. */
export type BytesReader = (bytes: Uint8Array, keep: ReadonlySet<string>) => CsvTable | null;

/** Text of inflated bytes, read as UTF-8; a leading BOM is dropped. */
export function text(raw: Uint8Array): string {
  // Decoded as UTF-8 even when plain ASCII: a large latin1 string would live outside V8's heap, beyond its limit (England's peak rose by 95 MiB).
  const t = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

/** A parsed cell: a number, or one of the two kinds of absence, kept apart from zero. */
export type Cell = { status: 'value'; value: number } | { status: 'missing' } | { status: 'suppressed' } | { status: 'invalid' };


/** Status codes of a cell, without allocating: see {@link cellStatus}. */
export const CELL = { value: 0, missing: 1, suppressed: 2, invalid: 3 } as const;

/** The status of one cell (a CELL code); its number, when a value, is `Number(cell.trim())` (see {@link cellValue}). */
export function cellStatus(raw: string, missingMarkers: readonly string[], suppressedMarkers: readonly string[]): number {
  const s = trimmed(raw);
  if (missingMarkers.includes(s)) return CELL.missing;
  if (suppressedMarkers.includes(s)) return CELL.suppressed;
  if (!isPlainNumber(s) || !Number.isFinite(Number(s))) return CELL.invalid;
  return CELL.value;
}

/**
 * A cell's number when its status is value, else NaN (and `cellStatus` says which absence or
 * fault it is): the status and the number in one reading, for loops over every cell of a table.
 */
export function cellValue(raw: string, missingMarkers: readonly string[], suppressedMarkers: readonly string[]): number {
  const s = trimmed(raw);
  if (missingMarkers.includes(s) || suppressedMarkers.includes(s) || !isPlainNumber(s)) return NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}

/** The cell without surrounding white space (the same string when it has none). */
const trimmed = (raw: string) => (raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw);

/** Reads one cell as a number, a missing marker or a suppression marker. */
export function parseCell(raw: string, missingMarkers: readonly string[], suppressedMarkers: readonly string[]): Cell {
  const st = cellStatus(raw, missingMarkers, suppressedMarkers);
  if (st === CELL.value) return { status: 'value', value: Number(raw.trim()) };
  return { status: st === CELL.missing ? 'missing' : st === CELL.suppressed ? 'suppressed' : 'invalid' };
}


/** A feature whose geometry is parsed only when asked for: most of England is read but never drawn. */
export interface LazyFeature {
  properties: Record<string, unknown>;
  geometry(): GeoJSON.Geometry | null;
}

const COLLECTION_LINE = /^\{"type":"FeatureCollection","features":\[\s*$/;
const FEATURE_START = Buffer.from('{"type":"Feature","properties":{');
const GEOMETRY_NEXT = Buffer.from(',"geometry":');

/**
 * Parses a GeoJSON FeatureCollection (inflated bytes, see {@link inflate}). When the file has one
 * feature per line with its properties first (as ONS-derived files here do), only the properties
 * are decoded and parsed up front, and each geometry when it is needed: the file is never one
 * string. Any other layout is decoded and parsed whole.
 */
export function parseGeoJson(file: string, bytes: Uint8Array): { features: LazyFeature[] | null; problems: Problem[] } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const firstEnd = buf.indexOf(10, bom);
  if (firstEnd > 0 && COLLECTION_LINE.test(buf.toString('utf8', bom, firstEnd).trim())) {
    const features: LazyFeature[] = [];
    const problems: Problem[] = [];
    for (let start = firstEnd + 1, k = 1; start < buf.length; k++) {
      let end = buf.indexOf(10, start);
      if (end < 0) end = buf.length;
      // The line without surrounding white space and its trailing comma.
      let a = start, b = end;
      while (a < b && buf[a] <= 32) a++;
      while (b > a && buf[b - 1] <= 32) b--;
      if (b > a && buf[b - 1] === 44) b--;
      start = end + 1;
      const len = b - a;
      if (len === 0 || (len <= 2 && (buf[a] === 93 || buf[a] === 125))) continue; // blank, "]}", "]" or "}"
      try {
        // Properties that hold no braces end at the first "}", and the geometry follows them.
        const open = a + FEATURE_START.length - 1;
        const close = len > FEATURE_START.length && buf.compare(FEATURE_START, 0, FEATURE_START.length, a, open + 1) === 0 ? buf.indexOf(125, open) : -1;
        const brace = close > 0 ? buf.indexOf(123, open + 1) : -1;
        if (close > 0 && close < b && (brace < 0 || brace > close) && buf.compare(GEOMETRY_NEXT, 0, GEOMETRY_NEXT.length, close + 1, Math.min(b, close + 1 + GEOMETRY_NEXT.length)) === 0) {
          const properties = JSON.parse(buf.toString('utf8', open, close + 1)) as Record<string, unknown>;
          features.push({ properties, geometry: () => (JSON.parse(buf.toString('utf8', a, b)) as GeoJSON.Feature).geometry });
        } else {
          const f = JSON.parse(buf.toString('utf8', a, b)) as GeoJSON.Feature;
          features.push({ properties: (f.properties ?? {}) as Record<string, unknown>, geometry: () => f.geometry });
        }
      } catch (e) {
        problems.push({ code: 'INVALID_JSON', file, row: k + 1, message: `line ${k + 1} is not a valid GeoJSON feature: ${(e as Error).message}`, fix: 'Re-export the boundaries as GeoJSON.' });
      }
    }
    return { features, problems };
  }
  const text = buf.toString('utf8', bom);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { features: null, problems: [{ code: 'INVALID_JSON', file, message: `not valid JSON: ${(e as Error).message}`, fix: 'Re-export the boundaries as GeoJSON.' }] };
  }
  const fc = json as GeoJSON.FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { features: null, problems: [{ code: 'NOT_FEATURE_COLLECTION', file, message: 'the file is JSON but not a GeoJSON FeatureCollection', fix: 'Export the boundaries as a GeoJSON FeatureCollection in WGS84 (EPSG:4326).' }] };
  }
  // RFC 7946 dropped the `crs` member: positions are WGS84 longitude, latitude. A file that names
  // another system (e.g. EPSG:27700, British National Grid) is refused, never silently reprojected.
  const crs = (json as { crs?: { properties?: { name?: unknown } } }).crs;
  if (crs !== undefined && crs !== null && !/CRS84$|EPSG:{1,2}(\d*:)?4326$/i.test(String(crs.properties?.name ?? ''))) {
    return { features: null, problems: [{ code: 'WRONG_CRS', file, column: 'crs', value: String(crs.properties?.name ?? JSON.stringify(crs)).slice(0, 80), message: 'the file declares a coordinate system other than WGS84 longitude and latitude', fix: 'Export the boundaries in WGS84 (EPSG:4326) as RFC 7946 GeoJSON; the pipeline does not reproject.' }] };
  }
  return { features: fc.features.map((f) => ({ properties: (f?.properties ?? {}) as Record<string, unknown>, geometry: () => f?.geometry ?? null })), problems: [] };
}
