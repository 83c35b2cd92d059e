/**
 * The one aggregation of the atlas: a group of small areas summarised on one indicator. The
 * pipeline summarises each neighbourhood, council, the region and England with it; the custom
 * area page summarises a reader's own selection with it, in the browser, from the same figures.
 * No I/O, no DOM, no Node: plain arrays in, a summary out.
 */

/** Status of one area's value: a figure, or why there is none. Zero is a value like any other. */
export const STATUS = { value: 0, missing: 1, suppressed: 2, noRow: 3 } as const;

/** The share of a group's areas, and of its people, in England's most deprived tenth or fifth. */
export interface DeprivedShare {
  areas: number;
  share: number;
  population: number;
  populationShare: number;
}

/** One indicator summarised over a group of LSOAs (a neighbourhood, a local authority, the region, England, a custom area). */
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
  /** Where the mean falls among England's small areas: the share of them with a lower value (ties count half), exact at whole hundredths, else the middle of the hundredth (see positionOf). */
  position?: number;
  /** The share of England's small areas whose figure is exactly the mean, when half or more are (most areas at 0%, say; see tiedShareOf). */
  tied?: number;
}

/** What summarising needs of an indicator. */
export interface SummaryIndicator {
  unit: string;
  decimals: number;
}

/** One indicator's figures over a set of areas, by index: values (NaN where none), status, and counts for pooled percentages. */
export interface AreaSeries {
  values: ArrayLike<number>;
  status: ArrayLike<number>;
  counts?: { num: ArrayLike<number>; den: ArrayLike<number> };
}

/** Rounds to `decimals` places: the one rounding every published figure goes through (never -0, which JSON writes as 0). */
export function round(x: number, decimals: number): number {
  const k = 10 ** decimals;
  return Math.round(x * k) / k + 0;
}

/** The decimals a group's mean is given to: one more than its small areas' figures. */
export const meanDecimals = (ind: SummaryIndicator) => ind.decimals + 1;

/**
 * England's yardstick for one indicator: 200 cut points, two for each hundredth k/100 (the
 * smallest figure, at the mean's decimals, that at least k/100 of England's small areas are
 * below, ties counting half; and the smallest that more than k/100 are below). A figure's
 * position is the number of cuts at or below it, over 200: exact where the share below is a whole
 * hundredth, otherwise the middle of the hundredth it falls in. Every threshold the words use
 * (tenths, fifths, 2% and 98%) is a whole hundredth, so they come out as from the full ranking,
 * from 200 numbers instead of 33,755.
 */
export function positionOf(cuts: readonly number[], value: number): number {
  let n = 0;
  for (const c of cuts) if (c <= value) n++;
  return n / cuts.length;
}

/** From what share of England's small areas sharing a figure exactly the words say "the same as" (the summary keeps `tied` only from here). */
export const TIED_FROM = 0.5;

/**
 * The share of England's small areas whose figure is exactly `value`, to the hundredth, from the
 * same cut points: a tie of t moves the share below by t/2 across the value from each side, so
 * 100 t of the 200 cuts sit on it.
 */
export function tiedShareOf(cuts: readonly number[], value: number): number {
  let n = 0;
  for (const c of cuts) if (c === value) n++;
  return cuts.length ? Math.min(1, n / (cuts.length / 2)) : 0;
}

/**
 * Summarises one series over the areas at `members` (indices), in their order. Means are
 * weighted by `population`; a percentage built from counts is pooled (sum of numerators over
 * sum of denominators), which is its exact value for the group. Ranks get only their range;
 * deciles their counts and the most-deprived shares of areas and of people.
 */
export function summarise(ind: SummaryIndicator, series: AreaSeries, members: readonly number[], population: ArrayLike<number>, cuts?: readonly number[]): Summary {
  const t = tally(series, members, population, ind.unit === 'decile');
  const { min, max, wsum, wx, num, den, deciles, popAll, pop10, pop20 } = t;
  const s: Summary = { areas: members.length, withValue: members.length - t.suppressed - t.missing, missing: t.missing, suppressed: t.suppressed };
  if (s.withValue === 0) return s;
  const d = ind.decimals;
  s.min = round(min, d);
  s.max = round(max, d);
  if (ind.unit !== 'rank' && ind.unit !== 'decile') {
    if (series.counts && den > 0) s.mean = round((num / den) * 100, meanDecimals(ind));
    else if (wsum > 0) s.mean = round(wx / wsum, meanDecimals(ind));
    if (cuts && s.mean !== undefined) {
      s.position = positionOf(cuts, s.mean);
      const tied = tiedShareOf(cuts, s.mean);
      if (tied >= TIED_FROM) s.tied = tied;
    }
  }
  if (deciles) {
    s.deciles = deciles;
    const share = (areas: number, population: number): DeprivedShare => ({ areas, share: round(areas / s.withValue, 4), population: Math.round(population), populationShare: popAll > 0 ? round(population / popAll, 4) : 0 });
    s.mostDeprived10 = share(deciles[0], pop10);
    s.mostDeprived20 = share(deciles[0] + deciles[1], pop20);
  }
  return s;
}

