import type { Geographies, Indicator } from '../schema.ts';
import { VINTAGES, type AreaFrame, type Vintage } from './areas.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import { STATUS, type Series } from './values.ts';
import { round } from '../round.ts';
import { quantileSorted } from 'simple-statistics';

/** The share of a group's areas, and of its people, in England's most deprived tenth or fifth. */
export interface DeprivedShare {
  areas: number;
  share: number;
  population: number;
  populationShare: number;
}

/** One indicator summarised over a group of LSOAs (a neighbourhood, a local authority, the region, England). */
export interface Summary {
  areas: number;
  withValue: number;
  missing: number;
  suppressed: number;
  /** Population-weighted mean (or, for percentages built from counts, the pooled percentage). */
  mean?: number;
  min?: number;
  max?: number;
  /** For deciles: how many areas in each decile, 1 (most deprived) to 10. */
  deciles?: number[];
  mostDeprived10?: DeprivedShare;
  mostDeprived20?: DeprivedShare;
  /** Where the mean falls among England's small areas: the share of them with a lower value (ties count half), 0 to 1. */
  position?: number;
}

/** England's small areas on one indicator, sorted: the yardstick every group's figure is placed on. */
export interface Ranking {
  sorted: Float64Array;
}

/** How England's small areas spread on one indicator: the spine chart's background. */
export interface Distribution {
  areas: number;
  p5: number; p10: number; p25: number; p50: number; p75: number; p90: number; p95: number;
}

/** England's values of one series, sorted (figures only: missing and suppressed areas left out). */
export function englandRanking(series: Series): Ranking {
  const out = new Float64Array(series.values.length);
  let n = 0;
  for (let i = 0; i < series.values.length; i++) if (series.status[i] === STATUS.value) out[n++] = series.values[i];
  return { sorted: out.slice(0, n).sort() };
}

/** The share of England's small areas below `v` (ties count half), 0 to 1. */
export function positionIn(r: Ranking, v: number): number {
  const a = r.sorted;
  if (a.length === 0) return NaN;
  let lo = 0, hi = a.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (a[m] < v) lo = m + 1; else hi = m; }
  let eq = lo;
  while (eq < a.length && a[eq] === v) eq++;
  return (lo + (eq - lo) / 2) / a.length;
}

/** Percentiles of England's small areas, rounded to the indicator's decimals. */
export function distribution(r: Ranking, decimals: number): Distribution {
  const a = r.sorted as unknown as number[];
  const q = (p: number) => (r.sorted.length ? round(quantileSorted(a, p), decimals) : NaN);
  return { areas: r.sorted.length, p5: q(0.05), p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9), p95: q(0.95) };
}


/**
 * Summarises one series over the areas at `members` (frame indices). Means are weighted by
 * `population`; a percentage built from counts is pooled (sum of numerators over sum of
 * denominators), which is its exact value for the group. Ranks get only their range.
 */
export function summarise(series: Series, members: readonly number[], population: Float64Array, ranking?: Ranking): Summary {
  const ind: Indicator = series.indicator;
  const s: Summary = { areas: members.length, withValue: 0, missing: 0, suppressed: 0 };
  let min = Infinity, max = -Infinity, wsum = 0, wx = 0, num = 0, den = 0;
  const deciles = ind.unit === 'decile' ? new Array(10).fill(0) : undefined;
  let popAll = 0, pop10 = 0, pop20 = 0;
  for (const i of members) {
    const st = series.status[i];
    if (st === STATUS.suppressed) { s.suppressed++; continue; }
    if (st !== STATUS.value) { s.missing++; continue; }
    const v = series.values[i];
    s.withValue++;
    if (v < min) min = v;
    if (v > max) max = v;
    const w = population[i];
    if (Number.isFinite(w)) { wsum += w; wx += w * v; }
    if (series.counts) { num += series.counts.num[i]; den += series.counts.den[i]; }
    if (deciles) {
      deciles[v - 1]++;
      const p = Number.isFinite(w) ? w : 0;
      popAll += p;
      if (v <= 1) pop10 += p;
      if (v <= 2) pop20 += p;
    }
  }
  if (s.withValue === 0) return s;
  const d = ind.decimals;
  s.min = round(min, d);
  s.max = round(max, d);
  if (ind.unit !== 'rank' && ind.unit !== 'decile') {
    if (series.counts && den > 0) s.mean = round((num / den) * 100, d + 1);
    else if (wsum > 0) s.mean = round(wx / wsum, d + 1);
    if (ranking && s.mean !== undefined) s.position = round(positionIn(ranking, s.mean), 4);
  }
  if (deciles) {
    s.deciles = deciles;
    const share = (areas: number, population: number): DeprivedShare => ({ areas, share: round(areas / s.withValue, 4), population: Math.round(population), populationShare: popAll > 0 ? round(population / popAll, 4) : 0 });
    s.mostDeprived10 = share(deciles[0], pop10);
    s.mostDeprived20 = share(deciles[0] + deciles[1], pop20);
  }
  return s;
}

