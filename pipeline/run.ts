import { failIfAny, InputError, type Problem } from './errors.ts';
import type { Config, Indicator, RawConfig } from './schema.ts';
import { buildFrame, type AreaFrame, type FrameReport, type Vintage } from './stages/areas.ts';
import { distribution, englandRanking, summarise, type Summary } from './stages/aggregate.ts';
import { deriveBreaks, type Breaks } from './stages/derive.ts';
import { buildContext, buildGeometry, type BBox, type VintageGeometry } from './stages/geometry.ts';
import { joinReport, columnIndex, type JoinReport } from './stages/join.ts';
import { decode, parseCsv, parseGeoJson, type CsvTable, type LazyFeature, type RowSink } from './stages/load.ts';
import { resolveNeighbourhoods, type ResolvedNeighbourhood, type VintageLookup } from './stages/neighbourhoods.ts';
import { sha256, verifySources } from './stages/provenance.ts';
import { loadLocalDataset, localBreaks, localNeighbourhoodValue, localValuesFile, type LoadedDataset, type LocalInput } from './stages/local.ts';
import { json, valuesFile } from './stages/serialize.ts';
import { csvFile } from '../src/lib/csv.ts';
import { buildDownloads } from './stages/downloads.ts';
import { buildSearch, type SearchReport } from './stages/search.ts';
import { bboxOf } from '../src/lib/planar.ts';
import { validateConfig } from './stages/validate.ts';
import { STATUS, type TableReport } from './stages/values.ts';
import { crosswalk, crosswalkReport } from './stages/change.ts';
import { buildChanges } from './stages/changes.ts';
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
  outputs: { path: string; bytes: number; sha256: string }[];
}

