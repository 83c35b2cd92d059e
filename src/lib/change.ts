import { catalogue, readData, type Neighbourhood } from './data.ts';
import { count } from './words.ts';

/**
 * Change over time, read at build time from the pipeline's change.json: each 2021 small area's
 * IMD decile and rank in every edition of the Indices (earlier editions carried from the 2011
 * areas it was made from), how it was carried, and its parents.
 */
export interface ChangeFile {
  editions: string[];
  codes: string[];
  flag: ('unchanged' | 'split' | 'merged' | 'redrawn')[];
  parents: string[][];
  /** Per area, per edition: [decile, rank, lowest parent rank, highest parent rank], or null. */
  values: ([number, number, number, number] | null)[][];
}
export interface Edition { id: string; name: string; published: string; dataYears: string; lsoas: string; decile: string; rank: string; note: string }

export const changeFile = () => readData<ChangeFile>('change.json');
export const editions = (): Edition[] => (catalogue() as unknown as { editions: Edition[] }).editions ?? [];

/** What may be compared, in plain words: said beside every view of change. */
export const COMPARABILITY = 'Each edition of the Indices ranks England\'s small areas against each other at its own time, so only positions (ranks and deciles) are compared here, never scores. The 2025 edition changed its indicators and methods (income is now measured after housing costs), and MHCLG calls it less directly comparable with earlier editions: a move may reflect the method as well as the area. A change in position does not show what any programme did or did not cause.';

export interface AreaChange { code: string; flag: ChangeFile['flag'][number]; parents: string[]; deciles: (number | null)[]; ranks: (number | null)[]; ranges: ([number, number] | null)[] }

/** The neighbourhood's 2021 small areas across every edition. */
export function areaChanges(n: Pick<Neighbourhood, 'lsoas2021'>): AreaChange[] {
  const f = changeFile();
  const at = new Map(f.codes.map((c, i) => [c, i]));
  return n.lsoas2021.map((m) => at.get(m.code)).filter((i): i is number => i !== undefined).map((i) => ({
    code: f.codes[i], flag: f.flag[i], parents: f.parents[i],
    deciles: f.values[i].map((v) => v?.[0] ?? null), ranks: f.values[i].map((v) => v?.[1] ?? null),
    ranges: f.values[i].map((v) => (v && v[2] !== v[3] ? [v[2], v[3]] : null)),
  }));
}

/** "In the 2015 Indices, 4 of its 5 small areas were among England's 10% most deprived; in 2019, 5 of 5; in 2025, 5 of 5." */
export function thenAndNowSentence(n: Neighbourhood): string {
  const parts = editions().map((e) => ({ e, s: n.summaries[e.decile]?.neighbourhood.mostDeprived10, m: n.summaries[e.decile]?.neighbourhood.withValue ?? 0 })).filter((p) => p.s);
  if (parts.length === 0) return '';
  const [first, ...rest] = parts;
  const lead = first.s!.areas === first.m ? `all ${count(first.m)} of its small areas were` : `${count(first.s!.areas)} of its ${count(first.m)} small areas ${first.s!.areas === 1 ? 'was' : 'were'}`;
  return `In the ${first.e.name.replace('IoD ', '')} Indices, ${lead} among England's 10% most deprived${rest.map((p) => `; in ${p.e.name.replace('IoD ', '')}, ${count(p.s!.areas)} of ${count(p.m)}`).join('')}. Earlier editions use the small areas of 2011, the 2025 edition those of 2021.`;
}