/** What one pass over a group's areas gathers for {@link summarise}. */
interface Tally { suppressed: number; missing: number; min: number; max: number; wsum: number; wx: number; num: number; den: number; deciles: number[] | undefined; popAll: number; pop10: number; pop20: number }

/**
 * The one pass over a group's areas, apart from the building of its summary, whose shape varies
 * with the indicator: kept in one function of numbers, the loop stays optimised. When the summary
 * was built in the same function, its changing shapes threw the loop back to the interpreter
 * hundreds of times a build, and every figure became a heap object (about 170 MB).
 */
function tally(series: AreaSeries, members: readonly number[], population: ArrayLike<number>, wantDeciles: boolean): Tally {
  let min = Infinity, max = -Infinity, wsum = 0, wx = 0, num = 0, den = 0;
  const deciles = wantDeciles ? new Array<number>(10).fill(0) : undefined;
  let popAll = 0, pop10 = 0, pop20 = 0;
  const counts = series.counts;
  // Counted on every area, not only in a branch that meets one: a count first met in optimised code (the first suppressed area of a large group) is a deoptimisation.
  let suppressed = 0, missing = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k];
    const st = series.status[i];
    suppressed += st === STATUS.suppressed ? 1 : 0;
    missing += st !== STATUS.value && st !== STATUS.suppressed ? 1 : 0;
    if (st !== STATUS.value) continue;
    const v = series.values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    const w = population[i];
    if (Number.isFinite(w)) { wsum += w; wx += w * v; }
    if (counts) { num += counts.num[i]; den += counts.den[i]; }
    if (deciles) {
      deciles[v - 1]++;
      const p = Number.isFinite(w) ? w : 0;
      popAll += p;
      if (v <= 1) pop10 += p;
      if (v <= 2) pop20 += p;
    }
  }
  return { suppressed, missing, min, max, wsum, wx, num, den, deciles, popAll, pop10, pop20 };
}

/** The order every group's members are summed in (so a sum made twice is the same to the last bit). */
export const byCode = (a: string, b: string) => a.localeCompare(b, 'en-GB');

/** The council most of a group's areas lie in (ties to the lower code), or '' for none. */
export function majorityOf(ladOf: readonly string[]): string {
  const count = new Map<string, number>();
  for (const c of ladOf) count.set(c, (count.get(c) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en-GB'))[0]?.[0] ?? '';
}

/** One small area's figure of a locally gathered indicator, as published (a suppressed one has no numbers). */
export interface LocalPart {
  status: 'value' | 'suppressed' | 'missing';
  value: number | string | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
}

/** A group's figure of a local indicator, pooled from its small areas' published parts. */
export interface LocalPooled {
  status: 'value' | 'suppressed' | 'missing';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  /** Why there is no figure, when that needs saying. */
  why?: 'incomplete-counts';
}

/**
 * A local LSOA-level indicator summed (counts) or pooled (numerator over denominator) over a
 * group's small areas: the rule for neighbourhoods and custom areas alike. If any member is
 * suppressed the whole is suppressed. So every figure shown is made from published parts only,
 * and no difference between two groups (a custom area with and without one small area, or a
 * neighbourhood and a custom area inside it) can recover a hidden value: a group that holds one
 * has no figure.
 */
export function poolLocal(ind: SummaryIndicator, parts: readonly LocalPart[]): LocalPooled {
  const none = { value: null, numerator: null, denominator: null, sampleSize: null };
  if (parts.some((v) => v.status === 'suppressed')) return { ...none, status: 'suppressed' };
  const ok = parts.filter((v) => v.status === 'value');
  if (ok.length === 0) return { ...none, status: 'missing' };
  const sum = (f: (v: LocalPart) => number | null) => (ok.every((v) => f(v) !== null) ? ok.reduce((s, v) => s + f(v)!, 0) : null);
  const sampleSize = sum((v) => v.sampleSize);
  if (ind.unit === 'count') return { value: sum((v) => (typeof v.value === 'number' ? v.value : null)), numerator: null, denominator: null, sampleSize, status: 'value' };
  const num = sum((v) => v.numerator), den = sum((v) => v.denominator);
  if (num === null || den === null || den === 0) return { ...none, sampleSize, status: 'missing', why: 'incomplete-counts' };
  const scale = ind.unit === 'percent' ? 100 : 1;
  return { value: round((num / den) * scale, ind.decimals), numerator: num, denominator: den, sampleSize, status: 'value' };
}
