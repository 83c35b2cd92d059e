import type { IndicatorMeta } from '../../lib/data.ts';
import { classOf, formatValue } from '../../lib/classes.ts';

/** What a value means, in words: for deciles and ranks where it stands in England, for others its class. */
export function valueInWords(ind: IndicatorMeta, value: number | null, status: 'value' | 'missing' | 'suppressed'): string {
  if (status === 'suppressed') return 'Suppressed: the publisher withheld this figure.';
  if (status === 'missing' || value === null) return 'No figure is published for this area.';
  const v = formatValue(value, ind.unit, ind.decimals);
  if (ind.unit === 'decile') {
    if (value === 1) return `Decile 1: among the 10% most deprived small areas in England (${ind.edition}).`;
    if (value === 10) return `Decile 10: among the 10% least deprived small areas in England (${ind.edition}).`;
    // The decile's own tenth is neither more nor less deprived, so the two shares add to 90%.
    return `Decile ${value} of 10: ${(value - 1) * 10}% of England's small areas are more deprived and ${100 - value * 10}% less (decile 1 is the most deprived tenth; ${ind.edition}).`;
  }
  if (ind.unit === 'change') {
    const d = Math.abs(value);
    return value === 0 ? 'The same decile in both editions.' : `${d} decile${d === 1 ? '' : 's'} ${value > 0 ? 'less' : 'more'} deprived, relative to England, than in the earlier edition.`;
  }
  if (ind.unit === 'rank') return `Rank ${v} of England's small areas, where rank 1 is the most deprived (${ind.edition}).`;
  const k = classOf(value, ind.classes.breaks);
  const n = ind.classes.classes;
  const where = ind.classes.over === 'england' ? "of England's small areas" : 'of the region';
  if (ind.classes.floor !== undefined && k === 0) return `${v}${ind.per ? ` ${ind.per}` : ''}: the lowest figure, shared by a large part ${ind.classes.over === 'england' ? "of England's small areas" : "of the region's small areas"}.`;
  const fifth = n === 5 && ind.classes.floor === undefined ? ['lowest fifth', 'second fifth', 'middle fifth', 'fourth fifth', 'highest fifth'][k] : `class ${k + 1} of ${n}`;
  return `${v}${ind.per ? ` ${ind.per}` : ''}: in the ${fifth} ${where}${ind.classes.worse === 'high' && k === n - 1 ? ' (the worst)' : ind.classes.worse === 'low' && k === 0 ? ' (the worst)' : ''}.`;
}
