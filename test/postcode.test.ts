/**
 * Postcode search: normalisation, and lookups through the pipeline's shards on real postcodes
 * whose small areas were read by hand from the raw ONS lookup (zcat | grep).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikePostcode, parsePostcode, postcodeGroups, shardPath, shardRow, typedDistrict, type PostcodeShard } from '../src/lib/postcode.ts';
import { DIST, ROOT } from './browser.ts';

describe('postcode normalisation', () => {
  it('reads every common spelling as the same postcode', () => {
    for (const s of ['l36 9ud', 'L369UD', ' L36 9UD ', 'l36  9UD', 'L36-9UD']) expect(parsePostcode(s)?.postcode, s).toBe('L36 9UD');
    expect(parsePostcode('fy12es')).toMatchObject({ postcode: 'FY1 2ES', area: 'FY', district: 'FY1', sector: 'FY1 2', inward: '2ES', unit: 'ES' });
    expect(parsePostcode('ec1a1bb')).toMatchObject({ postcode: 'EC1A 1BB', district: 'EC1A', sector: 'EC1A 1', inward: '1BB' });
    expect(shardPath('FY1')).toBe('search/postcodes/FY1.json');
  });
  it('rejects what is not a full postcode', () => {
    for (const s of ['L36', 'L36 9', 'hello', '12345', 'L36 9U', 'E01012684']) expect(parsePostcode(s), s).toBeNull();
    expect(looksLikePostcode('L36')).toBe(true);
    expect(looksLikePostcode('Haslingden')).toBe(false);
    expect(looksLikePostcode('E01012684')).toBe(false);
  });
  it('knows the district of a postcode being typed once it is certain, so its shard can be fetched early', () => {
    for (const s of ['FY1 2', 'fy1 2e', 'FY1 2ES', 'FY12ES', ' FY1  2E ']) expect(typedDistrict(s), s).toBe('FY1');
    expect(typedDistrict('EC1A 1')).toBe('EC1A');
    expect(typedDistrict('FY12 3')).toBe('FY12');
    // Without the space, "FY12" may be district FY12 or the start of FY1 2..: not guessed; nor is "FY1" alone.
    for (const s of ['FY1', 'FY1 ', 'FY12', 'FY12E', 'Haslingden', 'E01012684']) expect(typedDistrict(s), s).toBeNull();
  });
});

describe('postcode shards', () => {
  const shard = (district: string) => JSON.parse(readFileSync(join(ROOT, 'public/data', shardPath(district)), 'utf8')) as PostcodeShard;
  const find = (pc: string) => {
    const p = parsePostcode(pc)!;
    const s = shard(p.district);
    const row = shardRow(s, p)!;
    return { lsoa: s.lsoas[row[1]], ward: s.wards[row[2]] };
  };
  it('find the small area, ward and local authority the ONS lookup gives', () => {
    // Raw: FY1 2ES,E06000009,E05015190,E01012684 / PR8 1AA,E08000014,E05000938,E01033798 / L36 9UD,E08000011,E05010942,E01006474
    expect(find('FY1 2ES')).toMatchObject({ lsoa: ['E01012684', 'Blackpool 008E', ['E01012684'], 'claremont'], ward: ['E05015190', expect.any(String), 'E06000009', 'Blackpool'] });
    expect(find('pr81aa').lsoa.slice(0, 1).concat(find('pr81aa').lsoa[3])).toEqual(['E01033798', 'central-southport']);
    // A shard names the neighbourhoods its small areas are in, so the answer can say which.
    expect(shard('PR8').neighbourhoods).toEqual({ 'central-southport': 'Central Southport' });
    expect(shard('L36').neighbourhoods).toEqual({ 'stockbridge-village': 'Stockbridge Village' });
    expect(find('L36 9UD')).toMatchObject({ lsoa: ['E01006474', expect.any(String), expect.any(Array), null], ward: ['E05010942', expect.any(String), 'E08000011', 'Knowsley'] });
  });
  it('list every district and sector in the index, one shard for each district', () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'public/data/search/postcode-districts.json'), 'utf8'));
    expect(index.districts.FY1).toContain('2');
    expect(index.districts.SW1A).toBeUndefined();
    const files = readdirSync(join(ROOT, 'public/data/search/postcodes')).sort();
    expect(files).toEqual(Object.keys(index.districts).map((d) => `${d}.json`).sort());
    // Every sector the index names for a district has postcodes in its shard, and no other.
    for (const [d, digits] of Object.entries(index.districts as Record<string, string>)) {
      expect([...new Set(shard(d).postcodes.map((r) => r[0][0]))].sort().join(''), d).toBe(digits);
    }
  });
  it('give no row for a postcode the lookup does not have (a unit absent from a real district)', () => {
    const s = shard('FY1');
    const missing = ['2ZZ', '9ZZ', '0AA'].find((inw) => !s.postcodes.some((r) => r[0] === inw))!;
    expect(shardRow(s, parsePostcode(`FY1 ${missing}`)!)).toBeUndefined();
  });
});

describe('postcode district pages', () => {
  it('gather postcodes by small area and ward, each once, groups in the order of their first postcode (synthetic shard)', () => {
    // Synthetic: an invented district, its second sector's postcodes given first.
    const s: PostcodeShard = { district: 'ZZ9', lsoas: [['A1', 'Area one', [], null], ['A2', 'Area two', [], 'n']], wards: [['W1', 'Ward one', 'C1', 'Council'], ['W2', 'Ward two', 'C1', 'Council']], neighbourhoods: { n: 'Neighbourhood n' }, postcodes: [['2AA', 0, 0], ['2AB', 0, 1], ['1BB', 1, 0], ['1AA', 0, 0], ['1AB', 0, 0]] };
    expect(postcodeGroups(s).map((g) => [g.lsoa[0], g.ward[0], g.postcodes])).toEqual([
      ['A1', 'W1', ['ZZ9 1AA', 'ZZ9 1AB', 'ZZ9 2AA']],
      ['A2', 'W1', ['ZZ9 1BB']],
      ['A1', 'W2', ['ZZ9 2AB']],
    ]);
  });
  it('list every postcode of the district once, in the row of the small area and ward the lookup gives', () => {
    const dir = join(DIST, 'data/search/postcodes');
    const s = JSON.parse(readFileSync(join(dir, 'FY1.json'), 'utf8')) as PostcodeShard;
    const expected = new Map(s.postcodes.map(([inward, l, w]) => [`${s.district} ${inward}`, `${s.lsoas[l][0]} ${s.wards[w][1]}`] as const));
    const html = readFileSync(join(DIST, 'search/postcodes/FY1/index.html'), 'utf8');
    const rows = [...html.matchAll(/<tr><th scope="row">.*?<\/a> (E0\d{7})<span class="narrow-only">.*?<\/span><\/th><td class="wide-only">([^<]*)<\/td>.*?<\/tr>/g)];
    const seen = new Map<string, string>();
    for (const [row, lsoa, ward] of rows) for (const [, pc] of [...row.matchAll(/([A-Z0-9]+)\u00a0([0-9][A-Z]{2})(?=, |<\/td>)/g)].map(([all, out, inw]) => [all, `${out} ${inw}`])) {
      expect(seen.has(pc), `${pc} listed twice`).toBe(false);
      seen.set(pc, `${lsoa} ${ward.replace(/&amp;/g, '&').replace(/&#39;/g, "'")}`);
    }
    expect(expected.size).toBeGreaterThan(500);
    expect(seen).toEqual(expected);
    expect(rows.length).toBeLessThan(expected.size / 5);
    expect(html).toContain(`${expected.size.toLocaleString('en-GB')} postcodes`);
    // The edition is the one geographies.json names, as the pipeline copied it into the districts' index.
    const config = JSON.parse(readFileSync(join(ROOT, 'data/config/geographies.json'), 'utf8')) as { search: { postcodes: { edition: string } } };
    expect(html).toContain(`postcodes (from the national postcode lookup, ${config.search.postcodes.edition}; live and terminated postcodes alike)`);
  });
});
