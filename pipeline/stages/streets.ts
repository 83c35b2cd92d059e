import { VectorTile } from '@mapbox/vector-tile';
import { bboxClip } from '@turf/bbox-clip';
import { PbfReader } from 'pbf';
import type { Problem } from '../errors.ts';
import { round } from '../round.ts';
import { lineLength, mapBox, midpoint, type BBox } from '../../src/lib/planar.ts';
import type { Config } from '../schema.ts';
import type { VintageGeometry } from './geometry.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';

/**
 * The street basemap: vector tiles (OpenMapTiles schema) stored as raw files
 * `<folder>/<area>/<z>/<x>/<y>.pbf`.
 *  - The tiles are published unchanged (`tiles/<area>/<z>/<x>/<y>.pbf`) with a list of tile
 *    sources for the interactive map (`geo/streets.json`): per area, one source for its
 *    whole-area zooms, and one for each cluster of detailed tiles, bounded so that the map
 *    never asks for a tile that does not exist.
 *  - For each neighbourhood's static map, the detailed tiles are decoded: roads by class and
 *    street names, clipped to the map's box (`geo/streets/<slug>.json`).
 */
export interface StreetsInputs {
  folder: string;
  /** Zooms 0 to this hold every tile of an area; zooms above it, up to `detailZoom`, only clusters. */
  areaMaxZoom: number;
  detailZoom: number;
  attribution: string;
  note: string;
  /** Raw files of the source, by path. */
  tiles: Map<string, Uint8Array>;
  /** Each neighbourhood's map box. */
  maps: { slug: string; bbox: BBox }[];
}
export interface TileSource { id: string; area: string; minzoom: number; maxzoom: number; bounds: BBox }
export interface StreetsReport { tiles: number; bytes: number; emptyTiles: number; areas: number; sources: number; maps: { slug: string; tiles: number; roads: number; names: number }[] }

/** Road classes drawn, and how: main roads, then minor streets; tracks, paths and service roads are left out. */
export const ROAD_CLASSES: Record<string, 'main' | 'minor' | 'rail'> = { motorway: 'main', trunk: 'main', primary: 'main', secondary: 'main', tertiary: 'main', minor: 'minor', rail: 'rail' };

