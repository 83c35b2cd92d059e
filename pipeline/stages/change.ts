import type { Problem } from '../errors.ts';
import type { ChangeConfig, Indicator } from '../schema.ts';
import type { AreaFrame } from './areas.ts';
import type { VintageLookup } from './neighbourhoods.ts';
import { STATUS, type Series } from './values.ts';

/**
 * Change over time across the 2011 to 2021 LSOA change. Each 2021 small area gets its 2011
 * parents from the ONS lookup and a flag for how an earlier edition's position is carried:
 * unchanged (the same area), split (the parent's value, shared by its children), merged (the
 * parents' ranks averaged, weighted by population, with their range kept) or redrawn (an
 * irregular change: not comparable, its parents named). Only ranks and deciles are carried:
 * scores are not comparable between editions.
 */
export const FLAGS = ['unchanged', 'split', 'merged', 'redrawn'] as const;
export type Flag = (typeof FLAGS)[number];

export interface Crosswalk {
  /** For each 2021 frame index, its parents' 2011 frame indices. */
  parents: number[][];
  /** For each 2021 frame index, its flag (an index into FLAGS). */
  flag: Uint8Array;
}

/** How many small areas in scope were carried each way. */
export type CrosswalkReport = Record<Flag, number>;

/**
 * Builds the crosswalk and checks the lookup: every English 2021 area has a 2011 parent
 * (`NO_PARENT`), and every English code in it is a small area of its vintage (`UNKNOWN_CODE`).
 * Areas of another nation are left out, as everywhere.
 */
export function crosswalk(f11: AreaFrame, f21: AreaFrame, lookup: VintageLookup, file: string, columns: { from: string; to: string }, lsoaPrefix: string, problems: Problem[], lines: number[]): Crosswalk {
  const parents: number[][] = f21.codes.map(() => []);
  const codes: Set<string>[] = f21.codes.map(() => new Set());
  lookup.pairs.forEach((p, r) => {
    const from = f11.index.get(p.from);
    const to = f21.index.get(p.to);
    const english = p.from.startsWith(lsoaPrefix) || p.to.startsWith(lsoaPrefix);
    if (from === undefined && p.from.startsWith(lsoaPrefix)) problems.push({ code: 'UNKNOWN_CODE', file, row: lines[r], column: columns.from, value: p.from, message: `${p.from} is not an LSOA of 2011 in the boundary file, so nothing can be carried from it`, fix: 'Check the code against the ONS LSOA 2011 lookup; use the ONS LSOA 2011 to 2021 lookup unchanged.' });
    if (to === undefined && p.to.startsWith(lsoaPrefix)) problems.push({ code: 'UNKNOWN_CODE', file, row: lines[r], column: columns.to, value: p.to, message: `${p.to} is not an LSOA of 2021 in the boundary file, so nothing can be carried to it`, fix: 'Check the code against the ONS LSOA 2021 lookup; use the ONS LSOA 2011 to 2021 lookup unchanged.' });
    if (!english || from === undefined || to === undefined) return;
    parents[to].push(from);
    codes[to].add(lookup.changeCodes[p.change] ?? '');
  });
  const flag = new Uint8Array(f21.codes.length);
  const orphans: string[] = [];
  parents.forEach((ps, i) => {
    if (ps.length === 0) { orphans.push(f21.codes[i]); return; }
    const c = codes[i];
    flag[i] = c.has('redrawn') ? 3 : ps.length > 1 || c.has('merged') ? 2 : c.has('split') ? 1 : 0;
  });
  for (const code of orphans.slice(0, 20)) problems.push({ code: 'NO_PARENT', file, column: columns.to, value: code, message: `the 2021 LSOA ${code} has no 2011 parent in the lookup${orphans.length > 20 ? ` (${orphans.length} have none; the first 20 are listed)` : ''}, so no earlier edition can be carried to it`, fix: 'Use the complete ONS LSOA 2011 to 2021 lookup (every 2021 LSOA has at least one 2011 parent).' });
  return { parents, flag };
}

export function crosswalkReport(cw: Crosswalk, scope: readonly number[]): CrosswalkReport {
  const out: CrosswalkReport = { unchanged: 0, split: 0, merged: 0, redrawn: 0 };
  for (const i of scope) out[FLAGS[cw.flag[i]]]++;
  return out;
}

