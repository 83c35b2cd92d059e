/**
 * A researcher's rebuild for another region and another programme, by data alone: the
 * project's data/ copied, the scope set to the North East, two neighbourhoods derived from
 * its 2019 wards, the programme's local datasets removed and the site's words replaced. Data
 * and site are then built as the README says, and checked. Nothing under src/ changes.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './browser.ts';
import { buildSite } from './fixture-site.ts';

const REGION = { regionCode: 'E12000001', regionName: 'North East' };
// Two 2019 wards of the North East, named as the ONS lookup names them.
const WARDS = [
  { slug: 'walker', name: 'Walker', council: 'Newcastle upon Tyne', ward: { code: 'E05011458', name: 'Walker', part: false } },
  { slug: 'middlesbrough-central', name: 'Middlesbrough Central', council: 'Middlesbrough', ward: { code: 'E05009857', name: 'Central', part: false } },
];
const SITE = {
  title: 'Rebuild Test Atlas',
  description: 'A rebuild of the atlas for two wards of another region, made by the test suite.',
  programme: { name: 'Rebuild Test Programme', years: [2016, 2020] },
  home: { lede: 'Two wards chosen by the test suite, to show that the atlas rebuilds for another region from data alone.', intro: ['This text comes from the test’s own site.json.'] },
  limits: ['A limit written by the rebuild test.'],
};

let dir = '';
let dist = '';
let pub = '';
const read = (p: string) => readFileSync(p, 'utf8');
const json = <T>(p: string): T => JSON.parse(read(p)) as T;

function htmlFiles(d: string): string[] {
  return readdirSync(d, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}
/** A page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}
/** Every string in the rebuild's config files that names the North West: the only places a page may take it from. */
function configMentions(data: string): string[] {
  const found: string[] = [];
  const walk = (o: unknown): void => {
    if (typeof o === 'string') { if (o.includes('North West')) found.push(o.replace(/\s+/g, ' ')); }
    else if (o && typeof o === 'object') Object.values(o).forEach(walk);
  };
  for (const f of ['sources.json', ...readdirSync(join(data, 'config')).map((x) => `config/${x}`)]) walk(json(join(data, f)));
  return found;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-rebuild-'));
  const data = join(dir, 'data');
  cpSync(join(ROOT, 'data'), data, { recursive: true, filter: (src) => !relative(join(ROOT, 'data'), src).startsWith('local') });
  const geoPath = join(data, 'config/geographies.json');
  writeFileSync(geoPath, JSON.stringify({ ...json<object>(geoPath), scope: REGION }, null, 2));
  const nbPath = join(data, 'config/neighbourhoods.json');
  writeFileSync(nbPath, JSON.stringify({
    neighbourhoods: WARDS.map((w) => ({
      slug: w.slug, name: w.name, council: w.council,
      description: `The 2019 ward of ${w.ward.name}, ${w.council}, chosen by the rebuild test.`,
      sourceUrl: 'https://example.org/rebuild-test', derivation: { method: 'wards', wardVintage: 2019, wards: [w.ward] },
      approximate: true, fitNotes: 'The whole 2019 ward, as the ONS lookup gives it.', lsoas2011: [], lsoas2021: [],
    })),
  }, null, 2));
  writeFileSync(join(data, 'config/site.json'), JSON.stringify(SITE, null, 2));
  // Council spending: the RS returns cover England; the region's code in them, and each neighbourhood's council.
  const finPath = join(data, 'config/finance.json');
  const fin = json<{ region: object; neighbourhoods: object }>(finPath);
  writeFileSync(finPath, JSON.stringify({ ...fin, region: { ...fin.region, value: 'NE' }, neighbourhoods: { walker: ['E08000021'], 'middlesbrough-central': ['E06000002'] } }, null, 2));
  dist = buildSite(dir, ['--update-neighbourhoods']);
  pub = join(dir, 'public/data');
}, 600_000);
afterAll(() => { if (dir && !process.env.KEEP_REBUILD) rmSync(dir, { recursive: true, force: true }); });

