import type { Topology } from 'topojson-specification';
import { areasOf, catalogue, readData, valuesOf, type IndicatorMeta, type Neighbourhood } from './data.ts';
import { carriedFlags, changeNote, viewSummary, type ChangeValues } from './words.ts';
import { placesIn, type Place } from './labels.ts';
import { mapBox } from './planar.ts';
import { isProfileIndicator } from './plain.ts';
import type { MapLabel } from './svg-map.ts';
import { mappedArea } from './scope-words.ts';

export type Status = 'value' | 'missing' | 'suppressed';
export interface AreaValue { value: number | null; status: Status }
/** One small area as a map's table lists it. */
export interface ViewRow extends AreaValue { code: string; name: string; lad: string; neighbourhood: string; /** Change layers: both editions' deciles and the carried flag. */ note?: string }

/** The topology of one LSOA vintage (read once per build). */
export const topologyOf = (vintage: 2011 | 2021) => readData<Topology>(`geo/lsoa-${vintage}.topo.json`);
export const contextTopology = () => readData<Topology>('geo/context.topo.json');

/** One indicator's value and status for each LSOA code of its vintage. */
export function valuesByCode(ind: IndicatorMeta): Map<string, AreaValue> {
  const cached = memo.get(ind.id);
  if (cached) { memo.delete(ind.id); memo.set(ind.id, cached); return cached; }
  const v = valuesOf(ind.id);
  const codes = areasOf(ind.vintage).codes;
  const missing = new Set(v.missing);
  const suppressed = new Set(v.suppressed);
  const out = new Map<string, AreaValue>();
  codes.forEach((code, i) => out.set(code, { value: v.values[i], status: suppressed.has(i) ? 'suppressed' : missing.has(i) ? 'missing' : 'value' }));
  memo.set(ind.id, out);
  // The few most recently used are kept: every indicator's map for all of England's small areas would hold hundreds of MB through the build.
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return out;
}
const memo = new Map<string, Map<string, AreaValue>>();
const MEMO_SIZE = 8;

/** For a change layer: the codes of areas whose earlier value was carried from a split, merged or redrawn 2011 area. */
export function carriedCodes(ind: IndicatorMeta): Set<string> {
  const codes = areasOf(ind.vintage).codes;
  return new Set([...carriedFlags(valuesOf(ind.id) as ChangeValues).keys()].map((k) => codes[k]));
}

/** Name, ward and local authority of each LSOA of a vintage. */
export function areaInfo(vintage: 2011 | 2021): Map<string, { name: string; ward: string; lad: string }> {
  const a = areasOf(vintage);
  return new Map(a.codes.map((c, i) => [c, { name: a.names[i], ward: a.wardNames[a.ward[i]] ?? a.ward[i], lad: a.ladNames[a.lad[i]] ?? a.lad[i] }]));
}

/** Indicators of a domain, in catalogue order. */
export function indicatorsOfDomain(domainId: string): IndicatorMeta[] {
  return catalogue().indicators.filter((i) => i.domain === domainId);
}

/** The indicators shown in profiles: one headline measure per family (score, rate or percentage). */
export function profileIndicators(domainId: string): IndicatorMeta[] {
  return indicatorsOfDomain(domainId).filter(isProfileIndicator);
}

/** Place names (OS Open Names) inside a box, most important first, of kinds ranked up to `maxRank` (0 cities … 3 villages). */
export function placeNamesIn(bbox: [number, number, number, number], maxRank: number): MapLabel[] {
  if (!catalogue().search) return []; // place names come with the search index
  return placesIn(readData<{ places: Place[] }>('geo/places.json').places, bbox, maxRank);
}

/** A neighbourhood map's streets (roads by class, and street names), decoded from the tiles by the pipeline; null when the build has none. */
export interface Streets { bbox: [number, number, number, number]; main: number[][][]; minor: number[][][]; rail: number[][][]; names: [string, string, number, number][] }
export function streetsOf(slug: string): Streets | null {
  return catalogue().streets ? readData<Streets>(`geo/streets/${slug}.json`) : null;
}

/**
 * What a neighbourhood's map draws: its LSOAs (2021) in colour, the rest of its local authority
 * in grey, in a box padded around the neighbourhood. Shared by its page and its embed.
 */
export function neighbourhoodMap(n: { lsoas2021: { code: string }[]; lad: Record<'2021', { name: string }>; placement: Record<'2021', { bbox: [number, number, number, number] } | null> }) {
  const info = areaInfo(2021);
  const codes = n.lsoas2021.map((m) => m.code);
  const own = new Set(codes);
  const contextCodes = [...info].filter(([c, a]) => a.lad === n.lad['2021'].name && !own.has(c)).map(([c]) => c);
  const bbox = mapBox(n.placement['2021']!.bbox);
  return { info, codes, contextCodes, bbox };
}

/** A table row maker for one indicator: an area's name, local authority and value, with the neighbourhood given. */
function rowsOf(ind: IndicatorMeta): (code: string, neighbourhood: string) => ViewRow {
  const info = areaInfo(ind.vintage);
  const values = valuesByCode(ind);
  const note = changeNotes(ind);
  return (code, neighbourhood) => {
    const v = values.get(code);
    return { code, name: info.get(code)?.name ?? code, lad: info.get(code)?.lad ?? '', neighbourhood, value: v?.value ?? null, status: v?.status ?? 'missing', note: note.get(code) };
  };
}

/** For a change layer: each area's two deciles and how the earlier one was carried, " (2 to 4, split)", as the explorer's table shows it. */
function changeNotes(ind: IndicatorMeta): Map<string, string> {
  const v = valuesOf(ind.id) as ChangeValues;
  if (!v.editions) return new Map();
  const flagAt = carriedFlags(v);
  return new Map(areasOf(ind.vintage).codes.map((code, k) => [code, changeNote(v.editions!.fromValues[k], v.editions!.toValues[k], flagAt.get(k))]));
}

const members = (ind: IndicatorMeta, n: Neighbourhood) => (ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021);

/** The neighbourhoods' small areas (of the indicator's vintage) as table rows, in neighbourhood order. */
export function neighbourhoodRows(ind: IndicatorMeta, nbs: readonly Neighbourhood[]): ViewRow[] {
  const row = rowsOf(ind);
  return nbs.flatMap((n) => members(ind, n).map((m) => row(m.code, n.name)));
}

/** Every small area of the region (of the indicator's vintage) as table rows, in code order, each with its neighbourhood if any. */
export function regionRows(ind: IndicatorMeta, nbs: readonly Neighbourhood[]): ViewRow[] {
  const row = rowsOf(ind);
  const nbOf = new Map(nbs.flatMap((n) => members(ind, n).map((m) => [m.code, n.name] as const)));
  return [...areaInfo(ind.vintage).keys()].map((code) => row(code, nbOf.get(code) ?? ''));
}

/** The summary of a map of the whole region: the spread of its areas' values, and the outlines drawn. */
export function regionSummary(ind: IndicatorMeta, nbs: readonly Neighbourhood[], where = `of ${mappedArea(catalogue().scope)}`): string {
  return `${viewSummary(ind, regionRows(ind, nbs), where)} The programme's ${nbs.length} neighbourhoods are outlined.`;
}
