/**
 * The simplest peers of the explorer, for `npm run bench`: bare pages that load MapLibre and
 * the same data at once (preloaded from the head), draw it in one fill layer and mark
 * `map-ready` when the map first goes idle, as the explorer does. They are written into
 * dist/_bench/ for the run and removed after; the site never ships them.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { maplibreWorkerName } from '../src/lib/vendor.ts';

const require = createRequire(import.meta.url);

/** The deciles' colours by value (1 to 10; white for none), as a MapLibre step on `input`. */
const DECILE_STEP = (input: string) => `['step', ['coalesce', ${input}, 0], '#ffffff', 1, '#2d004b', 2, '#542788', 3, '#8073ac', 4, '#b2abd2', 5, '#d8daeb', 6, '#fee0b6', 7, '#fdb863', 8, '#e08214', 9, '#b35806', 10, '#7f3b08']`;

interface BarePage {
  title: string;
  /** Files fetched (and preloaded) at once, their JSON named in `draw` by `names`. */
  fetches: string[];
  names: string;
  bounds: number[];
  /** Classic scripts copied into the folder and loaded before the map (file paths as require.resolve takes them). */
  scripts?: string[];
  /** What the page draws once the map has loaded and the data is in. */
  draw: string;
}

/** Writes a bare map page into dist/_bench/: MapLibre, a full-page map on the sea's colour, the data fetched at once, then `draw`. */
function writeBarePage(dist: string, p: BarePage): { path: string; remove: () => void } {
  const dir = join(dist, '_bench');
  mkdirSync(dir, { recursive: true });
  const maplibre = dirname(require.resolve('maplibre-gl/dist/maplibre-gl.mjs'));
  copyFileSync(join(maplibre, 'maplibre-gl.mjs'), join(dir, 'maplibre-gl.mjs'));
  copyFileSync(join(maplibre, 'maplibre-gl.css'), join(dir, 'maplibre-gl.css'));
  const scripts = (p.scripts ?? []).map((s) => { const name = s.split('/').pop()!; copyFileSync(require.resolve(s), join(dir, name)); return `<script src="/_bench/${name}"></script>\n`; });
  writeFileSync(join(dir, 'reference.css'), 'html, body, #map { margin: 0; width: 100%; height: 100%; }\n');
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${p.title}</title>
${p.fetches.map((f) => `<link rel="preload" href="${f}" as="fetch" crossorigin="anonymous">\n`).join('')}<link rel="stylesheet" href="/_bench/maplibre-gl.css"><link rel="stylesheet" href="/_bench/reference.css">
${scripts.join('')}<script type="module" src="/_bench/reference.js"></script>
</head><body><div id="map"></div></body></html>
`);
  writeFileSync(join(dir, 'reference.js'), `import { Map, setWorkerUrl } from './maplibre-gl.mjs';
setWorkerUrl('/vendor/${maplibreWorkerName()}');
const data = Promise.all(${JSON.stringify(p.fetches)}.map((u) => fetch(u).then((r) => r.json())));
const map = new Map({ container: 'map', bounds: ${JSON.stringify(p.bounds)}, style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f2' } }] } });
const loaded = new Promise((ok) => map.once('load', ok));
const [[${p.names}]] = await Promise.all([data, loaded]);
${p.draw}
map.once('idle', () => performance.mark('map-ready'));
`);
  return { path: '/_bench/', remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The North West's peer: the same lsoa-2021.topo.json and IMD decile values, as GeoJSON. */
export function writeReference(dist: string): { path: string; remove: () => void } {
  return writeBarePage(dist, {
    title: 'Reference map',
    fetches: ['/data/geo/lsoa-2021.topo.json', '/data/values/iod25-imd-decile.json'],
    names: 'topo, values',
    bounds: [-3.64, 52.95, -2.0, 55.2],
    scripts: ['topojson-client/dist/topojson-client.min.js'],
    draw: `const fc = topojson.feature(topo, topo.objects.lsoa);
fc.features.forEach((f, i) => { f.properties = { v: values.values[i] }; });
map.addSource('lsoa', { type: 'geojson', data: fc });
map.addLayer({ id: 'fill', type: 'fill', source: 'lsoa', paint: { 'fill-color': ${DECILE_STEP("['get', 'v']")} } });`,
  });
}

/**
 * The peer on vector tiles: the same tile index, pyramids and headline values, the councils
 * filled plain below the small areas' zoom and the small areas coloured by feature state. Its
 * first view is the explorer's (the box of the councils in scope).
 */
export function writeTileReference(dist: string): { path: string; remove: () => void } {
  const cat = JSON.parse(readFileSync(join(dist, 'data/catalogue.json'), 'utf8')) as { headline: string; lads: Record<string, { bbox: number[] }> };
  const box = Object.values(cat.lads).reduce((b, l) => [Math.min(b[0], l.bbox[0]), Math.min(b[1], l.bbox[1]), Math.max(b[2], l.bbox[2]), Math.max(b[3], l.bbox[3])], [180, 90, -180, -90]);
  return writeBarePage(dist, {
    title: 'Reference map on tiles',
    fetches: ['/data/geo/tiles.json', `/data/values/${cat.headline}.json`],
    names: 'index, values',
    bounds: box,
    draw: `const t = index.vintages['2021'];
const source = (p) => ({ type: 'vector', tiles: [location.origin + '/data/' + p.tiles], minzoom: p.minzoom, maxzoom: p.maxzoom, bounds: p.bounds });
map.addSource('lsoa', source(t.lsoa));
map.addSource('lad', source(t.lad));
map.addLayer({ id: 'lad-fill', type: 'fill', source: 'lad', 'source-layer': 'lad', maxzoom: t.lsoa.minzoom, paint: { 'fill-color': '#e4e1d8', 'fill-outline-color': '#4d4d4d' } });
map.addLayer({ id: 'fill', type: 'fill', source: 'lsoa', 'source-layer': 'lsoa', minzoom: t.lsoa.minzoom, paint: { 'fill-color': ${DECILE_STEP("['feature-state', 'v']")} } });
values.values.forEach((v, id) => map.setFeatureState({ source: 'lsoa', sourceLayer: 'lsoa', id }, { v }));`,
  });
}