describe('a rebuild for another region and programme, from data alone', () => {
  it('derives the new neighbourhoods from their wards and gives each a page; the old ones are gone', () => {
    const nbs = json<{ neighbourhoods: { slug: string; lsoas2021: unknown[]; lad: { 2021: { name: string } } }[] }>(join(pub, 'neighbourhoods.json')).neighbourhoods;
    expect(nbs.map((n) => n.slug)).toEqual(WARDS.map((w) => w.slug));
    for (const n of nbs) {
      expect(n.lsoas2021.length).toBeGreaterThan(2);
      expect(existsSync(join(dist, 'neighbourhoods', n.slug, 'index.html'))).toBe(true);
    }
    expect(nbs.map((n) => n.lad[2021].name)).toEqual(WARDS.map((w) => w.council));
    expect(existsSync(join(dist, 'neighbourhoods', 'claremont'))).toBe(false);
    expect(readdirSync(join(dist, 'neighbourhoods')).sort()).toEqual(WARDS.map((w) => w.slug).sort());
  });

  it('names the comparators after the new region, and the site after the new programme', () => {
    const page = textOf(read(join(dist, 'neighbourhoods', 'walker', 'index.html')));
    expect(page).toContain('North East');
    expect(page).toContain('Newcastle upon Tyne');
    const comparators = json<{ region: { name: string } }>(join(pub, 'comparators.json'));
    expect(comparators.region.name).toBe('North East');
    const home = textOf(read(join(dist, 'index.html')));
    expect(home).toContain(SITE.title);
    expect(home).toContain(SITE.home.lede);
    expect(textOf(read(join(dist, 'methods', 'index.html')))).toContain(SITE.limits[0]);
  });

  it('search holds the new region only: its wards and councils, no postcode or place outside it', () => {
    const areas = json<{ codes: string[]; ward: string[]; lad: string[] }>(join(pub, 'areas/lsoa-2021.json'));
    const wards = new Set(areas.ward), lads = new Set(areas.lad);
    const { places } = json<{ places: unknown[][] }>(join(pub, 'search/places.json'));
    const found = (name: string, kind: string) => places.some((p) => p[0] === name && p[1] === kind);
    expect(found('Walker', 'W')).toBe(true);
    expect(found('Newcastle upon Tyne', 'L')).toBe(true);
    expect(found('Walker', 'N')).toBe(true);
    for (const p of places) {
      if (p[1] === 'W') expect(wards.has(String(p[6]))).toBe(true);
      if (p[1] === 'L') expect(lads.has(String(p[6]))).toBe(true);
    }
    // The staged postcode and place-name files are the North West's: none of their rows lies in the scope.
    for (const name of ['Blackpool', 'Haslingden', 'Claremont', 'Liverpool', 'Workington']) expect(places.some((p) => p[0] === name)).toBe(false);
    expect(places.filter((p) => !['N', 'L', 'W', 'P'].includes(String(p[1])))).toEqual([]);
    expect(existsSync(join(pub, 'search/postcodes')) ? readdirSync(join(pub, 'search/postcodes')) : []).toEqual([]);
    expect(Object.keys(json<{ districts: object }>(join(pub, 'search/postcode-districts.json')).districts)).toEqual([]);
    expect(existsSync(join(dist, 'search/postcodes')) ? readdirSync(join(dist, 'search/postcodes')).filter((f) => f !== 'index.html') : []).toEqual([]);
  });

  it('says in plain words that the postcode file does not cover the region, in the build report and beside the search box', () => {
    const report = json<{ search: { postcodes: number; postcodesOutsideScope: number; coverage: { withPostcodes: number; words: string } } }>(join(pub, 'build-report.json'));
    expect(report.search.postcodes).toBe(0);
    expect(report.search.postcodesOutsideScope).toBeGreaterThan(300_000);
    expect(report.search.coverage.withPostcodes).toBe(0);
    expect(report.search.coverage.words).toMatch(/holds no postcode in the North East.*search for a place/);
    expect(textOf(read(join(dist, 'index.html')))).toContain(report.search.coverage.words);
  });

  it('council spending follows the region: its councils on the councils page, each neighbourhood\'s own council on its page', () => {
    const councils = textOf(read(join(dist, 'councils', 'index.html')));
    expect(councils).toContain('Council spending per resident in the North East');
    expect(councils).toContain('Newcastle upon Tyne');
    expect(councils).not.toContain('Blackpool');
    const walker = textOf(read(join(dist, 'neighbourhoods', 'walker', 'index.html')));
    expect(walker).toMatch(/Walker lay in Newcastle upon Tyne, a single-tier council/);
  });

  it('no page names the North West, unless it quotes a config file that does', () => {
    const allowed = configMentions(join(dir, 'data'));
    const offenders: string[] = [];
    for (const f of htmlFiles(dist)) {
      let text = textOf(read(f));
      for (const a of allowed) text = text.split(a).join(' ');
      const i = text.indexOf('North West');
      if (i >= 0) offenders.push(`${relative(dist, f)}: …${text.slice(Math.max(0, i - 80), i + 40)}…`);
    }
    expect(offenders).toEqual([]);
  });
});
