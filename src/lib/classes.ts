/**
 * One source of truth for classes and colours. Breaks come from the pipeline (catalogue.json);
 * the SVG maps, the legend and the MapLibre style are all built here from them, and a test
 * proves the legend and the style expression put every value in the same class.
 */

/** Class of a value for given breaks: the number of breaks at or below it. */
export function classOf(value: number, breaks: readonly number[]): number {
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

export interface ClassInfo {
  method: 'decile' | 'quantile' | 'diverging';
  breaks: number[];
  classes: number;
  worse: 'high' | 'low' | null;
  /** The lowest value, when it is a class of its own (class 0): most areas at 0%, say. */
  floor?: number;
}

// Viridis samples, darkest first: perceptually even and readable with the common colour-vision deficiencies.
const VIRIDIS_10 = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];
const VIRIDIS_5 = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
const VIRIDIS_4 = ['#440154', '#31688e', '#35b779', '#fde725'];
const VIRIDIS_3 = ['#440154', '#21918c', '#fde725'];
// Single-hue blues, light to dark, for indicators where neither end is "worse".
const BLUES: Record<number, string[]> = {
  3: ['#deebf7', '#6baed6', '#08519c'],
  4: ['#eff3ff', '#9ecae1', '#4292c6', '#084594'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
};

// ColorBrewer PuOr, 7 classes, readable with the common colour-vision deficiencies: orange for
// areas that now rank as more deprived, purple for less deprived, near-white for no change.
const PUOR_7 = ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'];

/** Fill of areas with no figure: light grey, hatched in SVG and on the map, so it matches no class. */
export const NO_DATA = { missing: '#ffffff', suppressed: '#d9d9d9', stroke: '#737373' };

function ramp(n: number): string[] {
  if (n === 10) return VIRIDIS_10;
  if (n === 5) return VIRIDIS_5;
  if (n === 4) return VIRIDIS_4;
  if (n === 3) return VIRIDIS_3;
  if (n === 2) return [VIRIDIS_5[0], VIRIDIS_5[3]];
  return VIRIDIS_10.filter((_, i) => i % Math.ceil(10 / n) === 0).slice(0, n);
}

/**
 * Colour of each class, in class order (lowest values first). The darkest colour always
 * marks the "worse" end: class 0 when low values are worse (deciles, ranks), the top class
 * when high values are worse (scores, rates).
 */
export function classColours(c: ClassInfo): string[] {
  const n = c.classes;
  if (c.method === 'diverging') return PUOR_7;
  if (c.worse === null) return BLUES[n] ?? ramp(n).slice().reverse();
  const darkFirst = ramp(n);
  return c.worse === 'low' ? darkFirst : darkFirst.slice().reverse();
}

/** Colour of one value, or null when there is no value. */
export function colourOf(value: number | null, c: ClassInfo): string | null {
  if (value === null || Number.isNaN(value)) return null;
  return classColours(c)[classOf(value, c.breaks)];
}

export interface LegendItem { klass: number; colour: string; label: string; from: number | null; to: number | null }

/** One formatter per number of decimals (making one is far slower than using it, and tables format thousands). */
const formatters = new Map<number, Intl.NumberFormat>();
const formatter = (decimals: number) => {
  let f = formatters.get(decimals);
  if (!f) formatters.set(decimals, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f;
};

/** Number formatting shared by legends, tables and popups: a negative figure takes a true minus sign (U+2212), which screen readers say as "minus". */
export function formatValue(v: number | null | undefined, unit: string, decimals: number): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  // A value that rounds to zero is shown as 0, never "-0.00".
  const zero = Number(v.toFixed(decimals)) === 0;
  const s = formatter(decimals).format(zero ? 0 : Math.abs(v));
  if (unit === 'change') return v > 0 ? `+${s}` : v < 0 ? `${MINUS}${s}` : '0';
  const sign = !zero && v < 0 ? MINUS : '';
  return unit === 'percent' ? `${sign}${s}%` : `${sign}${s}`;
}

/** The minus sign of figures shown to readers (data files keep the ASCII hyphen-minus). */
export const MINUS = '\u2212';

/** Legend entries, one per class, in the order the legend shows them: worse end first. */
export function legendItems(c: ClassInfo, unit: string, decimals: number): LegendItem[] {
  const colours = classColours(c);
  const items: LegendItem[] = colours.map((colour, k) => {
    const from = k === 0 ? null : c.breaks[k - 1];
    const to = k === c.breaks.length ? null : c.breaks[k];
    let label: string;
    if (c.method === 'decile') label = k === 0 ? 'Decile 1: 10% most deprived' : k === 9 ? 'Decile 10: 10% least deprived' : `Decile ${k + 1}`;
    else if (c.method === 'diverging') label = ['3 or more deciles more deprived', '2 deciles more deprived', '1 decile more deprived', 'no change', '1 decile less deprived', '2 deciles less deprived', '3 or more deciles less deprived'][k];
    else if (k === 0 && c.floor !== undefined) label = formatValue(c.floor, unit, decimals);
    else if (from === null) label = `below ${formatValue(to, unit, decimals)}`;
    else if (to === null) label = unit === 'percent' && from >= 100 ? formatValue(from, unit, decimals) : `${formatValue(from, unit, decimals)} or more`;
    else label = `${formatValue(from, unit, decimals)} to under ${formatValue(to, unit, decimals)}`;
    return { klass: k, colour, label, from, to };
  });
  return c.worse === 'high' ? items.reverse() : items;
}

/**
 * MapLibre expression giving the fill colour of a feature whose value is in property
 * `prop`: a `step` over the same breaks and colours as the legend.
 */
export function fillColourExpression(c: ClassInfo, prop = 'v'): unknown[] {
  const colours = classColours(c);
  const step: unknown[] = ['step', ['to-number', ['get', prop]], colours[0]];
  c.breaks.forEach((b, i) => step.push(b, colours[i + 1]));
  return ['case', ['==', ['typeof', ['get', prop]], 'number'], step, NO_DATA.missing];
}

/** Plain-English description of what the colours mean, for the legend and for screen readers. */
export function directionInWords(c: ClassInfo, over: string, unit = '', decimals = 0): string {
  if (c.method === 'decile') return 'Decile 1 is the 10% most deprived small areas in England; decile 10 the 10% least deprived. Darker colours are more deprived.';
  if (c.method === 'diverging') return 'Change in decile between the two editions: orange, the area now ranks as more deprived relative to England; purple, less deprived; pale, no change. Areas carried from split or merged 2011 areas are outlined. Only positions are compared, never scores, and the 2025 Indices changed their methods; a change does not show its cause.';
  const areas = over === 'england' ? "England's small areas" : "the region's small areas";
  const base = c.floor !== undefined
    ? `Areas at ${formatValue(c.floor, unit, decimals)} are a class of their own (too many of ${areas} share that value to split them); the other classes each hold an equal share of the rest.`
    : `Classes each hold an equal share of ${areas}.`;
  if (c.worse === 'high') return `${base} Higher values are worse; darker colours are worse.`;
  if (c.worse === 'low') return `${base} Lower values are worse; darker colours are worse.`;
  return `${base} Neither end is better or worse; darker colours are higher.`;
}

/**
 * Orders areas worst first (by polarity; highest first where neither end is worse), then
 * those with no figure, each group by code: the order of every table beside a map.
 */
export function worstFirst(polarity: 'higher-worse' | 'lower-worse' | 'neutral'): (a: { code: string; value: number | null }, b: { code: string; value: number | null }) => number {
  const sign = polarity === 'lower-worse' ? 1 : -1;
  return (a, b) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || (a.value !== null && b.value !== null ? sign * (a.value - b.value) : 0) || a.code.localeCompare(b.code, 'en-GB');
}

/** Feature state `k` of an area with no figure, and of one whose figure is suppressed (otherwise its class, from {@link classOf}). */
export const STATE_MISSING = -1;
export const STATE_SUPPRESSED = -2;
