import type { LocalIndicator, LocalValue } from './schema.ts';

/**
 * Disclosure control of local values: one rule for the pipeline and the contribute page.
 *
 * Primary: a count below `minCount`, a percentage or rate whose denominator (or sample) is below
 * `minDenominator`, a numerator below `minCount`, and a percentage given with its denominator
 * (or sample size) but no numerator whose count that gives away is below `minCount` (5.0% of 100
 * is 5 people) are suppressed. Secondary: wherever a total is published with its parts (a count
 * indicator's `total` row), one suppressed part could be recovered by subtraction, so the
 * smallest other part is suppressed too. A suppressed row keeps no value, numerator, interval,
 * denominator or sample size: any of them, with a published share or total, could undo it.
 */
export interface DisclosureRule { minCount: number; minDenominator: number }

/** Why a value is withheld, in plain words, for the page and the build report alike. */
export type Withheld = { reason: 'small-count' | 'small-denominator' | 'small-numerator' | 'implied-count' | 'secondary'; detail: string };

/** The count a percentage gives away with its denominator or sample size, when it has no numerator. */
export function impliedCount(ind: LocalIndicator, v: Pick<LocalValue, 'value' | 'numerator' | 'denominator' | 'sampleSize'>): number | null {
  if (ind.unit !== 'percent' || typeof v.value !== 'number' || v.numerator !== null) return null;
  const base = v.denominator ?? v.sampleSize;
  return base === null ? null : Math.round((v.value / 100) * base);
}

/** The primary rule for one value: why it must be withheld, or null. */
export function primaryReason(ind: LocalIndicator, v: LocalValue, rule: DisclosureRule): Withheld | null {
  if (v.status !== 'value') return null;
  const small = (x: number | null) => x !== null && x < rule.minCount && x > 0;
  if (ind.unit === 'count' && typeof v.value === 'number' && small(v.value)) return { reason: 'small-count', detail: `a count of ${v.value}, below ${rule.minCount}` };
  if (ind.unit === 'percent' || ind.unit === 'rate') {
    if (v.denominator !== null && v.denominator < rule.minDenominator) return { reason: 'small-denominator', detail: `out of ${v.denominator}, fewer than ${rule.minDenominator}` };
    if (v.sampleSize !== null && v.sampleSize < rule.minDenominator) return { reason: 'small-denominator', detail: `from ${v.sampleSize} responses, fewer than ${rule.minDenominator}` };
  }
  if (small(v.numerator)) return { reason: 'small-numerator', detail: `a numerator of ${v.numerator}, below ${rule.minCount}` };
  const implied = impliedCount(ind, v);
  if (small(implied)) return { reason: 'implied-count', detail: `${v.value}% of ${v.denominator ?? v.sampleSize} is ${implied} people, below ${rule.minCount}` };
  return null;
}

/** A value withheld: nothing that could undo it is kept. */
export function withhold(v: LocalValue, by: 'publisher' | 'primary' | 'secondary'): LocalValue {
  const { bound: _bound, ...rest } = v;
  return { ...rest, status: 'suppressed', suppressedBy: by, value: null, numerator: null, denominator: null, sampleSize: null, lower: null, upper: null, lowPrecision: false };
}

/** Applies the rule to every value; returns new values (the input is not changed) and why each withheld one was. */
export function applyDisclosureControl(values: LocalValue[], indicators: Map<string, LocalIndicator>, rule: DisclosureRule): LocalValue[] {
  return disclose(values, indicators, rule).values;
}

/** {@link applyDisclosureControl} with the reasons, by position in `values`. */
export function disclose(values: LocalValue[], indicators: Map<string, LocalIndicator>, rule: DisclosureRule): { values: LocalValue[]; why: (Withheld | null)[] } {
  const why: (Withheld | null)[] = values.map(() => null);
  const out = values.map((v, k) => {
    if (v.status === 'suppressed') return withhold(v, 'publisher');
    const w = primaryReason(indicators.get(v.indicator)!, v, rule);
    if (!w) return { ...v };
    why[k] = w;
    return withhold(v, 'primary');
  });
  for (const group of additiveGroups(out, indicators)) {
    const hidden = group.parts.filter((p) => out[p].status === 'suppressed');
    if (hidden.length !== 1 || out[group.total].status !== 'value') continue;
    const candidates = group.parts.filter((p) => out[p].status === 'value').sort((a, b) => (numberOf(out[a]) - numberOf(out[b])) || out[a].area.localeCompare(out[b].area, 'en-GB'));
    const k = candidates[0];
    if (k === undefined) continue;
    why[k] = { reason: 'secondary', detail: `with the total published, ${out[hidden[0]].area}'s hidden figure could be worked out by subtraction, so the smallest other part is withheld too` };
    out[k] = withhold(out[k], 'secondary');
  }
  return { values: out, why };
}

const numberOf = (v: LocalValue) => (typeof v.value === 'number' ? v.value : v.numerator ?? 0);

/** Groups of values (positions) that add up to a published total: a count indicator's parts and its `total` row. */
export function additiveGroups(values: LocalValue[], indicators: Map<string, LocalIndicator>): { total: number; parts: number[] }[] {
  const groups: { total: number; parts: number[] }[] = [];
  const byIndicator = new Map<string, number[]>();
  // Within one wave: each wave's parts add up to that wave's total.
  values.forEach((v, k) => { const id = `${v.indicator}\u0000${v.wave ?? ''}`; const g = byIndicator.get(id); if (g) g.push(k); else byIndicator.set(id, [k]); });
  for (const [id, ks] of byIndicator) {
    if (indicators.get(id.split('\u0000')[0])!.unit !== 'count') continue;
    const total = ks.find((k) => values[k].area === 'total');
    const parts = ks.filter((k) => k !== total);
    if (total !== undefined && parts.length > 1) groups.push({ total, parts });
  }
  return groups;
}
