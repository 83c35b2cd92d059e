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
  // Every segment's ring, index and box, in typed arrays (no object per segment), and the segments' order by west edge.
  let n = 0;
  for (const ring of rings) n += Math.max(0, ring.length - 1);
  const ringOf = new Int32Array(n), indexOf = new Int32Array(n);
  const west = new Float64Array(n), east = new Float64Array(n), south = new Float64Array(n), north = new Float64Array(n);
  let at = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 0; i < ring.length - 1; i++, at++) {
      const a = ring[i], b = ring[i + 1];
      ringOf[at] = r; indexOf[at] = i;
      west[at] = Math.min(a[0], b[0]); east[at] = Math.max(a[0], b[0]);
      south[at] = Math.min(a[1], b[1]); north[at] = Math.max(a[1], b[1]);
    }
  }
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((p, q) => west[p] - west[q]);
  // Each try as (ring1, ring2, i, k), four to a row: turf's loops run ring1, ring2, i, then k.
  let tries = new Int32Array(64);
  let count = 0;
  const add = (r: number, s: number, i: number, k: number) => {
    if (count * 4 + 4 > tries.length) { const more = new Int32Array(tries.length * 2); more.set(tries); tries = more; }
    tries[count * 4] = r; tries[count * 4 + 1] = s; tries[count * 4 + 2] = i; tries[count * 4 + 3] = k;
    count++;
  };
  // A margin far below the coordinates' precision, so that rounding never hides a pair turf would find.
  const eps = 1e-9;
  for (let p = 0; p < n; p++) {
    const a = order[p];
    const r = ringOf[a], i = indexOf[a];
    for (let q = p + 1; q < n && west[order[q]] <= east[a] + eps; q++) {
      const b = order[q];
      if (south[b] > north[a] + eps || north[b] < south[a] - eps) continue;
      const s2 = ringOf[b], k = indexOf[b];
      if (tried(rings, r, i, s2, k)) add(r, s2, i, k);
      if (tried(rings, s2, k, r, i)) add(s2, r, k, i);
    }
  }
  const rows = new Uint32Array(count);
  for (let t = 0; t < count; t++) rows[t] = t;
  rows.sort((x, y) => tries[x * 4] - tries[y * 4] || tries[x * 4 + 1] - tries[y * 4 + 1] || tries[x * 4 + 2] - tries[y * 4 + 2] || tries[x * 4 + 3] - tries[y * 4 + 3]);
  const out: [number, number][] = [];
  for (let t = 0; t < count; t++) {
    const j = rows[t] * 4;
    const l1 = rings[tries[j]], l2 = rings[tries[j + 1]], i = tries[j + 2], k = tries[j + 3];
    const m = meet(l1[i][0], l1[i][1], l1[i + 1][0], l1[i + 1][1], l2[k][0], l2[k][1], l2[k + 1][0], l2[k + 1][1]);
    if (m) out.push(m);
  }
  return out;
}
