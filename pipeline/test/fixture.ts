/**
 * A SYNTHETIC world for tests: invented LSOA codes (E018…/E019…, ranges ONS does not use),
 * invented local authorities, wards and values, drawn as squares near (-2.5, 53.5). It is
 * shaped like the real inputs (same column names, same file kinds) and is small enough for
 * every number to be checked by hand. Nothing here describes a real place.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256 } from '../stages/provenance.ts';
import type { RawConfig } from '../schema.ts';
import type { RunInputs } from '../run.ts';

export const SYNTHETIC = 'SYNTHETIC test fixture: invented areas and values, not real places.';

const sq = (x0: number, w = 1) => {
  const x = -2.5 + x0 * 0.01, y = 53.5, d = 0.01;
  return { type: 'Polygon', coordinates: [[[x, y], [x + w * d, y], [x + w * d, y + d], [x, y + d], [x, y]]] };
};
const lines = (code: string, name: string, feats: [string, string, object][]) =>
  '{"type":"FeatureCollection","features":[\n' + feats.map(([c, n, g]) => JSON.stringify({ type: 'Feature', properties: { [code]: c, [name]: n }, geometry: g })).join(',\n') + '\n]}\n';

/** Synthetic RS returns: Testshire UA and Otherton UA (single tier), Testshire CC (county) and Northdale (district); a police authority and a class total. */
export const RS_2010 = 'E-code,Local authority,Class,Social care,Education services,TOTAL SERVICE EXPENDITURE\nE9901,Testshire UA,UA,100,50,200\nE9902,Otherton UA,UA,80,40,160\nE9903,Testshire CC,SC,300,100,500\nE9904,Northdale,SD,0,0,20\nE9999,Test Police,O,0,0,90\n,UNITARY AUTHORITIES,,180,90,360\n';
export const RS_2011 = 'E-code,ONS Code,Local authority,Region,Class,Children Social Care,Adult Social Care,Education services,TOTAL SERVICE EXPENDITURE\nE9901,E06999901,Testshire UA,TR,UA,60,50,45,190\nE9902,E06999902,Otherton UA,OR,UA,40,44,38,150\nE9903,E10999901,Testshire CC,TR,SC,150,160,90,480\nE9904,E07999901,Northdale,TR,SD,0,0,0,18\nE9999,n/a,Test Police,TR,O,0,0,0,85\n';
export const RS_PANEL = 'year,E-code,ONS Code,Local authority,Class,Children Social Care,Adult Social Care,Education services,TOTAL SERVICE EXPENDITURE\n2010-11,E9901,E06999901,Testshire UA,UA,,,50,200\n2012-13,E9901,E06999901,Testshire UA,UA,55,50,40,\n2012-13,E9902,E06999902,Otherton UA,UA,42,40,30,\n2012-13,E9903,E10999901,Testshire CC,SC,140,170,85,\n';
/** Synthetic mid-year populations of those councils (long form, as ONS's MYE 5 written long), and a synthetic price index (2012-13 = 100 after rebasing). */
export const POP = 'code,name,geography,mid_year,population\nE06999901,Testshire,Unitary Authority,2010,1000\nE06999901,Testshire,Unitary Authority,2011,1000\nE06999901,Testshire,Unitary Authority,2012,1000\nE06999902,Otherton,Unitary Authority,2010,500\nE06999902,Otherton,Unitary Authority,2011,400\nE06999902,Otherton,Unitary Authority,2012,500\nE10999901,Testshire CC,County,2010,5000\nE10999901,Testshire CC,County,2011,5000\nE10999901,Testshire CC,County,2012,5000\nE07999901,Northdale,Non-metropolitan District,2010,1000\nE07999901,Northdale,Non-metropolitan District,2011,1000\nE07999901,Northdale,Non-metropolitan District,2012,1000\n';
export const DEFLATOR = 'financial_year,fy_start,index\n2009-10,2009,40\n2010-11,2010,40\n2011-12,2011,45\n2012-13,2012,50\n';

