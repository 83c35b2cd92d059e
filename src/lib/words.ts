import type { IndicatorMeta, Neighbourhood } from './data.ts';

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** A count in words up to ten, digits above. */
export function count(n: number): string {
  return n >= 0 && n <= 10 ? NUMBERS[n] : String(n);
}

/** "N of its M small areas are among the 10% most deprived in England", computed from the aggregates. */
export function headlineSentence(n: Neighbourhood, headline: IndicatorMeta): string {
  const s = n.summaries[headline.id]?.neighbourhood;
  if (!s || !s.mostDeprived10) return `No ${headline.edition} figures are available for ${n.name}.`;
  const k = s.mostDeprived10.areas;
  const m = s.withValue;
  const lead = k === m ? (m === 1 ? 'Its one small area is' : `All ${count(m)} of its small areas are`) : `${cap(count(k))} of its ${count(m)} small areas ${k === 1 ? 'is' : 'are'}`;
  return `${lead} among the 10% most deprived in England (${headline.edition}).`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
