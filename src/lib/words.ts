import type { IndicatorMeta, Neighbourhood } from './data.ts';
import { formatValue } from './classes.ts';

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** A count in words up to ten, digits above. */
export function count(n: number): string {
  return n >= 0 && n <= 10 ? NUMBERS[n] : n.toLocaleString('en-GB');
}

/** Items in a sentence: "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A noun's plural, by the regular English rules ("Local authority" → "Local authorities", "Parish" → "Parishes", "Ward" → "Wards"). */
export function plural(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return noun.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(noun)) return noun + 'es';
  return noun + 's';
}

/** An area's summaries beside England's: what the sentences below read (a neighbourhood's or a custom area's). */
type AreaSummaries = { summaries: Record<string, Pick<Neighbourhood['summaries'][string], 'neighbourhood' | 'england'>> };

/** "N of its M small areas are among the 10% most deprived in England", computed from the aggregates. */
export function headlineSentence(n: Pick<Neighbourhood, 'name'> & AreaSummaries, headline: IndicatorMeta): string {
  const s = n.summaries[headline.id]?.neighbourhood;
  if (!s || !s.mostDeprived10) return `No ${headline.edition} figures are available for ${n.name}.`;
  const k = s.mostDeprived10.areas;
  const m = s.withValue;
  return `${cap(ofItsAreas(k, m, ['is', 'are']))} among the 10% most deprived in England (${headline.edition}).`;
}

/**
 * How many of a group's m small areas, as a sentence's subject and verb: "all five of its small
 * areas are", "three of its five small areas are", "none of its four small areas is", "its one
 * small area is (not)"; never "five of its five" or "one of its one". `of` follows the noun
 * (" of 2011"); the verb is given singular and plural.
 */
function ofItsAreas(k: number, m: number, [one, many]: [string, string], of = ''): string {
  if (m === 1) return `its one small area${of} ${k ? one : `${one} not`}`;
  if (k === m) return `all ${count(m)} of its small areas${of} ${many}`;
  return `${howMany(k)} of its ${count(m)} small areas${of} ${k <= 1 ? one : many}`;
}

/** A count as the subject of "… of its areas": "none" for zero (never "no of its"). */
function howMany(n: number): string {
  return n === 0 ? 'none' : count(n);
}

/** A sentence's first letter in capitals: "none of…" → "None of…". */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The share of the neighbourhood's people living in England's most deprived tenth. */
export function populationSentence(n: AreaSummaries, headline: IndicatorMeta): string {
  const s = n.summaries[headline.id]?.neighbourhood.mostDeprived10;
  const e = n.summaries[headline.id]?.england.mostDeprived10;
  if (!s || !e) return '';
  const lead = s.populationShare >= 1 ? 'All its residents live' : s.populationShare <= 0 ? 'None of its residents lives' : `About ${Math.round(s.populationShare * 100)}% of its residents live`;
  return `${lead} in those areas; ${Math.round(e.populationShare * 100)}% of England's residents do.`;
}

/**
 * How the area stood in the 2015 and 2019 Indices, on the small areas of 2011, in the order they
 * were published. It states the two counts only: nothing in it says why they differ (the
 * programme, or anything else).
 */
export function changeSentence(n: AreaSummaries): string {
  const s19 = n.summaries['iod19-imd-decile']?.neighbourhood;
  const s15 = n.summaries['iod15-imd-decile']?.neighbourhood;
  if (!s19?.mostDeprived10 || !s15?.mostDeprived10) return '';
  const [k, k19, m] = [s15.mostDeprived10.areas, s19.mostDeprived10.areas, s15.withValue];
  const tenth = "in England's most deprived 10%";
  if (m !== s19.withValue) return `In the 2015 Indices, ${howMany(k)} of its small areas of 2011 (${count(m)} with a 2015 figure, ${count(s19.withValue)} with a 2019 one) ${k <= 1 ? 'was' : 'were'} ${tenth}; in the 2019 Indices, ${howMany(k19)}.`;
  // The 2019 count after the 2015 one: "all five", "four"; one area "it was again", "nor was it".
  const then = m === 1 ? (k19 ? (k ? 'it was again' : 'it was') : k ? 'it was not' : 'nor was it') : k19 === m ? `all ${count(m)}` : howMany(k19);
  return `In the 2015 Indices, ${ofItsAreas(k, m, ['was', 'were'], ' of 2011')} ${tenth}; in the 2019 Indices, ${then}.`;
}

