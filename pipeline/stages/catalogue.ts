import type { SearchSummary } from './search.ts';
import type { Config } from '../schema.ts';
import { VINTAGES, type AreaFrame, type Vintage } from './areas.ts';
import type { Distribution, Summary } from './aggregate.ts';
import type { ChangeLayer } from './changes.ts';
import type { Breaks } from './derive.ts';
import { ladsOf, type VintageGeometry } from './geometry.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';

export interface CatalogueInputs {
  cfg: Config;
  mode: string;
  frames: Record<Vintage, AreaFrame>;
  geometry: Record<Vintage, VintageGeometry>;
  comparators: { lads: Record<Vintage, Record<string, { name: string; summaries: Record<string, Summary> }>> };
  breaks: Map<string, Breaks>;
  spread: Map<string, Distribution>;
  localMapped: Record<string, unknown>[];
  changes: ChangeLayer[];
  search: SearchSummary | null;
}

/** Above this many files, a source is summarised in the catalogue rather than listed file by file. */
const MANY_FILES = 12;


/**
 * catalogue.json: what the site needs to know about everything published (scope, vintages,
 * local authorities, domains, every indicator with its source, domain, reasons, classes and
 * England's spread, the editions compared over time, every source with its licence).
 */
export function catalogueOf(c: CatalogueInputs) {
  const { cfg, frames, geometry } = c;
  const geo = cfg.geographies;
  const domainOf = new Map(cfg.domains.mapping.map((m) => [m.family, m]));
  const localDomain = (d: string) => c.localMapped.filter((i) => i.domain === d).map((i) => String(i.id));
  return {
    scope: { ...geo.scope, mode: c.mode, nation: geo.nation.name, ...(c.mode === 'england' ? { nationBox: geo.nation.bbox } : {}) },
    headline: cfg.indicators.headline,
    editions: cfg.indicators.editions ?? [],
    changes: c.changes.map((l) => ({ id: l.config.id, from: l.config.from, to: l.config.to, carried: l.carried })),
    neighbourhoodTable: cfg.indicators.neighbourhoodTable,
    vintages: Object.fromEntries(VINTAGES.map((v) => [v, { label: geo.vintages[v].label, geometry: `geo/lsoa-${v}.topo.json`, areas: `areas/lsoa-${v}.json`, boundary: { source: geo.vintages[v].boundary.source, generalisation: geo.vintages[v].boundary.generalisation }, wardEdition: geo.vintages[v].areaLookup.wardEdition, ladEdition: geo.vintages[v].areaLookup.ladEdition, population: geo.vintages[v].population.label, count: frames[v].scope.length }])),
    lads: ladsOf(geometry[2021], c.comparators.lads[2021]),
    site: cfg.site,
    search: c.search,
    finance: cfg.finance ? { path: 'finance.json', source: cfg.finance.source } : null,
    streets: geo.streets ? { attribution: geo.streets.attribution, age: geo.streets.age, note: geo.streets.note } : null,
    framework: cfg.domains.framework,
    finer: Object.fromEntries(Object.entries(geo.finer ?? {}).map(([id, f]) => [id, { level: f.level, vintage: f.vintage, note: f.note, source: f.source }])),
    domains: [...cfg.domains.domains, cfg.domains.context].map((d) => ({ ...d, indicators: [...cfg.indicators.indicators.filter((i) => domainOf.get(i.family)?.domain === d.id).map((i) => i.id), ...localDomain(d.id)] })),
    indicators: [...cfg.indicators.indicators.map((i) => {
      const t = cfg.tables.tables.find((x) => x.id === i.table)!;
      const m = domainOf.get(i.family)!;
      const lic = cfg.sources.sources.find((s) => s.id === t.source)!.licence;
      return { ...i, vintage: t.vintage, source: t.source, licence: { id: lic.id, name: lic.name, url: lic.url }, sourceFile: t.file, finer: t.finer ? geo.finer![t.finer].level : undefined, domain: m.domain, domainReason: m.reason, why: i.why ?? m.why, values: `values/${i.id}.json`, classes: c.breaks.get(i.id)!, england: c.spread.get(i.id)! };
    }), ...c.localMapped],
    // A source of many files (map tiles) is listed by its count, size and folder: every checksum is in sources.json and manifest.json.
    sources: cfg.sources.sources.map(({ files: f, ...s }) => ({ ...s, fileCount: f.length, bytes: f.reduce((n, x) => n + x.bytes, 0), files: f.length > MANY_FILES ? [] : f.map((x) => ({ path: x.path, sha256: x.sha256, bytes: x.bytes })) })),
  };
}

/** neighbourhoods.json: each neighbourhood's description, derivation, fit, small areas of both vintages and placement. */
export function neighbourhoodsOf(resolved: ResolvedNeighbourhood[], geometry: Record<Vintage, VintageGeometry>) {
  return {
    neighbourhoods: resolved.map((n) => ({
      slug: n.config.slug, name: n.config.name, council: n.config.council, description: n.config.description, sourceUrl: n.config.sourceUrl,
      derivation: n.config.derivation, approximate: n.config.approximate, fitNotes: n.config.fitNotes,
      lad: n.lad, lsoas2011: n.lsoas2011, lsoas2021: n.lsoas2021,
      placement: { 2021: geometry[2021].placements.neighbourhood[n.config.slug] ?? null, 2011: geometry[2011].placements.neighbourhood[n.config.slug] ?? null },
    })),
  };
}
