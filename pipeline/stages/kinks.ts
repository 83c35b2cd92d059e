/**
 * Where a polygon's rings cross or touch themselves or each other: the same points, in the same
 * order, as `@turf/kinks`, which tries every pair of segments (O(n²) per feature, and an object
 * allocated for each pair: about 3 s and much of the garbage collection of an England build).
 * Here only pairs whose boxes overlap are tried (segments that meet share a point, so their boxes
 * touch), found by a sweep over the segments sorted by their west edge; each pair is then tried
 * in the order and with the arguments turf would use, so the points are identical.
 */

type Ring = GeoJSON.Position[];

/** turf's segment intersection (its lineIntersects), returning the point or null. */
function meet(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, x4: number, y4: number): [number, number] | null {
  const d = (y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1);
  if (d === 0) return null;
  const a0 = y1 - y3, b0 = x1 - x3;
  const a = ((x4 - x3) * a0 - (y4 - y3) * b0) / d;
  const b = ((x2 - x1) * a0 - (y2 - y1) * b0) / d;
  return a >= 0 && a <= 1 && b >= 0 && b <= 1 ? [x1 + a * (x2 - x1), y1 + a * (y2 - y1)] : null;
}

/** Does turf try segment i of ring r against segment k of ring s (in that order)? */
function tried(rings: Ring[], r: number, i: number, s: number, k: number): boolean {
  if (k < i) return false;
  if (r !== s) return true;
  if (Math.abs(i - k) === 1) return false;
  const ring = rings[r];
  const closed = ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
  return !(i === 0 && k === ring.length - 2 && closed);
}

export function kinkPoints(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number][] {
  const rings: Ring[] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  // Every segment as [ring, index, west, east, south, north], sorted by its west edge.
  const segs: [number, number, number, number, number, number][] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i], [x2, y2] = ring[i + 1];
      segs.push([r, i, Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)]);
    }
  });
  segs.sort((p, q) => p[2] - q[2]);
  // Each try as [ring1, ring2, i, k]: turf's loops run ring1, ring2, i, then k.
  const tries: [number, number, number, number][] = [];
  // A margin far below the coordinates' precision, so that rounding never hides a pair turf would find.
  const eps = 1e-9;
  for (let p = 0; p < segs.length; p++) {
    const [r, i, , east, south, north] = segs[p];
    for (let q = p + 1; q < segs.length && segs[q][2] <= east + eps; q++) {
      const [s, k, , , s2, n2] = segs[q];
      if (s2 > north + eps || n2 < south - eps) continue;
      if (tried(rings, r, i, s, k)) tries.push([r, s, i, k]);
      if (tried(rings, s, k, r, i)) tries.push([s, r, k, i]);
    }
  }
  tries.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const out: [number, number][] = [];
  for (const [r, s, i, k] of tries) {
    const l1 = rings[r], l2 = rings[s];
    const m = meet(l1[i][0], l1[i][1], l1[i + 1][0], l1[i + 1][1], l2[k][0], l2[k][1], l2[k + 1][0], l2[k + 1][1]);
    if (m) out.push(m);
  }
  return out;
}
