/**
 * Small planar geometry helpers on lon/lat coordinates, shared by the pipeline (label points,
 * boxes) and the site (SVG drawn at build time). Planar on purpose: it is indifferent to ring
 * winding, which spherical libraries read as inside-out polygons.
 */
export type Position = readonly [number, number] | readonly number[];
export type Ring = readonly Position[];
export type PolygonCoords = readonly Ring[];
export type BBox = [number, number, number, number];

/** Polygons of a Polygon or MultiPolygon geometry. */
export function polygonsOf(g: GeoJSON.Geometry | null | undefined): PolygonCoords[] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** Signed area of a ring (shoelace), in squared degrees. */
export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

/** Bounding box of any number of geometries. */
export function bboxOf(geoms: (GeoJSON.Geometry | null | undefined)[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geoms) for (const p of polygonsOf(g)) for (const r of p) for (const [x, y] of r as number[][]) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

/** Area-weighted centroid of the largest polygon's outer ring: where a label goes. */
export function labelPoint(g: GeoJSON.Geometry): [number, number] {
  let best: Ring | null = null;
  let bestArea = -1;
  for (const p of polygonsOf(g)) {
    const a = Math.abs(ringArea(p[0]));
    if (a > bestArea) [best, bestArea] = [p[0], a];
  }
  if (!best) return [NaN, NaN];
  let cx = 0, cy = 0, a2 = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const f = best[j][0] * best[i][1] - best[i][0] * best[j][1];
    cx += (best[j][0] + best[i][0]) * f;
    cy += (best[j][1] + best[i][1]) * f;
    a2 += f;
  }
  if (a2 === 0) return [best[0][0], best[0][1]];
  return [cx / (3 * a2), cy / (3 * a2)];
}

/** Whether a point lies inside a geometry (even-odd over every ring, so holes count). */
export function contains(g: GeoJSON.Geometry | null | undefined, [x, y]: readonly [number, number]): boolean {
  for (const p of polygonsOf(g)) {
    let inside = false;
    for (const r of p) for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i], [xj, yj] = r[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (inside) return true;
  }
  return false;
}

/** The box a neighbourhood's map shows: its outline's box with 35% of its size added on every side. */
export function mapBox([x0, y0, x1, y1]: BBox): BBox {
  const px = (x1 - x0) * 0.35, py = (y1 - y0) * 0.35;
  return [x0 - px, y0 - py, x1 + px, y1 + py];
}

/** A line's length in degrees of latitude (longitude scaled by the cosine of latitude): for comparing lengths. */
export function lineLength(l: readonly Position[]): number {
  let s = 0;
  for (let i = 1; i < l.length; i++) s += Math.hypot((l[i][0] - l[i - 1][0]) * Math.cos((l[i][1] * Math.PI) / 180), l[i][1] - l[i - 1][1]);
  return s;
}

/** The point halfway along a line: where a street's name goes. */
export function midpoint(l: readonly Position[]): [number, number] {
  const half = lineLength(l) / 2;
  let s = 0;
  for (let i = 1; i < l.length; i++) {
    const step = lineLength([l[i - 1], l[i]]);
    if (s + step >= half && step > 0) { const t = (half - s) / step; return [l[i - 1][0] + t * (l[i][0] - l[i - 1][0]), l[i - 1][1] + t * (l[i][1] - l[i - 1][1])]; }
    s += step;
  }
  return [l[0][0], l[0][1]];
}
