/**
 * The bad-input battery (SYNTHETIC fixtures on the synthetic world; GeoJSON rows are feature
 * numbers): for each category of bad
 * input, a named error code with file, row and column, every problem reported, exit code 1,
 * and the previous published output byte-identical. Benign twins are accepted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawFiles, world, writeWorld } from './fixture.ts';
import { cli, snapshotDir } from './helpers.ts';
import { sha256 } from '../stages/provenance.ts';
import { gzipSync } from 'node:zlib';
import { decode } from '../stages/load.ts';
import { InputError } from '../errors.ts';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const H = 'LSOA21CD,IMD_score,IMD_decile';
const iod = (...rows: string[]) => [H, ...rows].join('\n') + '\n';
const OK = ['E01900002,30.0,2', 'E01900003,20.0,4', 'E01800004,10.0,7', 'E01800005,5.0,9'];
const geo = rawFiles()['synthetic/lsoa2021.geojson'];

/** category, file replaced, its new bytes, expected problems as "CODE row column" (row/column optional). */
const CASES: [string, string, string | Buffer, string[]][] = [
  ['1 non-UTF-8 encoding', 'synthetic/iod21.csv', Buffer.concat([Buffer.from(`${H}\nE01900001,40.0,1\n`), Buffer.from('E01900002,30.0,2 \xf4\n', 'latin1')]), ['ENCODING_ERROR 3']],
  ['3 wrong delimiter', 'synthetic/iod21.csv', 'LSOA21CD;IMD_score;IMD_decile\nE01900001;40.0;1\n', ['WRONG_DELIMITER 1']],
  ['4 unclosed quote', 'synthetic/iod21.csv', iod('"E01900001,40.0,1', ...OK), ['CSV_SYNTAX']],
  ['5 not a CSV (a web page)', 'synthetic/iod21.csv', '<!DOCTYPE html><html><body>Not found</body></html>\n', ['NOT_A_CSV']],
  ['5 not a CSV (a spreadsheet)', 'synthetic/iod21.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]), ['NOT_A_CSV']],
  ['6 empty file', 'synthetic/iod21.csv', '', ['EMPTY_FILE 1']],
  ['6 header only', 'synthetic/iod21.csv', `${H}\n`, ['EMPTY_FILE 2']],
  ['7 title row above the header', 'synthetic/iod21.csv', `Table 3: Indices of Deprivation\n${iod('E01900001,40.0,1', ...OK)}`, ['MISSING_COLUMN 1 LSOA21CD']],
  ['8 duplicate header', 'synthetic/iod21.csv', 'LSOA21CD,IMD_score,IMD_score\nE01900001,40.0,1\n', ['DUPLICATE_HEADER 1 IMD_score']],
  ['8 missing column', 'synthetic/iod21.csv', 'LSOA21CD,IMD_score\nE01900001,40.0\n', ['MISSING_COLUMN 1 IMD_decile']],
  ['9 ragged row', 'synthetic/iod21.csv', iod('E01900001,40.0', ...OK), ['RAGGED_ROW 2']],
  ['10 duplicate key', 'synthetic/iod21.csv', iod('E01900001,40.0,1', 'E01900001,41.0,1', ...OK.slice(1)), ['DUPLICATE_CODE 3 LSOA21CD']],
  ['11 non-numeric', 'synthetic/iod21.csv', iod('E01900001,"1,234",1', 'E01900002,12%,2', 'E01900003,\u22123,4', ...OK.slice(2)), ['NOT_A_NUMBER 2 IMD_score', 'NOT_A_NUMBER 3 IMD_score', 'NOT_A_NUMBER 4 IMD_score']],
  ['13 out of range', 'synthetic/iod21.csv', iod('E01900001,40.0,11', ...OK), ['OUT_OF_RANGE 2 IMD_decile']],
  ['14 code format', 'synthetic/iod21.csv', iod('e01900001,40.0,1', 'E0190001,30.0,2', ...OK.slice(1)), ['BAD_CODE 2 LSOA21CD', 'BAD_CODE 3 LSOA21CD']],
  ['16 wrong geography level', 'synthetic/iod21.csv', iod('E02000001,40.0,1', ...OK), ['BAD_CODE 2 LSOA21CD']],
  ['19 invalid GeoJSON', 'synthetic/lsoa2021.geojson', '{"type":"FeatureCollection","features":[', ['INVALID_JSON']],
  ['19 not a FeatureCollection', 'synthetic/lsoa2021.geojson', '{"type":"Feature","properties":{},"geometry":null}', ['NOT_FEATURE_COLLECTION']],
  ['20 unclosed ring', 'synthetic/lsoa2021.geojson', geo.replace('[[[-2.5,53.5],[-2.49,53.5],[-2.49,53.51],[-2.5,53.51],[-2.5,53.5]]]', '[[[-2.5,53.5],[-2.49,53.5],[-2.49,53.51],[-2.5,53.51]]]'), ['RING_DEFECT 1 geometry']],
  ['21 wrong CRS (British National Grid metres)', 'synthetic/lsoa2021.geojson', geo.replace('[[[-2.5,53.5],[-2.49,53.5],[-2.49,53.51],[-2.5,53.51],[-2.5,53.5]]]', '[[[337000,398000],[338000,398000],[338000,399000],[337000,399000],[337000,398000]]]'), ['WRONG_CRS 1 geometry']],
  ['22 null geometry', 'synthetic/lsoa2021.geojson', geo.replace('{"type":"Polygon","coordinates":[[[-2.5,53.5],[-2.49,53.5],[-2.49,53.51],[-2.5,53.51],[-2.5,53.5]]]}', 'null'), ['BAD_GEOMETRY 1 geometry']],
  ['22 duplicate feature id', 'synthetic/lsoa2021.geojson', geo.replace('"LSOA21CD":"E01900002"', '"LSOA21CD":"E01900001"'), ['DUPLICATE_CODE 2 LSOA21CD']],
  ['22 missing code property', 'synthetic/lsoa2021.geojson', geo.replace('"LSOA21CD":"E01900002",', ''), ['BAD_CODE 2 LSOA21CD']],
];

describe('bad input battery: size', () => {
  it('23 a file that decompresses past the limit fails at once, with TOO_LARGE, without reading it all', () => {
    const bomb = gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x30), { level: 9 }); // 300 MiB of "0" in about 300 KB
    let error: unknown;
    try { decode('raw/big.csv.gz', bomb); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0].code).toBe('TOO_LARGE');
  });
});

