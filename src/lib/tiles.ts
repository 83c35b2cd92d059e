/**
 * The atlas's vector tiles, as the pipeline writes them and the map reads them: which tiles
 * cover a box (web mercator, the XYZ scheme) and how a tile is named in `geo/tiles.json`'s list
 * of the tiles that exist.
 */
import type { BBox } from './planar.ts';

/** One pyramid of `geo/tiles.json`, as a MapLibre vector source takes it. */
export interface Pyramid {
  /** Address of a tile under data/, with {z}, {x} and {y}. */
  tiles: string;
  minzoom: number;
  maxzoom: number;
  bounds: BBox;
  /** Per zoom, the tiles that exist (key: y * 2^z + x), ascending. */
  present: Record<string, number[]>;
}

/** One vintage's pyramids: small areas (layer `lsoa`), and councils (`lad`) with neighbourhoods (`nb`). */
export interface VintageTiles {
  lsoa: Pyramid;
  lad: Pyramid;
  /** The `lad` and `nb` layers' ids: feature id = index here. */
  lads: { code: string; name: string }[];
  neighbourhoods: { slug: string; name: string }[];
  /** How many small areas (feature ids 0 … areas - 1, their order in areas/lsoa-<vintage>.json). */
  areas: number;
}

/** geo/tiles.json */
/** geo/tiles.json; `extent` gives the tiles' units across at the deepest zoom and below it. */
export interface TilesIndex { extent: Record<string, number>; vintages: Record<string, VintageTiles> }

/**
 * geo/boxes-<vintage>.json: each small area's box and label point, six numbers per area in the
 * order of areas/lsoa-<vintage>.json (west, south, east, north, label longitude, latitude), for
 * selecting, searching and stepping through areas without their outlines.
 */
export interface BoxesFile { vintage: number; areas: number; boxes: number[] }

/** A tile's key in the index's `present` lists: y * 2^z + x. */
export const tileKey = (z: number, x: number, y: number): number => y * 2 ** z + x;

/** Web mercator: longitude and latitude to 0..1 across and down the world, and back from down to latitude. */
const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => { const s = Math.sin((lat * Math.PI) / 180); return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI); };
const mercLat = (v: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * v))) * 180) / Math.PI;

const tileX = (lon: number, z: number) => Math.floor(mercX(lon) * 2 ** z);
const tileY = (lat: number, z: number) => Math.floor(mercY(Math.max(-85.05, Math.min(85.05, lat))) * 2 ** z);

/** The tiles at zoom z that a box [west, south, east, north] touches: [x0, y0, x1, y1], inclusive. */
export function tileRange(b: BBox, z: number): [number, number, number, number] {
  const n = 2 ** z - 1;
  const c = (v: number) => Math.max(0, Math.min(n, v));
  return [c(tileX(b[0], z)), c(tileY(b[3], z)), c(tileX(b[2], z)), c(tileY(b[1], z))];
}

/** The padding of the map's first view: the credits sit along its foot, so it leaves room for them (more on a phone, where they wrap). */
export const firstViewPadding = (width: number) => ({ top: 8, left: 8, right: 8, bottom: width > 640 ? 40 : 96 });

/**
 * The box a map of width × height may be moved within, around the box it first shows: that box
 * with `k` of its size added on every side, widened (or heightened) to the map's own shape so
 * that the first view, fitted to the box, lies within it. MapLibre zooms in until the view fits
 * its bounds: bounds narrower than a wide map's view would crop the first view top and bottom.
 */
export function movableBounds(b: BBox, width: number, height: number, k: number): BBox {
  // In web mercator units: the padded box, then grown about its middle to the map's shape (with a tenth to spare).
  let [x0, x1, y0, y1] = [mercX(b[0]), mercX(b[2]), mercY(b[3]), mercY(b[1])];
  const dx = (x1 - x0) * k, dy = (y1 - y0) * k;
  [x0, x1, y0, y1] = [x0 - dx, x1 + dx, y0 - dy, y1 + dy];
  const w = x1 - x0, h = y1 - y0;
  if (width > 0 && height > 0) {
    const shape = (width / height) * 1.1;
    if (w < h * shape) { const grow = (h * shape - w) / 2; x0 -= grow; x1 += grow; }
    else if (h < w / shape) { const grow = (w / shape - h) / 2; y0 -= grow; y1 += grow; }
  }
  return [x0 * 360 - 180, mercLat(Math.min(1, y1)), x1 * 360 - 180, mercLat(Math.max(0, y0))];
}

/** The zoom at which a map of width × height fits a box with that padding (web mercator, 512-pixel tiles, as MapLibre fits it). */
export function fitZoom(b: BBox, width: number, height: number): number {
  const p = firstViewPadding(width);
  const sx = (width - p.left - p.right) / (512 * (mercX(b[2]) - mercX(b[0]))), sy = (height - p.top - p.bottom) / (512 * (mercY(b[1]) - mercY(b[3])));
  return Math.log2(Math.min(sx, sy));
}

/** The tiles a pyramid has for a box at a map zoom (MapLibre asks for the whole zoom below, within the pyramid's zooms). */
export function tilesFor(p: Pyramid, b: BBox, zoom: number): string[] {
  const z = Math.max(p.minzoom, Math.min(p.maxzoom, Math.floor(zoom)));
  if (zoom < p.minzoom) return [];
  const [x0, y0, x1, y1] = tileRange(b, z);
  const out: string[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (tileExists(p.present, z, x, y)) out.push(p.tiles.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)));
  return out;
}

/** The box [west, south, east, north] of tile z/x/y, grown by `pad` of a tile on every side. */
export function tileBox(z: number, x: number, y: number, pad = 0): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (t: number) => (t / n) * 360 - 180;
  const lat = (t: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
  return [lon(x - pad), lat(y + 1 + pad), lon(x + 1 + pad), lat(y - pad)];
}

/** Whether tile z/x/y exists in a pyramid's `present` lists. */
export function tileExists(present: Record<string, number[]>, z: number, x: number, y: number): boolean {
  const keys = present[z];
  if (!keys) return false;
  const k = tileKey(z, x, y);
  let lo = 0, hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] === k) return true;
    if (keys[mid] < k) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}
