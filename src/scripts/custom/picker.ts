/**
 * Picking small areas on a map: SVG maps of the shown councils' small areas, drawn in the
 * browser from their topologies (one map per group of councils that touch). A click or tap adds
 * or removes an area; with the keyboard each map is one tab stop, the arrow keys move to the
 * nearest area in that direction (N and P step in order), Space or Enter adds or removes the
 * outlined area, and each change is announced.
 */
import { feature } from 'topojson-client';
import { merge } from '../../lib/merge.ts';
import type { GeometryObject, Topology } from 'topojson-specification';
import { fitProjection, pathOf, svgLabels, type Projection, type SvgLabel } from '../../lib/svg-map.ts';
import { placesIn, type Place } from '../../lib/labels.ts';
import { bboxOf, contains, labelPoint, type BBox } from '../../lib/planar.ts';
import { el, svgEl } from '../dom.ts';

export interface PickerArea { code: string; name: string; council: string; ward?: string }

export interface PickerOptions {
  root: HTMLElement;
  announce: (text: string) => void;
  toggle: (code: string) => void;
  isChosen: (code: string) => boolean;
}

const WIDTH = 640;

interface Panel { svg: SVGSVGElement; outline: SVGPathElement; order: string[]; projection: Projection; topologies: Topology[]; box: BBox; lads: GeoJSON.Geometry[]; scale?: number }

/** Place names of kinds up to suburbs (PLACE_RANK 2) name the picker's maps, so one can find one's part of a council. */
const PLACE_KINDS = 2;
/** Their size on screen, in pixels. */
const PLACE_PX = 12;

/** Groups of parts whose boxes touch (with a margin of a tenth of a degree). */
function touching<T extends { box: BBox }>(parts: T[]): T[][] {
  const groups: { box: BBox; items: T[] }[] = [];
  const near = (a: BBox, b: BBox) => a[0] - 0.1 <= b[2] && b[0] - 0.1 <= a[2] && a[1] - 0.1 <= b[3] && b[1] - 0.1 <= a[3];
  for (const part of parts) {
    const merged = { box: part.box, items: [part] };
    for (const h of groups.filter((g) => near(g.box, part.box))) {
      merged.items.unshift(...h.items);
      merged.box = union(merged.box, h.box);
      groups.splice(groups.indexOf(h), 1);
    }
    groups.push(merged);
  }
  return groups.map((g) => g.items);
}

/** Screen pixels per SVG unit: the map is fitted inside its box, by its width or its height. */
function drawnScale(svg: SVGSVGElement, p: Projection): number {
  const r = svg.getBoundingClientRect();
  return Math.min(r.width / p.width, r.height / p.height);
}

const union = (a: BBox, b: BBox): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

export class Picker {
  private o: PickerOptions;
  private shapes = new Map<string, { path: SVGPathElement; at: [number, number]; area: PickerArea }>();
  private panels: Panel[] = [];
  private current: string | null = null;
  private boxes = new Map<string, HTMLInputElement>();
  private places: Place[] = [];
  /** Each drawn map's size watcher, let go when the maps are drawn again. */
  private watchers: ResizeObserver[] = [];

  constructor(o: PickerOptions) {
    this.o = o;
  }

  /** Place names for the maps (they arrive after the first map may be drawn): each map is named again. */
  setPlaces(places: Place[]): void {
    this.places = places;
    for (const panel of this.panels) this.name(panel);
  }

  /**
   * A map's place names, drawn over its areas and letting clicks through. The map is scaled to its
   * box (its width, or three quarters of the window's height), so the names are sized and placed
   * again for the scale it is drawn at: 12 px on screen, whatever the map's size.
   */
  private name(panel: Panel): void {
    panel.svg.querySelector('g.labels')?.remove();
    const scale = drawnScale(panel.svg, panel.projection);
    if (!this.places.length || !(scale > 0)) return;
    panel.scale = scale;
    // Only places inside the councils drawn: a name over the blank ground beyond them would be a place one cannot choose.
    const inside = placesIn(this.places, panel.box, PLACE_KINDS).filter((pl) => panel.lads.some((g) => contains(g, [pl.lon, pl.lat])));
    const size = PLACE_PX / scale;
    // svgLabels sizes place names at 0.92 of the size it is given.
    const placed = svgLabels(panel.projection, [], inside, size / 0.92, size / 0.92).wide;
    const g = svgEl('g', { class: 'labels', 'aria-hidden': 'true' });
    for (const l of placed) {
      const t = svgEl('text', { class: `place k${l.kind}`, x: l.x, y: l.y, ...(l.anchor === 'start' ? {} : { 'text-anchor': l.anchor }) });
      t.style.fontSize = `${size.toFixed(2)}px`;
      t.style.strokeWidth = `${(3 / scale).toFixed(2)}px`;
      t.textContent = l.text;
      g.append(t);
    }
    // Under the chosen areas' outline, which stays on top.
    panel.outline.before(g);
  }

