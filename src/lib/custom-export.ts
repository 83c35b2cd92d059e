/**
 * What a custom area can be taken away as: its profile as CSV, its merged outline as GeoJSON,
 * and the entry of data/config/neighbourhoods.json that makes it a neighbourhood of the atlas.
 */
import { merge } from './merge.ts';
import type { GeometryObject, Topology } from 'topojson-specification';
import { csvFile } from './csv.ts';
import type { CouncilMark, CustomProfile } from './custom.ts';
import type { IndicatorMeta } from './data.ts';
import { englandWords } from './plain.ts';

/** A slug for neighbourhoods.json from a name people gave: lower case, hyphens, ASCII only. */
export function slugOf(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'my-area';
}

/**
 * The neighbourhoods.json entry for a custom area: an `lsoas` derivation of 2021 small areas and
 * both vintages' lists as the pipeline derives them (so the build's staleness check passes).
 * Its description and how it was chosen are for the researcher to complete.
 */
export function neighbourhoodEntry(p: CustomProfile, name: string, permalink: string) {
  const codes = p.lsoas2021.map((m) => m.code);
  return {
    slug: slugOf(name),
    name: name.trim() || 'My area',
    council: p.lad[2021].name,
    description: `Describe the neighbourhood here: who lives there and why it was chosen (${codes.length} small areas of 2021).`,
    sourceUrl: permalink,
    derivation: { method: 'lsoas' as const, lsoaVintage: 2021 as const, lsoas: codes, how: `Chosen on the atlas's custom area page (${permalink}). Say here who chose these small areas, and how.` },
    approximate: true as const,
    fitNotes: `Made of whole small areas (LSOAs of 2021)${p.councils.length > 1 ? ` in ${p.councils.map((c) => c.name).join(' and ')}` : ''}; say here where the outline departs from the neighbourhood as its people know it.`,
    lsoas2011: p.lsoas2011,
    lsoas2021: p.lsoas2021,
  };
}

/** The profile as a table: one row per indicator, with the area, each of its councils, the region and England. */
export function profileCsv(p: CustomProfile, indicators: readonly IndicatorMeta[], names: { area: string; region: string; nation: string }): string {
  const councils = p.councils.map((c) => c.code);
  const header = ['domain', 'indicator', 'indicator_label', 'unit', 'edition', 'lsoa_vintage', 'area', 'area_small_areas_with_value', 'area_missing', 'area_suppressed', 'area_england_position', 'area_in_words',
    ...councils.flatMap((c) => [`council_${c}`]), 'region', 'england'];
  const rows = indicators.filter((i) => p.summaries[i.id]).map((ind) => {
    const s = p.summaries[ind.id];
    const v = ind.vintage as 2011 | 2021;
    const councilValue = (code: string) => {
      // A 2011 indicator's council is the 2011 council the area's 2011 areas mostly lie in; shown for the majority council only.
      const own = v === 2021 ? p.councilSummaries[2021][code]?.summaries[ind.id] : code === p.lad[2021].code ? s.lad : undefined;
      return figure(own);
    };
    return [ind.domain, ind.id, ind.label, ind.unit, ind.edition, v, figure(s.neighbourhood), s.neighbourhood.withValue, s.neighbourhood.missing, s.neighbourhood.suppressed, s.neighbourhood.position ?? null, englandWords(ind, s.neighbourhood),
      ...councils.map(councilValue), figure(s.region), figure(s.england)];
  });
  const note = [[`# ${names.area}: ${p.lsoas2021.length} small areas of 2021 (${p.lsoas2021.map((m) => m.code).join(' ')}); ${names.region} and ${names.nation} for comparison. Means are population-weighted; Census percentages pooled from counts.`]];
  const sa = indicators.filter((i) => p.summaries[i.id] && /^CC-BY-SA/i.test(i.licence?.id ?? ''));
  if (sa.length) note.push([`# Share-alike: ${sa.map((i) => i.id).join(', ')} ${sa.length === 1 ? 'is' : 'are'} licensed ${sa[0].licence!.name} (Andrew Teale, Local Elections Archive Project, https://www.andrewteale.me.uk/leap/); reuse under the same licence, with credit.`]);
  return csvFile(header, [...rows, ...note.map((r) => [...r, ...new Array(header.length - 1).fill(null)])]);
}

/** A summary's headline figure: its mean, or for deciles and ranks the share in the most deprived tenth or the range. */
function figure(s: CouncilMark | undefined): number | string | null {
  if (!s) return null;
  if (s.mean !== undefined) return s.mean;
  if (s.mostDeprived10) return `${s.mostDeprived10.areas} of ${s.withValue} in the most deprived 10%`;
  if (s.min !== undefined) return `${s.min} to ${s.max}`;
  return null;
}

/** The custom area's outline, merged from its small areas on each council's topology, as a GeoJSON FeatureCollection. */
export function outlineGeojson(topologies: readonly Topology[], codes: readonly string[], properties: Record<string, unknown>): string {
  const chosen = new Set(codes);
  const polygons: GeoJSON.Position[][][] = [];
  for (const t of topologies) {
    const geoms = (t.objects.lsoa as { geometries: GeometryObject[] }).geometries.filter((g) => chosen.has(String(g.id)));
    if (geoms.length) polygons.push(...(merge(t, geoms as never) as GeoJSON.MultiPolygon).coordinates);
  }
  return JSON.stringify({
    type: 'FeatureCollection',
    licence: 'Open Government Licence v3.0; contains OS data © Crown copyright and database right 2024; source: Office for National Statistics',
    features: [{ type: 'Feature', properties: { ...properties, lsoas2021: [...chosen].sort() }, geometry: { type: 'MultiPolygon', coordinates: polygons } }],
  });
}
