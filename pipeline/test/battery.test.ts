/**
 * The bad-input battery (SYNTHETIC fixtures on the synthetic world; GeoJSON rows are feature
 * numbers): for each category of bad
 * input, a named error code with file, row and column, every problem reported, exit code 1,
 * and the previous published output byte-identical. Benign twins are accepted.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTESTS, DEFLATOR, governanceWorld, POP, PRACTICES, rawFiles, recordRawFile, RS_2010, RS_2011, RS_PANEL, WARDS24, world, writeWorld } from './fixture.ts';
import { cli, snapshotDir } from './helpers.ts';
import { sha256 } from '../stages/provenance.ts';
import { gzipSync } from 'node:zlib';
import { inflate, MAX_ROWS, parseCsv } from '../stages/load.ts';
import { InputError } from '../errors.ts';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const H = 'LSOA21CD,IMD_score,IMD_decile';
const iod = (...rows: string[]) => [H, ...rows].join('\n') + '\n';
const OK = ['E01900002,30.0,2', 'E01900003,20.0,4', 'E01800004,10.0,7', 'E01800005,5.0,9'];
const geo = rawFiles()['synthetic/lsoa2021.geojson'];
const [OA_H, ...OA] = rawFiles()['synthetic/oa21_cars.csv'].trim().split('\n');
const LOOKUP = rawFiles()['synthetic/lookup_lsoa11_lsoa21.csv'];
const SQUARE_1 = '{"type":"Polygon","coordinates":[[[-2.5,53.5],[-2.49,53.5],[-2.49,53.51],[-2.5,53.51],[-2.5,53.5]]]}';
/** The boundary file with the first feature's rings replaced. */
const ring = (coordinates: string) => geo.replace(SQUARE_1, `{"type":"Polygon","coordinates":${coordinates}}`);

/**
 * category, file replaced, its new bytes, expected problems as "CODE row column" (row and
 * column optional; "-" skips one), then optionally "~text" that the problem's line must contain.
 */
