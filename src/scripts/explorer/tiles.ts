/**
 * The map's areas, from the atlas's static vector tiles (vt/index.json): per vintage one source
 * of small areas and one of councils and neighbourhoods, each shown from its own zoom, coloured
 * by feature state (an area's class, set from the values file; no tile is parsed again when the
 * indicator changes). Only tiles the index lists are fetched; one the host cannot find is drawn
 * empty, as MapLibre draws a tile answered with 404.
 */
import { addProtocol, type Map as MapLibre } from 'maplibre-gl';
import { STATE_MISSING, STATE_SUPPRESSED } from '../../lib/classes.ts';
import { STATE_FILL, type AreaState } from '../../lib/map-state.ts';
import { tileExists, type Pyramid, type VintageTiles } from '../../lib/tiles.ts';

const PROTOCOL = 'atlas-tile';
const known = new Map<string, Pyramid>();

/** Lets MapLibre fetch the atlas's tiles: a tile the index does not list is empty, unrequested. */
function register(name: string, p: Pyramid): void {
  if (known.size === 0) {
    addProtocol(PROTOCOL, async (params, abort) => {
      const url = params.url.slice(PROTOCOL.length + 3);
      const m = /\/vt\/([^/]+)\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url);
      const pyramid = m && known.get(m[1]);
      if (!m || !pyramid) throw new Error(`not a tile of the atlas: ${url}`);
      if (!tileExists(pyramid.present, Number(m[2]), Number(m[3]), Number(m[4]))) return { data: new ArrayBuffer(0) };
      const r = await fetch(url, { signal: abort.signal });
      if (r.status === 404) return { data: new ArrayBuffer(0) };
      if (!r.ok) throw new Error(`could not load ${url} (HTTP ${r.status})`);
      return { data: await r.arrayBuffer() };
    });
  }
  known.set(name, p);
}

const source = (p: Pyramid, base: string) => ({ type: 'vector' as const, tiles: [`${PROTOCOL}://${location.origin}${base}data/${p.tiles}`], minzoom: p.minzoom, maxzoom: p.maxzoom, bounds: p.bounds });
const stateIs = (key: string, then: number, otherwise = 0) => ['case', ['boolean', ['feature-state', key], false], then, otherwise];
const classIs = (k: number) => ['case', ['==', ['feature-state', 'k'], k], 1, 0];

/** Every layer drawn from the two sources, bottom to top (the small areas' white borders come later, see {@link addAreaBorders}). */
const LAYERS = ['lad-fill', 'lsoa-fill', 'lsoa-missing', 'lsoa-suppressed', 'lsoa-lowprec', 'lsoa-carried', 'lsoa-line', 'lad-line', 'nb-line', 'lad-hover', 'lsoa-hover', 'lsoa-chosen', 'lsoa-selected'];

/**
 * Adds one vintage's sources and layers (replacing another vintage's): the councils filled
 * where small areas are not yet shown, the small areas coloured by feature state, hatched where
 * there is no figure, outlined where low precision or carried, council and neighbourhood lines,
 * and the hover, chosen and selected outlines.
 */
