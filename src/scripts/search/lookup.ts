/** Postcode and place lookups against the atlas's own static files: a search downloads a few KB. */
import { DISTRICT_INDEX, parsePostcode, shardPath, shardRow, typedDistrict, type DistrictIndex, type PostcodeShard } from '../../lib/postcode.ts';
import type { BBox } from '../../lib/planar.ts';

export interface PostcodeAnswer {
  kind: 'found';
  postcode: string;
  lsoa: { code: string; name: string; lsoa11: string[] };
  ward: { code: string; name: string };
  lad: { code: string; name: string };
  /** The programme neighbourhood it is in, or null. */
  neighbourhood: { slug: string; name: string } | null;
}
/** Where a postcode could not be found: the file's edition, the area the atlas maps as a sentence names it ("the North West", "England"), the share of its small areas the file covers and whether it covers them all. */
export type Coverage = Omit<DistrictIndex, 'districts'>;
export type PostcodeResult = PostcodeAnswer | { kind: 'malformed' } | ({ kind: 'outside'; postcode: string; area: string } & Coverage) | ({ kind: 'unknown'; postcode: string } & Coverage);

const cache = new Map<string, Promise<unknown>>();
function getJson<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p as Promise<T>;
}

/** Looks a postcode up: its LSOA (both vintages), ward, local authority and neighbourhood, or why not. */
export async function lookupPostcode(base: string, input: string): Promise<PostcodeResult> {
  const p = parsePostcode(input);
  if (!p) return { kind: 'malformed' };
  // One request when the postcode exists: its district's shard. Only a miss consults the district index.
  const shard = await getJson<PostcodeShard>(`${base}data/${shardPath(p.district)}`).catch(() => null);
  const row = shard ? shardRow(shard, p) : undefined;
  if (!shard || !row) {
    const { districts, ...cov } = await getJson<DistrictIndex>(`${base}data/${DISTRICT_INDEX}`);
    const areas = new Set(Object.keys(districts).map((d) => d.replace(/[0-9].*$/, '')));
    return areas.has(p.area) ? { kind: 'unknown', postcode: p.postcode, ...cov } : { kind: 'outside', postcode: p.postcode, area: p.area, ...cov };
  }
  const [code, name, lsoa11, nb] = shard.lsoas[row[1]];
  const [wardCode, wardName, ladCode, ladName] = shard.wards[row[2]];
  return { kind: 'found', postcode: p.postcode, lsoa: { code, name, lsoa11 }, ward: { code: wardCode, name: wardName }, lad: { code: ladCode, name: ladName }, neighbourhood: nb ? { slug: nb, name: shard.neighbourhoods[nb] ?? nb } : null };
}

/**
 * Starts fetching a postcode's shard while it is being typed, as soon as its district is certain
 * ("FY1 2…"), so the answer is ready on Enter.
 */
export function prefetchPostcode(base: string, input: string): void {
  const district = typedDistrict(input);
  if (district) void getJson(`${base}data/${shardPath(district)}`).catch(() => {});
}

export interface Place { label: string; kind: string; kindName: string; bbox?: BBox; point?: [number, number]; id?: string; where?: string }

/** The place index: neighbourhoods, local authorities, wards, parishes, towns, villages, suburbs. */
export async function loadPlaces(base: string): Promise<Place[]> {
  const data = await getJson<{ kinds: Record<string, string>; places: unknown[][] }>(`${base}data/search/places.json`);
  return data.places.map((p) => {
    const [label, kind] = p as [string, string];
    if (p.length === 7) return { label, kind, kindName: data.kinds[kind], bbox: p.slice(2, 6) as BBox, id: String(p[6]) };
    return { label, kind, kindName: data.kinds[kind], point: [p[2] as number, p[3] as number], where: String(p[4] ?? '') };
  });
}