const CASES: [string, string, string | Buffer, string[]][] = [
  ['1 non-UTF-8 encoding', 'synthetic/iod21.csv', Buffer.concat([Buffer.from(`${H}\nE01900001,40.0,1\n`), Buffer.from('E01900002,30.0,2 \xf4\n', 'latin1')]), ['ENCODING_ERROR 3']],
  ['3 wrong delimiter (semicolons)', 'synthetic/iod21.csv', 'LSOA21CD;IMD_score;IMD_decile\nE01900001;40.0;1\n', ['WRONG_DELIMITER 1']],
  ['3 wrong delimiter (tabs)', 'synthetic/iod21.csv', 'LSOA21CD\tIMD_score\tIMD_decile\nE01900001\t40.0\t1\n', ['WRONG_DELIMITER 1 - ~tabs']],
  ['4 unclosed quote', 'synthetic/iod21.csv', iod('"E01900001,40.0,1', ...OK), ['CSV_SYNTAX']],
  ['4 bare carriage returns (old Mac line ends)', 'synthetic/iod21.csv', [H, 'E01900001,40.0,1', ...OK].join('\r') + '\r', ['LINE_BREAKS 1']],
  ['4 mixed line ends then a bare one', 'synthetic/iod21.csv', `${H}\r\nE01900001,40.0,1\n${OK[0]}\r${OK.slice(1).join('\n')}\n`, ['LINE_BREAKS 3']],
  ['5 not a CSV (a web page)', 'synthetic/iod21.csv', '<!DOCTYPE html><html><body>Not found</body></html>\n', ['NOT_A_CSV']],
  ['5 not a CSV (a spreadsheet)', 'synthetic/iod21.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]), ['NOT_A_CSV']],
  ['6 empty file', 'synthetic/iod21.csv', '', ['EMPTY_FILE 1']],
  ['6 header only', 'synthetic/iod21.csv', `${H}\n`, ['EMPTY_FILE 2']],
  ['7 title row above the header', 'synthetic/iod21.csv', `Table 3: Indices of Deprivation\n${iod('E01900001,40.0,1', ...OK)}`, ['TITLE_ROW 1 - ~on row 2']],
  ['7 notes below the data', 'synthetic/iod21.csv', `${iod('E01900001,40.0,1', ...OK)}\nSource: synthetic test data\n"Notes: scores are synthetic, not real",,\n`, ['FOOTER_ROW 8', 'FOOTER_ROW 9']],
  ['8 duplicate header', 'synthetic/iod21.csv', 'LSOA21CD,IMD_score,IMD_score\nE01900001,40.0,1\n', ['DUPLICATE_HEADER 1 IMD_score']],
  ['8 blank header', 'synthetic/iod21.csv', 'LSOA21CD,,IMD_score,IMD_decile\nE01900001,x,40.0,1\n', ['BLANK_HEADER 1 #2']],
  ['8 missing (renamed) column', 'synthetic/iod21.csv', 'LSOA21CD,IMD_score,IMD decile\nE01900001,40.0,1\n', ['MISSING_COLUMN 1 IMD_decile']],
  ['9 ragged rows', 'synthetic/iod21.csv', iod('E01900001,40.0', 'E01900002,30.0,2,9', ...OK.slice(1)), ['RAGGED_ROW 2', 'RAGGED_ROW 3']],
  ['9 blank rows', 'synthetic/iod21.csv', iod('E01900001,40.0,1', ',,', '', ...OK), ['BLANK_ROW 3', 'BLANK_ROW 4']],
  ['10 duplicate key (both rows named)', 'synthetic/iod21.csv', iod('E01900001,40.0,1', 'E01900001,41.0,1', ...OK.slice(1)), ['DUPLICATE_CODE 3 LSOA21CD ~first on row 2']],
  ['11 non-numeric', 'synthetic/iod21.csv', iod('E01900001,"1,234",1', 'E01900002,12%,2', 'E01900003,\u22123,4', 'E01800004,n/a,7', 'E01800005,5.0,9'), ['NOT_A_NUMBER 2 IMD_score', 'NOT_A_NUMBER 3 IMD_score', 'NOT_A_NUMBER 4 IMD_score', 'NOT_A_NUMBER 5 IMD_score']],
  ['11, 13, 14 and 10 together: every problem in the file at once', 'synthetic/iod21.csv', iod('E01900001,forty,1', 'E01900002,30.0,12', 'E0190003,20.0,4', 'E01900002,30.0,2', ...OK.slice(2)), ['NOT_A_NUMBER 2 IMD_score', 'OUT_OF_RANGE 3 IMD_decile', 'BAD_CODE 4 LSOA21CD', 'DUPLICATE_CODE 5 LSOA21CD']],
  ['13 out of range (decile 11)', 'synthetic/iod21.csv', iod('E01900001,40.0,11', ...OK), ['OUT_OF_RANGE 2 IMD_decile']],
  ['13 out of range (a share over 100%, a negative count)', 'synthetic/census21.csv', 'LSOA21CD,total_households,Private rented,total_residents\nE01900001,100,104,200\nE01900002,100,-5,300\nE01900003,200,20,400\nE01800004,100,0,100\nE01800005,100,10,100\n', ['OUT_OF_RANGE 2', 'OUT_OF_RANGE 3']],
  ['14 code format (lower case, short, padded)', 'synthetic/iod21.csv', iod('e01900001,40.0,1', 'E0190002,30.0,2', '" E01900003",20.0,4', ...OK.slice(2)), ['BAD_CODE 2 LSOA21CD', 'BAD_CODE 3 LSOA21CD', 'BAD_CODE 4 LSOA21CD ~spaces']],
  ['15 unknown area code', 'synthetic/iod21.csv', iod('E01900001,40.0,1', 'E01999999,33.0,3', ...OK), ['UNKNOWN_CODE 3 LSOA21CD']],
  ['16 wrong geography level (MSOA and ward codes)', 'synthetic/iod21.csv', iod('E02000001,40.0,1', 'E05000002,30.0,2', ...OK.slice(1)), ['GEOGRAPHY_MISMATCH 2 LSOA21CD ~an MSOA', 'GEOGRAPHY_MISMATCH 3 LSOA21CD ~an electoral ward']],
  ['17 mixed vintages (a 2011-only code in a 2021 table)', 'synthetic/iod21.csv', iod('E01800001,40.0,1', ...OK), ['VINTAGE_MIXED 2 LSOA21CD ~of 2011']],
  ['19 invalid GeoJSON', 'synthetic/lsoa2021.geojson', '{"type":"FeatureCollection","features":[', ['INVALID_JSON']],
  ['19 not a FeatureCollection', 'synthetic/lsoa2021.geojson', '{"type":"Feature","properties":{},"geometry":null}', ['NOT_FEATURE_COLLECTION']],
  ['20 unclosed ring', 'synthetic/lsoa2021.geojson', ring('[[[-2.5,53.5],[-2.49,53.5],[-2.49,53.51],[-2.5,53.51]]]'), ['RING_DEFECT 1 geometry']],
  ['20 ring of fewer than 4 positions', 'synthetic/lsoa2021.geojson', ring('[[[-2.5,53.5],[-2.49,53.5],[-2.5,53.5]]]'), ['RING_DEFECT 1 geometry ~fewer than 4']],
  ['20 self-intersection (a bow tie), located', 'synthetic/lsoa2021.geojson', ring('[[[-2.5,53.5],[-2.49,53.51],[-2.49,53.5],[-2.5,53.51],[-2.5,53.5]]]'), ['GEOMETRY_INVALID 1 geometry ~-2.495, 53.505']],
  ['20 a hole crossing its outer ring', 'synthetic/lsoa2021.geojson', ring('[[[-2.5,53.5],[-2.49,53.5],[-2.49,53.51],[-2.5,53.51],[-2.5,53.5]],[[-2.495,53.502],[-2.485,53.502],[-2.485,53.508],[-2.495,53.508],[-2.495,53.502]]]'), ['GEOMETRY_INVALID 1 geometry']],
  ['21 wrong CRS (British National Grid metres)', 'synthetic/lsoa2021.geojson', ring('[[[337000,398000],[338000,398000],[338000,399000],[337000,399000],[337000,398000]]]'), ['WRONG_CRS 1 geometry']],
  ['21 wrong CRS (latitude and longitude swapped)', 'synthetic/lsoa2021.geojson', ring('[[[53.5,-2.5],[53.5,-2.49],[53.51,-2.49],[53.51,-2.5],[53.5,-2.5]]]'), ['WRONG_CRS 1 geometry ~swapped']],
  ['21 wrong CRS (a crs member naming EPSG:27700)', 'synthetic/lsoa2021.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } }, features: JSON.parse(geo).features }), ['WRONG_CRS - crs']],
  ['22 null geometry', 'synthetic/lsoa2021.geojson', geo.replace(SQUARE_1, 'null'), ['BAD_GEOMETRY 1 geometry']],
  ['22 duplicate feature id', 'synthetic/lsoa2021.geojson', geo.replace('"LSOA21CD":"E01900002"', '"LSOA21CD":"E01900001"'), ['DUPLICATE_CODE 2 LSOA21CD']],
  ['22 missing code property', 'synthetic/lsoa2021.geojson', geo.replace('"LSOA21CD":"E01900002",', ''), ['BAD_CODE 2 LSOA21CD']],
  ['15 an Output Area the lookup lacks', 'synthetic/oa21_cars.csv', `${OA_H}\n${OA.slice(0, 6).join('\n')}\nE00900007,100,0\nE00900099,10,1\n`, ['UNKNOWN_CODE 9 OA21CD ~not in the lookup']],
  ['15 an LSOA with no Output Area in the lookup', 'synthetic/oa21_lookup.csv', 'OA21CD,LSOA21CD\nE00900001,E01900001\nE00900002,E01900001\nE00900003,E01900002\nE00900004,E01900003\nE00900005,E01900003\nE00900006,E01800004\n', ['NO_FINER_AREAS - LSOA21CD ~E01800005']],
  ['10 a lookup that maps an Output Area twice', 'synthetic/oa21_lookup.csv', 'OA21CD,LSOA21CD\nE00900001,E01900001\nE00900002,E01900001\nE00900003,E01900002\nE00900004,E01900003\nE00900005,E01900003\nE00900006,E01800004\nE00900007,E01800005\nE00900003,E01900003\n', ['LOOKUP_DUPLICATE 9 OA21CD ~first on row 4']],
  ['11 an Output Area count that is not a whole number', 'synthetic/oa21_cars.csv', `${OA_H}\nE00900001,60,30.5\n${OA.slice(1).join('\n')}\n`, ['NOT_WHOLE_NUMBER 2 - ~"30.5"']],
  ['15 an Output Area table missing one of an LSOA\'s Output Areas', 'synthetic/oa21_cars.csv', `${OA_H}\n${OA.slice(1).join('\n')}\n`, ['FINER_AREAS_MISSING - OA21CD ~1 of the 2']],
  ['16 an LSOA table declared as Output Areas', 'synthetic/oa21_cars.csv', `${OA_H}\nE01900001,100,40\n${OA.slice(2).join('\n')}\n`, ['GEOGRAPHY_MISMATCH 2 OA21CD ~an LSOA']],
  ['13 lookup: an unknown change indicator', 'synthetic/lookup_lsoa11_lsoa21.csv', LOOKUP.replace('E01800005,U,', 'E01800005,Z,'), ['BAD_VALUE 7 CHGIND ~unknown change code']],
  ['15 lookup: a 2021 area with no 2011 parent', 'synthetic/lookup_lsoa11_lsoa21.csv', LOOKUP.split('\n').filter((l) => !l.startsWith('Otherton')).join('\n'), ['NO_PARENT - LSOA21CD ~E01800005']],
  ['15 lookup: a row naming an area outside both vintages', 'synthetic/lookup_lsoa11_lsoa21.csv', `${LOOKUP}Nowhere 001A,E01899999,U,Nowhere 001A,E01999999,Nowhere,E06999909\n`, ['UNKNOWN_CODE 8 LSOA11CD', 'UNKNOWN_CODE 8 LSOA21CD']],
  // Council spending returns (the synthetic RS files).
  ['finance: a council code no lookup knows', 'synthetic/rs_2010-11.csv', RS_2010.replace('E9904,Northdale,SD', 'E9905,Southdale,SD'), ['UNKNOWN_CODE 5 E-code ~E9905']],
  ['finance: a year column out of order', 'synthetic/rs_panel.csv', RS_PANEL.replace('2012-13,E9902', '2011-12,E9902'), ['YEAR_OUT_OF_ORDER 4 year ~2011-12']],
  ['finance: a negative total', 'synthetic/rs_2011-12.csv', RS_2011.replace('Otherton UA,OR,UA,40,44,38,150', 'Otherton UA,OR,UA,40,44,38,-150'), ['NEGATIVE_TOTAL 3 ~-150']],
  ['finance: a class that is not a council', 'synthetic/rs_2011-12.csv', RS_2011.replace('Northdale,TR,SD', 'Northdale,TR,XX'), ['NOT_A_COUNCIL 5 Class ~"XX"']],
  ['finance: a council with spending but no population', 'synthetic/population.csv', POP.split('\n').filter((l) => !l.startsWith('E06999902')).join('\n'), ['NO_POPULATION 3 E-code ~mid-2010', 'NO_POPULATION 3 E-code ~mid-2011', 'NO_POPULATION 4 E-code ~mid-2012']],
  ['finance: a year with no price index', 'synthetic/deflator.csv', DEFLATOR.replace('2011-12,2011,45\n', ''), ['NO_DEFLATOR - financial_year ~2011-12']],
  ['finance: a population of zero', 'synthetic/population.csv', POP.replace('E06999901,Testshire,Unitary Authority,2011,1000', 'E06999901,Testshire,Unitary Authority,2011,0'), ['ZERO_POPULATION 3 population']],
  ['finance: a population that is not a number', 'synthetic/population.csv', POP.replace('E06999901,Testshire,Unitary Authority,2012,1000', 'E06999901,Testshire,Unitary Authority,2012,"1,000"'), ['NOT_A_NUMBER 4 population']],
  ['finance: an amount that is not a number', 'synthetic/rs_2010-11.csv', RS_2010.replace('Testshire CC,SC,300,100,500', 'Testshire CC,SC,"3,000",100,500'), ['NOT_A_NUMBER 4 - ~column "Social care"']],
  ['23 too many columns (5,000)', 'synthetic/iod21.csv', `${H},${Array.from({ length: 4997 }, (_, i) => `c${i}`).join(',')}\nE01900001,40.0,1${','.repeat(4997)}\n`, ['TOO_LARGE 1 - ~5,000 columns']],
];

/**
 * Builds the synthetic world into a fresh output, changes its data folder with `mutate`, runs
 * the CLI again and checks: exit 1, each expected problem printed, the output byte-identical.
 */
function rejects(mutate: (data: string) => void, expected: string[], make: () => ReturnType<typeof world> = world) {
  const data = mkdtempSync(join(tmpdir(), 'atlas-bad-'));
  const out = join(mkdtempSync(join(tmpdir(), 'atlas-bad-out-')), 'data');
  temps.push(data, join(out, '..'));
  writeWorld(data, make());
  // The previous output: the world's good build, made once per world and copied (every case starts from the same one).
  const good = goodBuild(make);
  cpSync(good.out, out, { recursive: true });
  const before = good.snapshot;
  mutate(data);
  const r = cli(['--data', data, '--out', out]);
  expect(r.code, r.stderr).toBe(1);
  for (const e of expected) {
    const [spec, text] = e.split(' ~');
    const [code, row, column] = spec.split(' ');
    const line = r.stderr.split('\n').find((l) => l.includes(`${code}: raw/`) && (!row || row === '-' || l.includes(`row ${row}`)) && (!column || column === '-' || l.includes(`column "${column}"`)) && (!text || l.includes(text)));
    expect(line, `${e} in:\n${r.stderr}`).toBeDefined();
  }
  expect(snapshotDir(out)).toEqual(before);
  return r;
}

const built = new Map<() => unknown, { out: string; snapshot: Record<string, string> }>();
/** A synthetic world built once by the CLI, as the output every rejected build must leave untouched. */
function goodBuild(make: () => ReturnType<typeof world>) {
  const done = built.get(make);
  if (done) return done;
  const data = mkdtempSync(join(tmpdir(), 'atlas-good-'));
  const out = join(mkdtempSync(join(tmpdir(), 'atlas-good-out-')), 'data');
  temps.push(data, join(out, '..'));
  writeWorld(data, make());
  const r = cli(['--data', data, '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const made = { out, snapshot: snapshotDir(out) };
  built.set(make, made);
  return made;
}

/** Replaces one raw file and records its new hash: the content, not its provenance, is what is bad. */
const replace = (file: string, bytes: string | Buffer, make: () => ReturnType<typeof world> = world) => (data: string) => {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  const w = make();
  writeWorld(data, w);
  writeFileSync(join(data, 'raw', file), buf);
  recordRawFile(data, w, file, { bytes: buf.byteLength, sha256: sha256(buf) });
};

/** Ward elections and GP practices (the synthetic world with them added: fixture.ts governanceWorld). */
const GOVERNANCE_CASES: [string, string, string, string[]][] = [
  ['governance: a turnout over 100', 'synthetic/wards24.csv', WARDS24.replace('E05999101,North,2023,31.5', 'E05999101,North,2023,131.5'), ['OUT_OF_RANGE 2 latest_turnout_pct ~between 0 and 100']],
  ['governance: a negative turnout', 'synthetic/wards24.csv', WARDS24.replace('E05999103,Otherton Central,2024,40.0', 'E05999103,Otherton Central,2024,-4.0'), ['OUT_OF_RANGE 4 latest_turnout_pct']],
  ['governance: a ward code not in the lookup', 'synthetic/wards24.csv', `${WARDS24}E05999199,Nowhere,2024,30.0,100,30.0\n`, ['UNKNOWN_CODE 5 WD24CD ~not in the LSOA 2021 to ward lookup']],
  ['governance: a contest with no number of seats', 'synthetic/contests.csv', CONTESTS.replace('South Ward,1,4', 'South Ward,one,4'), ['NOT_A_NUMBER 4']],
  ['primary care: a negative list size', 'synthetic/practices.csv', PRACTICES.replace('Test CCG,6000,5', 'Test CCG,-6000,5'), ['OUT_OF_RANGE 5 registered_patients ~below zero']],
];

describe('bad input battery', () => {
  for (const [name, file, bytes, expected] of CASES) {
    it(`${name}: ${expected.join('; ')}, exit 1, previous output untouched`, () => {
      rejects(replace(file, bytes), expected);
    });
  }
  for (const [name, file, bytes, expected] of GOVERNANCE_CASES) {
    it(`${name}: ${expected.join('; ')}, exit 1, previous output untouched`, () => {
      rejects(replace(file, bytes, governanceWorld), expected, governanceWorld);
    });
  }

  it('governance and primary care: a contest on a ward the lookup lacks, and a practice with no postcode, are named exclusions in the build report (the build succeeds)', () => {
    const data = mkdtempSync(join(tmpdir(), 'atlas-gov-'));
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-gov-out-')), 'data');
    temps.push(data, join(out, '..'));
    writeWorld(data, governanceWorld());
    expect(cli(['--data', data, '--out', out, '--quiet']).code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
    const contests = report.tables.find((t: { table: string }) => t.table === 'contests').coarser;
    expect(contests.wardsNotInLookup).toMatchObject({ count: 1, samples: ['E05999999'], reason: expect.stringContaining('redrawn') });
    expect(report.primaryCare.withoutPostcode).toEqual({ count: 1, samples: ['P00003'] });
  });

  it('23 a 2 GB file is refused from its size, unread: TOO_LARGE, exit 1, output untouched', () => {
    // A sparse file: 2 GiB long on paper, no disk used. Reading it would take 2 GiB of memory.
    const r = rejects((data) => truncateSync(join(data, 'raw', 'synthetic/iod21.csv'), 2 * 2 ** 30), ['TOO_LARGE - - ~2048 MiB']);
    expect(r.stderr).not.toContain('HASH_MISMATCH'); // refused before it is hashed (hashing means reading)
  });

  it('27 hash drift: a raw file changed since sources.json recorded it gives HASH_MISMATCH, exit 1, output untouched', () => {
    const r = rejects((data) => writeFileSync(join(data, 'raw', 'synthetic/iod21.csv'), iod('E01900001,41.0,1', ...OK)), ['HASH_MISMATCH - - ~sources.json records']);
    expect(r.stderr).toContain('1 problem:'); // valid content: the drift alone, found after every other check
  });

  it('27 hash drift with bad content: both reported in one round, so the file is fixed once', () => {
    const r = rejects((data) => writeFileSync(join(data, 'raw', 'synthetic/iod21.csv'), iod('E01900001,n/a,1', ...OK)), ['HASH_MISMATCH - - ~sources.json records', 'NOT_A_NUMBER 2 IMD_score']);
    expect(r.stderr).toContain('2 problems:');
  });
});

describe('bad input battery: size limits before parsing', () => {
  it('23 a file that decompresses past the limit fails at once, with TOO_LARGE, without reading it all', () => {
    const bomb = gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x30), { level: 9 }); // 300 MiB of "0" in about 300 KB
    let error: unknown;
    try { inflate('raw/big.csv.gz', bomb); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0].code).toBe('TOO_LARGE');
  });

  it('23 more rows than the limit fail with TOO_LARGE before any row is parsed', () => {
    const { table, problems } = parseCsv('raw/long.csv', `${H}\n${'E01900001,1,1\n'.repeat(MAX_ROWS + 1)}`);
    expect(problems.map((p) => p.code)).toEqual(['TOO_LARGE']);
    expect(table.rows).toEqual([]);
  });
});

/**
 * Every category of the reliability catalogue (section 1.6) has a test. Those the pipeline
 * accepts on purpose are tested where their output can be checked; this list says where, and
 * the test fails if a named golden case disappears.
 */
describe('bad input battery: every catalogue category is covered', () => {
  const elsewhere: Record<number, [string[], string]> = {
    2: [['bom-crlf-twin'], 'BOM, CRLF and quoted numbers give output identical to clean-join'],
    12: [['suppressed-missing-zero'], 'blank, suppressed and zero stay three distinct states'],
    18: [['clean-join'], 'a Welsh row is excluded as another nation and counted in the report'],
    24: [['local-hostile-text'], 'formula text kept, neutralised in CSV (also csv-export.test.ts, test/hostile.test.ts)'],
    25: [['local-hostile-text'], 'HTML text literal on every page (test/hostile.test.ts)'],
    26: [['local-counts-suppression', 'local-survey-lsoa'], 'suppression not recoverable by differencing'],
  };
  it('has a fixture for each of the 27 categories', () => {
    const tested = new Set([...CASES.map(([name]) => Number(name.split(' ')[0])), 23, 27]);
    for (let c = 1; c <= 27; c++) expect(tested.has(c) || c in elsewhere, `category ${c}`).toBe(true);
    const cases = readdirSync(join(import.meta.dirname, 'cases'));
    for (const [names, what] of Object.values(elsewhere)) for (const name of names) expect(cases, what).toContain(name);
  });
});