describe('bad input battery', () => {
  for (const [name, file, bytes, expected] of CASES) {
    it(`${name}: ${expected.join('; ')}, exit 1, previous output untouched`, () => {
      const data = mkdtempSync(join(tmpdir(), 'atlas-bad-'));
      const out = join(mkdtempSync(join(tmpdir(), 'atlas-bad-out-')), 'data');
      temps.push(data, join(out, '..'));
      writeWorld(data, world());
      expect(cli(['--data', data, '--out', out, '--quiet']).code).toBe(0);
      const before = snapshotDir(out);
      const w = world({ [file]: bytes.toString('latin1') }); // record the new hash: the content is what is bad
      writeWorld(data, w);
      writeFileSync(join(data, 'raw', file), bytes);
      // sources.json must record the bytes written (Buffer cases differ from their latin1 string form).
      const sources = w.config.sources as { sources: { files: { path: string; sha256: string; bytes: number }[] }[] };
      const rec = sources.sources[0].files.find((f) => f.path === file)!;
      const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
      rec.bytes = buf.byteLength;
      rec.sha256 = sha256(buf);
      writeFileSync(join(data, 'sources.json'), JSON.stringify(sources, null, 2));
      const r = cli(['--data', data, '--out', out]);
      expect(r.code, r.stderr).toBe(1);
      for (const e of expected) {
        const [code, row, column] = e.split(' ');
        const line = r.stderr.split('\n').find((l) => l.includes(`${code}: raw/${file}`) && (!row || l.includes(`row ${row}`)) && (!column || l.includes(`column "${column}"`)));
        expect(line, `${e} in:\n${r.stderr}`).toBeDefined();
      }
      expect(snapshotDir(out)).toEqual(before);
    });
  }
});
