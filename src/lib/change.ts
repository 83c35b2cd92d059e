import { catalogue, readData, type Neighbourhood } from './data.ts';
import type { Edition } from './change-words.ts';

export { COMPARABILITY, thenAndNowSentence, type Edition } from './change-words.ts';

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

export const changeFile = () => readData<ChangeFile>('change.json');
export const editions = (): Edition[] => (catalogue() as unknown as { editions: Edition[] }).editions ?? [];

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

