/**
 * What the tiled map shows of each small area, from a values file: its class (feature state
 * `k`) and that class's colour (`c`, the legend's), and whether it is outlined as low precision
 * (`lp`) or as carried from a split, merged or redrawn 2011 area (`cf`). Feature id = the
 * area's index in areas/lsoa-<vintage>.json, which the values file follows. The map's paint
 * reads the states through expressions that never change, so a new indicator re-parses no tile.
 */
import { classColours, classOf, NO_DATA, STATE_MISSING, STATE_SUPPRESSED, type ClassInfo } from './classes.ts';

export interface AreaState { k: number; c: string; lp: boolean; cf: boolean }

export interface StateInput {
  values: (number | null)[];
  missing: Iterable<number>;
  suppressed: Iterable<number>;
  lowPrecision?: Iterable<number>;
  carried?: Map<number, string>;
}

/** One state per area, in the values file's order. */
export function areaStates(v: StateInput, classes: ClassInfo): AreaState[] {
  const colours = classColours(classes);
  const missing = new Set(v.missing), suppressed = new Set(v.suppressed), low = new Set(v.lowPrecision ?? []);
  return v.values.map((x, i) => {
    const k = suppressed.has(i) ? STATE_SUPPRESSED : missing.has(i) || x === null ? STATE_MISSING : classOf(x, classes.breaks);
    return { k, c: k >= 0 ? colours[k] : NO_DATA.missing, lp: low.has(i), cf: !!v.carried?.get(i) };
  });
}

/** The small areas' fill: the colour in their state; not drawn until it is set. */
export const STATE_FILL = ['to-color', ['coalesce', ['feature-state', 'c'], 'rgba(0, 0, 0, 0)']];

/** The councils' fill, zoomed out beyond the small areas: the colour of their own figure's class where the build gives one (the nation's scope), else plain. */
export const COUNCIL_FILL = ['to-color', ['coalesce', ['feature-state', 'c'], '#e4e1d8']];

/** One colour per council from its figure (src/lib/council-figure.ts), by council tile id. */
export function councilColours(figures: readonly (number | null)[], classes: ClassInfo): string[] {
  const colours = classColours(classes);
  return figures.map((x) => (x === null ? NO_DATA.missing : colours[classOf(x, classes.breaks)]));
}
