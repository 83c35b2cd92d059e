/**
 * Static vector tiles (Mapbox Vector Tile, `.pbf`) of the areas in scope, cut from the topology
 * the geometry stage built, for the interactive map: per vintage, one pyramid of small areas
 * (`lsoa`) and one of councils and neighbourhoods (`lad`, `nb`). Each feature's id is an
 * integer: a small area's index in `areas/lsoa-<vintage>.json` (which the values files follow),
 * a council's or neighbourhood's index in the lists of `geo/tiles.json`. Tiles with no feature
 * are not written; the index lists the tiles that exist, so the map never asks for another.
 *
 * Small areas are cut with no simplification of their own (tolerance 0): the topology is
 * already simplified on its arcs, so shared borders stay shared and no small area is dropped at
 * any zoom. They are shown from the lowest zoom whose largest tile stays within
 * {@link SMALL_AREA_TILE_BUDGET}; below it, the councils.
 */
import { createHash } from 'node:crypto';
import { geoJSONToTile, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { feature } from 'topojson-client';
import { simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { councilsOnly } from '../../src/lib/council-topology.ts';
import { VINTAGES, type AreaFrame, type Vintage } from './areas.ts';
import type { BBox, Geometries, VintageGeometry } from './geometry.ts';
import { bboxOf, labelPoint } from '../../src/lib/planar.ts';
import { tileBox, tileKey, tileRange, type BoxesFile, type Pyramid, type TilesIndex } from '../../src/lib/tiles.ts';

export type { BoxesFile, TilesIndex };

/** Tile extent (units across a tile) at the deepest zoom, which the map enlarges beyond it. */
export const TILE_EXTENT = 4096;
/**
 * Tile extent below the deepest zoom: 1,024 units on a tile drawn 512 pixels across is two units
 * to a pixel, so no position moves by more than a quarter of a pixel, and the coarser grid packs
 * tighter (the North West's zoom-6 tile of small areas: 72 KB brotli at 4,096, 52 KB at 1,024).
 */
export const TILE_EXTENT_BELOW = 1024;
const extentAt = (z: number) => (z >= TILE_MAX_ZOOM ? TILE_EXTENT : TILE_EXTENT_BELOW);
/** Share of a tile kept beyond its edge (MapLibre's default for GeoJSON is 128 units of 8,192). */
const BUFFER_SHARE = 1 / 64;
/** The deepest zoom written; the map overzooms beyond it (the topology holds no finer detail). */
export const TILE_MAX_ZOOM = 10;
/** The lowest zoom written: all of England fits in a few tiles. */
export const TILE_MIN_ZOOM = 4;
/** The largest small-area tile allowed at the zoom small areas are first shown from (bytes, uncompressed). */
export const SMALL_AREA_TILE_BUDGET = 256_000;

export interface PyramidReport { id: string; minzoom: number; maxzoom: number; tiles: number; bytes: number; largest: { tile: string; bytes: number }; zooms: { z: number; tiles: number; bytes: number; largest: number }[] }
export interface TilesReport { budget: number; pyramids: PyramidReport[] }

export interface TilesInputs {
  geometry: Record<Vintage, VintageGeometry>;
  /** The small areas' codes per vintage, in the order of areas/lsoa-<vintage>.json. */
  codes: Record<Vintage, string[]>;
  /** The largest small-area tile allowed at their first zoom (bytes; {@link SMALL_AREA_TILE_BUDGET} unless `--tile-budget` sets another). */
  smallAreaBudget?: number;
}

/** The stage's inputs from the frames (each vintage's codes in scope, in the areas file's order) and the geometry. */
export const tilesInputs = (frames: Record<Vintage, AreaFrame>, g: Geometries, smallAreaBudget?: number): TilesInputs => ({
  smallAreaBudget,
  geometry: g.geometry,
  codes: Object.fromEntries(VINTAGES.map((v) => [v, frames[v].scope.map((i) => frames[v].codes[i])])) as Record<Vintage, string[]>,
});

type Cut = { tiles: Map<string, Uint8Array>; report: PyramidReport; present: Record<string, number[]>; minzoom: number };

/** Every vintage's two pyramids, their index and their counts. */
export function buildTiles(inputs: TilesInputs): { binary: Map<string, Uint8Array>; index: TilesIndex; boxes: Map<string, BoxesFile>; report: TilesReport } {
  const binary = new Map<string, Uint8Array>();
  const boxes = new Map<string, BoxesFile>();
  const index: TilesIndex = { extent: { [TILE_MAX_ZOOM]: TILE_EXTENT, below: TILE_EXTENT_BELOW }, vintages: {} };
  const pyramids: PyramidReport[] = [];
  for (const v of VINTAGES) {
    const t = inputs.geometry[v].topology;
    const order = new Map(inputs.codes[v].map((c, i) => [c, i]));
    const lsoa = collection(t, 'lsoa', (id) => {
      const i = order.get(id);
      if (i === undefined) throw new Error(`tiles: the ${v} topology has ${id}, which areas/lsoa-${v}.json does not list`);
      return { id: i, properties: {} };
    });
    if (lsoa.features.length !== order.size) throw new Error(`tiles: the ${v} topology has ${lsoa.features.length} small areas, areas/lsoa-${v}.json ${order.size}`);
    const six = new Array<number>(order.size * 6);
    const bounds: BBox = [180, 90, -180, -90];
    for (const f of lsoa.features) {
      const g = f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
      const b = bboxOf([g]);
      [...b, ...labelPoint(g)].forEach((x, k) => { six[(f.id as number) * 6 + k] = Math.round(x * 1e4) / 1e4; });
      bounds[0] = Math.min(bounds[0], b[0]); bounds[1] = Math.min(bounds[1], b[1]); bounds[2] = Math.max(bounds[2], b[2]); bounds[3] = Math.max(bounds[3], b[3]);
    }
    boxes.set(`geo/boxes-${v}.json`, { vintage: v, areas: order.size, boxes: six });
    const small = cut(() => ({ lsoa }), `lsoa-${v}`, bounds, TILE_MIN_ZOOM, (largest) => largest <= (inputs.smallAreaBudget ?? SMALL_AREA_TILE_BUDGET));
    const lads = ids(t, 'lad'), nbs = ids(t, 'neighbourhood');
    const indexIn = (list: { id: string }[], object: string) => (id: string) => {
      const i = list.findIndex((x) => x.id === id);
      if (i < 0) throw new Error(`tiles: ${object} ${id} is not in the ${v} topology's list`);
      return { id: i, properties: {} };
    };
    const councilLayers = (topo: Topology) => ({ lad: collection(topo, 'lad', indexIn(lads, 'council')), nb: collection(topo, 'neighbourhood', indexIn(nbs, 'neighbourhood')) });
    const full = councilLayers(t);
    const below = small.minzoom > TILE_MIN_ZOOM ? councilsOnly(t) : null;
    const councils = cut((z) => (below && z < small.minzoom ? councilLayers(simplify(below, unitArea(z)) as Topology) : full), `lad-${v}`, bounds, TILE_MIN_ZOOM, () => true);
    const meta = (c: Cut): Pyramid => {
      const folder = folderOf(c);
      for (const [p, b] of c.tiles) binary.set(`vt/${folder}/${p}.pbf`, b);
      pyramids.push(c.report);
      return { tiles: `vt/${folder}/{z}/{x}/{y}.pbf`, minzoom: c.minzoom, maxzoom: TILE_MAX_ZOOM, bounds: bounds.map((x) => Math.round(x * 1e5) / 1e5) as BBox, present: c.present };
    };
    index.vintages[v] = { lsoa: meta(small), lad: meta(councils), lads: lads.map((x) => ({ code: x.id, name: x.name })), neighbourhoods: nbs.map((x) => ({ slug: x.id, name: x.name })), areas: order.size };
  }
  return { binary, index, boxes, report: { budget: inputs.smallAreaBudget ?? SMALL_AREA_TILE_BUDGET, pyramids } };
}

/**
 * A pyramid's folder: its id and a fingerprint of its tiles, so that a host may keep them for
 * good (the index, which names the folder, is revalidated) and a rebuild that changes a tile
 * changes every address.
 */
function folderOf(c: Cut): string {
  const h = createHash('sha256');
  for (const [p, b] of [...c.tiles].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(p).update(b);
  return `${c.report.id}.${h.digest('hex').slice(0, 10)}`;
}

/** A pixel's area at zoom z (512-pixel tiles), in square degrees: a position making a smaller triangle with its neighbours changes nothing drawn there. */
const unitArea = (z: number) => (360 / (2 ** z * 512)) ** 2;

/** The features of one object of the topology, with integer ids and no properties. */
function collection(t: Topology, object: string, idOf: (id: string) => { id: number; properties: object }): GeoJSON.FeatureCollection {
  const fc = feature(t, t.objects[object] as GeometryCollection) as GeoJSON.FeatureCollection;
  return { type: 'FeatureCollection', features: fc.features.map((f) => ({ type: 'Feature', geometry: f.geometry, ...idOf(String(f.id)) })) };
}

function ids(t: Topology, object: string): { id: string; name: string }[] {
  return (t.objects[object] as GeometryCollection).geometries.map((g) => ({ id: String(g.id), name: String((g.properties as { name?: string } | undefined)?.name ?? g.id) }));
}

/**
 * Cuts layers into tiles from the deepest zoom up, while `keep` accepts the zoom's largest
 * tile: the pyramid starts at the last zoom accepted (never below `lowest`). Each tile is cut
 * from the features whose boxes touch it (geojson-vt's one-tile cut), so memory stays that of
 * one tile, not of a whole tile index.
 */
function cut(layersAt: (z: number) => Record<string, GeoJSON.FeatureCollection>, id: string, bounds: BBox, lowest: number, keep: (largest: number) => boolean): Cut {
  const boxes = new WeakMap<GeoJSON.FeatureCollection, { f: GeoJSON.Feature; b: BBox }[]>();
  const boxedOf = (fc: GeoJSON.FeatureCollection) => {
    if (!boxes.has(fc)) boxes.set(fc, fc.features.map((f) => ({ f, b: bboxOf([f.geometry]) })));
    return boxes.get(fc)!;
  };
  const tiles = new Map<string, Uint8Array>();
  const present: Record<string, number[]> = {};
  const zooms: PyramidReport['zooms'] = [];
  let minzoom = TILE_MAX_ZOOM;
  for (let z = TILE_MAX_ZOOM; z >= lowest; z--) {
    const boxed = Object.entries(layersAt(z)).map(([name, fc]) => { const list = boxedOf(fc); return [name, list, bucketsAt(list, z)] as const; });
    const made = new Map<string, Uint8Array>();
    const keys: number[] = [];
    const [x0, y0, x1, y1] = tileRange(bounds, z);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
      const extent = extentAt(z), buffer = extent * BUFFER_SHARE;
      const [w, s, e, n] = tileBox(z, x, y, BUFFER_SHARE);
      const found: Record<string, GeoJSONVTTile> = {};
      for (const [name, list, buckets] of boxed) {
        const near = (buckets.get(tileKey(z, x, y)) ?? []).map((k) => list[k]).filter(({ b }) => b[0] <= e && b[2] >= w && b[1] <= n && b[3] >= s).map(({ f }) => f);
        if (near.length === 0) continue;
        const tile = geoJSONToTile({ type: 'FeatureCollection', features: near }, z, x, y, { extent, buffer, tolerance: 0, maxZoom: z, clip: true });
        if (tile?.features.length) found[name] = { ...tile, features: tile.features.map(withoutRepeats) };
      }
      if (Object.keys(found).length === 0) continue;
      made.set(`${z}/${x}/${y}`, fromGeojsonVt(found, { version: 2, extent }));
      keys.push(tileKey(z, x, y));
    }
    const largest = Math.max(0, ...[...made.values()].map((b) => b.length));
    // The deepest zoom is always written, whatever its tiles weigh (the report says what they do).
    if (!keep(largest) && z < TILE_MAX_ZOOM) break;
    minzoom = z;
    for (const [p, b] of made) tiles.set(p, b);
    present[z] = keys.sort((a, b) => a - b);
    zooms.unshift({ z, tiles: made.size, bytes: [...made.values()].reduce((n, b) => n + b.length, 0), largest });
  }
  const big = [...tiles].reduce((a, b) => (b[1].length > a[1].length ? b : a), ['', new Uint8Array()] as [string, Uint8Array]);
  return { tiles, present, minzoom, report: { id, minzoom, maxzoom: TILE_MAX_ZOOM, tiles: tiles.size, bytes: zooms.reduce((n, z) => n + z.bytes, 0), largest: { tile: big[0], bytes: big[1].length }, zooms } };
}

/**
 * Which features may touch each tile at zoom z (by tile key; each feature's tiles and one more
 * all round, which holds the tile's buffer), in the features' order: a tile then tests its own
 * few candidates rather than every feature.
 */
function bucketsAt(list: { b: BBox }[], z: number): Map<number, number[]> {
  const buckets = new Map<number, number[]>();
  const last = 2 ** z - 1;
  list.forEach(({ b }, k) => {
    const [x0, y0, x1, y1] = tileRange(b, z);
    for (let y = Math.max(0, y0 - 1); y <= Math.min(last, y1 + 1); y++) for (let x = Math.max(0, x0 - 1); x <= Math.min(last, x1 + 1); x++) {
      const key = tileKey(z, x, y);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(k);
      else buckets.set(key, [k]);
    }
  });
  return buckets;
}

/**
 * A feature with each ring's repeated positions dropped: at low zooms many of the topology's
 * positions fall on the same tile unit. The same positions go on both sides of a shared border,
 * so it stays shared. A ring that would keep fewer than four positions is kept as it was, so
 * that no small area disappears from its tile.
 */
function withoutRepeats(f: GeoJSONVTFeature): GeoJSONVTFeature {
  if (f.type !== 3) return f;
  const rings = (f.geometry as [number, number][][]).map((ring) => {
    const out = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
    return out.length >= 4 ? out : ring;
  });
  return { ...f, geometry: rings } as GeoJSONVTFeature;
}

export const tilesCounts = (t: { report: TilesReport }) => Object.fromEntries(t.report.pyramids.map((p) => [p.id, `z${p.minzoom}-${p.maxzoom} ${p.tiles} tiles ${Math.round(p.bytes / 1000)} KB`]));
