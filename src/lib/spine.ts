import type { IndicatorMeta, Summary } from './data.ts';
import { formatValue } from './classes.ts';
import { englandDecile, isRealUnit } from './plain.ts';

/**
 * A spine chart row's drawing, in the style of Fingertips: England's small areas as bands (10th
 * to 90th percentile, the middle half, the middle area) with the area, its council and the region
 * marked, worse always to the left. One geometry for the rows drawn at build time and those the
 * custom area page draws in the browser.
 */
export const SPINE = { width: 200, height: 30, pad: 7 } as const;
export const SPINE_MARKS = ['region', 'lad', 'neighbourhood'] as const;
export type SpineSummaries = Record<(typeof SPINE_MARKS)[number], Pick<Summary, 'mean'>>;

export interface SpineRow {
  band90: [number, number];
  band50: [number, number];
  median: number;
  marks: { k: (typeof SPINE_MARKS)[number]; at: number }[];
}

/**
 * The narrowest scale a percentage's row is drawn on: 10 percentage points. Where almost every
 * small area of England has the same figure (seats filled unopposed: 0% from the 5th to the 95th
 * percentile), a scale fitted to the marks alone would set 0.0% and 0.2% at opposite ends.
 */
export const MIN_PERCENT_SPAN = 10;

export function spineRow(ind: Pick<IndicatorMeta, 'england' | 'polarity' | 'unit'>, s: SpineSummaries): SpineRow {
  const e = ind.england!;
  const { width: W, pad } = SPINE;
  const means = SPINE_MARKS.map((k) => s[k].mean).filter((v): v is number => v !== undefined);
  let lo = Math.min(e.p5, ...means), hi = Math.max(e.p95, ...means);
  if (ind.unit === 'percent' && hi - lo < MIN_PERCENT_SPAN) {
    hi = Math.min(100, lo + MIN_PERCENT_SPAN);
    lo = Math.min(lo, hi - MIN_PERCENT_SPAN);
  }
  if (hi === lo) { lo -= 1; hi += 1; }
  const flip = ind.polarity === 'higher-worse';
  const x = (v: number) => { const t = (v - lo) / (hi - lo); return pad + (flip ? 1 - t : t) * (W - 2 * pad); };
  const span = (a: number, b: number): [number, number] => [Math.min(x(a), x(b)), Math.abs(x(b) - x(a))];
  return { band90: span(e.p10, e.p90), band50: span(e.p25, e.p75), median: x(e.p50), marks: SPINE_MARKS.filter((k) => s[k].mean !== undefined).map((k) => ({ k, at: x(s[k].mean!) })) };
}

/** A mark's SVG shape: the area a circle, its council a diamond, the region a triangle. */
export function markPath(k: (typeof SPINE_MARKS)[number], at: number): { circle: [number, number, number] } | { d: string } {
  const y = SPINE.height / 2;
  if (k === 'neighbourhood') return { circle: [Number(at.toFixed(1)), y, 6] };
  return { d: k === 'lad' ? `M${at.toFixed(1)} ${y - 6}l6 6-6 6-6-6z` : `M${at.toFixed(1)} ${y - 5}l5 9h-10z` };
}

/** A figure in a spine table's cell: a score with the England decile it falls in. */
export function spineCell(ind: Pick<IndicatorMeta, 'unit' | 'decimals' | 'polarity'>, v: Pick<Summary, 'mean' | 'position'> | undefined, decile = true): string {
  const f = formatValue(v?.mean, ind.unit, ind.decimals);
  if (!v || isRealUnit(ind) || !decile) return f;
  const d = englandDecile(ind, v.position);
  return d === null ? f : `${f} (decile ${d})`;
}
