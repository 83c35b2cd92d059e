import type { Config, Indicator } from '../schema.ts';
import { VINTAGES, type AreaFrame, type Vintage } from './areas.ts';
import type { aggregateAll } from './aggregate.ts';
import { catalogueOf, neighbourhoodsOf } from './catalogue.ts';
import type { buildChanges } from './changes.ts';
import { buildCustom } from './custom.ts';
import type { Breaks } from './derive.ts';
import { buildDownloads } from './downloads.ts';
import type { Geometries } from './geometry.ts';
import type { LoadedDataset } from './local.ts';
import { localExtraColumns } from './local-outputs.ts';
import type { VintageLookup } from './neighbourhoods.ts';
import type { SearchSummary } from './search.ts';
import { json, valuesFile } from './serialize.ts';
import { mappedArea } from '../../src/lib/scope-words.ts';
import { STATUS, type Series } from './values.ts';
import type { GeometryCollection } from 'topojson-specification';
import { councilFigure } from '../../src/lib/council-figure.ts';
import { round } from '../round.ts';

/** The LSOA vintage of an indicator: its table's. */
export function tableVintage(cfg: Config, ind: Indicator): Vintage {
  return cfg.tables.tables.find((t) => t.id === ind.table)!.vintage;
}

/** Everything the stages made that the atlas's files are written from. */
export interface Made {
  cfg: Config;
  mode: string;
  frames: Record<Vintage, AreaFrame>;
  lookup: VintageLookup;
  series: Map<string, Series>;
  population: Record<Vintage, Float64Array>;
  change: ReturnType<typeof buildChanges>;
  aggregate: ReturnType<typeof aggregateAll>;
  breaks: Map<string, Breaks>;
  geometries: Geometries;
  datasets: LoadedDataset[];
  localMapped: Record<string, unknown>[];
  search: SearchSummary | null;
}

export type IndicatorReport = { id: string; vintage: number; published: number; missing: number; suppressed: number }[];

/** Each vintage's topology and list of areas (codes, names, wards, councils), and the context layers. */
export function areaFiles(m: Made): Map<string, string> {
  const files = new Map<string, string>();
  for (const v of VINTAGES) {
    const f = m.frames[v];
    files.set(`geo/lsoa-${v}.topo.json`, json(m.geometries.geometry[v].topology));
    const wards: Record<string, string> = {};
    for (const i of f.scope) wards[f.ward[i]] = f.wardName[i];
    files.set(`areas/lsoa-${v}.json`, json({ vintage: v, codes: f.scope.map((i) => f.codes[i]), names: f.scope.map((i) => f.names[i]), ward: f.scope.map((i) => f.ward[i]), lad: f.scope.map((i) => f.lad[i]), wardNames: Object.fromEntries(Object.entries(wards).sort()), ladNames: Object.fromEntries([...m.aggregate.ladMembers[v]].map(([c, idx]) => [c, f.ladName[idx[0]]])) }));
  }
  files.set('geo/context.topo.json', json(m.geometries.context));
  return files;
}

/** One values file per indicator (with the change flags of carried areas), and what each publishes. */
export function indicatorFiles(m: Made): { files: Map<string, string>; report: IndicatorReport } {
  const files = new Map<string, string>();
  const report: IndicatorReport = [];
  for (const ind of m.cfg.indicators.indicators) {
    const v = tableVintage(m.cfg, ind);
    const vf = valuesFile(m.series.get(ind.id)!, m.frames[v].scope, `geo/lsoa-${v}.topo.json`, m.breaks.get(ind.id)!);
    // A map of the nation colours its councils, zoomed out beyond the small areas, by their own figures.
    const councils = m.mode === 'england' ? councilValues(m, ind, v) : undefined;
    files.set(`values/${ind.id}.json`, json({ ...m.change.flagged(ind.id, vf, m.frames[v].scope), ...(councils ? { councils } : {}) }));
    report.push({ id: ind.id, vintage: v, published: vf.values.length - vf.missing.length - vf.suppressed.length, missing: vf.missing.length, suppressed: vf.suppressed.length });
  }
  return { files, report };
}