/** The synthetic world's council spending config (config/finance.json). */
export function financeConfig() {
  return {
    $comment: SYNTHETIC, source: 'synthetic', unit: '£ thousand, cash',
    years: [{ year: '2010-11', file: 'synthetic/rs_2010-11.csv' }, { year: '2011-12', file: 'synthetic/rs_2011-12.csv' }, { year: '2012-13', file: 'synthetic/rs_panel.csv', yearColumn: 'year' }],
    columns: { code: 'E-code', name: 'Local authority', class: 'Class' },
    codes: { column: 'ONS Code', files: ['synthetic/rs_2011-12.csv'] },
    region: { file: 'synthetic/rs_2011-12.csv', column: 'Region', value: 'TR' },
    classes: { UA: { name: 'Unitary authority', tier: 'single' }, SC: { name: 'County council', tier: 'county' }, SD: { name: 'District council', tier: 'district' }, O: { name: 'Other authority' } },
    services: [
      { id: 'total', label: 'All services', total: true, who: 'both', columns: [['TOTAL SERVICE EXPENDITURE']] },
      { id: 'total-less-education', label: 'All services except education', lead: true, who: 'both', columns: [['TOTAL SERVICE EXPENDITURE']], less: ['education'] },
      { id: 'social-care', label: 'Social care', who: 'county', columns: [['Children Social Care', 'Adult Social Care'], ['Social care']] },
      { id: 'education', label: 'Education', who: 'county', columns: [['Education services']] },
    ],
    population: { file: 'synthetic/population.csv', columns: { code: 'code', year: 'mid_year', value: 'population' }, vintage: SYNTHETIC, absent: [] },
    deflator: { file: 'synthetic/deflator.csv', columns: { year: 'financial_year', value: 'index' }, base: '2012-13', vintage: SYNTHETIC },
    notAvailable: ['…'], acceptedNegativeTotals: [],
    missing: SYNTHETIC, notes: [SYNTHETIC],
    neighbourhoods: { 'ward-hood': ['E06999901'] },
  };
}

