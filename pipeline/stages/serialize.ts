import type { Breaks } from './derive.ts';
import { STATUS, type Series } from './values.ts';
import { round } from '../round.ts';


/** Stable JSON text: objects keep insertion order, which every stage builds deterministically. */
export function json(value: unknown): string {
  return JSON.stringify(value) + '\n';
}

/**
 * One indicator's values for the areas in scope, in geometry order. `null` where there is no
 * figure; `missing` and `suppressed` list the positions of each kind of absence so they never
 * read as zero.
 */
export function valuesFile(series: Series, scope: readonly number[], codesFile: string, breaks: Breaks) {
  const d = series.indicator.decimals;
  const values: (number | null)[] = [];
  const missing: number[] = [];
  const suppressed: number[] = [];
  scope.forEach((i, k) => {
    const st = series.status[i];
    if (st === STATUS.value) values.push(round(series.values[i], d));
    else {
      values.push(null);
      (st === STATUS.suppressed ? suppressed : missing).push(k);
    }
  });
  return { id: series.indicator.id, geometry: codesFile, decimals: d, breaks: breaks.breaks, values, missing, suppressed };
}