export interface AggregateInputs {
  indicators: Indicator[];
  vintageOf: (ind: Indicator) => Vintage;
  frames: Record<Vintage, AreaFrame>;
  series: Map<string, Series>;
  population: Record<Vintage, Float64Array>;
  neighbourhoods: ResolvedNeighbourhood[];
  scope: Geographies['scope'];
  nation: Geographies['nation'];
}

/**
 * Every indicator summarised for each neighbourhood beside its local authority, the region and
 * England, each figure placed among England's small areas; and England's spread per indicator.
 */
export function aggregateAll(a: AggregateInputs) {
  const { frames, series, population } = a;
  const members = (frame: AreaFrame, codes: string[]) => codes.map((c) => frame.index.get(c)).filter((i): i is number => i !== undefined);
  const ladMembers = {} as Record<Vintage, Map<string, number[]>>;
  const regionMembers = {} as Record<Vintage, number[]>;
  const englandMembers = {} as Record<Vintage, number[]>;
  for (const v of VINTAGES) {
    const f = frames[v];
    const scoped = new Set(f.scope.map((i) => f.lad[i]));
    const m = new Map<string, number[]>();
    f.lad.forEach((lad, i) => { if (scoped.has(lad)) { const x = m.get(lad) ?? []; x.push(i); m.set(lad, x); } });
    ladMembers[v] = new Map([...m].sort(([x], [y]) => x.localeCompare(y, 'en-GB')));
    regionMembers[v] = f.codes.map((_, i) => i).filter((i) => f.region[i] === a.scope.regionCode);
    englandMembers[v] = f.codes.map((_, i) => i);
  }
  // England's sorted values place every group's figure; kept only here (the catalogue keeps their percentiles).
  const rankings = new Map(a.indicators.map((ind) => [ind.id, englandRanking(series.get(ind.id)!)]));
  const spread = new Map(a.indicators.map((ind) => [ind.id, distribution(rankings.get(ind.id)!, ind.decimals)]));
  const summaryFor = (ind: Indicator, idx: number[]) => summarise(series.get(ind.id)!, idx, population[a.vintageOf(ind)], rankings.get(ind.id));
  const comparators = {
    lads: { 2021: {}, 2011: {} } as Record<Vintage, Record<string, { name: string; summaries: Record<string, Summary> }>>,
    region: { code: a.scope.regionCode, name: a.scope.regionName, summaries: {} as Record<string, Summary> },
    england: { code: a.nation.code, name: a.nation.name, summaries: {} as Record<string, Summary> },
  };
  for (const ind of a.indicators) {
    const v = a.vintageOf(ind);
    for (const [lad, idx] of ladMembers[v]) {
      comparators.lads[v][lad] ??= { name: frames[v].ladName[idx[0]], summaries: {} };
      comparators.lads[v][lad].summaries[ind.id] = summaryFor(ind, idx);
    }
    comparators.region.summaries[ind.id] = summaryFor(ind, regionMembers[v]);
    comparators.england.summaries[ind.id] = summaryFor(ind, englandMembers[v]);
  }
  const neighbourhoods = a.neighbourhoods.map((n) => ({ n, summaries: Object.fromEntries(a.indicators.map((ind) => {
    const v = a.vintageOf(ind);
    const own = summaryFor(ind, members(frames[v], (v === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code)));
    const lad = n.lad[v].code;
    return [ind.id, { neighbourhood: own, lad: comparators.lads[v][lad]?.summaries[ind.id] ?? summaryFor(ind, ladMembers[v].get(lad) ?? []), region: comparators.region.summaries[ind.id], england: comparators.england.summaries[ind.id] }];
  })) }));
  return { comparators, neighbourhoods, ladMembers, spread };
}
