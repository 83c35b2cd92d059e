import type { Topology } from 'topojson-specification';
import { areasOf, catalogue, readData, valuesOf, type IndicatorMeta, type Neighbourhood } from './data.ts';

export type Status = 'value' | 'missing' | 'suppressed';
export interface AreaValue { value: number | null; status: Status }
/** One small area as a map's table lists it. */
export interface ViewRow extends AreaValue { code: string; name: string; lad: string; neighbourhood: string }

/** The topology of one LSOA vintage (read once per build). */
export const topologyOf = (vintage: 2011 | 2021) => readData<Topology>(`geo/lsoa-${vintage}.topo.json`);
export const contextTopology = () => readData<Topology>('geo/context.topo.json');

/** One indicator's value and status for each LSOA code of its vintage. */
export function valuesByCode(ind: IndicatorMeta): Map<string, AreaValue> {
  const cached = memo.get(ind.id);
  if (cached) return cached;
  const v = valuesOf(ind.id);
  const codes = areasOf(ind.vintage).codes;
  const missing = new Set(v.missing);
  const suppressed = new Set(v.suppressed);
  const out = new Map<string, AreaValue>();
  codes.forEach((code, i) => out.set(code, { value: v.values[i], status: suppressed.has(i) ? 'suppressed' : missing.has(i) ? 'missing' : 'value' }));
  memo.set(ind.id, out);
  return out;
}
const memo = new Map<string, Map<string, AreaValue>>();

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
  return indicatorsOfDomain(domainId).filter((i) => !i.local && (i.unit === 'score' || i.unit === 'percent' || i.unit === 'rate'));
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
  const [x0, y0, x1, y1] = n.placement['2021']!.bbox;
  const px = (x1 - x0) * 0.35, py = (y1 - y0) * 0.35;
  const bbox: [number, number, number, number] = [x0 - px, y0 - py, x1 + px, y1 + py];
  return { info, codes, contextCodes, bbox };
}

/** The neighbourhoods' small areas (of the indicator's vintage) as table rows, in neighbourhood order. */
export function neighbourhoodRows(ind: IndicatorMeta, nbs: readonly Neighbourhood[]): ViewRow[] {
  const info = areaInfo(ind.vintage);
  const values = valuesByCode(ind);
  return nbs.flatMap((n) => (ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => {
    const v = values.get(m.code);
    return { code: m.code, name: info.get(m.code)?.name ?? m.code, lad: info.get(m.code)?.lad ?? '', neighbourhood: n.name, value: v?.value ?? null, status: v?.status ?? 'missing' };
  }));
}
