import { formatValue } from './classes.ts';
import type { LocalDatasetMeta, LocalIndicator, LocalValue } from './data.ts';

/** A local value in words: the figure with its uncertainty, or why there is none. Zero is a figure. */
export function localValueText(ind: LocalIndicator, v: LocalValue | undefined, ds?: LocalDatasetMeta): string {
  // A missing figure's own note says why ("No published figure found.", "Not surveyed"): said once, in its place.
  if (!v || v.status === 'missing') return v?.note ? v.note : 'No figure published.';
  if (v.status === 'suppressed') {
    if (v.suppressedBy === 'primary') return `Suppressed to protect privacy: fewer than ${ds?.disclosureControl.minCount ?? 10} people or responses.`;
    if (v.suppressedBy === 'secondary') return 'Suppressed so that another hidden figure cannot be worked out from the published ones.';
    return 'Withheld by the publisher.';
  }
  if (ind.unit === 'text') return String(v.value);
  const n = Number(v.value);
  const main = ind.unit === 'percentage points' ? `${n > 0 ? '+' : ''}${formatValue(n, 'score', ind.decimals)} percentage points` : formatValue(n, ind.unit, ind.decimals);
  // A figure published only as a bound keeps its words: "More than 40", never a bare 40.
  const parts = [v.bound ? `${v.bound[0].toUpperCase()}${v.bound.slice(1)} ${main}` : main];
  if (v.lower !== null && v.upper !== null) parts.push(`(95% confidence interval ${formatValue(v.lower, ind.unit === 'percent' ? 'percent' : 'score', ind.decimals)} to ${formatValue(v.upper, ind.unit === 'percent' ? 'percent' : 'score', ind.decimals)})`);
  if (v.sampleSize !== null) parts.push(`based on ${v.sampleSize.toLocaleString('en-GB')} responses`);
  return parts.join(' ');
}

/**
 * Beside a difference in percentage points (a survey's change here against comparison areas),
 * whose figure it is and what it is: the survey team's estimate, quoted. Nothing else in the
 * atlas measures what the programme did, and the words say so. Null for any other unit.
 */
export function differenceNote(ind: Pick<LocalIndicator, 'unit' | 'level'>): string | null {
  if (ind.unit !== 'percentage points') return null;
  // Where the rise was measured, by the figure's level: a programme-wide figure is not "here" on one neighbourhood's page.
  const where = ind.level === 'programme' ? 'in the programme’s neighbourhoods taken together' : ind.level === 'neighbourhood' ? 'in this neighbourhood' : 'in these small areas';
  return `The survey team’s published estimate: the rise ${where} less the rise in comparison areas over the same years. It is their estimate from a survey, with its uncertainty; the atlas quotes it and cannot check it, and none of its own figures measures what the programme did.`;
}

/** A short ± form for tables. */
export function plusMinus(v: LocalValue, ind: LocalIndicator): string {
  if (v.status !== 'value' || typeof v.value !== 'number' || v.lower === null || v.upper === null) return '';
  return `±${formatValue(Math.max(v.upper - v.value, v.value - v.lower), ind.unit === 'percent' ? 'score' : 'score', ind.decimals)}`;
}
