/**
 * The wards behind each neighbourhood's ward measures (governance.json): turnout at each
 * ward's latest local election and its contests in the programme's years, as the pages name them.
 */
import { hasData, readData } from './data.ts';

export interface WardEntry { code: string; name: string; lsoas: number; cells: Record<string, string> | null }
export interface WardListFile {
  tables: Record<string, { vintage: number; source: string; licence: string; attribution: string; noPoll: string | null }>;
  neighbourhoods: Record<string, Record<string, WardEntry[]>>;
}

export const wardListData = (): WardListFile | null => (hasData('governance.json') ? readData<WardListFile>('governance.json') : null);

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "two", or "2.5" where the figure is not whole. */
export const countWords = (v: number) => (Number.isInteger(v) && v < WORDS.length ? WORDS[v] : v.toLocaleString('en-GB', { maximumFractionDigits: 1 }));

/** "about 3 in 10 electors voted" from a turnout percentage. */
export function turnoutWords(pct: number): string {
  const tenths = Math.round(pct / 10);
  return tenths === 0 ? 'fewer than 1 in 10 electors voted' : `about ${tenths} in 10 electors voted`;
}

/** "in 2018 two candidates stood for each seat"; "in 2019 the one candidate was elected unopposed". */
export function contestWords(year: string, seats: number, candidates: number): string {
  if (candidates <= seats) return `in ${year} ${seats === 1 ? 'the one seat was' : seats === 2 ? 'both seats were' : `all ${countWords(seats)} seats were`} filled without a vote (no more candidates than seats)`;
  // One seat: the count is the figure, said once ("six candidates stood for the one seat", not "six … for each seat (6 for one seat)").
  if (seats === 1) return `in ${year} ${countWords(candidates)} candidates stood for the one seat`;
  const per = candidates / seats;
  // Whole people first: "seven candidates stood for three seats (2.3 for each)", never "2.3 candidates stood".
  if (!Number.isInteger(per)) return `in ${year} ${countWords(candidates)} candidates stood for ${countWords(seats)} seats (${Math.round(per * 10) / 10} for each)`;
  return `in ${year} ${countWords(per)} candidates stood for each seat (${candidates} for ${countWords(seats)} seats)`;
}
