import { shareWords } from './plain.ts';
import { cap, count } from './words.ts';

/**
 * The home page's finding: how many of the neighbourhoods' small areas are among England's most
 * deprived tenth (decile 1 of the headline edition), counted from the published values, each
 * small area once even if two outlines share it.
 */
export interface Finding { areas: number; withValue: number; inTenth: number; inFifth: number; neighbourhoods: number; mostlyInTenth: number }

export function homeFinding(lists: readonly (readonly string[])[], decileOf: (code: string) => number | null): Finding {
  const seen = new Set<string>();
  let withValue = 0, inTenth = 0, inFifth = 0;
  for (const code of lists.flat()) {
    if (seen.has(code)) continue;
    seen.add(code);
    const d = decileOf(code);
    if (d === null) continue;
    withValue++;
    if (d <= 1) inTenth++;
    if (d <= 2) inFifth++;
  }
  const mostlyInTenth = lists.filter((l) => l.filter((c) => decileOf(c) === 1).length * 2 > l.length).length;
  return { areas: seen.size, withValue, inTenth, inFifth, neighbourhoods: lists.length, mostlyInTenth };
}

/** "About 6 in 10 of the seven neighbourhoods' small areas are among England's 10% most deprived: 29 of 50." */
export function findingWords(f: Finding, edition: string): { lead: string; detail: string } {
  const w = f.inTenth === 0 ? 'none' : shareWords((f.inTenth / f.withValue) * 100);
  const of = w.endsWith(' of') ? w : `${w} of`;
  const share = cap(of);
  return {
    lead: `${share} the ${count(f.neighbourhoods)} neighbourhoods' small areas are among England's 10% most deprived: ${f.inTenth} of ${f.withValue}.`,
    detail: `${f.inFifth} of the ${f.withValue} are among the most deprived 20% (${edition}). In ${count(f.mostlyInTenth)} of the ${count(f.neighbourhoods)} neighbourhoods, more than half the small areas are in the most deprived 10%.`,
  };}
