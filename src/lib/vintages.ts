/**
 * Carrying a set of small areas between the LSOA vintages of 2011 and 2021 through the ONS
 * lookup: the one rule for the pipeline's neighbourhoods and the browser's custom areas.
 */

/** A member LSOA: its change between 2011 and 2021, and whether it reaches outside the set. */
export interface MemberLsoa { code: string; change: 'unchanged' | 'split' | 'merged' | 'redrawn'; partial: boolean }

/** The ONS LSOA 2011 to 2021 lookup as pairs, with the change indicator of each pair and the names of those indicators. */
export interface VintageLookup {
  pairs: { from: string; to: string; change: string }[];
  changeCodes: Record<string, string>;
}

const byCode = (a: MemberLsoa, b: MemberLsoa) => a.code.localeCompare(b.code, 'en-GB');

/** The strongest change among a set of change indicators: redrawn, merged, split, unchanged. */
export function changeOf(codes: Set<string>, names: Record<string, string>): MemberLsoa['change'] {
  for (const c of ['X', 'M', 'S', 'U']) if (codes.has(c)) return names[c] as MemberLsoa['change'];
  throw new Error(`unexpected change codes ${[...codes].join(',')}`);
}

/**
 * Carries a set of LSOAs across vintages through the ONS lookup. An LSOA on the other side is
 * `partial` when it also covers LSOAs outside the set (a merge or redraw with a neighbour).
 */
export function crossVintage(members: ReadonlySet<string>, lookup: VintageLookup, direction: 'forward' | 'backward'): MemberLsoa[] {
  const [mine, theirs] = direction === 'forward' ? (['from', 'to'] as const) : (['to', 'from'] as const);
  const linked = new Map<string, { change: Set<string>; others: Set<string> }>();
  for (const p of lookup.pairs) {
    if (!members.has(p[mine])) continue;
    const e = linked.get(p[theirs]) ?? { change: new Set(), others: new Set() };
    e.change.add(p.change);
    linked.set(p[theirs], e);
  }
  for (const p of lookup.pairs) {
    const e = linked.get(p[theirs]);
    if (e && !members.has(p[mine])) e.others.add(p[mine]);
  }
  return [...linked].map(([code, e]) => ({ code, change: changeOf(e.change, lookup.changeCodes), partial: e.others.size > 0 })).sort(byCode);
}

/** The change recorded for each LSOA of one side of the lookup. */
export function changesBySide(lookup: VintageLookup, side: 'from' | 'to'): Map<string, Set<string>> {
  const change = new Map<string, Set<string>>();
  for (const p of lookup.pairs) {
    const s = change.get(p[side]) ?? new Set();
    s.add(p.change);
    change.set(p[side], s);
  }
  return change;
}

/** LSOAs of the derivation's own vintage (they lie wholly inside), with their change. */
export function selfMembers(codes: readonly string[], change: Map<string, Set<string>>, lookup: VintageLookup): MemberLsoa[] {
  return codes.map((code) => ({ code, change: changeOf(change.get(code) ?? new Set(['U']), lookup.changeCodes), partial: false })).sort(byCode);
}