/** A one-paragraph summary of what a neighbourhood map shows, generated from the values (see {@link viewSummary}). */
export function mapSummary(n: Neighbourhood, ind: IndicatorMeta, values: Map<string, { value: number | null; status: string }>, names?: Map<string, { name: string }>): string {
  const areas = n.lsoas2021.map((m) => {
    const v = values.get(m.code);
    return { code: m.code, name: names?.get(m.code)?.name ?? m.code, value: v?.value ?? null, status: (v?.status ?? 'missing') as ViewArea['status'] };
  });
  return viewSummary(ind, areas, `of ${n.name}`);
}

/** One small area as a map view shows it, for {@link viewSummary}. */
export interface ViewArea { code: string; name: string; value: number | null; status: 'value' | 'missing' | 'suppressed' }

/**
 * A one-paragraph summary of what a map view shows, generated from the areas in it: how many,
 * the spread of their values (with the areas at each end), and those without a figure. `where`
 * completes "the N small areas …" (e.g. "in view", "of the region").
 */
export function viewSummary(ind: Pick<IndicatorMeta, 'label' | 'unit' | 'decimals' | 'polarity'>, areas: readonly ViewArea[], where: string): string {
  const n = areas.length;
  const fmt = (v: number) => formatValue(v, ind.unit, ind.decimals);
  const areasWord = `${n.toLocaleString('en-GB')} small area${n === 1 ? '' : 's'} ${where}`;
  if (n === 0) return `The map shows no small areas ${where}.`;
  const withValue = areas.filter((a) => a.status === 'value' && a.value !== null) as (ViewArea & { value: number })[];
  const none = n - withValue.length;
  const suppressed = areas.filter((a) => a.status === 'suppressed').length;
  const gap = none === 0 ? '' : ` ${none === n ? 'None' : `${cap(count(none))}`} ${none === 1 ? 'has' : 'have'} no figure${suppressed ? ` (${suppressed} suppressed to protect privacy)` : ''}.`;
  if (withValue.length === 0) return `The map shows “${ind.label}” for the ${areasWord}.${gap}`;
  const sorted = [...withValue].sort((a, b) => a.value - b.value || a.code.localeCompare(b.code, 'en-GB'));
  const lo = sorted[0], hi = sorted[sorted.length - 1];
  let spread: string;
  if (ind.unit === 'decile') {
    const m = withValue.length;
    const pct = (k: number) => `${Math.round((k / m) * 100)}%`;
    const lead = (k: number) => (k === m ? (m === 1 ? 'It is' : `All ${count(m)} are`) : k === 0 ? 'None is' : `${cap(count(k))} of them (${pct(k)}) ${k === 1 ? 'is' : 'are'}`);
    const d1 = withValue.filter((a) => a.value === 1).length;
    const d10 = withValue.filter((a) => a.value === 10).length;
    const [most, least] = ind.polarity === 'lower-worse' ? [', the 10% most deprived in England', ', the 10% least deprived'] : ['', ''];
    spread = d10 === m
      ? `${lead(d10)} in decile 10${least}.`
      : `${lead(d1)} in decile 1${most}${d10 > 0 ? `, and ${count(d10)} (${pct(d10)}) in decile 10${least}` : ''}.`;
  } else {
    const mid = sorted[Math.floor((sorted.length - 1) / 2)].value;
    // An end shared by several areas is counted, not named after the first of them.
    const at = (end: typeof lo) => { const k = withValue.filter((a) => a.value === end.value).length; return k > 1 ? `${count(k)} areas` : end.name; };
    const ends = lo.value === hi.value ? `All have ${fmt(lo.value)}.` : `Values range from ${fmt(lo.value)} (${at(lo)}) to ${fmt(hi.value)} (${at(hi)}); the middle value is ${fmt(mid)}.`;
    spread = ind.unit === 'rank' ? `${ends} Rank 1 is the most deprived small area in England.` : ends;
  }
  return `The map shows “${ind.label}” for the ${areasWord}. ${spread}${gap}`;
}

/** A change layer's values file adds its two editions (their names and each area's decile) and the areas carried across the 2011 to 2021 change, by flag. */
export interface ChangeEditions { from: string; to: string; fromValues: (number | null)[]; toValues: (number | null)[] }
export interface ChangeValues { editions?: ChangeEditions; carried?: Record<string, number[]> }

/** Each carried area's flag (split, merged, redrawn), by its position in the values file. */
export function carriedFlags(v: ChangeValues): Map<number, string> {
  return new Map(Object.entries(v.carried ?? {}).flatMap(([flag, at]) => at.map((k) => [k, flag] as const)));
}

/** After a change layer's value: both editions' deciles and how the earlier was carried, " (2 to 4, split)". */
export function changeNote(from: number | null | undefined, to: number | null | undefined, flag?: string): string {
  return ` (${from ?? '–'} to ${to ?? '–'}${flag ? `, ${flag}` : ''})`;
}
