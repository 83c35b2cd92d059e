/**
 * A council's figure on a map of councils (the nation's scope), one rule for the build and the
 * browser: its own figure (its small areas' counts added up, or their population-weighted
 * average: the summary's mean); for ranks and deciles, which have no meaningful average, its
 * middle small area's.
 */

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
  return ind.numerator ? "its small areas' counts added up" : 'the average of its small areas, weighted by population';
}