const VINTAGES: Vintage[] = [2021, 2011];

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
  (function walk(o: unknown): void { if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (k === 'file' && typeof v === 'string') refer(v); else walk(v); })(geo);
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
  const { series, population, reports: tableReports, finerLookups } = readTables(cfg, frames, csv, problems);
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
  const officialIds = new Set(cfg.indicators.indicators.map((i) => i.id));
  const domainIds = new Set([...cfg.domains.domains.map((d) => d.id), cfg.domains.context.id]);
  const datasets: LoadedDataset[] = [];
  for (const input of [...(inputs.local ?? [])].sort((a, b) => a.dataset.localeCompare(b.dataset, 'en-GB'))) {
    const r = loadLocalDataset(input, { frames, neighbourhoods: new Set(nb.resolved.map((n) => n.config.slug)), domains: domainIds, officialIds });
    problems.push(...r.problems);
    if (r.dataset) {
      for (const i of r.dataset.meta.indicators) if (officialIds.has(i.id)) problems.push({ code: 'DUPLICATE_ID', file: `local/${input.dataset}/dataset.json`, value: i.id, message: 'indicator id used by another dataset', fix: 'Give each indicator an id no other indicator has.' });
      r.dataset.meta.indicators.forEach((i) => officialIds.add(i.id));
      datasets.push(r.dataset);
    }
  }
  fail(problems);
  stage('local data', { datasets: datasets.length, values: datasets.reduce((n, d) => n + d.values.length, 0), suppressed: datasets.reduce((n, d) => n + d.values.filter((v) => v.suppressedBy === 'primary' || v.suppressedBy === 'secondary').length, 0) });

  // Aggregate: each neighbourhood beside its local authority, the region and England.
  const members = (frame: AreaFrame, codes: string[]) => codes.map((c) => frame.index.get(c)).filter((i): i is number => i !== undefined);
  const ladMembers = {} as Record<Vintage, Map<string, number[]>>;
  const regionMembers = {} as Record<Vintage, number[]>;
  const englandMembers = {} as Record<Vintage, number[]>;
  for (const v of VINTAGES) {
    const f = frames[v];
    const scoped = new Set(f.scope.map((i) => f.lad[i]));
    const m = new Map<string, number[]>();
    f.lad.forEach((lad, i) => { if (scoped.has(lad)) { const a = m.get(lad) ?? []; a.push(i); m.set(lad, a); } });
    ladMembers[v] = new Map([...m].sort(([a], [b]) => a.localeCompare(b, 'en-GB')));
    regionMembers[v] = f.codes.map((_, i) => i).filter((i) => f.region[i] === geo.scope.regionCode);
    englandMembers[v] = f.codes.map((_, i) => i);
  }
  // England's sorted values place every group's figure; kept only through this stage (the catalogue keeps their percentiles).
  const rankings = new Map(cfg.indicators.indicators.map((ind) => [ind.id, englandRanking(series.get(ind.id)!)]));
  const spread = new Map(cfg.indicators.indicators.map((ind) => [ind.id, distribution(rankings.get(ind.id)!, ind.decimals)]));
  const summaryFor = (ind: Indicator, idx: number[]) => summarise(series.get(ind.id)!, idx, population[tableVintage(cfg, ind)], rankings.get(ind.id));
  const comparators = {
    lads: { 2021: {}, 2011: {} } as Record<Vintage, Record<string, { name: string; summaries: Record<string, Summary> }>>,
    region: { code: geo.scope.regionCode, name: geo.scope.regionName, summaries: {} as Record<string, Summary> },
    england: { code: geo.nation.code, name: geo.nation.name, summaries: {} as Record<string, Summary> },
  };
  for (const ind of cfg.indicators.indicators) {
    const v = tableVintage(cfg, ind);
    for (const [lad, idx] of ladMembers[v]) {
      comparators.lads[v][lad] ??= { name: frames[v].ladName[idx[0]], summaries: {} };
      comparators.lads[v][lad].summaries[ind.id] = summaryFor(ind, idx);
    }
    comparators.region.summaries[ind.id] = summaryFor(ind, regionMembers[v]);
    comparators.england.summaries[ind.id] = summaryFor(ind, englandMembers[v]);
  }
  const neighbourhoods = nb.resolved.map((n) => ({ n, summaries: Object.fromEntries(cfg.indicators.indicators.map((ind) => {
    const v = tableVintage(cfg, ind);
    const own = summaryFor(ind, members(frames[v], (v === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code)));
    const lad = n.lad[v].code;
    return [ind.id, { neighbourhood: own, lad: comparators.lads[v][lad]?.summaries[ind.id] ?? summaryFor(ind, ladMembers[v].get(lad) ?? []), region: comparators.region.summaries[ind.id], england: comparators.england.summaries[ind.id] }];
  })) }));
  rankings.clear();
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
  const indicatorReport: BuildReport['indicators'] = [];
  for (const ind of cfg.indicators.indicators) {
    const v = tableVintage(cfg, ind);
    const vf = valuesFile(series.get(ind.id)!, frames[v].scope, `geo/lsoa-${v}.topo.json`, breaks.get(ind.id)!);
    files.set(`values/${ind.id}.json`, json(change.flagged(ind.id, vf, frames[v].scope)));
    indicatorReport.push({ id: ind.id, vintage: v, published: vf.values.length - vf.missing.length - vf.suppressed.length, missing: vf.missing.length, suppressed: vf.suppressed.length });
  }
  const domainOf = new Map(cfg.domains.mapping.map((m) => [m.family, m]));
  // Local LSOA-level indicators are mapped like official ones, with their uncertainty.
  const localMapped: Record<string, unknown>[] = [];
  for (const ds of datasets) for (const ind of ds.meta.indicators) {
    if (ind.level !== 'lsoa' || ind.unit === 'text') continue;
    const scopeCodes = frames[ind.vintage!].scope.map((i) => frames[ind.vintage!].codes[i]);
    const draft = localValuesFile(ds, ind, scopeCodes, []);
    const b = localBreaks(draft.values, ind.decimals);
    files.set(`values/${ind.id}.json`, json({ ...draft, breaks: b }));
    localMapped.push({
      id: ind.id, label: `${ind.label} (local)`, shortLabel: ind.label, description: ind.description, table: `local:${ds.id}`, unit: ind.unit, decimals: ind.decimals, polarity: ind.polarity,
      edition: `${ds.meta.collectedBy}, ${ds.meta.period}`, family: ind.id, vintage: ind.vintage, source: `local:${ds.id}`, sourceFile: `local/${ds.id}/values.csv`, domain: ind.domain,
      domainReason: `Placed by ${ds.meta.collectedBy} in dataset.json.`, values: `values/${ind.id}.json`, local: { dataset: ds.id, synthetic: ds.meta.synthetic },
      classes: { method: 'quantile', breaks: b, classes: b.length + 1, worse: ind.polarity === 'higher-worse' ? 'high' : ind.polarity === 'lower-worse' ? 'low' : null, over: 'scope' },
    });
  }
  const localDomain = (d: string) => localMapped.filter((i) => i.domain === d).map((i) => String(i.id));
  for (const ds of datasets) {
    const meta = ds.meta;
    const indicatorOf = new Map(meta.indicators.map((i) => [i.id, i]));
    files.set(`downloads/local/${ds.id}.csv`, csvFile(
      ['dataset', 'dataset_title', 'collected_by', 'method', 'period', 'indicator', 'indicator_label', 'unit', 'level', 'area_code', 'status', 'suppressed_by', 'value', 'numerator', 'denominator', 'sample_size', 'lower_ci', 'upper_ci', 'low_precision', 'note', 'source_url', 'licence'],
      ds.values.map((v) => [ds.id, meta.title, meta.collectedBy, meta.method, meta.period, v.indicator, indicatorOf.get(v.indicator)!.label, indicatorOf.get(v.indicator)!.unit, indicatorOf.get(v.indicator)!.level, v.area, v.status, v.suppressedBy ?? '', v.value, v.numerator, v.denominator, v.sampleSize, v.lower, v.upper, v.lowPrecision ? 'yes' : 'no', v.note, v.sourceUrl, meta.licence]),
    ));
  }
  files.set('local.json', json({
    datasets: datasets.map((ds) => ({ id: ds.id, ...Object.fromEntries(Object.entries(ds.meta).filter(([k]) => k !== 'indicators')), indicators: ds.meta.indicators.map((i) => i.id) })),
    indicators: datasets.flatMap((ds) => ds.meta.indicators.map((i) => ({ ...i, dataset: ds.id }))),
    values: Object.fromEntries(datasets.flatMap((ds) => ds.meta.indicators.map((ind) => {
      const own = ds.values.filter((v) => v.indicator === ind.id).map(({ row: _row, ...v }) => v);
      const byNeighbourhood = ind.level === 'lsoa' ? Object.fromEntries(nb.resolved.map((n) => [n.config.slug, localNeighbourhoodValue(ds, ind, (ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code))]).filter(([, v]) => v !== null)) : {};
      return [ind.id, { values: own, byNeighbourhood }];
    }))),
  }));
  files.set('catalogue.json', json({
    scope: { ...geo.scope, mode: options.scope, nation: geo.nation.name },
    headline: cfg.indicators.headline,
    editions: cfg.indicators.editions ?? [],
    changes: change.layers.map((l) => ({ id: l.config.id, from: l.config.from, to: l.config.to, carried: l.carried })),
    neighbourhoodTable: cfg.indicators.neighbourhoodTable,
    vintages: Object.fromEntries(VINTAGES.map((v) => [v, { label: geo.vintages[v].label, geometry: `geo/lsoa-${v}.topo.json`, areas: `areas/lsoa-${v}.json`, boundary: { source: geo.vintages[v].boundary.source, generalisation: geo.vintages[v].boundary.generalisation }, wardEdition: geo.vintages[v].areaLookup.wardEdition, ladEdition: geo.vintages[v].areaLookup.ladEdition, population: geo.vintages[v].population.label, count: frames[v].scope.length }])),
    lads: Object.fromEntries(Object.entries(geometry[2021].placements.lad).map(([code, p]) => [code, { name: comparators.lads[2021][code]?.name ?? code, ...p }])),
    framework: cfg.domains.framework,
    finer: Object.fromEntries(Object.entries(geo.finer ?? {}).map(([id, f]) => [id, { level: f.level, vintage: f.vintage, note: f.note, source: f.source }])),
    domains: [...cfg.domains.domains, cfg.domains.context].map((d) => ({ ...d, indicators: [...cfg.indicators.indicators.filter((i) => domainOf.get(i.family)?.domain === d.id).map((i) => i.id), ...localDomain(d.id)] })),
    indicators: [...cfg.indicators.indicators.map((i) => {
      const t = cfg.tables.tables.find((x) => x.id === i.table)!;
      const m = domainOf.get(i.family)!;
      return { ...i, vintage: t.vintage, source: t.source, sourceFile: t.file, finer: t.finer ? geo.finer![t.finer].level : undefined, domain: m.domain, domainReason: m.reason, why: m.why, values: `values/${i.id}.json`, classes: breaks.get(i.id)!, england: spread.get(i.id)! };
    }), ...localMapped],
    sources: cfg.sources.sources.map(({ files: f, ...s }) => ({ ...s, files: f.map((x) => ({ path: x.path, sha256: x.sha256, bytes: x.bytes })) })),
  }));
  files.set('neighbourhoods.json', json({
    neighbourhoods: neighbourhoods.map(({ n, summaries }) => ({
      slug: n.config.slug, name: n.config.name, council: n.config.council, description: n.config.description, sourceUrl: n.config.sourceUrl,
      derivation: n.config.derivation, approximate: n.config.approximate, fitNotes: n.config.fitNotes,
      lad: n.lad, lsoas2011: n.lsoas2011, lsoas2021: n.lsoas2021,
      placement: { 2021: geometry[2021].placements.neighbourhood[n.config.slug] ?? null, 2011: geometry[2011].placements.neighbourhood[n.config.slug] ?? null },
    })),
  }));
  // Profiles are kept apart from the outlines so the interactive map does not download them.
  files.set('profiles.json', json(Object.fromEntries(neighbourhoods.map(({ n, summaries }) => [n.config.slug, summaries]))));
  files.set('comparators.json', json(comparators));
  files.set('change.json', json(change.areas(frames, cw)));

  for (const [path, text] of buildDownloads({
    frames, topologies: { 2021: geometry[2021].topology, 2011: geometry[2011].topology },
    indicators: cfg.indicators.indicators.map((i) => ({ ...i, vintage: tableVintage(cfg, i), domain: domainOf.get(i.family)!.domain, source: cfg.tables.tables.find((t) => t.id === i.table)!.source })),
    series, breaks,
    neighbourhoods: neighbourhoods.map(({ n, summaries }) => ({ slug: n.config.slug, name: n.config.name, lsoas: { 2011: n.lsoas2011.map((m) => m.code), 2021: n.lsoas2021.map((m) => m.code) }, summaries })),
    sources: cfg.sources.sources, local: datasets.map((ds) => ({ id: ds.id, title: ds.meta.title, path: `downloads/local/${ds.id}.csv` })), regionName: geo.scope.regionName,
    change: change.layers.length ? change.table(frames) : undefined,
  })) files.set(path, text);

  // Offline search: postcodes by sector, and places.
  let searchReport: SearchReport | null = null;
  if (geo.search) {
    const sc = geo.search;
    const lsoa11Of = new Map<string, string[]>();
    for (const p of lookup.pairs) lsoa11Of.set(p.to, [...(lsoa11Of.get(p.to) ?? []), p.from]);
    const neighbourhoodOf = new Map<string, string>();
    for (const n of nb.resolved) for (const m of n.lsoas2021) neighbourhoodOf.set(m.code, n.config.slug);
    const lads = Object.fromEntries(Object.entries(geometry[2021].placements.lad).map(([code, p]) => [code, { name: comparators.lads[2021][code]?.name ?? code, ...p }]));
    const built = buildSearch({
      cfg: sc, postcodes: csv(sc.postcodes.file), places: csv(sc.places.file), names: csv(sc.names.file),
      frame2021: frames[2021], lsoa11Of, neighbourhoodOf,
      neighbourhoods: nb.resolved.filter((n) => geometry[2021].placements.neighbourhood[n.config.slug]).map((n) => ({ slug: n.config.slug, name: n.config.name, ...geometry[2021].placements.neighbourhood[n.config.slug] })),
      lads, wardBoxes,
    }, problems);
    fail(problems);
    for (const [p, t] of built.files) files.set(p, t);
    searchReport = built.report;
    stage('search', { postcodes: built.report.postcodes, sectors: built.report.sectors, places: built.report.places, wards: built.report.wards, parishes: built.report.parishes });
  }

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
    search: searchReport,
    outputs: [],
  };
  report.outputs = [...files].map(([path, text]) => ({ path, bytes: Buffer.byteLength(text), sha256: sha256(text) })).sort((a, b) => a.path.localeCompare(b.path, 'en-GB'));
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
  return { files, report, neighbourhoodsConfig };
}

function tableVintage(cfg: Config, ind: Indicator): Vintage {
  return cfg.tables.tables.find((t) => t.id === ind.table)!.vintage;
}

export { STATUS };
