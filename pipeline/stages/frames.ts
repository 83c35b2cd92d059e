import type { Config } from '../schema.ts';
import { buildFrame, VINTAGES, type AreaFrame, type FrameReport, type Vintage } from './areas.ts';
import { columnIndex, joinReport, type JoinReport } from './join.ts';
import type { VintageLookup } from './neighbourhoods.ts';
import type { RawReader } from './reader.ts';

export interface Frames {
  frames: Record<Vintage, AreaFrame>;
  reports: FrameReport[];
  /** Boundary features read, of every vintage. */
  features: number;
}

/** Areas of each vintage, in England, with their scope: boundaries joined to their lookups. */
export function loadFrames(cfg: Config, read: RawReader, scope: 'region' | 'england'): Frames {
  const geo = cfg.geographies;
  const frames = {} as Record<Vintage, AreaFrame>;
  const reports: FrameReport[] = [];
  let features = 0;
  for (const v of VINTAGES) {
    const g = geo.vintages[v];
    const boundary = read.geojson(g.boundary.file);
    features += boundary.length;
    const r = buildFrame(v, geo, boundary, read.csv(g.areaLookup.file), read.csv(g.regionLookup.file), scope);
    read.problems.push(...r.problems);
    frames[v] = r.frame;
    reports.push(r.report);
  }
  return { frames, reports, features };
}

export const framesCounts = ({ frames, features }: Frames) => ({ boundaryFeatures: features, lsoa2021: frames[2021].codes.length, lsoa2011: frames[2011].codes.length, inScope2021: frames[2021].scope.length, inScope2011: frames[2011].scope.length });

export interface VintageLookupRead {
  lookup: VintageLookup;
  /** The file's line of each pair, for problems found later. */
  lines: number[];
  /** How the lookup's codes join each vintage's boundaries. */
  report: JoinReport[];
}

/** The LSOA 2011 to 2021 lookup, every change code checked, joined against both vintages' boundaries. */
export function readVintageLookup(cfg: Config, read: RawReader, frames: Record<Vintage, AreaFrame>): VintageLookupRead {
  const vl = cfg.geographies.vintageLookup;
  const problems = read.problems;
  const lookup: VintageLookup = { changeCodes: vl.changeCodes, pairs: [] };
  const lines: number[] = [];
  const csv = read.csv(vl.file);
  const [cFrom, cTo, cChange] = [vl.from, vl.to, vl.change].map((c) => columnIndex(csv, c, problems, 'the LSOA 2011 to 2021 lookup'));
  if (cFrom < 0 || cTo < 0 || cChange < 0) return { lookup, lines, report: [] };
  csv.rows.forEach((row, r) => {
    const change = row[cChange]?.trim() ?? '';
    if (!(change in vl.changeCodes)) problems.push({ code: 'BAD_VALUE', file: csv.file, row: csv.lines[r], column: vl.change, value: change, message: 'unknown change code', fix: `Use one of ${Object.keys(vl.changeCodes).join(', ')}.` });
    lookup.pairs.push({ from: row[cFrom].trim(), to: row[cTo].trim(), change });
    lines.push(csv.lines[r]);
  });
  return {
    lookup,
    lines,
    report: [
      joinReport('LSOA 2011 (England, boundaries)', frames[2011].codes, `${csv.file} (from)`, new Set(lookup.pairs.map((p) => p.from))),
      joinReport('LSOA 2021 (England, boundaries)', frames[2021].codes, `${csv.file} (to)`, new Set(lookup.pairs.map((p) => p.to))),
    ],
  };
}
