import { feature, mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon, Objects, Polygon, Topology } from 'topojson-specification';
import { bboxOf, labelPoint } from '../../src/lib/planar.ts';
import type { AreaFrame } from './areas.ts';
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
  const out = simplify(pre, quantile(pre, keepShare)) as Topology;
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
