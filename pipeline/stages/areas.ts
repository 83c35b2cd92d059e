import type { Problem } from '../errors.ts';
import type { Geographies } from '../schema.ts';
import { columnIndex, indexByCode, joinReport, type JoinReport } from './join.ts';
import type { CsvTable, LazyFeature } from './load.ts';
import { kinkPoints } from './kinks.ts';
import { round } from '../round.ts';

export type Vintage = 2011 | 2021;
/** The LSOA vintages the atlas holds, newest first: the order of every per-vintage loop and output. */
export const VINTAGES: readonly Vintage[] = [2021, 2011];

/**
 * The LSOAs of one vintage in England, sorted by code, with their ward, local authority
 * and region, and which of them are in the build's scope. Every table of that vintage is
 * joined onto this frame.
 */
export interface AreaFrame {
  vintage: Vintage;
  codes: string[];
  index: Map<string, number>;
  names: string[];
  ward: string[];
  wardName: string[];
  lad: string[];
  ladName: string[];
  region: string[];
  regionName: string[];
  /** Indices (into codes) of the areas in scope, in code order: the geometry order of every output. */
  scope: number[];
  geometry: Map<string, GeoJSON.Geometry>;
}

export interface FrameReport {
  vintage: Vintage;
  boundary: { file: string; featuresRead: number; england: number; excludedOtherNation: number; inScope: number; excludedOutsideScope: number; selfIntersections: SelfIntersections };
  joins: JoinReport[];
}

/** Places where an in-scope ring touches or crosses itself (or another ring of its polygon), when the boundary declares them known. */
export interface SelfIntersections { policy: 'fail' | 'report'; features: number; points: number; samples: { code: string; at: [number, number] }[] }

export const LSOA_CODE = /^[EW]01\d{6}$/;
const LAD_CODE = /^[EWSN]\d{8}$/;

