import type { Sources } from '../schema.ts';
import { VINTAGES, type AreaFrame, type FrameReport, type Vintage } from './areas.ts';
import type { CrosswalkReport } from './change.ts';
import type { FinanceReport } from './finance.ts';
import type { FinerLookupReport } from './finer.ts';
import type { VintageGeometry } from './geometry.ts';
import type { JoinReport } from './join.ts';
import type { LoadedDataset } from './local.ts';
import type { PrimaryCareReport } from './primary-care.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import type { IndicatorReport } from './outputs.ts';
import { sha256 } from './provenance.ts';
import type { SearchReport } from './search.ts';
import { json } from './serialize.ts';
import type { StreetsReport } from './streets.ts';
import type { TilesReport } from './tiles.ts';
import type { TableReport } from './values.ts';
import { isBuildOnly } from '../../src/lib/build-only.ts';

export interface BuildReport {
  scope: { regionCode: string; regionName: string; mode: string };
  boundaries: FrameReport[];
  vintageLookup: JoinReport[];
  /** How the 2021 small areas in scope were carried from 2011: unchanged, split, merged, redrawn. */
  crosswalk: CrosswalkReport;
  tables: TableReport[];
  finerLookups: FinerLookupReport[];
  indicators: IndicatorReport;
  neighbourhoods: { slug: string; lsoas2011: number; lsoas2021: number; partial2021: number; inScope2021: number }[];
  geometry: Record<string, VintageGeometry['report']>;
  search: SearchReport | null;
  streets: StreetsReport | null;
  finance: FinanceReport | null;
  primaryCare: PrimaryCareReport | null;
  /** The map's vector tiles: per pyramid its zooms, tiles and bytes (uncompressed). */
  tiles: TilesReport;
  /** Every output file; `site: false` where the pages read it at build time and the hosted site leaves it out (src/lib/build-only.ts). */
  outputs: { path: string; bytes: number; sha256: string; site?: false }[];
}

/** Each neighbourhood's small areas: how many of each vintage, how many partly in it, how many in scope. */
export function neighbourhoodsReport(resolved: ResolvedNeighbourhood[], frame2021: AreaFrame): BuildReport['neighbourhoods'] {
  const inScope = new Set(frame2021.scope.map((i) => frame2021.codes[i]));
  return resolved.map((n) => ({ slug: n.config.slug, lsoas2011: n.lsoas2011.length, lsoas2021: n.lsoas2021.length, partial2021: n.lsoas2021.filter((m) => m.partial).length, inScope2021: n.lsoas2021.filter((m) => inScope.has(m.code)).length }));
}

export const geometryReport = (geometry: Record<Vintage, VintageGeometry>) => Object.fromEntries(VINTAGES.map((v) => [v, geometry[v].report]));

/**
 * The build report (with every output's size and checksum) and the manifest of inputs and
 * outputs, added to the files as build-report.json and manifest.json.
 */
export function seal(report: Omit<BuildReport, 'outputs'>, files: Map<string, string>, binary: Map<string, Uint8Array>, sources: Sources['sources'], datasets: LoadedDataset[]): BuildReport {
  const outputs = [...files, ...binary].map(([path, data]) => ({ path, bytes: Buffer.byteLength(data), sha256: sha256(data), ...(isBuildOnly(path) ? { site: false as const } : {}) })).sort((a, b) => a.path.localeCompare(b.path, 'en-GB'));
  const full: BuildReport = { ...report, outputs };
  files.set('build-report.json', json(full));
  const inputs = [
    ...sources.flatMap((s) => s.files.map((f) => ({ source: s.id, path: f.path, sha256: f.sha256, bytes: f.bytes }))),
    ...datasets.flatMap((ds) => [['dataset.json', ds.files.metadata], ['values.csv', ds.files.values]].map(([name, text]) => ({ source: `local:${ds.id}`, path: `local/${ds.id}/${name}`, sha256: sha256(text), bytes: Buffer.byteLength(text) }))),
  ];
  files.set('manifest.json', json({ inputs, outputs }));
  return full;
}
