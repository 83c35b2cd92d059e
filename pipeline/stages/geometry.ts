import { feature, quantize } from 'topojson-client';
import { mergeArcs } from '../../src/lib/merge.ts';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon, Objects, Polygon, Topology } from 'topojson-specification';
import { bboxOf, labelPoint } from '../../src/lib/planar.ts';
import { weightQuantile } from '../../src/lib/weight-quantile.ts';
import { VINTAGES, type AreaFrame, type Vintage } from './areas.ts';
import type { Config } from '../schema.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import { collection, type RawReader } from './reader.ts';
import { round } from '../round.ts';

export type BBox = [number, number, number, number];

/** Where to put a label and what box to fit, for one merged outline. */
export interface Placement {
  label: [number, number];
  bbox: BBox;
}

export interface VintageGeometry {
  topology: Topology;
  /** Label point and bounding box per local authority and per neighbourhood. */
  placements: { lad: Record<string, Placement>; neighbourhood: Record<string, Placement> };
  report: { areas: number; arcs: number; pointsBefore: number; pointsAfter: number; keepShare: number };
}


/** Label point and bounding box of a polygon or multipolygon. */
export function placement(geom: GeoJSON.Polygon | GeoJSON.MultiPolygon): Placement {
  const [x, y] = labelPoint(geom);
  const [x0, y0, x1, y1] = bboxOf([geom]);
  return { label: [round(x, 5), round(y, 5)], bbox: [round(x0, 5), round(y0, 5), round(x1, 5), round(y1, 5)] };
}

/** Simplifies a quantized topology on its arcs, keeping the given share of points, and re-encodes the arcs as deltas. */
export function simplifyTopology(t: Topology, keepShare: number, quantization: number): Topology {
  const pre = presimplify(t as Topology<Objects<{}>>);
  const out = simplify(pre, weightQuantile(pre, keepShare)) as Topology;
  // presimplify() undoes the quantization (positions come back in degrees), so quantize again.
  delete out.transform;
  const q = quantize(out as Topology<Objects<{}>>, quantization) as Topology;
  delete q.bbox;
  return q;
}

function countPoints(t: Topology): number {
  let n = 0;
  for (const a of t.arcs) n += a.length;
  return n;
}

/**
 * Builds one topology for the areas in scope: simplified on the topology so shared borders
 * stay shared, quantized, with local authorities and neighbourhoods drawn by merging their
 * LSOAs' arcs (so their outlines sit exactly on LSOA borders).
 */
export function buildGeometry(
  frame: AreaFrame,
  groups: { lad: Map<string, { name: string; members: string[] }>; neighbourhood: Map<string, { name: string; members: string[] }> },
  keepShare: number,
  quantization: number,
): VintageGeometry {
  const features: GeoJSON.Feature[] = frame.scope.map((i) => ({ type: 'Feature', id: frame.codes[i], properties: {}, geometry: frame.geometry.get(frame.codes[i])! }));
  const built = topology({ lsoa: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }, quantization);
  const pointsBefore = countPoints(built);
  const simplified = simplifyTopology(built, keepShare, quantization);
  const lsoa = simplified.objects.lsoa as GeometryCollection;
  // Names and codes of areas live in areas/lsoa-<vintage>.json; the geometry carries only ids.
  for (const g of lsoa.geometries) delete (g as { properties?: unknown }).properties;
  const byCode = new Map(lsoa.geometries.map((g) => [String(g.id), g as Polygon | MultiPolygon]));

  const merged = (kind: 'lad' | 'neighbourhood') => {
    const geometries: (MultiPolygon & { id: string; properties: { name: string } })[] = [];
    const placements: Record<string, Placement> = {};
    for (const [id, g] of [...groups[kind]].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
      const members = g.members.map((c) => byCode.get(c)).filter((x): x is Polygon | MultiPolygon => x !== undefined);
      if (members.length === 0) continue;
      const m = mergeArcs(simplified, members) as MultiPolygon;
      geometries.push({ ...m, id, properties: { name: g.name } });
      placements[id] = placement(feature(simplified, m).geometry as GeoJSON.MultiPolygon);
    }
    return { object: { type: 'GeometryCollection' as const, geometries }, placements };
  };
  const lad = merged('lad');
  const neighbourhood = merged('neighbourhood');
  simplified.objects.lad = lad.object;
  simplified.objects.neighbourhood = neighbourhood.object;
  return {
    topology: simplified,
    placements: { lad: lad.placements, neighbourhood: neighbourhood.placements },
    report: { areas: features.length, arcs: simplified.arcs.length, pointsBefore, pointsAfter: countPoints(simplified), keepShare },
  };
}

