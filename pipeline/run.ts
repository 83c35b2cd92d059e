import { failIfAny, InputError, type Problem } from './errors.ts';
import type { Config, Indicator, RawConfig } from './schema.ts';
import { buildFrame, VINTAGES, type AreaFrame, type FrameReport, type Vintage } from './stages/areas.ts';
import { aggregateAll } from './stages/aggregate.ts';
import { catalogueOf, neighbourhoodsOf } from './stages/catalogue.ts';
import { deriveBreaks, type Breaks } from './stages/derive.ts';
import { buildContext, buildGeometry, type BBox, type VintageGeometry } from './stages/geometry.ts';
import { joinReport, columnIndex, type JoinReport } from './stages/join.ts';
import { decode, parseCsv, parseGeoJson, type CsvTable, type LazyFeature, type RowSink } from './stages/load.ts';
import { resolveNeighbourhoods, type ResolvedNeighbourhood, type VintageLookup } from './stages/neighbourhoods.ts';
import { sha256, verifySources } from './stages/provenance.ts';
import type { LocalInput } from './stages/local.ts';
import { loadLocalDatasets, localOutputs } from './stages/local-outputs.ts';
import { json, valuesFile } from './stages/serialize.ts';
import { buildDownloads } from './stages/downloads.ts';
import { buildSearch, searchInputs, type SearchReport } from './stages/search.ts';
import { bboxOf, mapBox } from '../src/lib/planar.ts';
import { encodeTopology } from '../src/lib/topo-binary.ts';
import { buildStreets, type StreetsReport } from './stages/streets.ts';
import { buildFinance, financeInputs, type FinanceReport } from './stages/finance.ts';
import { buildPrimaryCare, primaryCareInputs, type PrimaryCareReport } from './stages/primary-care.ts';
import { wardLists } from './stages/governance.ts';
import { validateConfig } from './stages/validate.ts';
import { STATUS, type TableReport } from './stages/values.ts';
import { crosswalk, crosswalkReport } from './stages/change.ts';
import { buildChanges } from './stages/changes.ts';
import { buildCustom } from './stages/custom.ts';
import { readTables, tableColumns } from './stages/tables.ts';
import type { FinerLookupReport } from './stages/finer.ts';

export interface RunOptions {
  scope: 'region' | 'england';
  /** Rewrite the LSOA lists in neighbourhoods.json from their derivation instead of checking them. */
  updateNeighbourhoods?: boolean;
  /** Called as each stage ends, with counts for the console. */
  onStage?: (stage: string, counts: Record<string, number | string>) => void;
}

export interface RunInputs {
  config: RawConfig;
  /** Raw file bytes keyed by path relative to data/raw. The run takes them over: each file's bytes are dropped from the map once decoded. */
  files: Map<string, Uint8Array>;
  /** Locally gathered datasets (data/local/<dataset>/dataset.json and values.csv). */
  local?: LocalInput[];
}

export interface RunResult {
  /** Output files keyed by path relative to the output folder. */
  files: Map<string, string>;
  /** Output files published byte for byte (the street tiles). */
  binary: Map<string, Uint8Array>;
  report: BuildReport;
  /** neighbourhoods.json rewritten, when `updateNeighbourhoods` was asked for. */
  neighbourhoodsConfig?: string;
}

export interface BuildReport {
  scope: { regionCode: string; regionName: string; mode: string };
  boundaries: FrameReport[];
  vintageLookup: JoinReport[];
  /** How the 2021 small areas in scope were carried from 2011: unchanged, split, merged, redrawn. */
  crosswalk: Record<string, number>;
  tables: TableReport[];
  finerLookups: FinerLookupReport[];
  indicators: { id: string; vintage: number; published: number; missing: number; suppressed: number }[];
  neighbourhoods: { slug: string; lsoas2011: number; lsoas2021: number; partial2021: number; inScope2021: number }[];
  geometry: Record<string, VintageGeometry['report']>;
  search: SearchReport | null;
  streets: StreetsReport | null;
  finance: FinanceReport | null;
  primaryCare: PrimaryCareReport | null;
  outputs: { path: string; bytes: number; sha256: string }[];
}

