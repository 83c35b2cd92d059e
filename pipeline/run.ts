import { failIfAny, type Problem } from './errors.ts';
import type { Config, RawConfig } from './schema.ts';
import { aggregateAll, ladMembersOf } from './stages/aggregate.ts';
import { crosswalk, crosswalkReport } from './stages/change.ts';
import { buildChanges } from './stages/changes.ts';
import { deriveAll } from './stages/derive.ts';
import { buildFinance, financeInputs, ladNamesOf } from './stages/finance.ts';
import { wardLists } from './stages/governance.ts';
import { framesCounts, loadFrames, readVintageLookup } from './stages/frames.ts';
import { buildGeometries, geometryCounts } from './stages/geometry.ts';
import type { LocalInput } from './stages/local.ts';
import { loadLocalDatasets, localCounts, localOutputs } from './stages/local-outputs.ts';
import { neighbourhoodCounts, neighbourhoodsStage, rewrittenConfig } from './stages/neighbourhoods.ts';
import { areaFiles, atlasFiles, downloadFiles, indicatorFiles, tableVintage, type Made } from './stages/outputs.ts';
import { verifySources } from './stages/provenance.ts';
import { buildPrimaryCare, primaryCareInputs } from './stages/primary-care.ts';
import { rawReader, takeFiles, takeTableFiles } from './stages/reader.ts';
import { geometryReport, neighbourhoodsReport, seal, type BuildReport } from './stages/report.ts';
import { buildSearch, searchCounts, searchInputs } from './stages/search.ts';
import { buildStreets, streetsInputs } from './stages/streets.ts';
import { tablesCounts } from './stages/tables.ts';
import { startTables, tablesFrom } from './stages/tables-thread.ts';
import { buildTiles, tilesCounts, tilesInputs } from './stages/tiles.ts';
import { validateConfig } from './stages/validate.ts';
import { json } from './stages/serialize.ts';
import { STATUS } from './stages/values.ts';
import { mappedArea } from '../src/lib/scope-words.ts';

export type { BuildReport };
export { STATUS };

export interface RunOptions {
  scope: 'region' | 'england';
  /** Rewrite the LSOA lists in neighbourhoods.json from their derivation instead of checking them. */
  updateNeighbourhoods?: boolean;
  /** The largest small-area tile (bytes) a zoom may have for the map to show small areas there; below it, councils. */
  tileBudget?: number;
  /** Read the tables on a second thread, alongside the stages that do not need them (faster, with more memory at once). */
  threads?: boolean;
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
  /** Output files published byte for byte (the street tiles, the binary topologies). */
  binary: Map<string, Uint8Array>;
  report: BuildReport;
  /** neighbourhoods.json rewritten, when `updateNeighbourhoods` was asked for. */
  neighbourhoodsConfig?: string;
}

type Counts = Record<string, number | string>;

