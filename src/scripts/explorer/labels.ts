/**
 * The interactive map's labels, in HTML: the neighbourhoods (links, always shown) and, once
 * the map is ready, place names from OS Open Names at the zooms where they help (cities from
 * zoom 8.5, towns from 9.5, suburbs from 11.5, villages from 12.5) and street names from 14.
 * After every move they are laid out again by the same placement as the maps drawn at build
 * time (src/lib/labels.ts), with their measured sizes: none overlaps another or runs off the map.
 */
import { Marker, type Map as MapLibre } from 'maplibre-gl';
import { placeLabels, PLACE_RANK, splitLabel, type LabelItem } from '../../lib/labels.ts';

interface Entry { marker: Marker; el: HTMLElement; lngLat: [number, number]; required: boolean; size?: [number, number]; wrapSize?: [number, number] }

/** The zoom from which each kind of place is named. */
const FROM_ZOOM: Record<string, number> = { C: 8.5, T: 9.5, S: 11.5, V: 12.5 };
/** The zoom from which street names are shown. */
const STREETS_FROM = 14;
/** At most this many place names (and as many street names) are considered at once (the most important in view). */
const MAX_PLACES = 60;

export class MapLabels {
  private nbs: Entry[] = [];
  private places = new Map<string, Entry>();
  private all: [string, string, number, number][] = [];
  private streets: [string, number, number][] = [];
  private map: MapLibre;
  constructor(map: MapLibre) {
    this.map = map;
    map.on('moveend', () => this.layout());
    map.on('resize', () => this.layout());
    // The controls change size as sources load (the attribution grows, and may wrap): lay out
    // again whenever one of the map's corners changes size, and once the map settles.
    map.on('idle', () => this.layout());
    if ('ResizeObserver' in window) {
      let queued = false;
      const ro = new ResizeObserver(() => { if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; this.layout(); }); } });
      map.getContainer().querySelectorAll('.maplibregl-ctrl-top-left, .maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right').forEach((c) => ro.observe(c));
    }
  }

  /** A neighbourhood's label: a link to its page, kept in the tab order once (the page lists the same links). */
  addNeighbourhood(name: string, href: string, at: [number, number]): void {
    const a = document.createElement('a');
    a.className = 'map-label';
    // Two parts, so that a label with no room on one line can take two (the class "wrapped").
    const parts = splitLabel(name);
    if (parts) a.append(Object.assign(document.createElement('span'), { textContent: parts[0] }), ' ', Object.assign(document.createElement('span'), { textContent: parts[1] }));
    else a.textContent = name;
    a.href = href;
    a.tabIndex = -1;
    this.nbs.push({ el: a, lngLat: at, required: true, marker: new Marker({ element: a, anchor: 'top-left' }).setLngLat(at).addTo(this.map) });
  }

  /** Place names, [name, kind, lon, lat], most important first. */
  setPlaces(places: [string, string, number, number][]): void {
    this.all = places.filter((p) => p[1] in PLACE_RANK);
    this.layout();
  }

  /** Street names, [name, lon, lat], shown from zoom 14 where there is room after the place names (set again as tiles load). */
  setStreets(names: [string, number, number][]): void {
    this.streets = names;
    this.layout();
  }

  layout(): void {
    const map = this.map;
    const frame = map.getContainer().getBoundingClientRect();
    const { width, height } = frame;
    // Controls, with a few pixels around them: markers are drawn at whole pixels, so a label placed flush against a control could cover it by a fraction.
    const PAD = 4;
    const controls = [...map.getContainer().querySelectorAll('.maplibregl-ctrl')].map((c): [number, number, number, number] => { const r = c.getBoundingClientRect(); return [r.left - frame.left - PAD, r.top - frame.top - PAD, r.right - frame.left + PAD, r.bottom - frame.top + PAD]; });
    const z = map.getZoom();
    const b = map.getBounds();
    const wanted = [
      ...this.all.filter(([, k, lon, lat]) => z >= FROM_ZOOM[k] && b.contains([lon, lat])).slice(0, MAX_PLACES),
      ...(z >= STREETS_FROM ? this.streets.filter(([, lon, lat]) => b.contains([lon, lat])).slice(0, MAX_PLACES).map(([n, lon, lat]): [string, string, number, number] => [n, 'R', lon, lat]) : []),
    ];
    const keyOf = (p: [string, string, number, number]) => `${p[0]}|${p[2]}|${p[3]}`;
    const keys = new Set(wanted.map(keyOf));
    for (const [k, e] of this.places) if (!keys.has(k)) { e.marker.remove(); this.places.delete(k); }
    for (const p of wanted) {
      const k = keyOf(p);
      if (this.places.has(k)) continue;
      const el = document.createElement('span');
      el.className = `map-place k${p[1]}`;
      el.textContent = p[0];
      el.setAttribute('aria-hidden', 'true');
      this.places.set(k, { el, lngLat: [p[2], p[3]], required: false, marker: new Marker({ element: el, anchor: 'top-left' }).setLngLat([p[2], p[3]]).addTo(map) });
    }
    const entries = [...this.nbs, ...wanted.map((p) => this.places.get(keyOf(p))!)];
    for (const e of entries) {
      e.el.style.visibility = '';
      if (e.size) continue;
      e.el.classList.remove('wrapped');
      e.size = [e.el.offsetWidth, e.el.offsetHeight];
      if (e.required && e.el.children.length === 2) { e.el.classList.add('wrapped'); e.wrapSize = [e.el.offsetWidth, e.el.offsetHeight]; e.el.classList.remove('wrapped'); }
    }
    const items: LabelItem[] = entries.map((e, i) => { const pt = map.project(e.lngLat); return { id: String(i), x: pt.x, y: pt.y, w: e.size![0], h: e.size![1], dot: e.required, required: e.required, ...(e.wrapSize ? { wrap: { w: e.wrapSize[0], h: e.wrapSize[1] } } : {}) }; });
    // A neighbourhood whose point is out of view is not pulled into it.
    const inView = items.filter((it) => it.x >= 0 && it.y >= 0 && it.x <= width && it.y <= height);
    const shown = new Set<number>();
    for (const p of placeLabels(inView, width, height, 2, controls)) {
      const i = Number(p.id);
      shown.add(i);
      entries[i].el.classList.toggle('wrapped', !!p.wrapped);
      entries[i].marker.setOffset([p.box[0] - items[i].x, p.box[1] - items[i].y]);
    }
    entries.forEach((e, i) => { if (!shown.has(i)) e.el.style.visibility = 'hidden'; });
  }
}
