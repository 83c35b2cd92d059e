import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { InputError } from '../errors.ts';
import { inflate, parseCell, parseCsv, parseGeoJson, text } from '../stages/load.ts';
import { isPlainNumber, splitQuotedLine } from '../../src/lib/csv-read.ts';

/** A raw file's text as the reader makes it: inflated, then read as UTF-8. */
const decode = (file: string, bytes: Uint8Array) => text(inflate(file, bytes));

describe('load', () => {
  it('reads a BOM, CRLF and quoted numbers exactly as the plain file', () => {
    const plain = parseCsv('a.csv', decode('a.csv', Buffer.from('code,value\nE01000001,1.5\nE01000002,2\n')));
    const twin = parseCsv('a.csv', decode('a.csv', Buffer.from('\uFEFFcode,value\r\n"E01000001","1.5"\r\nE01000002,2\r\n')));
    expect(twin.problems).toEqual([]);
    expect(twin.table.header).toEqual(plain.table.header);
    expect(twin.table.rows).toEqual(plain.table.rows);
  });

  it('gunzips .gz files and keeps codes as strings with leading zeros', () => {
    const t = parseCsv('a.csv.gz', decode('a.csv.gz', gzipSync('code,n\n0012,007\n'))).table;
    expect(t.rows[0]).toEqual(['0012', '007']);
  });

  it('decodes UTF-8 names (accents, Welsh letters) and plain ASCII to the text written, gzipped or not, larger than one inflation chunk', () => {
    const names = 'code,name\nW01000001,Ynys Môn 001A\nE01000002,Ŵyr Ŷ Ffynnon\nE01000003,Café – Sainte-Émilie\n';
    expect(decode('a.csv', Buffer.from(names))).toBe(names);
    expect(decode('a.csv.gz', gzipSync(names))).toBe(names);
    expect(decode('a.csv', Buffer.from(`\uFEFF${names}`))).toBe(names);
    // Over 1 MiB of text: ASCII rows with one UTF-8 name at the very end, so the check cannot stop early.
    const big = `code,name\n${'E01000001,Ashton\n'.repeat(80_000)}E01000002,Ynys Môn\n`;
    expect(decode('b.csv.gz', gzipSync(big))).toBe(big);
    const ascii = `code,name\n${'E01000001,Ashton\n'.repeat(80_000)}`;
    expect(decode('c.csv.gz', gzipSync(ascii))).toBe(ascii);
  });

  it('inflates two gzip members to their text though the trailer gives only the last one\'s size, and refuses a trailer that lies', () => {
    const a = `code,n\n${'E01000001,1\n'.repeat(30_000)}`;
    const b = `${'E01000002,2\n'.repeat(20_000)}`;
    // Two gzip members: the trailer gives only the second one's size.
    const two = Buffer.concat([gzipSync(a), gzipSync(b)]);
    expect(two.readUInt32LE(two.length - 4)).toBe(b.length);
    expect(text(inflate('two.csv.gz', two))).toBe(a + b);
    // A trailer altered to claim 10 bytes, then 4 GiB less one: refused as damaged either way (gunzip checks the size at the end of the member).
    for (const claim of [10, 0xffffffff]) {
      const lied = Buffer.from(gzipSync(a));
      lied.writeUInt32LE(claim, lied.length - 4);
      let error: unknown;
      try { inflate('lied.csv.gz', lied); } catch (e) { error = e; }
      expect((error as InputError).problems.map((q) => [q.code, q.file])).toEqual([['NOT_GZIP', 'lied.csv.gz']]);
    }
    // An empty file inflates to nothing.
    expect(inflate('empty.csv.gz', gzipSync('')).byteLength).toBe(0);
  });

  it('keeps only the asked-for columns, and line numbers across blank lines', () => {
    const { table } = parseCsv('a.csv', 'a,b,c\n1,2,3\n\n4,5,6\n', new Set(['c', 'a']));
    expect(table.header).toEqual(['a', 'c']);
    expect(table.rows).toEqual([['1', '3'], ['4', '6']]);
    expect(table.lines).toEqual([2, 4]);
  });

  it('reports every ragged row, blank and repeated header names, all at once', () => {
    const { problems } = parseCsv('a.csv', 'a,a,\n1,2\n1,2,3,4\n');
    expect(problems.map((p) => [p.code, p.row])).toEqual([['DUPLICATE_HEADER', 1], ['BLANK_HEADER', 1], ['RAGGED_ROW', 2], ['RAGGED_ROW', 3]]);
  });

  it('reports an empty file and a header with no rows', () => {
    expect(parseCsv('a.csv', '').problems[0].code).toBe('EMPTY_FILE');
    expect(parseCsv('a.csv', 'a,b\n').problems[0].code).toBe('EMPTY_FILE');
  });

  it('gives every cell as written when cells repeat the row above, in part or in full (one string is then shared)', () => {
    // Same length but other letters, a prefix, a longer cell, an empty cell after a full one, and back.
    const cells = [['E01', 'a', 'x'], ['E01', 'a', 'x'], ['E02', 'ab', ''], ['E02', 'a', ''], ['E020', 'a', 'x'], ['E02', '', 'x'], ['E02', '', 'x'], ['', 'a', 'y']];
    const text = `c,n,m\n${cells.map((r) => r.join(',')).join('\n')}\n`;
    const { table, problems } = parseCsv('t.csv', text);
    expect(problems).toEqual([]);
    expect(table.rows).toEqual(Papa.parse<string[]>(text.trimEnd(), { header: false }).data.slice(1));
    expect(table.rows).toEqual(cells);
    const kept = parseCsv('t.csv', text, new Set(['m', 'c'])).table;
    expect(kept.rows).toEqual(cells.map((r) => [r[0], r[2]]));
  });

  it('parses quoted cells with commas through papaparse', () => {
    const { table, problems } = parseCsv('a.csv', 'name,v\n"Smith, J",1\n');
    expect(problems).toEqual([]);
    expect(table.rows[0]).toEqual(['Smith, J', '1']);
  });

  it('keeps zero, missing and suppressed apart', () => {
    const m = ['', 'NA'], s = ['c'];
    expect(parseCell('0', m, s)).toEqual({ status: 'value', value: 0 });
    expect(parseCell('', m, s)).toEqual({ status: 'missing' });
    expect(parseCell('c', m, s)).toEqual({ status: 'suppressed' });
    expect(parseCell(' 12.50 ', m, s)).toEqual({ status: 'value', value: 12.5 });
    for (const bad of ['1,200', '12%', '0x10', 'abc', 'Infinity']) expect(parseCell(bad, m, s).status).toBe('invalid');
  });

  it('reads line-per-feature GeoJSON lazily and other layouts whole, to the same features', () => {
    const f = { type: 'Feature', properties: { code: 'E01000001' }, geometry: { type: 'Point', coordinates: [1, 2] } };
    const lined = parseGeoJson('a.geojson', Buffer.from(`{"type":"FeatureCollection","features":[\n${JSON.stringify(f)}\n]}\n`));
    const whole = parseGeoJson('a.geojson', Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [f] })));
    expect(lined.features![0].properties).toEqual(whole.features![0].properties);
    expect(lined.features![0].geometry()).toEqual(whole.features![0].geometry());
  });

  it('reads line-per-feature GeoJSON from its bytes: a BOM, CRLF, UTF-8 names, nested properties and a bad line', () => {
    const f = (code: string, name: string) => ({ type: 'Feature', properties: { code, name }, geometry: { type: 'Point', coordinates: [1, 2] } });
    const nested = { type: 'Feature', properties: { code: 'E01000003', extra: { a: 1 } }, geometry: null };
    const lines = ['\uFEFF{"type":"FeatureCollection","features":[', `${JSON.stringify(f('E01000001', 'Ynys Môn 001A'))},`, `  ${JSON.stringify(nested)},`, '{"type":"Feature","properties":{"code":"E01000004"},"geometry":{"type":"Point"', `${JSON.stringify(f('E01000002', 'Brighton & Hove 001A'))}`, ']}', ''];
    const r = parseGeoJson('a.geojson', Buffer.from(lines.join('\r\n')));
    expect(r.features!.map((x) => x.properties)).toEqual([{ code: 'E01000001', name: 'Ynys Môn 001A' }, { code: 'E01000003', extra: { a: 1 } }, { code: 'E01000004' }, { code: 'E01000002', name: 'Brighton & Hove 001A' }]);
    expect(r.features![0].geometry()).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(r.features![1].geometry()).toBeNull();
    // The properties of line 4 are read; its geometry is cut short, and says so when it is drawn.
    expect(() => r.features![2].geometry()).toThrow(SyntaxError);
    expect(r.problems).toEqual([]);
    const bad = parseGeoJson('a.geojson', Buffer.from(['{"type":"FeatureCollection","features":[', JSON.stringify(f('E01000001', 'A')) + ',', '{"type":"Feature",', ']}'].join('\n')));
    expect(bad.problems.map((p) => [p.code, p.row])).toEqual([['INVALID_JSON', 3]]);
    expect(bad.features).toHaveLength(1);
  });

  it('tells a plain number as the regular expression it replaces does', () => {
    const re = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
    const cells = ['0', '12', '-3', '+4', '1.5', '.5', '5.', '-.5', '1e5', '1E-3', '2.5e+10', '', '.', '-', '+', 'e5', '1e', '1e+', '1.2.3', '1,200', '12%', '0x10', 'Infinity', 'NaN', ' 1', '1 ', '--1', '1-', '٣', '1e5.5', '..5', '00012', '5.e3', '.e3'];
    for (const c of cells) expect(isPlainNumber(c), JSON.stringify(c)).toBe(re.test(c));
    // And every string of up to three characters from the characters that matter.
    const chars = ['0', '9', '.', '-', '+', 'e', 'E', 'x', ' '];
    let n = 0;
    for (const a of chars) for (const b of ['', ...chars]) for (const c of ['', ...chars]) { const s = a + b + c; expect(isPlainNumber(s), JSON.stringify(s)).toBe(re.test(s)); n++; }
    expect(n).toBe(900);
  });

  it('splits a line with quoted cells as papaparse does, and leaves any other use of quotes to it', () => {
    const plain = ['"Bristol, City of",E06000023,1', 'E01000001,"Herefordshire, County of"', '"a ""b"" c",2', '"",x', 'x,""', '"a",', ',"a"', '"""",1', '"a,b","c,d","e"', '"trailing space ",1'];
    for (const line of plain) {
      const papa = Papa.parse<string[]>(line, { header: false, delimiter: ',' });
      expect(papa.errors, line).toEqual([]);
      expect(splitQuotedLine(line), line).toEqual(papa.data[0]);
    }
    // Quotes inside an unquoted cell, text after a closing quote, a quote left open: papaparse reads them and names any error.
    for (const line of ['a"b,c', '"a"b,c', '"a" ,b', ' "a",b', '"a,b', 'x,"a""']) expect(splitQuotedLine(line), line).toBeNull();
    // Through the whole reader: the same table as papaparse makes of the file.
    const text = `code,name,n\n${['E01000001,"Bristol, City of",1', 'E01000002,"the ""best"" ward",2', 'E01000003,plain,3'].join('\n')}\n`;
    const papa = Papa.parse<string[]>(text.trim(), { header: false, delimiter: ',' }).data;
    expect(parseCsv('a.csv', text).table.rows).toEqual(papa.slice(1));
    // A quoted cell across two lines (an odd count of quotes on a line, after a line with an even count): the whole file goes to papaparse.
    expect(parseCsv('b.csv', 'code,name\nE01000001,"a ""b"""\nE01000002,"two\nlines"\nE01000003,"x"\n').table.rows).toEqual([['E01000001', 'a "b"'], ['E01000002', 'two\nlines'], ['E01000003', 'x']]);
  });

  it('names what is wrong with a file that is not GeoJSON', () => {
    expect(parseGeoJson('a.geojson', Buffer.from('{"type":')).problems[0].code).toBe('INVALID_JSON');
    expect(parseGeoJson('a.geojson', Buffer.from('{"type":"Feature"}')).problems[0].code).toBe('NOT_FEATURE_COLLECTION');
  });
});