export function addAreaLayers(map: MapLibre, t: VintageTiles, vintage: number, base: string, borders: boolean): void {
  for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of ['lsoa', 'lad']) if (map.getSource(id)) map.removeSource(id);
  register(`lsoa-${vintage}`, t.lsoa);
  register(`lad-${vintage}`, t.lad);
  map.addSource('lsoa', source(t.lsoa, base));
  map.addSource('lad', source(t.lad, base));
  // Fills go under the street lines (added later, under the council lines), lines over them.
  const under = map.getStyle().layers.find((l) => l.id.startsWith('osm-'))?.id;
  const small = { source: 'lsoa', 'source-layer': 'lsoa', minzoom: t.lsoa.minzoom };
  map.addLayer({ id: 'lad-fill', type: 'fill', source: 'lad', 'source-layer': 'lad', maxzoom: t.lsoa.minzoom, paint: { 'fill-color': '#e4e1d8', 'fill-outline-color': '#4d4d4d' } }, under);
  map.addLayer({ id: 'lsoa-fill', type: 'fill', ...small, paint: { 'fill-color': STATE_FILL as never } }, under);
  map.addLayer({ id: 'lsoa-missing', type: 'fill', ...small, paint: { 'fill-pattern': 'hatch-missing', 'fill-opacity': classIs(STATE_MISSING) as never } }, under);
  map.addLayer({ id: 'lsoa-suppressed', type: 'fill', ...small, paint: { 'fill-pattern': 'hatch-suppressed', 'fill-opacity': classIs(STATE_SUPPRESSED) as never } }, under);
  // Low-precision local values are outlined, not mapped as if exact; in change layers, areas whose earlier value was carried from a split, merged or redrawn 2011 area.
  map.addLayer({ id: 'lsoa-lowprec', type: 'line', ...small, paint: { 'line-color': '#111111', 'line-width': 1.5, 'line-dasharray': [1, 1], 'line-opacity': stateIs('lp', 1) as never } }, under);
  map.addLayer({ id: 'lsoa-carried', type: 'line', ...small, paint: { 'line-color': '#111111', 'line-width': 1.5, 'line-dasharray': [3, 2], 'line-opacity': stateIs('cf', 1) as never } }, under);
  if (borders) addAreaBorders(map, under);
  map.addLayer({ id: 'lad-line', type: 'line', source: 'lad', 'source-layer': 'lad', paint: { 'line-color': '#4d4d4d', 'line-width': 1, 'line-dasharray': [3, 2] } });
  map.addLayer({ id: 'nb-line', type: 'line', source: 'lad', 'source-layer': 'nb', paint: { 'line-color': '#111111', 'line-width': 2.5 } });
  map.addLayer({ id: 'lad-hover', type: 'line', source: 'lad', 'source-layer': 'lad', maxzoom: t.lsoa.minzoom, paint: { 'line-color': '#111111', 'line-width': 2, 'line-opacity': stateIs('hover', 1) as never } });
  map.addLayer({ id: 'lsoa-hover', type: 'line', ...small, paint: { 'line-color': '#111111', 'line-width': 1.5, 'line-opacity': stateIs('hover', 1) as never } });
  map.addLayer({ id: 'lsoa-chosen', type: 'line', ...small, paint: { 'line-color': '#1b1f24', 'line-width': 3, 'line-opacity': stateIs('chosen', 1) as never } });
  map.addLayer({ id: 'lsoa-selected', type: 'line', ...small, paint: { 'line-color': '#ffbf47', 'line-width': 4, 'line-opacity': stateIs('sel', 1) as never } });
}

/** The small areas' own white borders (a tenth of a pixel at a region's zoom), under the council lines. */
export function addAreaBorders(map: MapLibre, before = map.getLayer('lad-line') ? 'lad-line' : undefined): void {
  if (map.getLayer('lsoa-line')) return;
  const first = map.getStyle().layers.find((l) => l.id.startsWith('osm-'))?.id;
  map.addLayer({ id: 'lsoa-line', type: 'line', source: 'lsoa', 'source-layer': 'lsoa', paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.1, 12, 1] as never, 'line-opacity': 0.8 } }, first ?? before);
}

/** Colours the small areas: one feature state per area (hover, selection and choice are kept). */
export function paintAreas(map: MapLibre, states: AreaState[]): void {
  for (let i = 0; i < states.length; i++) map.setFeatureState({ source: 'lsoa', sourceLayer: 'lsoa', id: i }, states[i] as unknown as Record<string, unknown>);
}

/** Sets one flag (hover, sel, chosen) on one small area or council, clearing it from the one that had it. */
export function flag(map: MapLibre, layer: 'lsoa' | 'lad', key: string, id: number | null, was: number | null): void {
  const src = layer === 'lsoa' ? 'lsoa' : 'lad';
  if (!map.getSource(src)) return;
  if (was !== null && was !== id) map.setFeatureState({ source: src, sourceLayer: layer, id: was }, { [key]: false });
  if (id !== null) map.setFeatureState({ source: src, sourceLayer: layer, id }, { [key]: true });
}

