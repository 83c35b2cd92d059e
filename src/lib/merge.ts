/**
 * Areas merged into one shape along the arcs they share (councils from their small areas, a
 * map's classes dissolved, a drawn area's outline), with every ring closed.
 *
 * topojson-client's `merge` stitches the outer arcs by keeping one open piece per end point; where
 * an outline touches itself at a point (an estuary closing to a point, a lake touching the coast),
 * two pieces meet there, one is forgotten and the shape comes out as open rings: filled wrongly
 * on the map, and as holes in the vector tiles. It also takes for outer arcs the spikes that
 * simplifying leaves where a thin area collapses. Here the rings are added up as chains (shared
 * arcs and spikes cancel) and the arcs left are walked as a graph: every point has as many arcs
 * leaving as arriving, so every walk closes. Rings turning the same
 * way as the largest are outlines of their own, the others are holes of the smallest outline
 * around them.
 */
import { feature } from 'topojson-client';
import type { GeometryObject, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';

type Ring = number[];
type Polygon = Ring[];

/** The merged shape, as arcs of the topology (as topojson-client's `mergeArcs`). */
export function mergeArcs(topology: Topology, objects: GeometryObject[]): TopoMultiPolygon {
  const polygons: Polygon[] = [];
  const collect = (o: GeometryObject) => {
    if (o.type === 'GeometryCollection') o.geometries.forEach(collect);
    else if (o.type === 'Polygon') polygons.push(o.arcs);
    else if (o.type === 'MultiPolygon') polygons.push(...o.arcs);
  };
  objects.forEach(collect);
  const byArc = new Map<number, number[]>();
  polygons.forEach((p, k) => { for (const ring of p) for (const a of ring) pushTo(byArc, a < 0 ? ~a : a, k); });
  const coords = arcCoordinates(topology);
  const out: number[][][] = [];
  for (const group of groups(polygons, byArc)) {
    out.push(...nest(walk(outerArcs(group.map((k) => polygons[k])), coords), coords));
  }
  return { type: 'MultiPolygon', arcs: out };
}

/** The merged shape as GeoJSON (as topojson-client's `merge`). */
export function merge(topology: Topology, objects: GeometryObject[]): GeoJSON.MultiPolygon {
  return feature(topology, mergeArcs(topology, objects)).geometry as GeoJSON.MultiPolygon;
}

/**
 * The arcs left when the group's rings are added up, each way it is walked counting against the
 * other: shared borders cancel, and so do the spikes that simplifying leaves where a thin area
 * collapses (an arc walked out and back), which a count of users alone would take for outer arcs.
 */
function outerArcs(polygons: Polygon[]): number[] {
  const net = new Map<number, number>();
  for (const p of polygons) for (const ring of p) for (const a of ring) { const i = a < 0 ? ~a : a; net.set(i, (net.get(i) ?? 0) + (a < 0 ? -1 : 1)); }
  const out: number[] = [];
  for (const [i, n] of net) for (let k = 0; k < Math.abs(n); k++) out.push(n > 0 ? i : ~i);
  return out;
}

function pushTo<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Polygons joined by shared arcs, as lists of indices. */
function groups(polygons: Polygon[], byArc: Map<number, number[]>): number[][] {
  const seen = new Uint8Array(polygons.length);
  const out: number[][] = [];
  for (let start = 0; start < polygons.length; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    const group: number[] = [], todo = [start];
    for (let k = todo.pop(); k !== undefined; k = todo.pop()) {
      group.push(k);
      for (const ring of polygons[k]) for (const a of ring) for (const n of byArc.get(a < 0 ? ~a : a)!) if (!seen[n]) { seen[n] = 1; todo.push(n); }
    }
    out.push(group);
  }
  return out;
}

/** Each arc's positions (decoded from the topology's quantized deltas where it has a transform). */
function arcCoordinates(t: Topology): (i: number) => number[][] {
  const cache = new Map<number, number[][]>();
  return (i) => {
    let c = cache.get(i);
    if (!c) {
      const arc = t.arcs[i];
      if (t.transform) { let x = 0, y = 0; c = arc.map(([dx, dy]) => [(x += dx), (y += dy)]); }
      else c = arc;
      cache.set(i, c);
    }
    return c;
  };
}

const ends = (a: number, coords: (i: number) => number[][]): [string, string] => {
  const c = coords(a < 0 ? ~a : a);
  const first = String(c[0]), last = String(c[c.length - 1]);
  return a < 0 ? [last, first] : [first, last];
};

/** Outer arcs walked into closed rings: from each point, any arc not yet taken; a ring ends where it began. */
function walk(arcs: number[], coords: (i: number) => number[][]): Ring[] {
  const leaving = new Map<string, number[]>();
  for (const a of arcs) pushTo(leaving, ends(a, coords)[0], a);
  const rings: Ring[] = [];
  for (const [, list] of leaving) {
    while (list.length) {
      const first = list.shift()!;
      const ring = [first];
      const [home, from] = ends(first, coords);
      let at = from;
      while (at !== home) {
        const next = leaving.get(at)?.shift();
        if (next === undefined) break; // an outline that does not close: kept as it is rather than lost
        ring.push(next);
        at = ends(next, coords)[1];
      }
      rings.push(ring);
    }
  }
  return rings;
}

/** A ring's positions in order. */
function positions(ring: Ring, coords: (i: number) => number[][]): number[][] {
  const out: number[][] = [];
  for (const a of ring) {
    const c = coords(a < 0 ? ~a : a);
    const seq = a < 0 ? [...c].reverse() : c;
    out.push(...(out.length ? seq.slice(1) : seq));
  }
  return out;
}

/** Twice the signed area, in the topology's units. */
function signedArea(p: number[][]): number {
  let s = 0;
  const [x0, y0] = p[0];
  for (let k = 1; k < p.length - 1; k++) s += (p[k][0] - x0) * (p[k + 1][1] - y0) - (p[k + 1][0] - x0) * (p[k][1] - y0);
  return s;
}

function contains(p: number[][], [x, y]: number[]): boolean {
  let inside = false;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
    const [xi, yi] = p[i], [xj, yj] = p[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Rings sorted into outlines and their holes; rings with no area are left out. */
function nest(rings: Ring[], coords: (i: number) => number[][]): Polygon[] {
  const measured = rings.map((ring) => { const p = positions(ring, coords); return { ring, p, area: signedArea(p) }; }).filter((r) => r.area !== 0);
  if (measured.length === 0) return [];
  const sign = Math.sign(measured.reduce((a, b) => (Math.abs(b.area) > Math.abs(a.area) ? b : a)).area);
  const outlines = measured.filter((r) => Math.sign(r.area) === sign).sort((a, b) => Math.abs(b.area) - Math.abs(a.area));
  const polygons: Polygon[] = outlines.map((r) => [r.ring]);
  for (const hole of measured.filter((r) => Math.sign(r.area) !== sign)) {
    // The middle of the hole's first side lies inside its outline (a hole meets its outline only at points).
    const [a, b] = [hole.p[0], hole.p.find((q) => q[0] !== hole.p[0][0] || q[1] !== hole.p[0][1])!];
    const probe = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    let k = -1;
    outlines.forEach((o, i) => { if (contains(o.p, probe)) k = i; }); // the last that holds it is the smallest
    polygons[k < 0 ? 0 : k].push(hole.ring);
  }
  return polygons;
}