/** Composes the stages in memory: inputs in, output files and report out. No I/O, no clock. */
export function run(inputs: RunInputs, options: RunOptions): RunResult {
  const stage = options.onStage ?? (() => {});
  const { config, problems: configProblems } = validateConfig(inputs.config);
  failIfAny(configProblems);
  const cfg = config as Config;
  stage('validate config', { indicators: cfg.indicators.indicators.length, neighbourhoods: cfg.neighbourhoods.neighbourhoods.length, sources: cfg.sources.sources.length });

  // A missing file stops the build here. A changed one (hash drift) is reported with whatever
  // else is wrong in the files, so that a researcher fixes everything in one round; it never
  // lets the build finish.
  const provenance = verifySources(cfg.sources, inputs.files);
  failIfAny(provenance.filter((p) => p.code !== 'HASH_MISMATCH'));
  const fail = (found: readonly Problem[]) => { if (found.length) failIfAny([...provenance, ...found]); };
  stage('verify sources', { files: cfg.sources.sources.reduce((n, s) => n + s.files.length, 0) });

  // Load: every file once, all problems collected.
  const problems: Problem[] = [];
  const geo = cfg.geographies;
  // Which columns of each CSV are used: only those are kept in memory.
  const keep = new Map<string, Set<string>>();
  const use = (file: string, ...cols: string[]) => { const k = keep.get(file) ?? new Set<string>(); cols.forEach((c) => k.add(c)); keep.set(file, k); };
  for (const [file, cols] of tableColumns(cfg)) use(file, ...cols);
  for (const v of VINTAGES) {
    const g = geo.vintages[v];
    use(g.areaLookup.file, g.areaLookup.code, g.areaLookup.ward, g.areaLookup.wardName, g.areaLookup.lad, g.areaLookup.ladName);
    use(g.regionLookup.file, g.regionLookup.lad, g.regionLookup.region, g.regionLookup.regionName);
  }
  use(geo.vintageLookup.file, geo.vintageLookup.from, geo.vintageLookup.to, geo.vintageLookup.change);
  if (geo.search) {
    const sc = geo.search;
    use(sc.postcodes.file, sc.postcodes.postcode, sc.postcodes.lad, sc.postcodes.ward, sc.postcodes.lsoa);
    use(sc.places.file, sc.places.name, sc.places.type, sc.places.lat, sc.places.lon, sc.places.district, sc.places.county);
    use(sc.names.file, sc.names.code, sc.names.name, sc.names.parent);
  }
  // Parsed once each; tables are parsed, joined and reduced to series one at a time, so only
  // one table's rows are ever in memory.
  // A file that cannot be decoded (too large, not gzip) is a problem like any other: collected,
  // and read as empty, so the stage reports it with everything else.
  // A raw file's bytes are let go once it has been decoded as many times as the config refers to it
  // (the map is the caller's, handed over): the largest inputs do not stay in memory to the end.
  const refs = new Map<string, number>();
  const refer = (f: string) => refs.set(f, (refs.get(f) ?? 0) + 1);
  cfg.tables.tables.forEach((t) => refer(t.file));
  (function walk(o: unknown): void { if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (k === 'file' && typeof v === 'string') refer(v); else walk(v); })([geo, cfg.primaryCare]);
  const text = (file: string): string | null => {
    const bytes = inputs.files.get(file);
    if (!bytes) throw new Error(`raw/${file} was read more often than the config refers to it`);
    const left = (refs.get(file) ?? 1) - 1;
    refs.set(file, left);
    if (left <= 0) inputs.files.delete(file);
    try {
      return decode(`raw/${file}`, bytes);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
      return null;
    }
  };
  const csv = (file: string, onRow?: RowSink): CsvTable => {
    const t = text(file);
    if (t === null) return { file: `raw/${file}`, header: [], rows: [], lines: [] };
    const r = parseCsv(`raw/${file}`, t, keep.get(file), onRow);
    problems.push(...r.problems);
    return r.table;
  };
  const geojson = (file: string): LazyFeature[] => {
    const t = text(file);
    if (t === null) return [];
    const r = parseGeoJson(`raw/${file}`, t);
    problems.push(...r.problems);
    return r.features ?? [];
  };
  const collection = (features: LazyFeature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature' as const, properties: f.properties, geometry: f.geometry()! })).filter((f) => f.geometry) });

  // Areas of each vintage, in England, with their scope: boundaries joined to their lookups.
  const frames = {} as Record<Vintage, AreaFrame>;
  const frameReports: FrameReport[] = [];
  let features = 0;
  for (const v of VINTAGES) {
    const g = geo.vintages[v];
    const boundary = geojson(g.boundary.file);
    features += boundary.length;
    const r = buildFrame(v, geo, boundary, csv(g.areaLookup.file), csv(g.regionLookup.file), options.scope);
    problems.push(...r.problems);
    frames[v] = r.frame;
    frameReports.push(r.report);
  }
  fail(problems);
  stage('load areas', { boundaryFeatures: features, lsoa2021: frames[2021].codes.length, lsoa2011: frames[2011].codes.length, inScope2021: frames[2021].scope.length, inScope2011: frames[2011].scope.length });

  // The LSOA 2011 to 2021 lookup.
  const vl = geo.vintageLookup;
  const lookup: VintageLookup = { changeCodes: vl.changeCodes, pairs: [] };
  const lookupLines: number[] = [];
  const vintageLookup = ((lookupCsv) => {
    const [cFrom, cTo, cChange] = [vl.from, vl.to, vl.change].map((c) => columnIndex(lookupCsv, c, problems, 'the LSOA 2011 to 2021 lookup'));
    fail(problems);
    lookupCsv.rows.forEach((row, r) => {
      const change = row[cChange]?.trim() ?? '';
      if (!(change in vl.changeCodes)) problems.push({ code: 'BAD_VALUE', file: lookupCsv.file, row: lookupCsv.lines[r], column: vl.change, value: change, message: 'unknown change code', fix: `Use one of ${Object.keys(vl.changeCodes).join(', ')}.` });
      lookup.pairs.push({ from: row[cFrom].trim(), to: row[cTo].trim(), change });
      lookupLines.push(lookupCsv.lines[r]);
    });
    return [
      joinReport('LSOA 2011 (England, boundaries)', frames[2011].codes, `${lookupCsv.file} (from)`, new Set(lookup.pairs.map((p) => p.from))),
      joinReport('LSOA 2021 (England, boundaries)', frames[2021].codes, `${lookupCsv.file} (to)`, new Set(lookup.pairs.map((p) => p.to))),
    ];
  })(csv(vl.file));
  fail(problems);

  // Each table (Output Area tables summed to LSOAs first): joined onto its vintage's frame, reduced to its indicators' series.
  const { series, population, reports: tableReports, finerLookups, wards } = readTables(cfg, frames, csv, problems);
  fail(problems);
  stage('tables', { tables: tableReports.length, rows: tableReports.reduce((n, r) => n + (r.finer?.rowsRead ?? r.rowsRead), 0), matched: tableReports.reduce((n, r) => n + r.matched, 0), series: series.size });

  // Change over time: earlier editions' ranks and deciles carried onto 2021 areas; change layers join the indicators.
  const cw = crosswalk(frames[2011], frames[2021], lookup, `raw/${vl.file}`, vl, geo.nation.lsoaPrefix, problems, lookupLines);
  fail(problems);
  const change = buildChanges(cfg, frames, cw, series, population[2011]);
  stage('change', { ...crosswalkReport(cw, frames[2021].scope), layers: change.layers.length });

  const nb = resolveNeighbourhoods(cfg.neighbourhoods.neighbourhoods, frames, lookup);
  const stale = nb.problems.filter((p) => p.code === 'NEIGHBOURHOOD_LSOAS_STALE');
  fail(options.updateNeighbourhoods ? nb.problems.filter((p) => !stale.includes(p)) : nb.problems);
  stage('neighbourhoods', Object.fromEntries(nb.resolved.map((n) => [n.config.slug, `${n.lsoas2011.length} (2011) / ${n.lsoas2021.length} (2021)`])));

  // Locally gathered datasets: validated against the areas; nothing published from a failing one.
  const datasets = loadLocalDatasets(inputs.local ?? [], { frames, neighbourhoods: nb.resolved, officialIds: new Set(cfg.indicators.indicators.map((i) => i.id)), domains: new Set([...cfg.domains.domains.map((d) => d.id), cfg.domains.context.id]) }, problems);
  fail(problems);
  stage('local data', { datasets: datasets.length, values: datasets.reduce((n, d) => n + d.values.length, 0), suppressed: datasets.reduce((n, d) => n + d.values.filter((v) => v.suppressedBy === 'primary' || v.suppressedBy === 'secondary').length, 0) });

  // Aggregate: each neighbourhood beside its local authority, the region and England.
  const { comparators, neighbourhoods, ladMembers, spread, cuts } = aggregateAll({ indicators: cfg.indicators.indicators, vintageOf: (ind) => tableVintage(cfg, ind), frames, series, population, neighbourhoods: nb.resolved, scope: geo.scope, nation: geo.nation });
  stage('aggregate', { neighbourhoods: neighbourhoods.length, localAuthorities: Object.keys(comparators.lads[2021]).length, indicators: series.size });

  const breaks = new Map<string, Breaks>();
  for (const ind of cfg.indicators.indicators) breaks.set(ind.id, deriveBreaks(series.get(ind.id)!, frames[tableVintage(cfg, ind)].scope));
  stage('derive', { breaks: breaks.size });

  // Geometry per vintage, with local authorities and neighbourhoods merged on the topology.
  const geometry = {} as Record<Vintage, VintageGeometry>;
  const wardBoxes = new Map<string, BBox>();
  for (const v of VINTAGES) {
    const f = frames[v];
    const lad = new Map([...ladMembers[v]].filter(([code]) => f.scope.some((i) => f.lad[i] === code)).map(([code, idx]) => [code, { name: f.ladName[idx[0]], members: idx.map((i) => f.codes[i]) }]));
    const neighbourhood = new Map(nb.resolved.map((n) => [n.config.slug, { name: n.config.name, members: (v === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code).filter((c) => f.geometry.has(c)) }]));
    geometry[v] = buildGeometry(f, { lad, neighbourhood }, geo.geometry.simplifyKeepShare[v], geo.geometry.quantization);
    if (v === 2021) for (const i of f.scope) {
      const b = bboxOf([f.geometry.get(f.codes[i])!]) as BBox;
      const w = wardBoxes.get(f.ward[i]);
      wardBoxes.set(f.ward[i], w ? [Math.min(w[0], b[0]), Math.min(w[1], b[1]), Math.max(w[2], b[2]), Math.max(w[3], b[3])] : b);
    }
    f.geometry.clear(); // drawn into the topology; the parsed GeoJSON can go
  }
  const scopeBox = Object.values(geometry[2021].placements.lad).reduce<BBox>((b, p) => [Math.min(b[0], p.bbox[0]), Math.min(b[1], p.bbox[1]), Math.max(b[2], p.bbox[2]), Math.max(b[3], p.bbox[3])], [180, 90, -180, -90]);
  const context = buildContext(collection(geojson(geo.context.land.file)), collection(geojson(geo.context.lad.file)), geo.context.lad.code, geo.context.lad.name, scopeBox, geo.geometry.quantization);
  fail(problems);
  stage('geometry', { arcs2021: geometry[2021].report.arcs, points2021: geometry[2021].report.pointsAfter, arcs2011: geometry[2011].report.arcs, points2011: geometry[2011].report.pointsAfter });

  // Street basemap: tiles published as they are, and decoded into each neighbourhood's map.
  const streets = geo.streets ? buildStreets({
    ...geo.streets,
    tiles: takeFiles(inputs.files, cfg.sources.sources.find((x) => x.id === geo.streets!.source)?.files.map((f) => f.path) ?? []),
    maps: nb.resolved.filter((n) => geometry[2021].placements.neighbourhood[n.config.slug]).map((n) => ({ slug: n.config.slug, bbox: mapBox(geometry[2021].placements.neighbourhood[n.config.slug].bbox) })),
  }, problems) : null;
  fail(problems);
  if (streets) stage('streets', { tiles: streets.report.tiles, sources: streets.report.sources, maps: streets.report.maps.length });

  // Serialize.
  const files = new Map<string, string>();
  for (const v of VINTAGES) {
    const f = frames[v];
    files.set(`geo/lsoa-${v}.topo.json`, json(geometry[v].topology));
    const wards: Record<string, string> = {};
    for (const i of f.scope) wards[f.ward[i]] = f.wardName[i];
    files.set(`areas/lsoa-${v}.json`, json({ vintage: v, codes: f.scope.map((i) => f.codes[i]), names: f.scope.map((i) => f.names[i]), ward: f.scope.map((i) => f.ward[i]), lad: f.scope.map((i) => f.lad[i]), wardNames: Object.fromEntries(Object.entries(wards).sort()), ladNames: Object.fromEntries([...ladMembers[v]].map(([c, idx]) => [c, f.ladName[idx[0]]])) }));
  }
  files.set('geo/context.topo.json', json(context));
  for (const [p, t] of streets?.files ?? []) files.set(p, t);
  const indicatorReport: BuildReport['indicators'] = [];
  for (const ind of cfg.indicators.indicators) {
    const v = tableVintage(cfg, ind);
    const vf = valuesFile(series.get(ind.id)!, frames[v].scope, `geo/lsoa-${v}.topo.json`, breaks.get(ind.id)!);
    files.set(`values/${ind.id}.json`, json(change.flagged(ind.id, vf, frames[v].scope)));
    indicatorReport.push({ id: ind.id, vintage: v, published: vf.values.length - vf.missing.length - vf.suppressed.length, missing: vf.missing.length, suppressed: vf.suppressed.length });
  }
  const domainOf = new Map(cfg.domains.mapping.map((m) => [m.family, m]));
  // Local LSOA-level indicators are mapped like official ones, with their uncertainty; each dataset is also a download.
  const local = localOutputs(datasets, frames, nb.resolved);
  for (const [path, text] of local.files) files.set(path, text);
  // Offline search (postcodes by sector, and places), and council spending (every council row of the RS returns).
  const search = geo.search ? buildSearch(searchInputs(geo.search, { csv, pairs: lookup.pairs, resolved: nb.resolved, geometry: geometry[2021], lads: comparators.lads[2021], frame: frames[2021], wardBoxes, regionName: geo.scope.regionName }), problems) : null;
  const finance = cfg.finance ? buildFinance(financeInputs(cfg.finance, csv, cfg.site.programme.years, nb.resolved), problems) : null;
  fail(problems);
  for (const [p, t] of search?.files ?? []) files.set(p, t);
  if (finance) files.set('finance.json', json(finance.data));
  const primaryCare = cfg.primaryCare ? buildPrimaryCare(primaryCareInputs(cfg.primaryCare, csv, geometry[2021].topology, nb.resolved), problems) : null;
  fail(problems);
  if (primaryCare) files.set('primary-care.json', json(primaryCare.data));
  files.set('governance.json', json(wardLists(cfg, wards, frames, nb.resolved)));
  if (search) stage('search', { postcodes: search.report.postcodes, outsideScope: search.report.postcodesOutsideScope, coverage: search.report.coverage.share, sectors: search.report.sectors, places: search.report.places, wards: search.report.wards, parishes: search.report.parishes });
  if (finance) stage('finance', { councils: finance.report.councils, inRegion: finance.report.inRegion, years: cfg.finance!.years.length });

  files.set('catalogue.json', json(catalogueOf({ cfg, mode: options.scope, frames, geometry, comparators, breaks, spread, localMapped: local.mapped, changes: change.layers, search: search?.summary ?? null })));
  files.set('neighbourhoods.json', json(neighbourhoodsOf(neighbourhoods.map(({ n }) => n), geometry)));
  // Profiles are kept apart from the outlines so the interactive map does not download them.
  files.set('profiles.json', json(Object.fromEntries(neighbourhoods.map(({ n, summaries }) => [n.config.slug, summaries]))));
  files.set('comparators.json', json(comparators));
  const changeFile = change.areas();
  files.set('change.json', json(changeFile));
  // Custom areas: per-council chunks of every small area's figures, for the browser's own profiles.
  for (const [p, t] of buildCustom({ indicators: cfg.indicators.indicators, vintageOf: (ind) => tableVintage(cfg, ind), frames, series, population, cuts, lookup, comparators, change: change.layers.length ? changeFile : null, local: datasets, topology: geometry[2021].topology })) files.set(p, t);

  for (const [path, text] of buildDownloads({
    frames, topologies: { 2021: geometry[2021].topology, 2011: geometry[2011].topology },
    indicators: cfg.indicators.indicators.map((i) => ({ ...i, vintage: tableVintage(cfg, i), domain: domainOf.get(i.family)!.domain, source: cfg.tables.tables.find((t) => t.id === i.table)!.source })),
    series, breaks,
    neighbourhoods: neighbourhoods.map(({ n, summaries }) => ({ slug: n.config.slug, name: n.config.name, lsoas: { 2011: n.lsoas2011.map((m) => m.code), 2021: n.lsoas2021.map((m) => m.code) }, summaries })),
    sources: cfg.sources.sources, local: datasets.map((ds) => ({ id: ds.id, title: ds.meta.title, path: `downloads/local/${ds.id}.csv` })), regionName: geo.scope.regionName,
    change: change.layers.length ? change.table() : undefined,
  })) files.set(path, text);

  const inScope2021 = new Set(frames[2021].scope.map((i) => frames[2021].codes[i]));
  const report: BuildReport = {
    scope: { ...geo.scope, mode: options.scope },
    boundaries: frameReports,
    vintageLookup,
    crosswalk: crosswalkReport(cw, frames[2021].scope),
    tables: tableReports,
    finerLookups,
    indicators: indicatorReport,
    neighbourhoods: nb.resolved.map((n) => ({ slug: n.config.slug, lsoas2011: n.lsoas2011.length, lsoas2021: n.lsoas2021.length, partial2021: n.lsoas2021.filter((m) => m.partial).length, inScope2021: n.lsoas2021.filter((m) => inScope2021.has(m.code)).length })),
    geometry: Object.fromEntries(VINTAGES.map((v) => [v, geometry[v].report])),
    search: search?.report ?? null,
    streets: streets?.report ?? null,
    finance: finance?.report ?? null,
    primaryCare: primaryCare?.report ?? null,
    outputs: [],
  };
  const binary = streets?.binary ?? new Map<string, Uint8Array>();
  // The interactive map's boundaries: the same topologies in binary (pbf), about a quarter smaller after compression.
  for (const v of VINTAGES) binary.set(`geo/lsoa-${v}.topo.pbf`, encodeTopology(geometry[v].topology));
  report.outputs = [...files, ...binary].map(([path, data]) => ({ path, bytes: Buffer.byteLength(data), sha256: sha256(data) })).sort((a, b) => a.path.localeCompare(b.path, 'en-GB'));
  files.set('build-report.json', json(report, true));
  const inputs_ = [
    ...cfg.sources.sources.flatMap((s) => s.files.map((f) => ({ source: s.id, path: f.path, sha256: f.sha256, bytes: f.bytes }))),
    ...datasets.flatMap((ds) => [['dataset.json', ds.files.metadata], ['values.csv', ds.files.values]].map(([name, text]) => ({ source: `local:${ds.id}`, path: `local/${ds.id}/${name}`, sha256: sha256(text), bytes: Buffer.byteLength(text) }))),
  ];
  files.set('manifest.json', json({ inputs: inputs_, outputs: report.outputs }, true));
  stage('serialize', { files: files.size, bytes: [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) });

  let neighbourhoodsConfig: string | undefined;
  if (options.updateNeighbourhoods) {
    const byslug = new Map(nb.resolved.map((n) => [n.config.slug, n]));
    const raw = inputs.config.neighbourhoods as { neighbourhoods: Record<string, unknown>[] };
    neighbourhoodsConfig = json({ ...raw, neighbourhoods: raw.neighbourhoods.map((n) => ({ ...n, lsoas2011: byslug.get(String(n.slug))!.lsoas2011, lsoas2021: byslug.get(String(n.slug))!.lsoas2021 })) }, true);
  }
  failIfAny(provenance);
  return { files, binary, report, neighbourhoodsConfig };
}

/** Takes the named raw files out of the input map (so their bytes are held only by what uses them). */
function takeFiles(all: Map<string, Uint8Array>, paths: string[]): Map<string, Uint8Array> {
  const taken = new Map<string, Uint8Array>();
  for (const p of paths) { const b = all.get(p); if (b) { taken.set(p, b); all.delete(p); } }
  return taken;
}

function tableVintage(cfg: Config, ind: Indicator): Vintage {
  return cfg.tables.tables.find((t) => t.id === ind.table)!.vintage;
}

export { STATUS };
