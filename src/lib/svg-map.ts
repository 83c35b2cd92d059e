import { feature, mesh } from 'topojson-client';
import { merge } from './merge.ts';
import type { GeometryObject, Topology } from 'topojson-specification';
import { polygonsOf, type BBox } from './planar.ts';
import { placeLabels, splitLabel, textWidth } from './labels.ts';

/**
 * Maps drawn at build time as SVG: the first view of every map, readable with no JavaScript
 * and no WebGL. Web Mercator (as the interactive map uses), fitted to a box, coordinates
 * rounded to a tenth of a pixel and written relative, to keep the HTML small.
 */
export interface Projection {
  width: number;
  height: number;
  point: (lon: number, lat: number) => [number, number];
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** A projection that fits `bbox` (lon/lat) into `width` pixels, with `pad` pixels around it. */
export function fitProjection(bbox: BBox, width: number, pad = 8): Projection {
  const [x0, y0, x1, y1] = bbox;
  const k = (width - 2 * pad) / ((x1 - x0) * (Math.PI / 180));
  const top = mercY(y1);
  const height = Math.ceil(k * (top - mercY(y0)) + 2 * pad);
  return { width, height, point: (lon, lat) => [pad + k * ((lon - x0) * (Math.PI / 180)), pad + k * (top - mercY(lat))] };
}

/**
 * SVG path data of a polygon, multipolygon or line geometry, in relative moves rounded to
 * `step` pixels. With a step of 1 or more (region-wide and national maps), rings smaller than a pixel
 * and a half are left out, but never a feature's largest.
 */
export function pathOf(g: GeoJSON.Geometry | null, p: Projection, step = 0.1): string {
  if (!g) return '';
  const rings: GeoJSON.Position[][] = g.type === 'MultiLineString' ? g.coordinates : g.type === 'LineString' ? [g.coordinates] : polygonsOf(g).flatMap((poly) => poly as GeoJSON.Position[][]);
  const closed = g.type === 'Polygon' || g.type === 'MultiPolygon';
  const round = (x: number) => Math.round(x / step) * step;
  const fmt = (x: number) => { const v = Math.round(x * 10) / 10; return String(v === 0 ? 0 : v); };
  let d = '';
  const projected = rings.map((ring) => ring.map((pos) => p.point(pos[0], pos[1]).map(round) as [number, number]));
  const span = (pts: [number, number][]) => Math.max(Math.max(...pts.map((q) => q[0])) - Math.min(...pts.map((q) => q[0])), Math.max(...pts.map((q) => q[1])) - Math.min(...pts.map((q) => q[1])));
  const spans = step >= 1 && closed ? projected.map(span) : [];
  // A feature keeps its largest ring however small it is, so that no area drops off the map.
  const largest = spans.indexOf(Math.max(...spans));
  for (const [k, pts] of projected.entries()) {
    if (step >= 1 && closed) {
      if (spans[k] < 1.5 && k !== largest) continue;
      dropFlat(pts, step * step * 0.5);
    }
    let px = 0, py = 0, seg = '', n = 0;
    for (const [x, y] of pts) {
      if (seg === '') seg = `M${fmt(x)} ${fmt(y)}`;
      else {
        const dx = fmt(x - px), dy = fmt(y - py);
        if (dx === '0' && dy === '0') continue;
        // After the first relative line-to, further coordinate pairs repeat it implicitly.
        seg += (n++ === 0 ? 'l' : dx.startsWith('-') ? '' : ' ') + dx + (dy.startsWith('-') ? '' : ' ') + dy;
      }
      px = x; py = y;
    }
    d += closed ? `${seg}z` : seg;
  }
  return d;
}

/** Removes, in place, points that make a triangle smaller than `minArea` (px²) with their neighbours. */
function dropFlat(pts: [number, number][], minArea: number): void {
  let i = 1;
  while (i < pts.length - 1 && pts.length > 4) {
    const [a, b, c] = [pts[i - 1], pts[i], pts[i + 1]];
    const area = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
    if (area < minArea) pts.splice(i, 1);
    else i++;
  }
}

/** Features of one object of a topology, as GeoJSON, keyed by id. */
export function featuresOf(topology: Topology, object: string): Map<string, GeoJSON.Feature> {
  const fc = feature(topology, topology.objects[object] as GeometryObject) as unknown as GeoJSON.FeatureCollection;
  return new Map(fc.features.map((f) => [String(f.id), f]));
}

/** The borders between the given geometries of an object, drawn once each (for thin outlines). */
export function innerBorders(topology: Topology, object: string, keep: (id: string) => boolean): GeoJSON.MultiLineString {
  const obj = topology.objects[object] as { type: 'GeometryCollection'; geometries: GeometryObject[] };
  const sub = { type: 'GeometryCollection' as const, geometries: obj.geometries.filter((g) => keep(String(g.id))) };
  return mesh(topology, sub as never, (a, b) => a !== b);
}

/** Merges the given areas into one multipolygon per key (e.g. per fill colour), on the topology. */
export function dissolveBy(topology: Topology, codes: string[], key: (code: string) => string): Map<string, GeoJSON.MultiPolygon> {
  const obj = topology.objects.lsoa as { type: 'GeometryCollection'; geometries: GeometryObject[] };
  const byId = new Map(obj.geometries.map((g) => [String(g.id), g]));
  const groups = new Map<string, GeometryObject[]>();
  for (const c of codes) {
    const g = byId.get(c);
    if (!g) continue;
    const k = key(c);
    const list = groups.get(k) ?? [];
    list.push(g);
    groups.set(k, list);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b, 'en-GB')).map(([k, gs]) => [k, merge(topology, gs as never) as GeoJSON.MultiPolygon]));
}