/** Composes the stages in memory: inputs in, output files and report out. No I/O, no clock. */
export async function run(inputs: RunInputs, options: RunOptions): Promise<RunResult> {
  const problems: Problem[] = [];
  /** What to stop when the build stops early (the tables' thread). */
  const onFailure: (() => void)[] = [];
  let provenance: Problem[] = [];
  const cfg = step('validate config', () => validConfig(inputs.config), configCounts);
  // A missing file stops the build here; a changed one (hash drift) is reported with whatever else is wrong, never letting it finish.
  provenance = verifySources(cfg.sources, inputs.files);
  failIfAny(provenance.filter((p) => p.code !== 'HASH_MISMATCH'));
  options.onStage?.('verify sources', { files: cfg.sources.sources.reduce((n, s) => n + s.files.length, 0) });
  const read = rawReader(cfg, inputs.files, problems);
  const { frames, reports: boundaries } = step('load areas', () => loadFrames(cfg, read, options.scope), framesCounts);
  const { lookup, lines, report: vintageLookup } = step('vintage lookup', () => readVintageLookup(cfg, read, frames));
  // The tables are read first, or (threads) alongside the stages that do not need them, up to primary care.
  const reading = step('read tables', () => startTables(cfg, frames, takeTableFiles(cfg, inputs.files), options.threads), () => ({ thread: options.threads ? 'second (joined below)' : 'this' }));
  onFailure.push(reading.cancel);
  const cw = step('crosswalk', () => crosswalk(frames[2011], frames[2021], lookup, `raw/${cfg.geographies.vintageLookup.file}`, cfg.geographies.vintageLookup, cfg.geographies.nation.lsoaPrefix, read.problems, lines));
  const resolved = step('neighbourhoods', () => neighbourhoodsStage(cfg.neighbourhoods.neighbourhoods, frames, lookup, !!options.updateNeighbourhoods, read.problems), neighbourhoodCounts);
  const datasets = step('local data', () => loadLocalDatasets(inputs.local ?? [], { frames, neighbourhoods: resolved, officialIds: new Set(cfg.indicators.indicators.map((i) => i.id)), domains: new Set([...cfg.domains.domains.map((d) => d.id), cfg.domains.context.id]) }, read.problems), localCounts);
  const ladMembers = ladMembersOf(frames);
  const geometries = step('geometry', () => buildGeometries(cfg, read, frames, ladMembers, resolved), geometryCounts);
  const tiles = step('tiles', () => buildTiles(tilesInputs(frames, geometries, options.tileBudget)), tilesCounts);
  const streets = cfg.geographies.streets ? step('streets', () => buildStreets(streetsInputs(cfg, takeFiles(inputs.files, streetFiles(cfg)), resolved, geometries.geometry[2021]), read.problems), (s) => ({ tiles: s.report.tiles, sources: s.report.sources, maps: s.report.maps.length })) : null;
  const local = localOutputs(datasets, frames, resolved);
  const search = cfg.geographies.search ? step('search', () => buildSearch(searchInputs(cfg.geographies.search!, { csv: read.csv, pairs: lookup.pairs, resolved, geometry: geometries.geometry[2021], ladMembers: ladMembers[2021], frame: frames[2021], wardBoxes: geometries.wardBoxes, regionName: mappedArea({ ...cfg.geographies.scope, mode: options.scope, nation: cfg.geographies.nation.name }) }), read.problems), searchCounts) : null;
  const finance = cfg.finance ? step('finance', () => buildFinance(financeInputs(cfg.finance!, read.csv, cfg.site.programme.years, resolved, ladNamesOf([frames[2021], frames[2011]])), read.problems), (f) => f && { councils: f.report.councils, inRegion: f.report.inRegion, years: cfg.finance!.years.length }) : null;
  const primaryCare = cfg.primaryCare ? step('primary care', () => buildPrimaryCare(primaryCareInputs(cfg.primaryCare!, read.csv, geometries.geometry[2021].topology, resolved), read.problems), (p) => p && { practices: p.report.practices }) : null;
  const tablesRead = await reading.done;
  const tables = step('tables', () => tablesFrom(tablesRead, read.problems), tablesCounts);
  const change = step('change', () => buildChanges(cfg, frames, cw, tables.series, tables.population[2011]), (c) => ({ ...crosswalkReport(cw, frames[2021].scope), layers: c.layers.length }));
  const aggregate = step('aggregate', () => aggregateAll({ indicators: cfg.indicators.indicators, vintageOf: (ind) => tableVintage(cfg, ind), frames, ladMembers, series: tables.series, population: tables.population, neighbourhoods: resolved, scope: cfg.geographies.scope, nation: cfg.geographies.nation }), (a) => ({ neighbourhoods: a.neighbourhoods.length, localAuthorities: Object.keys(a.comparators.lads[2021]).length, indicators: tables.series.size }));
  const breaks = step('derive', () => deriveAll(cfg.indicators.indicators, tables.series, (ind) => frames[tableVintage(cfg, ind)].scope, aggregate.rankings), (b) => ({ breaks: b.size }));

  const made: Made = { cfg, mode: options.scope, frames, lookup, series: tables.series, population: tables.population, change, aggregate, breaks, geometries, datasets, localMapped: local.mapped, search: search?.summary ?? null };
  const indicators = indicatorFiles(made);
  const files = new Map([...areaFiles(made), ...(streets?.files ?? []), ...indicators.files, ...local.files, ...(search?.files ?? []), ...(finance ? [['finance.json', json(finance.data)] as const] : []), ...(primaryCare ? [['primary-care.json', json(primaryCare.data)] as const] : []), ['governance.json', json(wardLists(cfg, tables.wards, frames, resolved))], ['geo/tiles.json', json(tiles.index)], ...[...tiles.boxes].map(([p, b]) => [p, json(b)] as const), ...atlasFiles(made), ...downloadFiles(made)]);
  const binary = new Map([...(streets?.binary ?? []), ...tiles.binary]);
  const report = seal({ scope: { ...cfg.geographies.scope, mode: options.scope }, boundaries, vintageLookup, crosswalk: crosswalkReport(cw, frames[2021].scope), tables: tables.reports, finerLookups: tables.finerLookups, indicators: indicators.report, neighbourhoods: neighbourhoodsReport(resolved, frames[2021]), geometry: geometryReport(geometries.geometry), search: search?.report ?? null, streets: streets?.report ?? null, finance: finance?.report ?? null, primaryCare: primaryCare?.report ?? null, tiles: tiles.report }, files, binary, cfg.sources.sources, datasets);
  options.onStage?.('serialize', { files: files.size, bytes: [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) });
  failIfAny(provenance);
  return { files, binary, report, neighbourhoodsConfig: options.updateNeighbourhoods ? rewrittenConfig(inputs.config.neighbourhoods, resolved) : undefined };

  /** Runs one stage; stops the build with every problem found so far (and any hash drift), then reports the stage's counts. */
  function step<T>(name: string, make: () => T, counts?: (r: T) => Counts | null): T {
    try {
      const made = make();
      if (problems.length) failIfAny([...provenance, ...problems]);
      const c = counts?.(made);
      if (c) options.onStage?.(name, c);
      return made;
    } catch (e) {
      onFailure.forEach((stop) => stop());
      throw e;
    }
  }
}

/** The config checked against its schemas and against itself; stops the build if anything is wrong. */
function validConfig(raw: RawConfig): Config {
  const { config, problems } = validateConfig(raw);
  failIfAny(problems);
  return config as Config;
}

const configCounts = (cfg: Config): Counts => ({ indicators: cfg.indicators.indicators.length, neighbourhoods: cfg.neighbourhoods.neighbourhoods.length, sources: cfg.sources.sources.length });

/** The raw files of the street tiles' source. */
const streetFiles = (cfg: Config) => cfg.sources.sources.find((x) => x.id === cfg.geographies.streets!.source)?.files.map((f) => f.path) ?? [];
