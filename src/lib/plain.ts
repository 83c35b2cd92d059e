import type { IndicatorMeta, Summary } from './data.ts';
import { formatValue } from './classes.ts';
import { TIED_FROM } from './aggregate.ts';
import { cap, count } from './words.ts';

/**
 * Figures in words people use: "about 3 in 10 households", "worse than 9 in 10 areas of
 * England", "like England's decile 2". Every sentence is generated from the published figures.
 */

type Ind = Pick<IndicatorMeta, 'unit' | 'decimals' | 'polarity' | 'plain' | 'per'>;

/** A percentage as a natural frequency: "about 3 in 10", "about 1 in 20", "fewer than 1 in 100", "almost all". */
export function shareWords(pct: number): string {
  if (pct <= 0) return 'no';
  if (pct >= 100) return 'all';
  if (pct < 1) return 'fewer than 1 in 100';
  if (pct >= 97.5) return 'almost all';
  // Below about a sixth, "1 in N": 14.5% is about 1 in 7 (tenths said "1 in 10", 4.5 points off).
  if (pct < 17.5) {
    const n = 100 / pct;
    return `about 1 in ${n < 20 ? Math.round(n) : n < 50 ? Math.round(n / 5) * 5 : Math.round(n / 10) * 10}`;
  }
  // A quarter is said as one (25.4% is about 1 in 4, not 3 in 10).
  if (Math.abs(pct - 25) < 2.5) return 'about 1 in 4';
  if (Math.abs(pct - 75) < 2.5) return 'about 3 in 4';
  const tenths = Math.round(pct / 10);
  if (tenths >= 10) return 'almost all';
  if (tenths === 5) return 'about half of';
  return `about ${tenths} in 10`;
}

/** A real-unit measure in words: "About 6 in 10 households have no car or van (57.0%)". */
export function plainSentence(ind: Ind, value: number | undefined): string | null {
  if (!ind.plain || value === undefined) return null;
  const figure = formatValue(value, ind.unit, ind.decimals);
  // The figure in brackets at the end, or after the share where the sentence already ends in brackets.
  const words = !ind.plain.includes('{share}') ? ind.plain.replace('{value}', figure)
    : ind.plain.trimEnd().endsWith(')') ? ind.plain.replace('{share}', `${shareWords(value)} (${figure})`)
    : ind.plain.replace('{share}', shareWords(value)) + ` (${figure})`;
  return cap(words);
}

/** The share of England's small areas that a figure is worse than (0 to 1), or null where neither end is worse. */
export function worseThan(ind: Pick<IndicatorMeta, 'polarity'>, position: number | undefined): number | null {
  if (position === undefined || ind.polarity === 'neutral') return null;
  return ind.polarity === 'higher-worse' ? position : 1 - position;
}

/**
 * "worse than 9 in 10 areas of England", "better than 7 in 10 ...", "near the middle ...",
 * "higher than 6 in 10 ..." (where neither end is worse). Rounded down: "worse than 9 in 10"
 * holds for a figure worse than at least 90% of England's small areas. A figure that half or more
 * of England's areas share exactly (0% where most areas have none) is "the same as 9 in 10 ...":
 * neither better nor worse than them, nor in the middle.
 */
export function englandWords(ind: Pick<IndicatorMeta, 'polarity'>, at: { position?: number; tied?: number } | undefined, short = false): string {
  const position = at?.position;
  if (position === undefined) return '';
  const areas = short ? '' : ' areas of England';
  if (at!.tied !== undefined && at!.tied >= TIED_FROM) return `${short ? 'same' : 'the same'} as ${at!.tied >= 0.98 ? 'almost all' : `${Math.floor(at!.tied * 10)} in 10`}${areas}`;
  const w = worseThan(ind, position);
  const [up, down] = w === null ? ['higher', 'lower'] : ['worse', 'better'];
  const p = w ?? position;
  if (p >= 0.98) return `${up} than almost all${areas}`;
  if (p <= 0.02) return `${down} than almost all${areas}`;
  if (p >= 0.6) return `${up} than ${Math.floor(p * 10)} in 10${areas}`;
  if (p <= 0.4) return `${down} than ${Math.floor((1 - p) * 10)} in 10${areas}`;
  return short ? 'middle' : "near the middle of England's areas";
}

/**
 * The muted line under a spine row's measure: where the figure falls among England's areas, then
 * in brackets how it was made ("Output Area sum") and whether a note goes with it. Brackets, not a
 * "·" list, whose separator was left alone at the end of a line when the line wrapped on a phone.
 */
export function spineNote(ind: Pick<IndicatorMeta, 'polarity' | 'finer' | 'note'>, at: { position?: number; tied?: number } | undefined): string {
  return spineNoteParts(ind, at).join('');
}

/** The same line in three parts, the middle one "see note" (or empty), for a page that makes it a link to the note. */
export function spineNoteParts(ind: Pick<IndicatorMeta, 'polarity' | 'finer' | 'note'>, at: { position?: number; tied?: number } | undefined): [before: string, note: string, after: string] {
  const sum = ind.finer ? `${ind.finer} sum` : '';
  const note = ind.note ? 'see note' : '';
  const where = englandWords(ind, at);
  if (!where) return [note && sum ? `${sum}; ` : sum, note, ''];
  if (!sum && !note) return [where, '', ''];
  return [`${where} (${sum && note ? `${sum}; ` : sum}`, note, ')'];
}

/**
 * The notes of a list of measures, with an opening sentence that every one of them shares said
 * once for them all ("For all four measures above, each small area takes the figure of the ward
 * it lies in…") instead of in each. `shared` is null (and the notes unchanged) unless there are
 * two or more notes and all open with the same sentence.
 */