/** Context layers (land, local-authority outlines) cut to a box around the scope, as one topology. */
/** The outlines of one object of a topology, as GeoJSON geometries. */
export function shapesOf(t: Topology, object: string): GeoJSON.Geometry[] {
  return (feature(t, t.objects[object] as GeometryCollection) as GeoJSON.FeatureCollection).features.map((f) => f.geometry);
}

export function buildContext(land: GeoJSON.FeatureCollection, lads: GeoJSON.FeatureCollection, ladCode: string, ladName: string, bbox: BBox, quantization: number): Topology {
  const [x0, y0, x1, y1] = bbox;
  const pad = 0.3;
  const near = (f: GeoJSON.Feature) => {
    if (!f.geometry) return false;
    const [a, b, c, d] = bboxOf([f.geometry]);
    return !(c < x0 - pad || a > x1 + pad || d < y0 - pad || b > y1 + pad);
  };
  const ladFeatures = lads.features.filter(near).map((f) => ({ type: 'Feature' as const, id: String(f.properties?.[ladCode]), properties: { name: String(f.properties?.[ladName]) }, geometry: f.geometry }));
  ladFeatures.sort((a, b) => a.id.localeCompare(b.id, 'en-GB'));
  const landFeatures = land.features.filter(near).map((f) => ({ type: 'Feature' as const, properties: {}, geometry: f.geometry }));
  const t = topology({ land: { type: 'FeatureCollection', features: landFeatures } as GeoJSON.FeatureCollection, lad: { type: 'FeatureCollection', features: ladFeatures } as GeoJSON.FeatureCollection }, quantization);
  return simplifyTopology(t, 0.5, quantization);
}

/** The scope's local authorities: name, label point and box. */
export function ladsOf(geometry: VintageGeometry, names: Record<string, { name: string }>) {
  return Object.fromEntries(Object.entries(geometry.placements.lad).map(([code, p]) => [code, { name: names[code]?.name ?? code, ...p }]));
}

export interface Geometries {
  geometry: Record<Vintage, VintageGeometry>;
  /** The box of each 2021 ward in scope, from its small areas (search zooms to it). */
  wardBoxes: Map<string, BBox>;
  /** Land and local-authority outlines around the scope. */
  context: Topology;
}

/**
 * Geometry per vintage, with local authorities and neighbourhoods merged on the topology, and
 * the context layers around the scope. Each frame's parsed boundaries are let go once drawn.
 */
export function buildGeometries(cfg: Config, read: RawReader, frames: Record<Vintage, AreaFrame>, ladMembers: Record<Vintage, Map<string, number[]>>, resolved: ResolvedNeighbourhood[]): Geometries {
  const geo = cfg.geographies;
  const geometry = {} as Record<Vintage, VintageGeometry>;
  const wardBoxes = new Map<string, BBox>();
  for (const v of VINTAGES) {
    const f = frames[v];
    const lad = new Map([...ladMembers[v]].filter(([code]) => f.scope.some((i) => f.lad[i] === code)).map(([code, idx]) => [code, { name: f.ladName[idx[0]], members: idx.map((i) => f.codes[i]) }]));
    const neighbourhood = new Map(resolved.map((n) => [n.config.slug, { name: n.config.name, members: (v === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code).filter((c) => f.geometry.has(c)) }]));
    geometry[v] = buildGeometry(f, { lad, neighbourhood }, geo.geometry.simplifyKeepShare[v], geo.geometry.quantization);
    if (v === 2021) for (const i of f.scope) {
      const b = bboxOf([f.geometry.get(f.codes[i])!]) as BBox;
      const w = wardBoxes.get(f.ward[i]);
      wardBoxes.set(f.ward[i], w ? [Math.min(w[0], b[0]), Math.min(w[1], b[1]), Math.max(w[2], b[2]), Math.max(w[3], b[3])] : b);
    }
    f.geometry.clear(); // drawn into the topology; the parsed GeoJSON can go
  }
  const scopeBox = Object.values(geometry[2021].placements.lad).reduce<BBox>((b, p) => [Math.min(b[0], p.bbox[0]), Math.min(b[1], p.bbox[1]), Math.max(b[2], p.bbox[2]), Math.max(b[3], p.bbox[3])], [180, 90, -180, -90]);
  const context = buildContext(collection(read.geojson(geo.context.land.file)), collection(read.geojson(geo.context.lad.file)), geo.context.lad.code, geo.context.lad.name, scopeBox, geo.geometry.quantization);
  return { geometry, wardBoxes, context };
}

export const geometryCounts = ({ geometry }: Geometries) => ({ arcs2021: geometry[2021].report.arcs, points2021: geometry[2021].report.pointsAfter, arcs2011: geometry[2011].report.arcs, points2011: geometry[2011].report.pointsAfter });
