/**
 * Disclosure check, recomputed from the published output: wherever a total is published
 * with its parts, no single suppressed part may be recoverable by subtraction; and no
 * neighbourhood figure is published from small areas of which one is suppressed.
 */
interface Published {
  indicators: { id: string; unit: string; level: string; vintage?: number }[];
  values: Record<string, { values: { area: string; status: string; value: unknown }[]; byNeighbourhood: Record<string, { status: string }> }>;
}

export function recoverableByDifference(local: Published, members: Record<string, { 2011: string[]; 2021: string[] }> = {}): string[] {
  const leaks: string[] = [];
  for (const ind of local.indicators) {
    const { values, byNeighbourhood } = local.values[ind.id];
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