/** Raw files of the synthetic world, keyed by path under data/raw. */
export function rawFiles(): Record<string, string> {
  return {
    'synthetic/lsoa2021.geojson': lines('LSOA21CD', 'LSOA21NM', [
      ['E01900001', 'Testshire 001A', sq(0)], ['E01900002', 'Testshire 001B', sq(1)], ['E01900003', 'Testshire 002A', sq(2, 2)],
      ['E01800004', 'Testshire 003A', sq(4)], ['E01800005', 'Otherton 001A', sq(5)],
    ]),
    'synthetic/lsoa2011.geojson': lines('LSOA11CD', 'LSOA11NM', [
      ['E01800001', 'Testshire 001A', sq(0, 2)], ['E01800002', 'Testshire 002A', sq(2)], ['E01800003', 'Testshire 002B', sq(3)],
      ['E01800004', 'Testshire 003A', sq(4)], ['E01800005', 'Otherton 001A', sq(5)],
    ]),
    'synthetic/land.geojson': JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-2.6, 53.4], [-2.3, 53.4], [-2.3, 53.6], [-2.6, 53.6], [-2.6, 53.4]]] } }] }),
    'synthetic/lad.geojson': JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { LAD24CD: 'E06999901', LAD24NM: 'Testshire' }, geometry: { type: 'Polygon', coordinates: [[[-2.5, 53.5], [-2.45, 53.5], [-2.45, 53.51], [-2.5, 53.51], [-2.5, 53.5]]] } },
      { type: 'Feature', properties: { LAD24CD: 'E06999902', LAD24NM: 'Otherton' }, geometry: { type: 'Polygon', coordinates: [[[-2.45, 53.5], [-2.44, 53.5], [-2.44, 53.51], [-2.45, 53.51], [-2.45, 53.5]]] } },
    ] }),
    'synthetic/lookup_lsoa21_ward24.csv': 'LSOA21NM,LSOA21CD,WD24NM,WD24CD,LAD24NM,LAD24CD\nTestshire 001A,E01900001,North,E05999101,Testshire,E06999901\nTestshire 001B,E01900002,North,E05999101,Testshire,E06999901\nTestshire 002A,E01900003,South,E05999102,Testshire,E06999901\nTestshire 003A,E01800004,South,E05999102,Testshire,E06999901\nOtherton 001A,E01800005,Otherton Central,E05999103,Otherton,E06999902\n',
    'synthetic/lookup_lsoa11_ward19.csv': 'FID,LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM\n1,E01800001,Testshire 001A,E05999001,North Ward,E06999901,Testshire\n2,E01800002,Testshire 002A,E05999001,North Ward,E06999901,Testshire\n3,E01800003,Testshire 002B,E05999002,South Ward,E06999901,Testshire\n4,E01800004,Testshire 003A,E05999002,South Ward,E06999901,Testshire\n5,E01800005,Otherton 001A,E05999003,Otherton Ward,E06999902,Otherton\n',
    'synthetic/lad_region.csv': 'LADNM,LADCD,RGNNM,RGNCD\nTestshire,E06999901,Test Region,E12999999\nOtherton,E06999902,Other Region,E12999998\n',
    'synthetic/lookup_lsoa11_lsoa21.csv': 'LSOA11NM,LSOA11CD,CHGIND,LSOA21NM,LSOA21CD,LAD22NM,LAD22CD\nTestshire 001A,E01800001,S,Testshire 001A,E01900001,Testshire,E06999901\nTestshire 001A,E01800001,S,Testshire 001B,E01900002,Testshire,E06999901\nTestshire 002A,E01800002,M,Testshire 002A,E01900003,Testshire,E06999901\nTestshire 002B,E01800003,M,Testshire 002A,E01900003,Testshire,E06999901\nTestshire 003A,E01800004,U,Testshire 003A,E01800004,Testshire,E06999901\nOtherton 001A,E01800005,U,Otherton 001A,E01800005,Otherton,E06999902\n',
    'synthetic/iod21.csv': 'LSOA21CD,IMD_score,IMD_decile\nE01900001,40.0,1\nE01900002,30.0,2\nE01900003,20.0,4\nE01800004,10.0,7\nE01800005,5.0,9\n',
    'synthetic/iod11.csv': 'LSOA11CD,imd_score,imd_decile\nE01800001,35.5,1\nE01800002,25.5,3\nE01800003,15.5,5\nE01800004,12.0,6\nE01800005,4.0,10\n',
    'synthetic/census21.csv': 'LSOA21CD,total_households,Private rented,total_residents\nE01900001,100,50,200\nE01900002,100,25,300\nE01900003,200,20,400\nE01800004,100,0,100\nE01800005,100,10,100\nW01000001,100,5,100\n',
    // Output Areas (E009…, invented) nesting in the 2021 LSOAs, and a count table published for them.
    'synthetic/oa21_lookup.csv': 'OA21CD,LSOA21CD\nE00900001,E01900001\nE00900002,E01900001\nE00900003,E01900002\nE00900004,E01900003\nE00900005,E01900003\nE00900006,E01800004\nE00900007,E01800005\n',
    'synthetic/oa21_cars.csv': 'OA21CD,Total: All households,No cars or vans in household\nE00900001,60,30\nE00900002,40,10\nE00900003,100,5\nE00900004,120,60\nE00900005,80,20\nE00900006,100,50\nE00900007,100,0\n',
    'synthetic/pop11.csv': 'LSOA11CD,total_population\nE01800001,500\nE01800002,200\nE01800003,200\nE01800004,100\nE01800005,100\n',
    // Council spending returns (RS layout, invented councils and amounts): two yearly files, then a long panel with a year column.
    'synthetic/rs_2010-11.csv': RS_2010,
    'synthetic/rs_2011-12.csv': RS_2011,
    'synthetic/rs_panel.csv': RS_PANEL,
    'synthetic/population.csv': POP,
    'synthetic/deflator.csv': DEFLATOR,
  };
}

