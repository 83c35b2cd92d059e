import type { Geographies, Indicator } from '../schema.ts';

import { VINTAGES, type AreaFrame, type Vintage } from './areas.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import { STATUS, type Series } from './values.ts';
import { round } from '../round.ts';
import { meanDecimals, summarise as summariseAreas, type Summary, type SummaryIndicator } from '../../src/lib/aggregate.ts';
import { quantileSorted } from 'simple-statistics';

export type { DeprivedShare, Summary } from '../../src/lib/aggregate.ts';

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
 * England's 200 cut points for one indicator (see `positionOf`): for each hundredth k/100, the
 * smallest figure at the mean's decimals whose share of England's small areas below (ties half)
 * is at least k/100 (k = 1 to 100), and the smallest whose share is more than k/100 (k = 0 to 99).
 * Found by bisection on the whole numbers of the mean's last decimal place; sorted.
 */
export function englandCuts(r: Ranking, ind: SummaryIndicator): number[] {
  const a = r.sorted;
  if (a.length === 0) return [];
  const k = 10 ** meanDecimals(ind);
  const bottom = Math.floor(a[0] * k) - 1, top = Math.ceil(a[a.length - 1] * k) + 1;
  // The smallest m in (bottom, top] with reached(position at m / k): positionIn is 0 at bottom and 1 at top.
  const smallest = (reached: (p: number) => boolean) => {
    let lo = bottom, hi = top;
    while (hi - lo > 1) { const m = Math.floor((lo + hi) / 2); if (reached(positionIn(r, m / k))) hi = m; else lo = m; }
    return hi / k;
  };
  const cuts: number[] = [];
  for (let c = 1; c <= 100; c++) cuts.push(smallest((p) => p >= c / 100));
  for (let c = 0; c < 100; c++) cuts.push(smallest((p) => p > c / 100));
  return cuts.sort((x, y) => x - y);
}

/** Summarises one series over the areas at `members` (frame indices): the shared aggregation, placed on England's cuts. */
export function summarise(series: Series, members: readonly number[], population: Float64Array, cuts?: readonly number[]): Summary {
  return summariseAreas(series.indicator, series, members, population, cuts);
}

export interface AggregateInputs {
  indicators: Indicator[];
  vintageOf: (ind: Indicator) => Vintage;
  frames: Record<Vintage, AreaFrame>;
  /** Each local authority's areas ({@link ladMembersOf}). */
  ladMembers: Record<Vintage, Map<string, number[]>>;
  series: Map<string, Series>;
  population: Record<Vintage, Float64Array>;
  neighbourhoods: ResolvedNeighbourhood[];
  scope: Geographies['scope'];
  nation: Geographies['nation'];
}

/** Each local authority with an area in scope, in code order: all its areas (frame indices), by vintage. */
export function ladMembersOf(frames: Record<Vintage, AreaFrame>): Record<Vintage, Map<string, number[]>> {
  const out = {} as Record<Vintage, Map<string, number[]>>;
  for (const v of VINTAGES) {
    const f = frames[v];
    const scoped = new Set(f.scope.map((i) => f.lad[i]));
    const m = new Map<string, number[]>();
    f.lad.forEach((lad, i) => { if (scoped.has(lad)) { const x = m.get(lad) ?? []; x.push(i); m.set(lad, x); } });
    out[v] = new Map([...m].sort(([x], [y]) => x.localeCompare(y, 'en-GB')));
  }
  return out;
}

/**
 * Every indicator summarised for each neighbourhood beside its local authority, the region and
 * England, each figure placed among England's small areas; and England's spread per indicator.
 */
export function aggregateAll(a: AggregateInputs) {
  const { frames, series, population } = a;
  const members = (frame: AreaFrame, codes: string[]) => codes.map((c) => frame.index.get(c)).filter((i): i is number => i !== undefined);
  const ladMembers = a.ladMembers;
  const regionMembers = {} as Record<Vintage, number[]>;
  const englandMembers = {} as Record<Vintage, number[]>;
  for (const v of VINTAGES) {
    const f = frames[v];
    regionMembers[v] = f.codes.map((_, i) => i).filter((i) => f.region[i] === a.scope.regionCode);
    englandMembers[v] = f.codes.map((_, i) => i);
  }
  // England's sorted values place every group's figure (and give the class breaks their order); the catalogue keeps their percentiles.
  const rankings = new Map(a.indicators.map((ind) => [ind.id, englandRanking(series.get(ind.id)!)]));
  const spread = new Map(a.indicators.map((ind) => [ind.id, distribution(rankings.get(ind.id)!, ind.decimals)]));
  // Positions come from England's 200 cuts, as they do in the browser's custom areas (the sorted values stay here).
  const cuts = new Map(a.indicators.filter(hasPosition).map((ind) => [ind.id, englandCuts(rankings.get(ind.id)!, ind)]));
  const summaryFor = (ind: Indicator, idx: number[]) => summarise(series.get(ind.id)!, idx, population[a.vintageOf(ind)], cuts.get(ind.id));
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
  return { comparators, neighbourhoods, ladMembers, spread, cuts, rankings };
}

/** Whether a group's figure is placed among England's areas: every indicator but ranks and deciles. */
export const hasPosition = (ind: SummaryIndicator) => ind.unit !== 'rank' && ind.unit !== 'decile';
