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
}


export { classOf };

/** Derives the class breaks of one indicator from its series (England) and the scope's indices. */
export function deriveBreaks(series: Series, scope: readonly number[]): Breaks {
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
  if (c.over === 'england') for (let i = 0; i < series.values.length; i++) take(i);
  else for (const i of scope) take(i);
  const values = picked.subarray(0, n).sort() as unknown as number[];
  const breaks: number[] = [];
  if (values.length > 0) {
    for (let k = 1; k < c.classes; k++) {
      const b = round(quantileSorted(values, k / c.classes), ind.decimals);
      if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(b);
    }
  }
  return { method: 'quantile', breaks, classes: breaks.length + 1, worse, over: c.over };
}