export function sharedNoteOpening(notes: readonly (string | undefined)[]): { shared: string | null; notes: (string | undefined)[] } {
  const opening = (n: string | undefined) => n?.match(/^.*?[.!?](?=\s|$)/)?.[0];
  const first = opening(notes[0]);
  if (notes.length < 2 || !first || !notes.every((n) => opening(n) === first)) return { shared: null, notes: [...notes] };
  const n = notes.length;
  const shared = `For ${n === 2 ? 'both' : `all ${count(n)}`} measures above, ${first[0].toLowerCase()}${first.slice(1)}`;
  return { shared, notes: notes.map((x) => x!.slice(first.length).trim() || undefined) };
}

/**
 * Where a figure would fall among England's small areas, as a decile: 1 holds the worst 10%
 * (the most deprived, for the Indices), 10 the best. Gives a composite score a meaning.
 */
export function englandDecile(ind: Pick<IndicatorMeta, 'polarity'>, position: number | undefined): number | null {
  const w = worseThan(ind, position);
  if (w === null) return null;
  return Math.min(10, Math.max(1, 10 - Math.floor(w * 10)));
}

/** Quintile of England's small areas, 1 = the worst fifth (or, where neither end is worse, the lowest), for colouring cells. */
export function englandQuintile(ind: Pick<IndicatorMeta, 'polarity'>, position: number | undefined): number | null {
  if (position === undefined) return null;
  const w = worseThan(ind, position) ?? 1 - position;
  return Math.min(5, Math.max(1, 5 - Math.floor(w * 5)));
}

/** A real-unit measure: a share, rate or count, not an index score, rank or decile. */
export const isRealUnit = (ind: Pick<IndicatorMeta, 'unit'>) => ind.unit !== 'score' && ind.unit !== 'rank' && ind.unit !== 'decile' && ind.unit !== 'change';

/** Whether a profile row's name needs " score" after it: an index value whose short label does not already say "score". */
export const needsScoreWord = (ind: Pick<IndicatorMeta, 'unit' | 'shortLabel'>) => !isRealUnit(ind) && !/\bscore$/i.test(ind.shortLabel.trim());

/** What a rate counts, to show after its name ("per 1,000 people"), unless the name already says it ("Patients per GP"). */
export function perNote(ind: Pick<IndicatorMeta, 'per' | 'shortLabel'>): string | null {
  return ind.per && !ind.shortLabel.toLowerCase().includes(ind.per.toLowerCase()) ? ind.per : null;
}

/** An indicator a profile shows: one headline measure per family (a score, rate or percentage), official only. */
export const isProfileIndicator = (i: Pick<IndicatorMeta, 'unit' | 'local'>) => !i.local && (i.unit === 'score' || i.unit === 'percent' || i.unit === 'rate');

/** Real-unit measures first, then composite scores; ranks and deciles are left to their scores. */
export function profileOrder<T extends Pick<IndicatorMeta, 'unit'>>(inds: readonly T[]): T[] {
  return [...inds.filter(isRealUnit), ...inds.filter((i) => i.unit === 'score')];
}

/**
 * One sentence that reads a domain as a whole before its rows: "On 7 of its 9 living
 * environment measures, a neighbourhood is worse than 8 in 10 areas of England." Counts only
 * real-unit measures that have a better and a worse end.
 */
export function domainSentence(name: string, domainName: string, rows: { ind: Ind; summary: Summary | undefined }[]): string | null {
  const judged = rows.filter((r) => isRealUnit(r.ind) && r.ind.polarity !== 'neutral' && r.summary?.position !== undefined);
  const m = judged.length;
  if (m === 0) return null;
  // Counted as each measure's own words put it: worse than 6 in 10 (0.55 is "near the middle", not
  // "worse"), and never a figure that most of England shares (it is "the same as" them).
  const w = judged.map((r) => ((r.summary!.tied ?? 0) >= TIED_FROM ? 0 : worseThan(r.ind, r.summary!.position)!));
  const k80 = w.filter((x) => x >= 0.8).length;
  // Where every one of those is worse than 9 in 10, it says so ("worse than 8 in 10" over bullets
  // that each say "worse than 9 in 10" read as a contradiction).
  const top = k80 > 0 && w.filter((x) => x >= 0.9).length === k80 ? 9 : 8;
  const k60 = w.filter((x) => x >= 0.6).length;
  const of = (k: number) => (k === m ? (m === 1 ? 'its one' : m === 2 ? 'both of its' : `all ${m} of its`) : `${k} of its ${m}`);
  // Where some listed measures have no worse end (who rents, say), the count says which it is of.
  const listed = rows.filter((r) => isRealUnit(r.ind)).length;
  const measures = `${domainName.toLowerCase()} measure${m === 1 ? '' : 's'}${m < listed ? ' with a better and a worse end' : ''}`;
  const on60 = k60 === m ? (m === 2 ? 'both' : `all ${m}`) : String(k60);
  if (k80 > 0) return `On ${of(k80)} ${measures}, ${name} is worse than ${top} in 10 areas of England${k60 > k80 ? `; on ${on60} it is worse than 6 in 10` : ''}.`;
  if (k60 > 0) return `On ${of(k60)} ${measures}, ${name} is worse than 6 in 10 areas of England, but on none worse than 8 in 10.`;
  return m === 1 ? `On its one ${measures}, ${name} is not worse than 6 in 10 areas of England.` : `On none of its ${m} ${measures} is ${name} worse than 6 in 10 areas of England.`;
}
