/**
 * A council's figure on a map of councils (the nation's scope), computed once by the build (each
 * values file's `councils`) and worded the same on the pages and the map: its own figure (its
 * small areas' counts added up, or their population-weighted average: the summary's mean); for
 * ranks and deciles, which have no meaningful average, its middle small area's.
 */
import { formatValue } from './classes.ts';

/** The middle value (the lower of the two middle ones for an even count): always one small area's own figure. */
export const middle = (xs: readonly number[]): number | null => (xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]);

export const byMiddleArea = (unit: string): boolean => unit === 'rank' || unit === 'decile';

export function councilFigure(unit: string, summary: { mean?: number } | undefined, memberValues: readonly number[]): number | null {
  return byMiddleArea(unit) ? middle(memberValues) : summary?.mean ?? null;
}

/** What a council's figure is, in words, for an indicator. */
export function councilBasis(ind: { unit: string; numerator?: unknown }): string {
  if (ind.unit === 'decile') return 'the decile of its middle small area (as many of its small areas are more deprived as are less)';
  if (ind.unit === 'rank') return 'the rank of its middle small area (as many of its small areas are more deprived as are less)';
  return ind.numerator ? "worked out from all its small areas' counts together" : 'the average of its small areas, weighted by population';
}

/**
 * A council's figure as the table, the map's summary and its hover write it (ranks and deciles
 * whole). `named` puts "decile" or "rank" before one (in a sentence, where no column heading says it).
 */
export function councilFigureText(value: number | null, ind: { unit: string; decimals: number }, named = false): string {
  if (value === null) return 'no data';
  const text = formatValue(value, ind.unit, byMiddleArea(ind.unit) ? 0 : ind.decimals);
  return named && byMiddleArea(ind.unit) ? `${ind.unit} ${text}` : text;
}