  /** Draws the given councils' small areas (each council's topology with its areas' names). */
  draw(councils: { topology: Topology; areas: Map<string, PickerArea> }[]): void {
    this.o.root.replaceChildren();
    this.watchers.forEach((w) => w.disconnect());
    this.watchers = [];
    this.shapes.clear();
    this.boxes.clear();
    this.panels = [];
    const parts = councils.map(({ topology, areas }) => {
      const features = (feature(topology, topology.objects.lsoa as GeometryObject) as unknown as GeoJSON.FeatureCollection).features.filter((f) => areas.has(String(f.id)));
      return { topology, areas, features, box: bboxOf(features.map((f) => f.geometry)) };
    }).filter((x) => x.features.length > 0);
    for (const group of touching(parts)) this.o.root.append(this.panel(group));
    this.refresh();
  }

  private panel(group: { topology: Topology; areas: Map<string, PickerArea>; features: GeoJSON.Feature[]; box: BBox }[]): HTMLElement {
    const box = group.map((x) => x.box).reduce(union);
    const p = fitProjection(box, WIDTH, 6);
    const names = [...new Set(group.flatMap((x) => [...x.areas.values()].map((a) => a.council)))];
    const svg = svgEl('svg', { viewBox: `0 0 ${p.width} ${p.height}`, class: 'picker-map', role: 'group', tabindex: 0, 'aria-label': `Small areas of ${names.join(' and ')}: choose with the arrow keys and Space`, 'aria-describedby': 'picker-help' });
    const g = svgEl('g');
    const codes: string[] = [];
    for (const x of group) for (const f of x.features) {
      const area = x.areas.get(String(f.id))!;
      const path = svgEl('path', { d: pathOf(f.geometry, p, 0.5), 'data-code': area.code });
      const title = svgEl('title');
      title.textContent = `${area.name} (${area.code})`;
      path.append(title);
      path.addEventListener('click', () => { this.focus(area.code, false); this.o.toggle(area.code); });
      g.append(path);
      this.shapes.set(area.code, { path, at: p.point(...labelPoint(f.geometry!)), area });
      codes.push(area.code);
    }
    // Each council's own outline, so that a border between two councils can be seen.
    const councils = svgEl('g', { class: 'picker-councils' });
    const lads: GeoJSON.Geometry[] = [];
    for (const x of group) {
      const lad = (feature(x.topology, x.topology.objects.lad as GeometryObject) as unknown as GeoJSON.FeatureCollection).features[0];
      if (lad) { councils.append(svgEl('path', { d: pathOf(lad.geometry, p, 0.5) })); lads.push(lad.geometry); }
    }
    const outline = svgEl('path', { class: 'picker-outline', d: '' });
    svg.append(g, councils, outline);
    // Step order: north to south in bands, west to east within each (as one reads a map).
    const band = (code: string) => Math.floor(this.shapes.get(code)!.at[1] / 40);
    const order = codes.sort((a, b) => band(a) - band(b) || this.shapes.get(a)!.at[0] - this.shapes.get(b)!.at[0]);
    const panel: Panel = { svg, outline, order, projection: p, topologies: group.map((x) => x.topology), box, lads };
    this.panels.push(panel);
    // Named once laid out, and again when the map's drawn size changes.
    if ('ResizeObserver' in window) {
      let queued = false;
      const watcher = new ResizeObserver(() => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => { queued = false; const w = drawnScale(svg, p); if (w > 0 && Math.abs(w - (panel.scale ?? 0)) > 0.02) this.name(panel); });
      });
      watcher.observe(svg);
      this.watchers.push(watcher);
    }
    svg.addEventListener('keydown', (e) => this.key(e, panel));
    svg.addEventListener('focus', () => this.focus(this.current && order.includes(this.current) ? this.current : order.find((c) => this.o.isChosen(c)) ?? order[0], true));
    const fig = el('figure', undefined, 'picker-panel');
    fig.append(svg, el('figcaption', `${names.join(' and ')}: ${codes.length.toLocaleString('en-GB')} small areas`, 'small muted'), this.list(codes));
    return fig;
  }

  /**
   * The same areas as a list, ward by ward, each a checkbox: on a phone, where a map of hundreds
   * of areas gives targets too small to tap, one finds one's ward by name. Built when first opened.
   */
  private list(codes: string[]): HTMLElement {
    const details = el('details', undefined, 'picker-list');
    const byWard = new Map<string, PickerArea[]>();
    for (const code of codes) { const a = this.shapes.get(code)!.area; const w = `${a.ward ?? 'Ward not known'}, ${a.council}`; byWard.set(w, [...(byWard.get(w) ?? []), a]); }
    details.append(el('summary', `Choose from a list, ward by ward (${byWard.size.toLocaleString('en-GB')} wards)`));
    details.addEventListener('toggle', () => {
      if (!details.open || details.childElementCount > 1) return;
      for (const [ward, areas] of [...byWard].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
        const fs = el('fieldset');
        fs.append(el('legend', ward));
        for (const a of areas.sort((x, y) => x.name.localeCompare(y.name, 'en-GB', { numeric: true }))) {
          const label = el('label');
          const box = el('input');
          box.type = 'checkbox';
          box.checked = this.o.isChosen(a.code);
          box.addEventListener('change', () => this.o.toggle(a.code));
          this.boxes.set(a.code, box);
          label.append(box, ` ${a.name} `, el('span', a.code, 'code'));
          fs.append(label);
        }
        details.append(fs);
      }
    });
    return details;
  }

  /** Shades the chosen areas and draws their merged outline. */
  refresh(): void {
    for (const [code, s] of this.shapes) s.path.classList.toggle('chosen', this.o.isChosen(code));
    for (const [code, box] of this.boxes) box.checked = this.o.isChosen(code);
    for (const panel of this.panels) {
      panel.outline.setAttribute('d', panel.topologies.map((t) => {
        const geoms = (t.objects.lsoa as { geometries: GeometryObject[] }).geometries.filter((g) => this.o.isChosen(String(g.id)));
        return geoms.length ? pathOf(merge(t, geoms as never) as GeoJSON.MultiPolygon, panel.projection, 0.5) : '';
      }).join(''));
    }
  }

  private focus(code: string | undefined, say: boolean): void {
    if (!code) return;
    if (this.current) this.shapes.get(this.current)?.path.classList.remove('current');
    this.current = code;
    const s = this.shapes.get(code);
    if (!s) return;
    s.path.classList.add('current');
    s.path.parentNode?.append(s.path); // drawn last, so its outline is not hidden by its neighbours
    if (say) this.o.announce(`${s.area.name} (${s.area.code}), ${s.area.council}: ${this.o.isChosen(code) ? 'chosen' : 'not chosen'}. Space to ${this.o.isChosen(code) ? 'remove' : 'add'} it.`);
  }

  private key(e: KeyboardEvent, panel: Panel): void {
    const cur = this.current;
    if (!cur || !panel.order.includes(cur)) return;
    const dirs: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (e.key in dirs) { e.preventDefault(); this.focus(this.nearest(cur, dirs[e.key], panel), true); return; }
    const k = e.key.toLowerCase();
    if (k === 'n' || k === 'p') {
      e.preventDefault();
      const i = panel.order.indexOf(cur);
      this.focus(panel.order[(i + (k === 'n' ? 1 : panel.order.length - 1)) % panel.order.length], true);
      return;
    }
    if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); this.o.toggle(cur); }
  }

  /** The nearest area of the same map whose label point lies roughly in the direction given. */
  private nearest(from: string, [dx, dy]: [number, number], panel: Panel): string {
    const [x0, y0] = this.shapes.get(from)!.at;
    let best = from, bestScore = Infinity;
    for (const code of panel.order) {
      if (code === from) continue;
      const [x, y] = this.shapes.get(code)!.at;
      const along = (x - x0) * dx + (y - y0) * dy, across = Math.abs((x - x0) * dy - (y - y0) * dx);
      if (along <= 0 || across > along * 1.8) continue;
      const score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = code; }
    }
    return best;
  }

  /** The name of an area shown on a map, for announcements. */
  nameOf(code: string): string | undefined {
    return this.shapes.get(code)?.area.name;
  }
}
