import { formatValue } from '../classes.ts';
import type { LocalChange } from './waves.ts';

/**
 * A change between two waves in words: how much, with its interval, and what the design lets a
 * reader conclude. Only a difference-in-differences design (comparison areas outside the
 * programme followed over the same time) supports reading a change as the programme's effect;
 * a before-and-after comparison never does, and the words say so.
 */
export type Design = 'one-wave' | 'before-and-after' | 'difference-in-differences';

export function changeText(ind: { unit: string; decimals: number }, c: LocalChange | undefined, design: Design | undefined): string {
  if (!c || c.status === 'missing') return 'No change can be given: a figure is missing in one of the waves.';
  if (c.status === 'suppressed') return 'No change is given: a figure of one wave is withheld, and the change would give it away.';
  const units = ind.unit === 'percent' ? 'percentage points' : '';
  const f = (x: number) => `${formatValue(Math.abs(x), 'score', ind.decimals)}${units ? ` ${units}` : ''}`;
  const n = c.change!;
  const how = n === 0 ? `No change between ${c.from} and ${c.to}` : `${n > 0 ? 'Up' : 'Down'} ${f(n)} between ${c.from} and ${c.to}`;
  const signed = (x: number) => `${x < 0 ? '−' : x > 0 ? '+' : ''}${formatValue(Math.abs(x), 'score', ind.decimals)}`;
  const ci = c.lower !== null && c.upper !== null ? ` (95% confidence interval ${signed(c.lower)} to ${signed(c.upper)})` : ' (no interval can be given)';
  const chance = c.lower !== null && c.upper !== null && c.lower <= 0 && c.upper >= 0 ? ' The interval includes no change at all, so this may be chance.' : '';
  return `${how}${ci}.${chance} ${designText(design)}`;
}

/** What the design lets a reader conclude about cause. */
export function designText(design: Design | undefined): string {
  if (design === 'difference-in-differences') return 'The survey followed comparison areas outside the programme over the same years; only the difference between the two changes, which the survey team estimates, can be read as the programme’s effect. This change on its own is what happened here, whatever the cause.';
  return 'The same areas were asked twice, with no comparison areas, so this does not show what caused the change: much else changed over those years too.';
}