/** Builds the area frame for one vintage from its boundary file and its lookups. */
export function buildFrame(
  vintage: Vintage,
  geo: Geographies,
  boundary: LazyFeature[],
  areaLookup: CsvTable,
  regionLookup: CsvTable,
  scope: 'region' | 'england',
): { frame: AreaFrame; report: FrameReport; problems: Problem[] } {
  const problems: Problem[] = [];
  const cfg = geo.vintages[String(vintage) as '2011' | '2021'];
  const bfile = `raw/${cfg.boundary.file}`;
  const england = new Map<string, { name: string; feature: LazyFeature; row: number }>();
  const selfIntersections: SelfIntersections = { policy: cfg.boundary.selfIntersections?.policy ?? 'fail', features: 0, points: 0, samples: [] };
  let otherNation = 0;
  boundary.forEach((f, i) => {
    const code = String(f.properties?.[cfg.boundary.code] ?? '').trim();
    if (!LSOA_CODE.test(code)) {
      problems.push({ code: 'BAD_CODE', file: bfile, row: i + 1, column: cfg.boundary.code, value: code, message: `feature ${i + 1} has no valid LSOA code`, fix: `Every feature needs an LSOA code in property "${cfg.boundary.code}".` });
      return;
    }
    if (!code.startsWith(geo.nation.lsoaPrefix)) {
      otherNation++;
      return;
    }
    if (england.has(code)) {
      problems.push({ code: 'DUPLICATE_CODE', file: bfile, row: i + 1, column: cfg.boundary.code, value: code, message: `feature ${i + 1} repeats code ${code}`, fix: 'Keep one feature per LSOA (dissolve multi-part areas into one MultiPolygon).' });
      return;
    }
    england.set(code, { name: String(f.properties?.[cfg.boundary.name] ?? ''), feature: f, row: i + 1 });
  });

  const lk = cfg.areaLookup;
  const lkFile = `raw/${lk.file}`;
  const lkTable = { ...areaLookup, file: lkFile };
  const lkIndex = indexByCode(lkTable, lk.code, LSOA_CODE, problems, `the ${vintage} area lookup`);
  const [cWard, cWardName, cLad, cLadName] = [lk.ward, lk.wardName, lk.lad, lk.ladName].map((c) => columnIndex(lkTable, c, problems, `the ${vintage} area lookup`));
  const rg = cfg.regionLookup;
  const rgTable = { ...regionLookup, file: `raw/${rg.file}` };
  const rgIndex = indexByCode(rgTable, rg.lad, LAD_CODE, problems, `the ${vintage} region lookup`);
  const [cRegion, cRegionName] = [rg.region, rg.regionName].map((c) => columnIndex(rgTable, c, problems, `the ${vintage} region lookup`));

  const codes = [...england.keys()].sort();
  const frame: AreaFrame = { vintage, codes, index: new Map(codes.map((c, i) => [c, i])), names: [], ward: [], wardName: [], lad: [], ladName: [], region: [], regionName: [], scope: [], geometry: new Map() };
  codes.forEach((code, i) => {
    const e = england.get(code)!;
    frame.names.push(e.name);
    const r = lkIndex.get(code);
    const row = r === undefined ? undefined : areaLookup.rows[r];
    frame.ward.push(row?.[cWard] ?? '');
    frame.wardName.push(row?.[cWardName] ?? '');
    const lad = row?.[cLad] ?? '';
    frame.lad.push(lad);
    frame.ladName.push(row?.[cLadName] ?? '');
    const rr = rgIndex.get(lad);
    const rrow = rr === undefined ? undefined : regionLookup.rows[rr];
    frame.region.push(rrow?.[cRegion] ?? '');
    frame.regionName.push(rrow?.[cRegionName] ?? '');
    if (scope === 'england' || frame.region[i] === geo.scope.regionCode) {
      // Only areas in scope are drawn, so only their geometry is parsed and checked.
      const g = e.feature.geometry();
      const defect = g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? ringDefect(g, geo.nation.bbox) : null;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
        problems.push({ code: 'BAD_GEOMETRY', file: bfile, row: e.row, column: 'geometry', value: g ? g.type : 'null', message: `feature ${code} has no polygon geometry`, fix: 'Each LSOA needs a Polygon or MultiPolygon geometry in WGS84.' });
      } else if (defect) {
        problems.push({ code: defect.code, file: bfile, row: e.row, column: 'geometry', value: defect.value, message: `feature ${code}: ${defect.message}`, fix: defect.fix });
      } else {
        // Self-intersections (with where they are), unless the boundary declares them known.
        const at = kinkPoints(g as GeoJSON.Polygon | GeoJSON.MultiPolygon).map((k) => k.map((c) => round(c, 6)) as [number, number]);
        if (at.length && selfIntersections.policy === 'fail') {
          problems.push({ code: 'GEOMETRY_INVALID', file: bfile, row: e.row, column: 'geometry', value: at.slice(0, 3).map((p) => p.join(', ')).join('; '), message: `feature ${code}: a ring crosses or touches itself or another ring at ${at.length} place${at.length === 1 ? '' : 's'} (first at longitude, latitude ${at[0].join(', ')})`, fix: 'Repair the geometry (e.g. mapshaper -clean, or ST_MakeValid) and export again; or, for a published file used as it is, declare "selfIntersections": {"policy": "report", "reason": …} on the boundary in geographies.json.' });
          return;
        }
        if (at.length) {
          selfIntersections.features++;
          selfIntersections.points += at.length;
          if (selfIntersections.samples.length < 10) selfIntersections.samples.push({ code, at: at[0] });
        }
        frame.scope.push(i);
        frame.geometry.set(code, g);
      }
    }
  });

  const joins = [
    joinReport(`${bfile} (England LSOAs)`, codes, lkFile, lkIndex),
    joinReport(`${lkFile} (local authorities of England LSOAs)`, new Set(frame.lad.filter(Boolean)), `raw/${rg.file}`, rgIndex),
  ];
  // An England LSOA with no local authority or region cannot be placed in scope or in a comparator.
  const noLad = codes.filter((_, i) => !frame.lad[i]);
  if (noLad.length) problems.push({ code: 'UNMATCHED_LOOKUP', file: lkFile, column: lk.code, value: noLad.slice(0, 5).join(' '), message: `${noLad.length} LSOAs of the boundary file are not in the area lookup`, fix: 'Use a lookup of the same LSOA vintage as the boundaries.' });
  const noRegion = [...new Set(codes.map((_, i) => i).filter((i) => frame.lad[i] && !frame.region[i]).map((i) => frame.lad[i]))];
  if (noRegion.length) problems.push({ code: 'UNMATCHED_LOOKUP', file: `raw/${rg.file}`, column: rg.lad, value: noRegion.slice(0, 5).join(' '), message: `${noRegion.length} local authorities of the area lookup have no region`, fix: 'Use a region lookup of the same local-authority vintage as the area lookup.' });

  const report: FrameReport = {
    vintage,
    boundary: { file: bfile, featuresRead: boundary.length, england: codes.length, excludedOtherNation: otherNation, inScope: frame.scope.length, excludedOutsideScope: codes.length - frame.scope.length, selfIntersections },
    joins,
  };
  return { frame, report, problems };
}

/**
 * A ring that is not closed or too short, or positions that are not longitude and latitude in
 * degrees inside the nation's box: British National Grid metres, or latitude and longitude swapped.
 */
function ringDefect(g: GeoJSON.Polygon | GeoJSON.MultiPolygon, [west, south, east, north]: readonly [number, number, number, number]): { code: string; value: string; message: string; fix: string } | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const inBox = (x: number, y: number) => x >= west && x <= east && y >= south && y <= north;
  const repair = 'Repair the geometry (e.g. mapshaper -clean) and export again.';
  for (const poly of polys) for (const ring of poly) {
    if (ring.length < 4) return { code: 'RING_DEFECT', value: `${ring.length} positions`, message: 'a ring has fewer than 4 positions', fix: repair };
    const [a, b] = [ring[0], ring[ring.length - 1]];
    if (a[0] !== b[0] || a[1] !== b[1]) return { code: 'RING_DEFECT', value: `${a} … ${b}`, message: 'a ring is not closed (its last position is not its first)', fix: repair };
    for (const p of ring) {
      if (inBox(p[0], p[1])) continue;
      const value = `${p[0]}, ${p[1]}`;
      const fix = 'Export the boundaries in WGS84 (EPSG:4326) with longitude first, as RFC 7946 requires; the pipeline does not reproject.';
      if (!(Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)) return { code: 'WRONG_CRS', value, message: 'coordinates are not longitude and latitude in degrees (British National Grid metres?)', fix };
      if (inBox(p[1], p[0])) return { code: 'WRONG_CRS', value, message: 'latitude and longitude are swapped (latitude first)', fix };
      return { code: 'WRONG_CRS', value, message: `a position lies outside the box of ${west}, ${south} to ${east}, ${north} set for the nation in geographies.json`, fix };
    }
  }
  return null;
}
