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
/** Why the England column and the words beside it can point different ways (said once on each page with spine tables, and on the compare page). */
export const ENGLAND_COLUMN_NOTE = "England's figure counts the whole country at once; the words compare with England's small areas one by one. A few areas with extreme figures pull England's figure away from the typical area, so a figure better than England's can still be worse than most areas.";
/** The spine chart key's words, on the neighbourhood pages (SpineChart.astro) and the custom area page. */
export const SPINE_KEY = {
  bands: "England's small areas (pale: 10th to 90th percentile; dark: the middle half; line: the area in the middle)",
  worse: 'Worse is to the left on every row (where neither end is worse, lower is to the left).',
} as const;
/** The key's picture of England's bands, in a 40 × 14 box: the pale and dark bands and the middle line. */
export const SPINE_KEY_BANDS = {
  band90: { x: 1, y: 2, width: 38, height: 10 },
  band50: { x: 11, y: 2, width: 18, height: 10 },
  median: { x1: 20, x2: 20, y1: 0, y2: 14 },
} as const;
/** In drawing order: the area's mark first, so a council's or region's moved above or below it stays whole. */
export const SPINE_MARKS = ['neighbourhood', 'lad', 'region'] as const;
export type SpineSummaries = Record<(typeof SPINE_MARKS)[number], Pick<Summary, 'mean'>>;

export interface SpineRow {
  band90: [number, number];
  band50: [number, number];
  median: number;
  /** Each mark's place: `at` across (the figure), `y` down (the middle, or above and below it where marks would cover each other). */
  marks: { k: (typeof SPINE_MARKS)[number]; at: number; y: number }[];
  /**
   * Where England's 10th and 90th percentiles are one figure (seats filled unopposed: 0% for
   * almost every area), the bands have no width and the marks would stand on an empty line: a
   * label along the top beside that point says most of England is there. Left out where a mark would cover it.
   */
  pile: { x: number; anchor: 'start' | 'end'; text: string } | null;
}

/**
 * The narrowest scale a percentage's row is drawn on: 10 percentage points. Where almost every
 * small area of England has the same figure (seats filled unopposed: 0% from the 5th to the 95th
 * percentile), a scale fitted to the marks alone would set 0.0% and 0.2% at opposite ends.
 */
export const MIN_PERCENT_SPAN = 10;

export function spineRow(ind: Pick<IndicatorMeta, 'england' | 'polarity' | 'unit' | 'decimals'>, s: SpineSummaries): SpineRow {
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
  const placed = SPINE_MARKS.filter((k) => s[k].mean !== undefined).map((k) => ({ k, at: x(s[k].mean!) }));
  const marks = placed.map((m) => ({ ...m, y: markY(m, placed) }));
  return { band90: span(e.p10, e.p90), band50: span(e.p25, e.p75), median: x(e.p50), marks, pile: e.p10 === e.p90 ? pileLabel(x(e.p50), formatValue(e.p50, ind.unit, ind.decimals), marks) : null };
}

/** The label's baseline: along the top, above the bands and the marks on the middle line. */
export const PILE_Y = 7.5;

/** The pile's label, along the top on the side of the point with more room, clear of any mark moved up from the middle (null if one is in the way). */
function pileLabel(px: number, figure: string, marks: readonly { at: number; y: number }[]): SpineRow['pile'] {
  const right = px > SPINE.width / 2;
  const text = right ? `most of England: ${figure} →` : `← most of England: ${figure}`;
  // About 0.55em a character at the label's 11px (global.css; no chart text is smaller): the span it covers across.
  const gap = MARK_CLEARANCE, width = text.length * 6;
  const [from, to] = right ? [px - gap - width, px - gap] : [px + gap, px + gap + width];
  // A mark is 12 px across: one moved up whose edge reaches into the label's span would cover it.
  if (from < 0 || to > SPINE.width || marks.some((m) => m.y < SPINE.height / 2 && m.at + 6 > from && m.at - 6 < to)) return null;
  return { x: right ? to : from, anchor: right ? 'end' : 'start', text };
}

/** Marks closer than this across (px) would cover each other: the council's moves above the middle, the region's below; the area's stays. */
export const MARK_CLEARANCE = 10;

function markY(m: { k: (typeof SPINE_MARKS)[number]; at: number }, all: readonly { k: string; at: number }[]): number {
  const mid = SPINE.height / 2;
  if (m.k === 'neighbourhood' || !all.some((o) => o.k !== m.k && Math.abs(o.at - m.at) < MARK_CLEARANCE)) return mid;
  return m.k === 'lad' ? mid - 8 : mid + 8;
}

/** A mark's SVG shape: the area a circle, its council a diamond, the region a triangle. */
export function markPath(k: (typeof SPINE_MARKS)[number], at: number, y = SPINE.height / 2): { circle: [number, number, number] } | { d: string } {
  if (k === 'neighbourhood') return { circle: [Number(at.toFixed(1)), y, 6] };
  return { d: k === 'lad' ? `M${at.toFixed(1)} ${y - 6}l6 6-6 6-6-6z` : `M${at.toFixed(1)} ${y - 5}l5 9h-10z` };
}

/** A figure in a spine table's cell, in two parts: the figure, and for a score the England decile it falls in, "(decile 10)" (null where none). */
export function spineCellParts(ind: Pick<IndicatorMeta, 'unit' | 'decimals' | 'polarity'>, v: Pick<Summary, 'mean' | 'position'> | undefined, decile = true): { figure: string; decile: string | null } {
  const figure = formatValue(v?.mean, ind.unit, ind.decimals);
  if (!v || isRealUnit(ind) || !decile) return { figure, decile: null };
  const d = englandDecile(ind, v.position);
  // No break inside "(decile 10)": it wrapped as "(decile" / "10)" in narrow columns.
  return { figure, decile: d === null ? null : `(decile\u00a0${d})` };
}
