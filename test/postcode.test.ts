/**
 * Postcode search: normalisation, and lookups through the pipeline's shards on real postcodes
 * whose small areas were read by hand from the raw ONS lookup (zcat | grep).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikePostcode, parsePostcode, shardName, typedSector } from '../src/lib/postcode.ts';
import { ROOT } from './browser.ts';

describe('postcode normalisation', () => {
  it('reads every common spelling as the same postcode', () => {
    for (const s of ['l36 9ud', 'L369UD', ' L36 9UD ', 'l36  9UD', 'L36-9UD']) expect(parsePostcode(s)?.postcode, s).toBe('L36 9UD');
    expect(parsePostcode('fy12es')).toMatchObject({ postcode: 'FY1 2ES', area: 'FY', district: 'FY1', sector: 'FY1 2', unit: 'ES' });
    expect(parsePostcode('ec1a1bb')).toMatchObject({ postcode: 'EC1A 1BB', district: 'EC1A', sector: 'EC1A 1' });
    expect(shardName('FY1 2')).toBe('FY1-2');
  });
  it('rejects what is not a full postcode', () => {
    for (const s of ['L36', 'L36 9', 'hello', '12345', 'L36 9U', 'E01012684']) expect(parsePostcode(s), s).toBeNull();
    expect(looksLikePostcode('L36')).toBe(true);
    expect(looksLikePostcode('Haslingden')).toBe(false);
    expect(looksLikePostcode('E01012684')).toBe(false);
  });
  it('knows the sector of a postcode being typed once it is certain, so its shard can be fetched early', () => {
    for (const s of ['FY1 2', 'fy1 2e', 'FY1 2ES', 'FY12ES', ' FY1  2E ']) expect(typedSector(s), s).toBe('FY1 2');
    expect(typedSector('EC1A 1')).toBe('EC1A 1');
    // Without the space, "FY12" may be district FY12 or sector FY1 2: not guessed.
    for (const s of ['FY1', 'FY12', 'FY12E', 'Haslingden', 'E01012684']) expect(typedSector(s), s).toBeNull();
  });
});

describe('postcode shards', () => {
  const shard = (sector: string) => JSON.parse(readFileSync(join(ROOT, 'public/data/search/postcodes', `${shardName(sector)}.json`), 'utf8'));
  const find = (pc: string) => {
    const p = parsePostcode(pc)!;
    const s = shard(p.sector);
    const row = s.postcodes.find((r: [string]) => r[0] === p.unit);
    return { lsoa: s.lsoas[row[1]], ward: s.wards[row[2]] };
  };
  it('find the small area, ward and local authority the ONS lookup gives', () => {
    // Raw: FY1 2ES,E06000009,E05015190,E01012684 / PR8 1AA,E08000014,E05000938,E01033798 / L36 9UD,E08000011,E05010942,E01006474
    expect(find('FY1 2ES')).toMatchObject({ lsoa: ['E01012684', 'Blackpool 008E', ['E01012684'], 'claremont'], ward: ['E05015190', expect.any(String), 'E06000009', 'Blackpool'] });
    expect(find('pr81aa').lsoa.slice(0, 1).concat(find('pr81aa').lsoa[3])).toEqual(['E01033798', 'central-southport']);
    expect(find('L36 9UD')).toMatchObject({ lsoa: ['E01006474', expect.any(String), expect.any(Array), null], ward: ['E05010942', expect.any(String), 'E08000011', 'Knowsley'] });
  });
  it('list every district and sector in the index', () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'public/data/search/postcode-districts.json'), 'utf8'));
    expect(index.districts.FY1).toContain('2');
    expect(index.districts.SW1A).toBeUndefined();
  });
});