/** A label for a map drawn at build time: a neighbourhood (required, with a dot) or a place name (kind C, T, S or V). */
export interface MapLabel { id: string; text: string; lon: number; lat: number; kind?: string; href?: string }
/** A placed label: where its text starts and its (first) baseline, in the SVG's units; a name on two lines has `lines` and the distance between their baselines. */
export interface SvgLabel extends MapLabel {
  x: number; y: number; px: number; py: number; lines?: { text: [string, string]; dy: number }; anchor: 'start' | 'middle' | 'end';
  /** A linked label's area for a tap or click (x, y, width, height): its text and dot, at least 1.7 lines high, so that a finger finds it (the text alone was 16 px high on a phone). */
  hit?: [number, number, number, number];
}

/** The box of a label's text and its dot (3 units of radius, with room around it), grown about its middle to at least `min` high, in whole units. */
function hitArea([x0, y0, x1, y1]: [number, number, number, number], [px, py]: [number, number], min: number): [number, number, number, number] {
  const [l, t, r, b] = [Math.min(x0, px - 6), Math.min(y0, py - 6), Math.max(x1, px + 6), Math.max(y1, py + 6)];
  const grow = Math.max(0, min - (b - t)) / 2;
  return [Math.round(l), Math.round(t - grow), Math.round(r - l), Math.round(b - t + 2 * grow)];
}

/** Two tap areas that overlap (grown labels close together) share the rows between them at its middle: a tap goes to the nearer label. */
function splitOverlaps(labels: SvgLabel[]): SvgLabel[] {
  const hits = labels.filter((l) => l.hit).map((l) => l.hit!);
  for (const a of hits) for (const b of hits) {
    if (a === b || a[1] > b[1]) continue;
    const across = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
    const overlap = a[1] + a[3] - b[1];
    if (across <= 0 || overlap <= 0) continue;
    // a is the upper: it ends, and b starts, halfway through the rows both hold.
    const mid = Math.round(b[1] + overlap / 2);
    b[3] -= mid - b[1];
    b[1] = mid;
    a[3] = mid - a[1];
  }
  return labels;
}

/**
 * Two placements of a map's labels: one for wide screens at `size` units, and one for phones,
 * where the SVG is drawn about half size, at `narrowSize` units so that no text is drawn under
 * 11 px on a 390 px phone (place and street names at 0.92 of it).
 * Place names yield to neighbourhood labels and to each other; none runs off the map.
 */
export function svgLabels(p: Projection, nbs: MapLabel[], places: MapLabel[], size = 12, narrowSize = 22): { wide: SvgLabel[]; narrow: SvgLabel[] } {
  const at = (s: number): SvgLabel[] => {
    const all = [...nbs.map((l) => ({ l, dot: true })), ...places.map((l) => ({ l, dot: false }))];
    const pts = all.map(({ l }) => p.point(l.lon, l.lat));
    const lh = s * 1.25;
    const split = all.map(({ l, dot }) => (dot ? splitLabel(l.text) : null));
    const items = all.map(({ l, dot }, i) => ({ id: String(i), x: pts[i][0], y: pts[i][1], w: textWidth(l.text, dot ? s : s * 0.92), h: lh, dot, required: dot, ...(split[i] ? { wrap: { w: Math.max(...split[i]!.map((t) => textWidth(t, s))), h: 2 * lh } } : {}) }))
      .filter((it) => it.x >= 0 && it.y >= 0 && it.x <= p.width && it.y <= p.height);
    return splitOverlaps(placeLabels(items, p.width, p.height).map((pl) => {
      const i = Number(pl.id);
      // Widths are estimated generously: the text is anchored at the side of its box nearest its point, so it ends beside the dot, not short of it.
      const [bx0, , bx1] = pl.box;
      const anchor = bx1 <= pts[i][0] ? 'end' : bx0 >= pts[i][0] ? 'start' : 'middle';
      const at = { ...all[i].l, x: Math.round(anchor === 'end' ? bx1 : anchor === 'start' ? bx0 : (bx0 + bx1) / 2), y: Math.round(pl.box[3] - s * 0.27), px: Math.round(pts[i][0]), py: Math.round(pts[i][1]), anchor } as const;
      const placed: SvgLabel = pl.wrapped ? { ...at, y: Math.round(pl.box[1] + lh - s * 0.27), lines: { text: split[i]!, dy: Math.round(lh) } } : at;
      return all[i].l.href ? { ...placed, hit: hitArea(pl.box, pts[i], 1.7 * lh) } : placed;
    }));
  };
  return { wide: at(size), narrow: at(narrowSize) };
}