const vintage = (v: '2011' | '2021') => ({
  label: `LSOA ${v}`,
  boundary: { source: 'synthetic', file: `synthetic/lsoa${v}.geojson`, code: `LSOA${v.slice(2)}CD`, name: `LSOA${v.slice(2)}NM`, generalisation: 'synthetic squares' },
  areaLookup: v === '2021'
    ? { source: 'synthetic', file: 'synthetic/lookup_lsoa21_ward24.csv', code: 'LSOA21CD', ward: 'WD24CD', wardName: 'WD24NM', lad: 'LAD24CD', ladName: 'LAD24NM', wardEdition: 'synthetic wards 2024', ladEdition: 'synthetic LADs 2024' }
    : { source: 'synthetic', file: 'synthetic/lookup_lsoa11_ward19.csv', code: 'LSOA11CD', ward: 'WD19CD', wardName: 'WD19NM', lad: 'LAD19CD', ladName: 'LAD19NM', wardEdition: 'synthetic wards 2019', ladEdition: 'synthetic LADs 2019' },
  regionLookup: { source: 'synthetic', file: 'synthetic/lad_region.csv', lad: 'LADCD', region: 'RGNCD', regionName: 'RGNNM' },
  population: v === '2021' ? { table: 'census21', column: 'total_residents', label: 'synthetic residents' } : { table: 'pop11', column: 'total_population', label: 'synthetic population' },
});