/** An earlier edition's rank and decile carried onto 2021 areas, with the merged parents' range. */
export interface Carried {
  rank: Float64Array;
  decile: Float64Array;
  /** For merged areas: the lowest and highest of the parents' ranks (equal to the rank otherwise). */
  low: Float64Array;
  high: Float64Array;
}

/** The highest rank in each decile of an edition, from its own published ranks and deciles. */
function decileCuts(rank: Series, decile: Series): number[] {
  const cuts = new Array(10).fill(0);
  for (let i = 0; i < rank.values.length; i++) {
    if (rank.status[i] !== STATUS.value || decile.status[i] !== STATUS.value) continue;
    const d = decile.values[i] - 1;
    if (rank.values[i] > cuts[d]) cuts[d] = rank.values[i];
  }
  return cuts;
}

/** The decile an area of this rank falls in, by the edition's own cut points. */
function decileOf(rank: number, cuts: number[]): number {
  for (let d = 0; d < 10; d++) if (rank <= cuts[d]) return d + 1;
  return 10;
}

/**
 * Carries a 2011 edition's rank and decile to every 2021 area. Merged areas take the
 * population-weighted mean of their parents' ranks (population of the 2011 areas), and the
 * decile that rank falls in; redrawn areas are not comparable (NaN).
 */
export function carryForward(cw: Crosswalk, rank: Series, decile: Series, population2011: Float64Array): Carried {
  const n = cw.parents.length;
  const out: Carried = { rank: new Float64Array(n).fill(NaN), decile: new Float64Array(n).fill(NaN), low: new Float64Array(n).fill(NaN), high: new Float64Array(n).fill(NaN) };
  const cuts = decileCuts(rank, decile);
  for (let i = 0; i < n; i++) {
    const ps = cw.parents[i];
    const f = FLAGS[cw.flag[i]];
    if (ps.length === 0 || f === 'redrawn' || ps.some((p) => rank.status[p] !== STATUS.value || decile.status[p] !== STATUS.value)) continue;
    if (f !== 'merged') {
      out.rank[i] = out.low[i] = out.high[i] = rank.values[ps[0]];
      out.decile[i] = decile.values[ps[0]];
      continue;
    }
    let w = 0, wr = 0, lo = Infinity, hi = -Infinity;
    for (const p of ps) {
      const pop = Number.isFinite(population2011[p]) ? population2011[p] : 0;
      w += pop; wr += pop * rank.values[p];
      lo = Math.min(lo, rank.values[p]); hi = Math.max(hi, rank.values[p]);
    }
    const r = Math.round(w > 0 ? wr / w : ps.reduce((s, p) => s + rank.values[p], 0) / ps.length);
    out.rank[i] = r;
    out.low[i] = lo;
    out.high[i] = hi;
    out.decile[i] = decileOf(r, cuts);
  }
  return out;
}

/**
 * A change layer as a series on 2021 areas (or on 2011 areas when both editions use them):
 * the later decile minus the earlier, so a positive change means the area now ranks as less
 * deprived relative to England. Redrawn areas, and areas missing in either edition, have none.
 */
export function changeSeries(indicator: Indicator, later: Series, from: Float64Array): Series {
  const n = later.values.length;
  const values = new Float64Array(n).fill(NaN);
  const status = new Uint8Array(n).fill(STATUS.missing);
  for (let i = 0; i < n; i++) {
    if (later.status[i] !== STATUS.value || !Number.isFinite(from[i])) continue;
    values[i] = later.values[i] - from[i];
    status[i] = STATUS.value;
  }
  return { indicator, values, status };
}

/** A series' figures, NaN where it has none (missing or suppressed). */
export function figures(s: Series): Float64Array {
  return s.values.map((v, i) => (s.status[i] === STATUS.value ? v : NaN));
}

/** The indicator record of a change layer, built from its config and the later edition's decile. */
export function changeIndicator(c: ChangeConfig, later: Indicator): Indicator {
  return {
    id: c.id, label: c.label, shortLabel: c.shortLabel, description: c.description, table: later.table, column: later.column,
    unit: 'change', decimals: 0, polarity: 'neutral', edition: c.edition, classification: { method: 'diverging' }, family: c.family,
  } as Indicator;
}
