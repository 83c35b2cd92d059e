import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { AreasFile, Catalogue, IndicatorMeta, Neighbourhood, ValuesFile } from '../../lib/data.ts';
import { bboxOf, labelPoint, type BBox } from '../../lib/planar.ts';
import { fitZoom, tilesFor, type BoxesFile, type TilesIndex } from '../../lib/tiles.ts';

/** Fetches the pipeline's output files, once each, and fails with a message a person can read. */
export class DataStore {
  private cache = new Map<string, Promise<unknown>>();
  private base: string;
  constructor(base: string) {
    this.base = base;
  }

  json<T>(path: string): Promise<T> {
    return this.load(path, (r) => r.json() as Promise<T>);
  }

  /** A binary file, fetched once. */
  bytes(path: string): Promise<ArrayBuffer> {
    return this.load(path, (r) => r.arrayBuffer());
  }

  /** Tiles fetched ahead of the map, handed over once (see {@link takeEarly}). */
  private early = new Set<string>();
  /** A tile fetched ahead of the map, if it was: the map takes it once, and the store lets it go. */
  takeEarly(path: string): Promise<ArrayBuffer> | undefined {
    if (!this.early.delete(path)) return undefined;
    const p = this.cache.get(path) as Promise<ArrayBuffer> | undefined;
    this.cache.delete(path);
    return p;
  }

  private load<T>(path: string, read: (r: Response) => Promise<T>): Promise<T> {
    let p = this.cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = fetch(`${this.base}data/${path}`).then((r) => {
        if (!r.ok) throw new Error(`could not load ${path} (HTTP ${r.status})`);
        return read(r);
      });
      p.catch(() => this.cache.delete(path));
      this.cache.set(path, p);
    }
    return p;
  }

  catalogue = () => this.json<Catalogue>('catalogue.json');

  /**
   * Starts every request the first view needs, at once; failures surface later, where they are
   * awaited. Given the indicator's vintage (the explorer's menu says it), only its values and
   * boundaries: the map can draw from those and the page, and the rest loads after it.
   */
  prefetch(indicatorId: string, vintage?: 2011 | 2021, view?: { box: BBox; width: number; height: number }): void {
    const quiet = (p: Promise<unknown>) => void p.catch(() => {});
    // The explorer's first view is known before the map library loads: its tiles are fetched at once, beside it.
    quiet(this.tiles().then((t) => {
      const v = vintage && t.vintages[vintage];
      if (!v || !view) return;
      const zoom = fitZoom(view.box, view.width, view.height);
      for (const p of [...tilesFor(v.lsoa, view.box, zoom), ...tilesFor(v.lad, view.box, zoom)]) this.early.add(p), quiet(this.bytes(p));
    }));
    if (vintage) {
      quiet(this.json(`values/${indicatorId}.json`));
      return;
    }
    quiet(this.neighbourhoods());
    quiet(this.catalogue().then((cat) => {
      const ind = cat.indicators.find((i) => i.id === indicatorId) ?? cat.indicators.find((i) => i.id === cat.headline)!;
      return this.values(ind);
    }));
  }
  /** The map's vector tiles: which exist, each pyramid's zooms, the councils' and neighbourhoods' ids. */
  tiles = () => this.json<TilesIndex>('geo/tiles.json');
  /** Each small area's box and label point, by its index in areas/lsoa-<vintage>.json. */
  boxes = (vintage: 2011 | 2021) => this.json<BoxesFile>(`geo/boxes-${vintage}.json`).then((f): AreaBoxes => (i) => {
    if (!(i >= 0 && i < f.areas)) return undefined;
    const b = f.boxes.slice(i * 6, i * 6 + 6);
    return { bbox: [b[0], b[1], b[2], b[3]], label: [b[4], b[5]] };
  });
  neighbourhoods = () => this.json<{ neighbourhoods: Omit<Neighbourhood, 'summaries'>[] }>('neighbourhoods.json').then((x) => x.neighbourhoods);
  values = (ind: IndicatorMeta) => this.json<ValuesFile>(ind.values);
  areas = (vintage: 2011 | 2021) => this.json<AreasFile>(`areas/lsoa-${vintage}.json`);

  private geoms = new Map<number, Promise<VintageGeo>>();
  /** GeoJSON of one vintage's areas, local authorities and neighbourhoods, built from its topology (for the GeoJSON downloads). */
  geometry(vintage: 2011 | 2021): Promise<VintageGeo> {
    let g = this.geoms.get(vintage);
    if (!g) {
      g = this.json<Topology>(`geo/lsoa-${vintage}.topo.json`).then(toGeo);
      this.geoms.set(vintage, g);
    }
    return g;
  }
  context = () => this.json<Topology>('geo/context.topo.json').then((t) => feature(t, t.objects.land as never) as unknown as GeoJSON.FeatureCollection);
}

/** A small area's box and label point, by its index; undefined for an index out of range. */
export type AreaBoxes = (i: number) => { bbox: BBox; label: [number, number] } | undefined;

export interface VintageGeo {
  lsoa: GeoJSON.FeatureCollection;
  lad: GeoJSON.FeatureCollection;
  neighbourhood: GeoJSON.FeatureCollection;
  /** Bounding box and label point of an LSOA, for search and for flying to it (computed on first use). */
  box(code: string): { bbox: BBox; label: [number, number] } | undefined;
}

function toGeo(t: Topology): VintageGeo {
  const fc = (name: string) => feature(t, t.objects[name] as never) as unknown as GeoJSON.FeatureCollection;
  const lsoa = fc('lsoa');
  const byId = new Map<string, GeoJSON.Feature>();
  for (const f of lsoa.features) byId.set(String(f.id), f);
  const boxes = new Map<string, { bbox: BBox; label: [number, number] }>();
  const box = (code: string) => {
    let b = boxes.get(code);
    const f = byId.get(code);
    if (!b && f) boxes.set(code, (b = { bbox: bboxOf([f.geometry]), label: labelPoint(f.geometry) }));
    return b;
  };
  return { lsoa, lad: fc('lad'), neighbourhood: fc('neighbourhood'), box };
}
