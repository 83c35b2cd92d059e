/**
 * The street basemap of the interactive map: the atlas's own OpenStreetMap vector tiles
 * (geo/streets.json lists their sources), drawn as quiet white lines over the choropleth so
 * its colours stay true, under the council and neighbourhood outlines. Street names are not
 * drawn by MapLibre (that would need font glyphs from a server): they are HTML labels placed
 * with the place names (see labels.ts). Where the view is at street zoom but no detailed tile
 * exists, a note says that street detail covers the neighbourhoods' surroundings only.
 */
import type { Map as MapLibre } from 'maplibre-gl';
import { lineLength, midpoint, type BBox } from '../../lib/planar.ts';

interface TileSource { id: string; area: string; minzoom: number; maxzoom: number; bounds: BBox }
export interface StreetsFile { attribution: string; note: string; tiles: string; layer: string; names: string; classes: Record<string, 'main' | 'minor' | 'rail'>; sources: TileSource[] }

const PAINT = {
  minor: { 'line-color': '#ffffff', 'line-opacity': 0.5, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.4, 15, 1.5] },
  main: { 'line-color': '#ffffff', 'line-opacity': 0.7, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 12, 1.5, 15, 3] },
  rail: { 'line-color': '#3a3a3a', 'line-opacity': 0.5, 'line-width': 1, 'line-dasharray': [3, 2] },
} as const;

/**
 * Adds the street sources and layers below `before`, drawn from zoom `from` (where small areas
 * are drawn: at England scope the councils below it have no streets of their own, and the
 * region's roads alone would look like borders), and keeps the note on where street detail ends
 * up to date; returns the ids of the detailed sources (for street names).
 */
export function addStreets(map: MapLibre, base: string, s: StreetsFile, before: string, note: HTMLElement | null, from = 0): string[] {
  const classesOf = (kind: string) => Object.entries(s.classes).filter(([, k]) => k === kind).map(([c]) => c);
  for (const src of s.sources) {
    map.addSource(`osm-${src.id}`, {
      type: 'vector', minzoom: src.minzoom, maxzoom: src.maxzoom, bounds: src.bounds, attribution: s.attribution,
      tiles: [`${location.origin}${base}data/${s.tiles.replace('{area}', src.area)}`],
    });
    for (const kind of ['minor', 'main', 'rail'] as const) {
      map.addLayer({
        id: `osm-${src.id}-${kind}`, type: 'line', source: `osm-${src.id}`, 'source-layer': s.layer,
        minzoom: Math.max(kind === 'minor' ? 12 : 0, from),
        filter: ['in', ['get', 'class'], ['literal', classesOf(kind)]],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: PAINT[kind] as never,
      }, before);
    }
  }
  const detail = s.sources.filter((x) => x.minzoom > 0);
  const update = () => {
    if (!note) return;
    const z = map.getZoom();
    const b = map.getBounds();
    const covered = detail.some((x) => !(x.bounds[2] < b.getWest() || x.bounds[0] > b.getEast() || x.bounds[3] < b.getSouth() || x.bounds[1] > b.getNorth()));
    note.textContent = z >= detail[0]?.minzoom && !covered ? s.note : '';
  };
  map.on('moveend', update);
  update();
  return detail.map((x) => `osm-${x.id}`);
}

/** Street names in the detailed tiles loaded: [name, lon, lat] halfway along each name's longest piece, longest first. */
export function streetNames(map: MapLibre, sources: string[], layer: string): [string, number, number][] {
  const best = new Map<string, { at: [number, number]; length: number }>();
  for (const id of sources) {
    if (!map.getSource(id)) continue;
    for (const f of map.querySourceFeatures(id, { sourceLayer: layer })) {
      const name = String(f.properties?.['name:latin'] ?? '').trim();
      if (!name || f.geometry.type !== 'LineString') continue;
      const length = lineLength(f.geometry.coordinates);
      if (length > (best.get(name)?.length ?? 0)) best.set(name, { at: midpoint(f.geometry.coordinates), length });
    }
  }
  return [...best].sort((a, b) => b[1].length - a[1].length).map(([name, v]) => [name, v.at[0], v.at[1]]);
}
