/** The time axis of the small line charts drawn at build time (spending, GP capacity). */

/**
 * Where each year of a chart's n years sits across a plot from `left` to `right`: the first and
 * last a dot's width inside it, so their points are drawn whole; `step` is the gap between years.
 */
export function yearAxis(n: number, left: number, right: number, pad = 6): { x: (i: number) => number; step: number } {
  const step = (right - left - 2 * pad) / Math.max(1, n - 1);
  return { x: (i) => left + pad + i * step, step };
}