/** Configuration of the synthetic world (the same shape as data/config and data/sources.json). */
export function configFor(raw: Record<string, string>): RawConfig {
  const q = { method: 'quantile', classes: 3, over: 'england' };
  const ind = (id: string, table: string, extra: object) => ({ id, label: `Synthetic ${id}`, shortLabel: id, description: `${SYNTHETIC} (${id})`, table, edition: 'Synthetic', family: id, ...extra });
  return {
    sources: { $comment: SYNTHETIC, sources: [{ id: 'synthetic', title: 'Synthetic test world', publisher: 'Test fixture', edition: 'synthetic', url: 'https://example.org/synthetic', retrieved: '2026-01-01', licence: { name: 'Test', id: 'test', url: 'https://example.org/licence' }, attribution: SYNTHETIC,
      files: Object.entries(raw).sort().map(([path, text]) => ({ path, sha256: sha256(text), bytes: Buffer.byteLength(text) })) }] },
    tables: { defaults: { missingMarkers: ['', 'NA'], suppressedMarkers: ['c', '*'] }, tables: [
      { id: 'iod21', source: 'synthetic', file: 'synthetic/iod21.csv', vintage: 2021, code: 'LSOA21CD' },
      { id: 'iod11', source: 'synthetic', file: 'synthetic/iod11.csv', vintage: 2011, code: 'LSOA11CD' },
      { id: 'census21', source: 'synthetic', file: 'synthetic/census21.csv', vintage: 2021, code: 'LSOA21CD' },
      { id: 'pop11', source: 'synthetic', file: 'synthetic/pop11.csv', vintage: 2011, code: 'LSOA11CD' },
      { id: 'oa21-cars', source: 'synthetic', file: 'synthetic/oa21_cars.csv', vintage: 2021, code: 'OA21CD', finer: 'oa21' },
    ] },
    geographies: {
      scope: { regionCode: 'E12999999', regionName: 'Test Region' },
      nation: { code: 'E92000001', name: 'England', lsoaPrefix: 'E01', bbox: [-6.5, 49.8, 1.8, 55.9] },
      vintages: { '2021': vintage('2021'), '2011': vintage('2011') },
      vintageLookup: { source: 'synthetic', file: 'synthetic/lookup_lsoa11_lsoa21.csv', from: 'LSOA11CD', to: 'LSOA21CD', change: 'CHGIND', changeCodes: { U: 'unchanged', S: 'split', M: 'merged', X: 'redrawn' } },
      finer: { oa21: { source: 'synthetic', file: 'synthetic/oa21_lookup.csv', level: 'Output Area', vintage: 2021, code: 'OA21CD', parent: 'LSOA21CD', pattern: '^E00\\d{6}$', note: SYNTHETIC } },
      context: { lad: { source: 'synthetic', file: 'synthetic/lad.geojson', code: 'LAD24CD', name: 'LAD24NM' }, land: { source: 'synthetic', file: 'synthetic/land.geojson' } },
      geometry: { simplifyKeepShare: { '2021': 1, '2011': 1 }, quantization: 10000 },
    },
    indicators: { headline: 'synth-decile-21', neighbourhoodTable: ['synth-decile-21', 'synth-score-21', 'synth-rented'], indicators: [
      ind('synth-score-21', 'iod21', { column: 'IMD_score', unit: 'score', decimals: 1, polarity: 'higher-worse', classification: q }),
      ind('synth-decile-21', 'iod21', { column: 'IMD_decile', unit: 'decile', decimals: 0, polarity: 'lower-worse', classification: { method: 'decile' } }),
      ind('synth-rented', 'census21', { numerator: ['Private rented'], denominator: 'total_households', unit: 'percent', decimals: 1, polarity: 'neutral', classification: q, plain: '{share} households rent privately' }),
      ind('synth-no-car', 'oa21-cars', { numerator: ['No cars or vans in household'], denominator: 'Total: All households', unit: 'percent', decimals: 1, polarity: 'higher-worse', classification: q, plain: '{share} households have no car' }),
      ind('synth-score-11', 'iod11', { column: 'imd_score', unit: 'score', decimals: 1, polarity: 'higher-worse', classification: q }),
      ind('synth-decile-11', 'iod11', { column: 'imd_decile', unit: 'decile', decimals: 0, polarity: 'lower-worse', classification: { method: 'decile' } }),
    ] },
    domains: {
      framework: { name: 'Synthetic framework', note: SYNTHETIC },
      domains: [{ id: 'living-environment', number: 1, name: 'Living environment', summary: 's', description: 'd', systemProperty: 'p', colour: '#2f7d4f' }, { id: 'economic-systems', number: 2, name: 'Economic systems', summary: 's', description: 'd', systemProperty: 'p', colour: '#8a5a00' },
        { id: 'social-relationships', number: 3, name: 'Social relationships', summary: 's', description: 'd', systemProperty: 'p', colour: '#7b3f8c' }, { id: 'community-governance', number: 4, name: 'Community governance', summary: 's', description: 'd', systemProperty: 'p', colour: '#1f5f99' }],
      context: { id: 'context', name: 'Context', summary: 's', description: 'd', colour: '#555555' },
      mapping: [
        { family: 'synth-score-21', domain: 'context', reason: 'synthetic', why: 'synthetic' }, { family: 'synth-decile-21', domain: 'context', reason: 'synthetic', why: 'synthetic' },
        { family: 'synth-rented', domain: 'living-environment', reason: 'synthetic', why: 'synthetic' }, { family: 'synth-score-11', domain: 'economic-systems', reason: 'synthetic', why: 'synthetic' }, { family: 'synth-decile-11', domain: 'economic-systems', reason: 'synthetic', why: 'synthetic' },
        { family: 'synth-no-car', domain: 'economic-systems', reason: 'synthetic', why: 'synthetic' },
      ],
    },
    neighbourhoods: { $comment: SYNTHETIC, neighbourhoods: [
      { slug: 'ward-hood', name: 'Ward Hood (synthetic)', council: 'Testshire', description: SYNTHETIC, sourceUrl: 'https://example.org/ward-hood', derivation: { method: 'wards', wardVintage: 2019, wards: [{ code: 'E05999001', name: 'North Ward', part: false }] }, approximate: true, fitNotes: SYNTHETIC,
        lsoas2011: [{ code: 'E01800001', change: 'split', partial: false }, { code: 'E01800002', change: 'merged', partial: false }],
        lsoas2021: [{ code: 'E01900001', change: 'split', partial: false }, { code: 'E01900002', change: 'split', partial: false }, { code: 'E01900003', change: 'merged', partial: true }] },
      { slug: 'list-hood', name: 'List Hood (synthetic)', council: 'Testshire', description: SYNTHETIC, sourceUrl: 'https://example.org/list-hood', derivation: { method: 'lsoas', lsoaVintage: 2021, lsoas: ['E01900003', 'E01800004'], how: SYNTHETIC }, approximate: true, fitNotes: SYNTHETIC,
        lsoas2011: [{ code: 'E01800002', change: 'merged', partial: false }, { code: 'E01800003', change: 'merged', partial: false }, { code: 'E01800004', change: 'unchanged', partial: false }],
        lsoas2021: [{ code: 'E01800004', change: 'unchanged', partial: false }, { code: 'E01900003', change: 'merged', partial: false }] },
    ] },
    finance: financeConfig(),
    site: { $comment: SYNTHETIC, title: 'Synthetic Test Atlas', description: 'A synthetic atlas for tests.', programme: { name: 'Synthetic Programme', years: [2014, 2019] },
      home: { lede: 'Synthetic neighbourhoods of Testshire (synthetic).', intro: ['A synthetic introduction.'] }, limits: ['A synthetic limit.'] },
  };
}

