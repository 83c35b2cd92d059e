/**
 * The map's areas, from the atlas's static vector tiles (geo/tiles.json): per vintage one source
 * of small areas and one of councils and neighbourhoods, each shown from its own zoom, coloured
 * by feature state (an area's class, set from the values file; no tile is parsed again when the
 * indicator changes). Only tiles the index lists are fetched; one the host cannot find is drawn
 * empty, as MapLibre draws a tile answered with 404.
 */
import { addProtocol, type LayerSpecification, type Map as MapLibre } from 'maplibre-gl';
import { STATE_MISSING, STATE_SUPPRESSED } from '../../lib/classes.ts';
import { COUNCIL_FILL, STATE_FILL, type AreaState } from '../../lib/map-state.ts';
import { tileExists, type Pyramid, type VintageTiles } from '../../lib/tiles.ts';

const PROTOCOL = 'atlas-tile';
const known = new Map<string, Pyramid>();
/** Tiles the store fetched ahead of the map (the explorer's first view), by their path under data/. */
let early: (path: string) => Promise<ArrayBuffer> | undefined = () => undefined;

/** Lets MapLibre fetch the atlas's tiles: a tile the index does not list is empty, unrequested. */
function register(p: Pyramid): void {
  if (known.size === 0) {
    addProtocol(PROTOCOL, async (params, abort) => {
      const url = params.url.slice(PROTOCOL.length + 3);
      const m = /\/vt\/([^/]+)\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url);
      const pyramid = m && known.get(m[1]);
      if (!m || !pyramid) throw new Error(`not a tile of the atlas: ${url}`);
      if (!tileExists(pyramid.present, Number(m[2]), Number(m[3]), Number(m[4]))) return { data: new ArrayBuffer(0) };
      const ahead = early(`vt/${m[1]}/${m[2]}/${m[3]}/${m[4]}.pbf`);
      if (ahead) return { data: await ahead };
      const r = await fetch(url, { signal: abort.signal });
      if (r.status === 404) return { data: new ArrayBuffer(0) };
      if (!r.ok) throw new Error(`could not load ${url} (HTTP ${r.status})`);
      return { data: await r.arrayBuffer() };
    });
  }
  known.set(p.tiles.split('/')[1], p);
}

const source = (p: Pyramid, base: string) => ({ type: 'vector' as const, tiles: [`${PROTOCOL}://${location.origin}${base}data/${p.tiles}`], minzoom: p.minzoom, maxzoom: p.maxzoom, bounds: p.bounds });
const has = (key: string) => ['boolean', ['feature-state', key], false];
const classIs = (k: number) => ['case', ['==', ['feature-state', 'k'], k], 1, 0];

/**
 * The layers drawn from the two sources, bottom to top ('osm': where the street lines go).
 * Each layer over the small areas makes the map's worker lay out every area again, so only the
 * colours and the council and neighbourhood lines come first; the others as they are needed.
 */
const ORDER = ['lad-fill', 'lsoa-fill', 'lsoa-missing', 'lsoa-suppressed', 'lsoa-lowprec', 'lsoa-carried', 'lsoa-line', 'osm', 'lad-line', 'nb-line', 'lad-hover', 'lsoa-mark'] as const;
export type AreaLayer = Exclude<typeof ORDER[number], 'osm'>;

function spec(id: AreaLayer, t: VintageTiles): LayerSpecification {
  const small = { source: 'lsoa', 'source-layer': 'lsoa', minzoom: t.lsoa.minzoom };
  const councils = { source: 'lad', 'source-layer': 'lad' };
  switch (id) {
    // Zoomed out beyond the small areas: the councils, each coloured by its own figure where the build gives one, else plain.
    case 'lad-fill': return { id, type: 'fill', ...councils, maxzoom: t.lsoa.minzoom, paint: { 'fill-color': COUNCIL_FILL as never, 'fill-outline-color': '#4d4d4d' } };
    case 'lsoa-fill': return { id, type: 'fill', ...small, paint: { 'fill-color': STATE_FILL as never } };
    case 'lsoa-missing': return { id, type: 'fill', ...small, paint: { 'fill-pattern': 'hatch-missing', 'fill-opacity': classIs(STATE_MISSING) as never } };
    case 'lsoa-suppressed': return { id, type: 'fill', ...small, paint: { 'fill-pattern': 'hatch-suppressed', 'fill-opacity': classIs(STATE_SUPPRESSED) as never } };
    // Low-precision local values are outlined, not mapped as if exact; in change layers, areas whose earlier value was carried from a split, merged or redrawn 2011 area.
    case 'lsoa-lowprec': return { id, type: 'line', ...small, paint: { 'line-color': '#111111', 'line-width': 1.5, 'line-dasharray': [1, 1], 'line-opacity': ['case', has('lp'), 1, 0] as never } };
    case 'lsoa-carried': return { id, type: 'line', ...small, paint: { 'line-color': '#111111', 'line-width': 1.5, 'line-dasharray': [3, 2], 'line-opacity': ['case', has('cf'), 1, 0] as never } };
    // The small areas' own borders: a tenth of a pixel at a region's zoom.
    case 'lsoa-line': return { id, type: 'line', ...small, paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.1, 12, 1] as never, 'line-opacity': 0.8 } };
    // Council borders over the small areas; zoomed out beyond them, the councils' fills draw their own borders (so the worker lays out no dashes for a first view of England).
    case 'lad-line': return { id, type: 'line', ...councils, minzoom: t.lsoa.minzoom, paint: { 'line-color': '#4d4d4d', 'line-width': 1, 'line-dasharray': [3, 2] } };
    case 'nb-line': return { id, type: 'line', source: 'lad', 'source-layer': 'nb', paint: { 'line-color': '#111111', 'line-width': 2.5 } };
    case 'lad-hover': return { id, type: 'line', ...councils, maxzoom: t.lsoa.minzoom, paint: { 'line-color': '#111111', 'line-width': 2, 'line-opacity': ['case', has('hover'), 1, 0] as never } };
    // The area selected (amber), chosen for a profile (dark, thick) and under the pointer (dark): one layer, by feature state.
    case 'lsoa-mark': return { id, type: 'line', ...small, paint: {
      'line-color': ['case', has('sel'), '#ffbf47', has('chosen'), '#1b1f24', '#111111'] as never,
      'line-width': ['case', has('sel'), 4, has('chosen'), 3, has('hover'), 1.5, 0] as never,
    } };
  }
}