const lon = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const lat = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
/** A tile's box in degrees. */
export const tileBox = (z: number, x: number, y: number): BBox => [lon(x, z), lat(y + 1, z), lon(x + 1, z), lat(y, z)];
/** The tile holding a point; with `exclusiveEdge` false, a point on a tile's west or north edge counts in the tile before (the last tile a box ending there touches). */
const tileOf = (lo: number, la: number, z: number, exclusiveEdge = true) => {
  const fx = ((lo + 180) / 360) * 2 ** z, fy = ((1 - Math.asinh(Math.tan((la * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z;
  return exclusiveEdge ? [Math.floor(fx), Math.floor(fy)] : [Math.ceil(fx) - 1, Math.ceil(fy) - 1];
};
const EMPTY = new Uint8Array(0);

export function buildStreets(d: StreetsInputs, problems: Problem[]): { files: Map<string, string>; binary: Map<string, Uint8Array>; report: StreetsReport } {
  const files = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  const report: StreetsReport = { tiles: 0, bytes: 0, emptyTiles: 0, areas: 0, sources: 0, maps: [] };
  // area → zoom → "x/y" → bytes
  const byArea = new Map<string, Map<number, Map<string, Uint8Array>>>();
  const pattern = new RegExp(`^${d.folder}/([a-z0-9-]+)/(\\d+)/(\\d+)/(\\d+)\\.pbf$`);
  for (const [path, bytes] of d.tiles) {
    const m = pattern.exec(path);
    if (!m) { problems.push({ code: 'BAD_TILE_PATH', file: `raw/${path}`, message: `not a tile path of the form ${d.folder}/<area>/<z>/<x>/<y>.pbf`, fix: 'Keep the tiles in the folder layout they were published in, or remove this file and its record from sources.json.' }); continue; }
    const [, area, z, x, y] = m;
    const zooms = byArea.get(area) ?? new Map<number, Map<string, Uint8Array>>();
    byArea.set(area, zooms);
    const at = zooms.get(Number(z)) ?? new Map<string, Uint8Array>();
    zooms.set(Number(z), at);
    at.set(`${x}/${y}`, bytes);
    binary.set(`tiles/${area}/${z}/${x}/${y}.pbf`, bytes);
    report.tiles++;
    report.bytes += bytes.length;
  }
  if (problems.length) return { files, binary, report };

  // Tile sources: the zooms every area has whole, then each cluster of detailed tiles.
  const sources: TileSource[] = [];
  for (const [area, zooms] of [...byArea].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
    const wholeMax = Math.max(-1, ...[...zooms.keys()].filter((z) => z <= d.areaMaxZoom));
    if (wholeMax < 0) continue;
    sources.push({ id: `${area}`, area, minzoom: 0, maxzoom: wholeMax, bounds: boxOfTiles(zooms.get(wholeMax)!, wholeMax) });
    const detail = zooms.get(d.detailZoom);
    if (detail) clusters([...detail.keys()]).forEach((c, i) => sources.push({ id: `${area}-${i + 1}`, area, minzoom: wholeMax + 1, maxzoom: d.detailZoom, bounds: boxOfTiles(new Map(c.map((k) => [k, detail.get(k)!])), d.detailZoom) }));
  }
  // A source's bounds are a box; an area's tiles follow its coastline and county edge. Every tile
  // the map can ask for inside the bounds and zooms of a source, and that the area lacks, is
  // published empty (an MVT of no layers), so no request fails.
  for (const src of sources) {
    const zooms = byArea.get(src.area)!;
    for (let z = src.minzoom; z <= src.maxzoom; z++) {
      const [xa, ya] = tileOf(src.bounds[0], src.bounds[3], z, true), [xb, yb] = tileOf(src.bounds[2], src.bounds[1], z, false);
      for (let x = xa; x <= xb; x++) for (let y = ya; y <= yb; y++) {
        if (zooms.get(z)?.has(`${x}/${y}`)) continue;
        binary.set(`tiles/${src.area}/${z}/${x}/${y}.pbf`, EMPTY);
        report.emptyTiles++;
      }
    }
  }
  report.areas = byArea.size;
  report.sources = sources.length;
  files.set('geo/streets.json', JSON.stringify({ attribution: d.attribution, note: d.note, tiles: 'tiles/{area}/{z}/{x}/{y}.pbf', layer: 'transportation', names: 'transportation_name', classes: ROAD_CLASSES, sources }) + '\n');

  // Each neighbourhood map: its roads and street names, from the detailed tiles.
  for (const { slug, bbox } of d.maps) {
    const z = d.detailZoom;
    const [x0, y0] = tileOf(bbox[0], bbox[3], z);
    const [x1, y1] = tileOf(bbox[2], bbox[1], z, false);
    const roads: Record<string, number[][][]> = { main: [], minor: [], rail: [] };
    const names = new Map<string, { name: string; cls: string; at: [number, number]; length: number }>();
    let used = 0;
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
      const bytes = [...byArea.values()].map((zs) => zs.get(z)?.get(`${x}/${y}`)).filter((b): b is Uint8Array => !!b);
      if (bytes.length) used++;
      // A tile's features reach past its edge (the buffer): clip each to its own tile, and to the map.
      const tb = tileBox(z, x, y);
      const clip: BBox = [Math.max(tb[0], bbox[0]), Math.max(tb[1], bbox[1]), Math.min(tb[2], bbox[2]), Math.min(tb[3], bbox[3])];
      for (const b of bytes) {
        const tile = new VectorTile(new PbfReader(b));
        const roadLayer = tile.layers.transportation;
        for (let i = 0; roadLayer && i < roadLayer.length; i++) {
          const f = roadLayer.feature(i);
          const kind = ROAD_CLASSES[String(f.properties.class)];
          if (!kind || f.type !== 2) continue;
          for (const line of clipped(f.toGeoJSON(x, y, z).geometry, clip)) roads[kind].push(line);
        }
        const nameLayer = tile.layers.transportation_name;
        for (let i = 0; nameLayer && i < nameLayer.length; i++) {
          const f = nameLayer.feature(i);
          const name = String(f.properties['name:latin'] ?? '').trim();
          if (!name || ROAD_CLASSES[String(f.properties.class)] === undefined || f.type !== 2) continue;
          for (const line of clipped(f.toGeoJSON(x, y, z).geometry, clip)) {
            const length = lineLength(line);
            const key = streetKey(name);
            const prev = names.get(key);
            if (!prev || length > prev.length) names.set(key, { name, cls: String(f.properties.class), at: midpoint(line), length });
          }
        }
      }
    }
    const r5 = (v: number) => round(v, 5);
    const compact = (lines: number[][][]) => lines.map((l) => l.map(([a, b]) => [r5(a), r5(b)]));
    const named = [...names.values()].sort((a, b) => rankOf(a.cls) - rankOf(b.cls) || b.length - a.length || a.name.localeCompare(b.name, 'en-GB'));
    files.set(`geo/streets/${slug}.json`, JSON.stringify({ bbox, main: compact(roads.main), minor: compact(roads.minor), rail: compact(roads.rail), names: named.map((n) => [n.name, n.cls, r5(n.at[0]), r5(n.at[1])]) }) + '\n');
    report.maps.push({ slug, tiles: used, roads: roads.main.length + roads.minor.length, names: named.length });
  }
  return { files, binary, report };
}

const rankOf = (cls: string) => ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'minor', 'rail'].indexOf(cls);

function clipped(g: GeoJSON.Geometry, box: BBox): number[][][] {
  if (g.type !== 'LineString' && g.type !== 'MultiLineString') return [];
  const c = bboxClip({ type: 'Feature', properties: {}, geometry: g }, box).geometry;
  const lines = c.type === 'LineString' ? [c.coordinates] : c.type === 'MultiLineString' ? c.coordinates : [];
  return lines.filter((l) => l.length > 1);
}

function boxOfTiles(tiles: Map<string, unknown>, z: number): BBox {
  const b: BBox = [180, 90, -180, -90];
  for (const k of tiles.keys()) {
    const [x, y] = k.split('/').map(Number);
    const t = tileBox(z, x, y);
    b[0] = Math.min(b[0], t[0]); b[1] = Math.min(b[1], t[1]); b[2] = Math.max(b[2], t[2]); b[3] = Math.max(b[3], t[3]);
  }
  // Rounded inward, so that the box never reaches into a neighbouring tile (a map asks for every tile its source's bounds touch).
  const k = 1e5;
  return [Math.ceil(b[0] * k + 1e-6) / k, Math.ceil(b[1] * k + 1e-6) / k, Math.floor(b[2] * k - 1e-6) / k, Math.floor(b[3] * k - 1e-6) / k];
}

/** Groups tiles "x/y" that touch (edge or corner) into clusters. */
function clusters(keys: string[]): string[][] {
  const left = new Set(keys);
  const out: string[][] = [];
  for (const k of [...keys].sort()) {
    if (!left.has(k)) continue;
    const group: string[] = [];
    const todo = [k];
    left.delete(k);
    while (todo.length) {
      const c = todo.pop()!;
      group.push(c);
      const [x, y] = c.split('/').map(Number);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        const n = `${x + dx}/${y + dy}`;
        if (left.has(n)) { left.delete(n); todo.push(n); }
      }
    }
    out.push(group.sort());
  }
  return out;
}

/** The streets stage's inputs: the configured sources, their tiles (taken from the raw files), and each neighbourhood map's box. */
export function streetsInputs(cfg: Config, tiles: Map<string, Uint8Array>, resolved: ResolvedNeighbourhood[], geometry2021: VintageGeometry): StreetsInputs {
  const placed = geometry2021.placements.neighbourhood;
  return { ...cfg.geographies.streets!, tiles, maps: resolved.filter((n) => placed[n.config.slug]).map((n) => ({ slug: n.config.slug, bbox: mapBox(placed[n.config.slug].bbox) })) };
}

/**
 * One street's key among its spellings in OpenStreetMap: "Saint Oswalds Street" and "St Oswalds
 * Street" (two ways of one street) are labelled once, by the spelling of its longest piece.
 */
export function streetKey(name: string): string {
  return name.replace(/\bSaint\b/g, 'St').replace(/\bSt\.(?=\s)/g, 'St').replace(/\s+/g, ' ').trim().toLowerCase();
}