/**
 * The synthetic world with some raw files replaced. Hashes are recorded for the replaced
 * files too, unless `recordedFrom` names the files whose recorded hash should stay the original's.
 */
export function world(overrides: Record<string, string> = {}, opts: { keepOriginalHashes?: boolean } = {}): { raw: Record<string, string>; config: RawConfig; inputs: RunInputs } {
  const base = rawFiles();
  const raw = { ...base, ...overrides };
  const config = configFor(opts.keepOriginalHashes ? base : raw);
  const files = new Map(Object.entries(raw).map(([k, v]) => [k, new Uint8Array(Buffer.from(v))]));
  return { raw, config, inputs: { config, files } };
}

/** Writes a world as a data/ folder (sources.json, config/, raw/) for CLI tests. */
export function writeWorld(dir: string, w: { raw: Record<string, string>; config: RawConfig }): void {
  const put = (p: string, text: string) => { mkdirSync(dirname(join(dir, p)), { recursive: true }); writeFileSync(join(dir, p), text); };
  for (const [p, text] of Object.entries(w.raw)) put(`raw/${p}`, text);
  put('sources.json', JSON.stringify(w.config.sources, null, 2));
  put('config/tables.json', JSON.stringify(w.config.tables, null, 2));
  put('config/geographies.json', JSON.stringify(w.config.geographies, null, 2));
  put('config/indicators.json', JSON.stringify(w.config.indicators, null, 2));
  put('config/domains.json', JSON.stringify(w.config.domains, null, 2));
  put('config/site.json', JSON.stringify(w.config.site, null, 2));
  if (w.config.finance) put('config/finance.json', JSON.stringify(w.config.finance, null, 2));
  if (w.config.primaryCare) put('config/primary-care.json', JSON.stringify(w.config.primaryCare, null, 2));
  put('config/neighbourhoods.json', JSON.stringify(w.config.neighbourhoods, null, 2));
}

/**
 * Records new provenance for one raw file of a world written with {@link writeWorld}, as a
 * researcher does for a new edition: its sha256 and size in sources.json. Used to get a changed
 * file past the hash check, so that its content is what is tested.
 */
export function recordRawFile(dir: string, w: { config: RawConfig }, path: string, rec: { sha256: string; bytes: number }): void {
  const sources = structuredClone(w.config.sources) as { sources: { files: { path: string; sha256: string; bytes: number }[] }[] };
  Object.assign(sources.sources[0].files.find((f) => f.path === path)!, rec);
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources, null, 2));
}

/** SYNTHETIC ward tables and GP practices for the governance and primary care cases (wards of the synthetic lookups). */
export const WARDS24 = 'WD24CD,WD24NM,latest_year,latest_turnout_pct,latest_electorate,mean_turnout_pct\nE05999101,North,2023,31.5,5000,30.0\nE05999102,South,2022,,4000,\nE05999103,Otherton Central,2024,40.0,3000,38.0\n';
export const CONTESTS = 'election_date,ward_code,ward_name,seats,candidates,uncontested\n2018-05-03,E05999001,North Ward,1,2,False\n2019-05-02,E05999001,North Ward,2,2,True\n2019-05-02,E05999002,South Ward,1,4,False\n2017-05-04,E58999001,Testshire Division,1,3,False\n2016-05-05,E05999999,Old Ward,1,1,True\n';
export const PRACTICES = 'fin_year,practice_code,practice_name,practice_postcode,ccg_code,ccg_name,registered_patients,gp_fq_headcount_excl_locums,wf_total_patients\n2018-19,P00001,Test Surgery,TE1 1AA,00X,Test CCG,5000,3,4800\n2019-20,P00001,Test Surgery,TE1 1AA,00X,Test CCG,5200,3,5000\n2018-19,P00002,Other Surgery,TE2 2BB,00X,Test CCG,6000,4,6000\n2019-20,P00002,Other Surgery,TE2 2BB,00X,Test CCG,6000,5,6000\n2019-20,P00003,Nowhere Surgery,,00Y,Far CCG,4000,2,4000\n';
export const POSTCODES = 'pcds,lsoa21\nTE1 1AA,E01900001\nTE2 2BB,E01800005\n';