let shown: VintageTiles | null = null;

/** The layer to add `id` under: the next of {@link ORDER} the map has. */
function beforeOf(map: MapLibre, id: AreaLayer): string | undefined {
  for (const next of ORDER.slice(ORDER.indexOf(id) + 1)) {
    if (next === 'osm') { const o = map.getStyle().layers.find((l) => l.id.startsWith('osm-')); if (o) return o.id; }
    else if (map.getLayer(next)) return next;
  }
  return undefined;
}

/** Adds whichever of these layers the map does not have yet, each in its place. */
export function showLayers(map: MapLibre, ids: AreaLayer[]): void {
  if (!shown) return;
  for (const id of ids) if (!map.getLayer(id)) map.addLayer(spec(id, shown), beforeOf(map, id));
}

/** The layers an indicator needs beyond the colours: hatching where areas have no figure, outlines where it marks some. */
export function layersFor(current: { values: unknown[]; missing: Set<number>; suppressed: Set<number>; lowPrecision: Set<number>; carried?: Map<number, string> }): AreaLayer[] {
  const nulls = current.values.some((v) => v === null);
  return [...(nulls || current.missing.size ? ['lsoa-missing' as const] : []), ...(current.suppressed.size ? ['lsoa-suppressed' as const] : []), ...(current.lowPrecision.size ? ['lsoa-lowprec' as const] : []), ...(current.carried?.size ? ['lsoa-carried' as const] : [])];
}

/** Layers added once the map has drawn: the small areas' borders and the hover, chosen and selected outlines (of small areas and of councils). */
export const AFTER_FIRST_DRAW: AreaLayer[] = ['lsoa-line', 'lsoa-mark', 'lad-hover'];

/**
 * Adds one vintage's sources (replacing another vintage's) with the councils filled where small
 * areas are not yet shown, the small areas coloured by feature state, the council and
 * neighbourhood lines, and `more` of the other layers.
 */
export function addAreaLayers(map: MapLibre, t: VintageTiles, vintage: number, base: string, more: AreaLayer[], ahead?: (path: string) => Promise<ArrayBuffer> | undefined): void {
  if (ahead) early = ahead;
  for (const id of ORDER) if (id !== 'osm' && map.getLayer(id)) map.removeLayer(id);
  for (const id of ['lsoa', 'lad']) if (map.getSource(id)) map.removeSource(id);
  register(t.lsoa);
  register(t.lad);
  map.addSource('lsoa', source(t.lsoa, base));
  map.addSource('lad', source(t.lad, base));
  shown = t;
  showLayers(map, ['lad-fill', 'lsoa-fill', 'lad-line', 'nb-line', ...more]);
}

/** Colours the small areas: one feature state per area (hover, selection and choice are kept). */
export function paintAreas(map: MapLibre, states: AreaState[]): void {
  for (let i = 0; i < states.length; i++) map.setFeatureState({ source: 'lsoa', sourceLayer: 'lsoa', id: i }, states[i] as unknown as Record<string, unknown>);
}

/** Colours the councils (zoomed out beyond the small areas) by their own figures' classes. */
export function paintCouncils(map: MapLibre, colours: string[]): void {
  for (let i = 0; i < colours.length; i++) map.setFeatureState({ source: 'lad', sourceLayer: 'lad', id: i }, { c: colours[i] });
}

/** Sets one flag (hover, sel, chosen) on one small area or council, clearing it from the one that had it. */
export function flag(map: MapLibre, layer: 'lsoa' | 'lad', key: string, id: number | null, was: number | null): void {
  const src = layer === 'lsoa' ? 'lsoa' : 'lad';
  if (!map.getSource(src)) return;
  if (was !== null && was !== id) map.setFeatureState({ source: src, sourceLayer: layer, id: was }, { [key]: false });
  if (id !== null) map.setFeatureState({ source: src, sourceLayer: layer, id }, { [key]: true });
}

