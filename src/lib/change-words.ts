import type { Neighbourhood } from './data.ts';
import { count } from './words.ts';

/** Change over time in words, for pages built ahead and for the custom area page in the browser alike. */
export interface Edition { id: string; name: string; published: string; dataYears: string; lsoas: string; decile: string; rank: string; note: string }

/** What may be compared, in plain words: said beside every view of change. */
export const COMPARABILITY = 'Each edition of the Indices ranks England\'s small areas against each other at its own time, so only positions (ranks and deciles) are compared here, never scores. The 2025 edition changed its indicators and methods (income is now measured after housing costs), and MHCLG calls it less directly comparable with earlier editions: a move may reflect the method as well as the area. A change in position does not show what any programme did or did not cause.';

/** "In the 2015 Indices, 4 of its 5 small areas were among England's 10% most deprived; in 2019, all five; in 2025, all five." */
export function thenAndNowSentence(n: { summaries: Record<string, Pick<Neighbourhood['summaries'][string], 'neighbourhood'>> }, editionList: Edition[]): string {
  const parts = editionList.map((e) => ({ e, s: n.summaries[e.decile]?.neighbourhood.mostDeprived10, m: n.summaries[e.decile]?.neighbourhood.withValue ?? 0 })).filter((p) => p.s);
  if (parts.length === 0) return '';
  const [first, ...rest] = parts;
  const lead = first.s!.areas === first.m ? `all ${count(first.m)} of its small areas were` : `${count(first.s!.areas)} of its ${count(first.m)} small areas ${first.s!.areas === 1 ? 'was' : 'were'}`;
  return `In the ${first.e.name.replace('IoD ', '')} Indices, ${lead} among England's 10% most deprived${rest.map((p) => `; in ${p.e.name.replace('IoD ', '')}, ${p.s!.areas === p.m && p.m > 1 ? `all ${count(p.m)}` : `${count(p.s!.areas)} of ${count(p.m)}`}`).join('')}. Earlier editions use the small areas of 2011, the 2025 edition those of 2021.`;
}