/** The synthetic world with ward elections and GP practices added (SYNTHETIC). */
export function governanceWorld(overrides: Record<string, string> = {}): { raw: Record<string, string>; config: RawConfig; inputs: RunInputs } {
  const raw = { ...rawFiles(), 'synthetic/wards24.csv': WARDS24, 'synthetic/contests.csv': CONTESTS, 'synthetic/practices.csv': PRACTICES, 'synthetic/postcodes.csv': POSTCODES, ...overrides };
  const config = configFor(raw) as any;
  const q = { method: 'quantile', classes: 3, over: 'england' };
  config.tables.tables.push(
    { id: 'wards24', source: 'synthetic', file: 'synthetic/wards24.csv', vintage: 2021, code: 'WD24CD', coarser: { level: 'ward', notInLookup: { policy: 'error', reason: 'synthetic' }, percent: ['latest_turnout_pct', 'mean_turnout_pct'], noPoll: { column: 'latest_turnout_pct', reason: 'synthetic: no contested poll' }, show: ['WD24NM', 'latest_year', 'latest_turnout_pct'] } },
    { id: 'contests', source: 'synthetic', file: 'synthetic/contests.csv', vintage: 2011, code: 'ward_code', coarser: { level: 'ward', notInLookup: { policy: 'exclude', reason: 'synthetic: a ward redrawn before the lookup' }, percent: [], show: ['ward_name', 'latest_year', 'latest_seats', 'latest_candidates', 'seats_all', 'seats_uncontested_all', 'years'], contests: { date: 'election_date', name: 'ward_name', seats: 'seats', candidates: 'candidates', uncontested: 'uncontested' } } },
  );
  const ind = (id: string, table: string, extra: object) => ({ id, label: `Synthetic ${id}`, shortLabel: id, description: `${SYNTHETIC} (${id})`, table, edition: 'Synthetic', family: id, classification: q, decimals: 1, ...extra });
  config.indicators.indicators.push(
    ind('synth-turnout', 'wards24', { column: 'latest_turnout_pct', unit: 'percent', polarity: 'lower-worse', plain: '{share} electors voted' }),
    ind('synth-per-seat', 'contests', { column: 'latest_candidates_per_seat', unit: 'rate', per: 'candidates per seat', polarity: 'lower-worse', plain: '{value} candidates stood for each seat' }),
    ind('synth-unopposed', 'contests', { numerator: ['seats_uncontested_all'], denominator: 'seats_all', unit: 'percent', polarity: 'higher-worse', plain: '{share} seats were filled without a vote' }),
  );
  for (const f of ['synth-turnout', 'synth-per-seat', 'synth-unopposed']) config.domains.mapping.push({ family: f, domain: 'community-governance', reason: 'synthetic', why: 'synthetic' });
  config.primaryCare = {
    source: 'synthetic', file: 'synthetic/practices.csv', years: ['2018-19', '2019-20'],
    columns: { year: 'fin_year', practice: 'practice_code', name: 'practice_name', postcode: 'practice_postcode', ccg: 'ccg_code', ccgName: 'ccg_name', patients: 'registered_patients', gps: 'gp_fq_headcount_excl_locums', wfPatients: 'wf_total_patients' },
    postcodes: { source: 'synthetic', file: 'synthetic/postcodes.csv', postcode: 'pcds', lsoa: 'lsoa21' }, distanceKm: 1.5, notes: [SYNTHETIC],
  };
  const files = new Map(Object.entries(raw).map(([k, v]) => [k, new Uint8Array(Buffer.from(v))]));
  return { raw, config, inputs: { config, files } };
}
