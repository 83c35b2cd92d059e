/**
 * Disclosure check, recomputed from the published output: wherever a total is published
 * with its parts, no single suppressed part may be recoverable by subtraction; and no
 * neighbourhood figure is published from small areas of which one is suppressed.
 */
interface Published {
  datasets?: { id: string; disclosureControl?: { applies: boolean; minCount: number } }[];
  indicators: { id: string; unit: string; level: string; vintage?: number; dataset?: string }[];
  values: Record<string, {
    values: { area: string; status: string; value: unknown; denominator?: number | null; sampleSize?: number | null; wave?: string }[];
    byNeighbourhood: Record<string, { status: string; denominator?: number | null; sampleSize?: number | null }>;
    changes?: Record<string, { status: string; to: string }>;
    changesByNeighbourhood?: Record<string, { status: string; to: string }>;
  }>;
}

/**
 * Small counts given away other than as a numerator: a published percentage with its
 * denominator (or sample size) is a count (5.0% of 100 is 5 people); and a suppressed row that
 * still carries its denominator or sample size says how many answered, which with any published
 * total or share undoes it.
 */
export function countsGivenAway(local: Published): string[] {
  const leaks: string[] = [];
  const rule = new Map((local.datasets ?? []).map((d) => [d.id, d.disclosureControl]));
  for (const ind of local.indicators) {
    const dc = rule.get(ind.dataset ?? '');
    const { values, byNeighbourhood } = local.values[ind.id];
    for (const v of [...values, ...Object.values(byNeighbourhood).map((b) => ({ area: 'neighbourhood', value: null, ...b }))]) {
      if (v.status === 'suppressed' && (v.denominator != null || v.sampleSize != null)) leaks.push(`${ind.id} ${v.area}: suppressed but publishes ${v.denominator != null ? `denominator ${v.denominator}` : `sample size ${v.sampleSize}`}`);
      const base = v.denominator ?? v.sampleSize;
      if (dc?.applies && ind.unit === 'percent' && v.status === 'value' && typeof v.value === 'number' && base != null) {
        const count = Math.round((v.value / 100) * base);
        if (count > 0 && count < dc.minCount) leaks.push(`${ind.id} ${v.area}: ${v.value}% of ${base} gives away a count of ${count}`);
      }
    }
  }
  return leaks;
}

export function recoverableByDifference(local: Published, members: Record<string, { 2011: string[]; 2021: string[] }> = {}): string[] {
  const leaks: string[] = [];
  for (const ind of local.indicators) {
    const { values: all, byNeighbourhood, changes = {}, changesByNeighbourhood = {} } = local.values[ind.id];
    // Two waves: the neighbourhoods' figures are the latest wave's (the one every change runs to).
    const latest = Object.values(changes)[0]?.to;
    const values = latest === undefined ? all : all.filter((v) => v.wave === latest);
    // A change with either wave's figure withheld gives that figure away (the other wave's is published).
    for (const [area, c] of Object.entries(changes)) if (c.status === 'value' && all.some((v) => v.area === area && v.status === 'suppressed')) leaks.push(`${ind.id}: ${area}'s change is published though one of its waves is suppressed`);
    for (const [slug, c] of Object.entries(changesByNeighbourhood)) {
      const codes = new Set(members[slug]?.[ind.vintage as 2011 | 2021] ?? []);
      if (c.status === 'value' && all.some((v) => codes.has(v.area) && v.status === 'suppressed')) leaks.push(`${ind.id}: ${slug}'s change is published though a small area of one wave is suppressed`);
    }
    const total = values.find((v) => v.area === 'total');
    if (ind.unit === 'count' && total?.status === 'value') {
      const hidden = values.filter((v) => v !== total && v.status === 'suppressed');
      if (hidden.length === 1) leaks.push(`${ind.id}: ${hidden[0].area} = total - the other parts`);
    }
    if (ind.level === 'lsoa') {
      for (const [slug, agg] of Object.entries(byNeighbourhood)) {
        const codes = new Set(members[slug]?.[ind.vintage as 2011 | 2021] ?? []);
        const hidden = values.filter((v) => codes.has(v.area) && v.status === 'suppressed');
        if (agg.status === 'value' && hidden.length > 0) leaks.push(`${ind.id}: ${slug}'s figure is published though ${hidden.map((h) => h.area).join(', ')} is suppressed`);
      }
    }
  }
  return leaks;
}
