/**
 * The simplest peer of the explorer, for `npm run bench`: a bare page that loads MapLibre, the
 * same lsoa-2021.topo.json and the IMD decile values at once (preloaded from the head) and
 * draws one fill layer, marking `map-ready` when the map first goes idle, as the explorer does.
 * It is written into dist/_bench/ for the run and removed after; the site never ships it.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { maplibreWorkerName } from '../src/lib/vendor.ts';

const require = createRequire(import.meta.url);

/** dist/_bench/ with MapLibre and a full-page map's style sheet. */
function benchFolder(dist: string): string {
  const dir = join(dist, '_bench');
  mkdirSync(dir, { recursive: true });
  const maplibre = dirname(require.resolve('maplibre-gl/dist/maplibre-gl.mjs'));
  copyFileSync(join(maplibre, 'maplibre-gl.mjs'), join(dir, 'maplibre-gl.mjs'));
  copyFileSync(join(maplibre, 'maplibre-gl.css'), join(dir, 'maplibre-gl.css'));
  writeFileSync(join(dir, 'reference.css'), 'html, body, #map { margin: 0; width: 100%; height: 100%; }\n');
  return dir;
}

export function writeReference(dist: string): { path: string; remove: () => void } {
  const dir = benchFolder(dist);
  copyFileSync(require.resolve('topojson-client/dist/topojson-client.min.js'), join(dir, 'topojson-client.min.js'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Reference map</title>
<link rel="preload" href="/data/geo/lsoa-2021.topo.json" as="fetch" crossorigin="anonymous">
<link rel="preload" href="/data/values/iod25-imd-decile.json" as="fetch" crossorigin="anonymous">
<link rel="stylesheet" href="/_bench/maplibre-gl.css"><link rel="stylesheet" href="/_bench/reference.css">
<script src="/_bench/topojson-client.min.js"></script>
<script type="module" src="/_bench/reference.js"></script>
</head><body><div id="map"></div></body></html>
`);
  writeFileSync(join(dir, 'reference.js'), `import { Map, setWorkerUrl } from './maplibre-gl.mjs';
setWorkerUrl('/vendor/${maplibreWorkerName()}');
const data = Promise.all(['/data/geo/lsoa-2021.topo.json', '/data/values/iod25-imd-decile.json'].map((u) => fetch(u).then((r) => r.json())));
const map = new Map({ container: 'map', bounds: [-3.64, 52.95, -2.0, 55.2], style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f2' } }] } });
const loaded = new Promise((ok) => map.once('load', ok));
const [[topo, values]] = await Promise.all([data, loaded]);
const fc = topojson.feature(topo, topo.objects.lsoa);
fc.features.forEach((f, i) => { f.properties = { v: values.values[i] }; });
map.addSource('lsoa', { type: 'geojson', data: fc });
map.addLayer({ id: 'fill', type: 'fill', source: 'lsoa', paint: { 'fill-color': ['step', ['coalesce', ['get', 'v'], 0], '#ffffff', 1, '#2d004b', 2, '#542788', 3, '#8073ac', 4, '#b2abd2', 5, '#d8daeb', 6, '#fee0b6', 7, '#fdb863', 8, '#e08214', 9, '#b35806', 10, '#7f3b08'] } });
map.once('idle', () => performance.mark('map-ready'));
`);
  return { path: '/_bench/', remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The bare peer of the explorer on vector tiles: MapLibre, the same tile index, pyramids and
 * headline values, the councils filled plain below the small areas' zoom and the small areas
 * coloured by feature state, `map-ready` when the map first goes idle. Its first view is the
 * explorer's (the box of the councils in scope). Written into dist/_bench/ and removed after.
 */
export function writeTileReference(dist: string): { path: string; remove: () => void } {
  const dir = benchFolder(dist);
  const cat = JSON.parse(readFileSync(join(dist, 'data/catalogue.json'), 'utf8')) as { headline: string; lads: Record<string, { bbox: number[] }> };
  const box = Object.values(cat.lads).reduce((b, l) => [Math.min(b[0], l.bbox[0]), Math.min(b[1], l.bbox[1]), Math.max(b[2], l.bbox[2]), Math.max(b[3], l.bbox[3])], [180, 90, -180, -90]);
  const values = `/data/values/${cat.headline}.json`;
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Reference map on tiles</title>
<link rel="preload" href="/data/geo/tiles.json" as="fetch" crossorigin="anonymous">
<link rel="preload" href="${values}" as="fetch" crossorigin="anonymous">
<link rel="stylesheet" href="/_bench/maplibre-gl.css"><link rel="stylesheet" href="/_bench/reference.css">
<script type="module" src="/_bench/reference.js"></script>
</head><body><div id="map"></div></body></html>
`);
  writeFileSync(join(dir, 'reference.js'), `import { Map, setWorkerUrl } from './maplibre-gl.mjs';
setWorkerUrl('/vendor/${maplibreWorkerName()}');
const data = Promise.all(['/data/geo/tiles.json', '${values}'].map((u) => fetch(u).then((r) => r.json())));
const map = new Map({ container: 'map', bounds: ${JSON.stringify(box)}, style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f2' } }] } });
const loaded = new Promise((ok) => map.once('load', ok));
const [[index, values]] = await Promise.all([data, loaded]);
const t = index.vintages['2021'];
const source = (p) => ({ type: 'vector', tiles: [location.origin + '/data/' + p.tiles], minzoom: p.minzoom, maxzoom: p.maxzoom, bounds: p.bounds });
map.addSource('lsoa', source(t.lsoa));
map.addSource('lad', source(t.lad));
map.addLayer({ id: 'lad-fill', type: 'fill', source: 'lad', 'source-layer': 'lad', maxzoom: t.lsoa.minzoom, paint: { 'fill-color': '#e4e1d8', 'fill-outline-color': '#4d4d4d' } });
map.addLayer({ id: 'fill', type: 'fill', source: 'lsoa', 'source-layer': 'lsoa', minzoom: t.lsoa.minzoom, paint: { 'fill-color': ['step', ['coalesce', ['feature-state', 'v'], 0], '#ffffff', 1, '#2d004b', 2, '#542788', 3, '#8073ac', 4, '#b2abd2', 5, '#d8daeb', 6, '#fee0b6', 7, '#fdb863', 8, '#e08214', 9, '#b35806', 10, '#7f3b08'] } });
values.values.forEach((v, id) => map.setFeatureState({ source: 'lsoa', sourceLayer: 'lsoa', id }, { v }));
map.once('idle', () => performance.mark('map-ready'));
`);
  return { path: '/_bench/', remove: () => rmSync(dir, { recursive: true, force: true }) };
}
