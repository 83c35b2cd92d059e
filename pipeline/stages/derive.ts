import { quantileSorted } from 'simple-statistics';
import { classOf } from '../../src/lib/classes.ts';
import type { Indicator } from '../schema.ts';
import { STATUS, type Series } from './values.ts';
import { round } from '../round.ts';

/**
 * Class breaks of one indicator, computed once here; the legend and the map style are both
 * built from them. An area with value v is in class k, where k is the number of breaks <= v
 * (so `breaks.length + 1` classes).
 */
export interface Breaks {
  method: 'decile' | 'quantile' | 'diverging';
  breaks: number[];
  classes: number;
  /** Which end of the scale is "worse" (more deprived): the palette's dark end goes there. */
  worse: 'high' | 'low' | null;
  over: 'england' | 'scope' | 'fixed';
  /** When the lowest value is a class of its own (class 0: areas at exactly this value; see floorClass). */
  floor?: number;
}


export { classOf };

/**
 * Derives the class breaks of one indicator from its series (England) and the scope's indices.
 * `englandSorted`, England's figures already sorted (see englandRanking), saves sorting them
 * again: rounding keeps their order.
 */
export function deriveBreaks(series: Series, scope: readonly number[], englandSorted?: Float64Array): Breaks {
  const ind: Indicator = series.indicator;
  const worse = ind.polarity === 'higher-worse' ? 'high' : ind.polarity === 'lower-worse' ? 'low' : null;
  const c = ind.classification;
  if (c.method === 'decile') return { method: 'decile', breaks: [2, 3, 4, 5, 6, 7, 8, 9, 10], classes: 10, worse, over: 'fixed' };
  if (c.method === 'diverging') return { method: 'diverging', breaks: [-2, -1, 0, 1, 2, 3], classes: 7, worse: null, over: 'fixed' };
  const picked = new Float64Array(c.over === 'england' ? series.values.length : scope.length);
  let n = 0;
  const k = 10 ** ind.decimals;
  const take = (i: number) => {
    if (series.status[i] === STATUS.value) picked[n++] = Math.round(series.values[i] * k) / k;
  };
  let values: number[];
  if (c.over === 'england' && englandSorted) {
    for (let i = 0; i < englandSorted.length; i++) picked[i] = Math.round(englandSorted[i] * k) / k;
    values = picked.subarray(0, englandSorted.length) as unknown as number[];
  } else {
    if (c.over === 'england') for (let i = 0; i < series.values.length; i++) take(i);
    else for (const i of scope) take(i);
    values = picked.subarray(0, n).sort() as unknown as number[];
  }
  const floored = floorClass(values, c.classes, ind.decimals);
  const breaks = floored?.breaks ?? quantileBreaks(values, c.classes, ind.decimals);
  return { method: 'quantile', breaks, classes: breaks.length + 1, worse, over: c.over, ...(floored ? { floor: floored.floor } : {}) };
}

/**
 * Every indicator's class breaks, in the indicators' order. England's sorted figures of each
 * (from the comparisons' rankings) are used and then let go: they are the largest thing the
 * comparisons hold, and nothing after needs them.
 */
export function deriveAll(indicators: readonly Indicator[], series: ReadonlyMap<string, Series>, scopeOf: (ind: Indicator) => readonly number[], rankings: Map<string, { sorted: Float64Array }>): Map<string, Breaks> {
  const out = new Map<string, Breaks>();
  for (const ind of indicators) {
    out.set(ind.id, deriveBreaks(series.get(ind.id)!, scopeOf(ind), rankings.get(ind.id)?.sorted));
    rankings.delete(ind.id);
  }
  return out;
}

/** Quantile breaks splitting sorted values into `classes` classes of equal count; equal breaks merged. */
function quantileBreaks(values: number[], classes: number, decimals: number): number[] {
  const breaks: number[] = [];
  if (values.length === 0) return breaks;
  for (let k = 1; k < classes; k++) {
    const b = round(quantileSorted(values, k / classes), decimals);
    if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(b);
  }
  return breaks;
}

/**
 * When the lowest value holds a whole class's share or more (most areas at 0%, say), quantile
 * breaks would put it at the bottom of a class that everything else shares, and the map would
 * be one colour. Instead the lowest value is a class of its own and the values above it are
 * split into the other classes by quantiles. Null when quantiles work as they are.
 */
function floorClass(values: number[], classes: number, decimals: number): { floor: number; breaks: number[] } | null {
  if (values.length === 0 || classes < 2) return null;
  const floor = values[0];
  if (round(quantileSorted(values, 1 / classes), decimals) > floor) return null;
  let first = 0;
  while (first < values.length && values[first] === floor) first++;
  if (first === values.length) return { floor, breaks: [] };
  const above = values.slice(first);
  // The first break is the smallest value above the floor, so the floor's class holds it alone.
  return { floor, breaks: [above[0], ...quantileBreaks(above, classes - 1, decimals).filter((b) => b > above[0])] };
}