/** Each council's figure (src/lib/council-figure.ts), in the order of the topology's councils: the council tiles' ids. */
function councilValues(m: Made, ind: Indicator, v: Vintage): (number | null)[] {
  const series = m.series.get(ind.id)!;
  const order = (m.geometries.geometry[v].topology.objects.lad as GeometryCollection).geometries.map((g) => String(g.id));
  return order.map((code) => {
    // Small areas' figures as the values file publishes them; the council's own figure as its summary holds it (comparators.json).
    const members = (m.aggregate.ladMembers[v].get(code) ?? []).filter((i) => series.status[i] === STATUS.value).map((i) => round(series.values[i], ind.decimals));
    return councilFigure(ind.unit, m.aggregate.comparators.lads[v][code]?.summaries[ind.id], members);
  });
}

/**
 * The catalogue, the neighbourhoods' outlines and profiles, the comparators, every small area's
 * editions (change.json) and the custom area page's per-council chunks.
 */
export function atlasFiles(m: Made): Map<string, string> {
  const { cfg, aggregate: a } = m;
  const files = new Map<string, string>();
  files.set('catalogue.json', json(catalogueOf({ cfg, mode: m.mode, frames: m.frames, geometry: m.geometries.geometry, comparators: a.comparators, breaks: m.breaks, spread: a.spread, localMapped: m.localMapped, changes: m.change.layers, search: m.search })));
  files.set('neighbourhoods.json', json(neighbourhoodsOf(a.neighbourhoods.map(({ n }) => n), m.geometries.geometry)));
  // Profiles are kept apart from the outlines so the interactive map does not download them.
  files.set('profiles.json', json(Object.fromEntries(a.neighbourhoods.map(({ n, summaries }) => [n.config.slug, summaries]))));
  files.set('comparators.json', json(a.comparators));
  const changeAreas = m.change.areas();
  files.set('change.json', json(changeAreas));
  const custom = buildCustom({ indicators: cfg.indicators.indicators, vintageOf: (ind) => tableVintage(cfg, ind), frames: m.frames, series: m.series, population: m.population, cuts: a.cuts, lookup: m.lookup, comparators: a.comparators, change: m.change.layers.length ? changeAreas : null, local: m.datasets, topology: m.geometries.geometry[2021].topology });
  for (const [p, t] of custom) files.set(p, t);
  return files;
}

/** The downloads: every indicator as CSV and GeoJSON, each neighbourhood's CSV, and the data package. */
export function downloadFiles(m: Made): Map<string, string> {
  const { cfg } = m;
  const domainOf = new Map(cfg.domains.mapping.map((d) => [d.family, d]));
  return buildDownloads({
    frames: m.frames, topologies: { 2021: m.geometries.geometry[2021].topology, 2011: m.geometries.geometry[2011].topology },
    indicators: cfg.indicators.indicators.map((i) => ({ ...i, vintage: tableVintage(cfg, i), domain: domainOf.get(i.family)!.domain, source: cfg.tables.tables.find((t) => t.id === i.table)!.source })),
    series: m.series, breaks: m.breaks,
    neighbourhoods: m.aggregate.neighbourhoods.map(({ n, summaries }) => ({ slug: n.config.slug, name: n.config.name, lsoas: { 2011: n.lsoas2011.map((x) => x.code), 2021: n.lsoas2021.map((x) => x.code) }, summaries })),
    sources: cfg.sources.sources, local: m.datasets.map((ds) => ({ id: ds.id, title: ds.meta.title, path: `downloads/local/${ds.id}.csv`, extra: localExtraColumns(ds) })), regionName: mappedArea({ ...cfg.geographies.scope, mode: m.mode, nation: cfg.geographies.nation.name }),
    change: m.change.layers.length ? m.change.table() : undefined,
  });
}

