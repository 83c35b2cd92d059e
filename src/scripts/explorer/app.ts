/**
 * The interactive map (MapLibre GL, WebGL 2). It takes over from the SVG drawn at build time,
 * using the same breaks and colours (src/lib/classes.ts). No third-party requests: land,
 * boundaries and labels come from the atlas's own data; labels are HTML.
 */
import { Map as MapLibre, Marker, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource, type LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Catalogue, IndicatorMeta, Neighbourhood } from '../../lib/data.ts';

type Outline = Omit<Neighbourhood, 'summaries'>;
import { fillColourExpression, formatValue, legendItems, directionInWords, NO_DATA, worstFirst } from '../../lib/classes.ts';
import type { BBox } from '../../lib/planar.ts';
import { el } from '../dom.ts';
import { DataStore, type VintageGeo } from './data.ts';
import { readState, writeState, type ExplorerState } from './state.ts';
import { valueInWords } from './words.ts';
import { carriedFlags, changeNote, viewSummary, type ChangeEditions, type ChangeValues } from '../../lib/words.ts';
import { mountSearchBox } from '../search/search-box.ts';
import { MapLabels } from './labels.ts';
import { addStreets, streetNames, type StreetsFile } from './streets.ts';
import { indicatorCsv, indicatorGeojson, saveBlob, saveText } from '../../lib/downloads.ts';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

interface Ctx {
  root: HTMLElement;
  map: MapLibre;
  store: DataStore;
  cat: Catalogue;
  nbs: Outline[];
  state: ExplorerState;
  ind: IndicatorMeta;
  geo: VintageGeo;
  /** Per code: index in the values file, and the values file of the current indicator. */
  current: { codes: string[]; index: Map<string, number>; values: (number | null)[]; missing: Set<number>; suppressed: Set<number>; lower?: (number | null)[]; upper?: (number | null)[]; n?: (number | null)[]; lowPrecision: Set<number>; carried?: Map<number, string>; editions?: ChangeEditions };
  names: Map<string, { name: string; lad: string; ward: string }>;
  namesVintage: number | null;
  popup: Popup;
  embed: boolean;
  urlState: boolean;
  /** Whether the map has drawn once (until then the page's own table and summary stand). */
  ready: boolean;
  /** Whether the reader asked for every row of the table, not the first {@link TABLE_ROWS}. */
  tableAll: boolean;
  /** Whether the summary and table are on screen or near it (they follow the view only then, so a phone that never scrolls there fetches no names). */
  tableNear: boolean;
}

/** Rows the table shows before "Show all". */
const TABLE_ROWS = 100;

function alertBox(root: HTMLElement, message: string) {
  const p = root.querySelector<HTMLElement>('[data-map-notice]');
  if (p) { p.textContent = message; p.setAttribute('role', 'alert'); p.hidden = false; }
}

/** Mounts the interactive map in a `[data-explorer]` element. */
export async function mount(root: HTMLElement, store: DataStore): Promise<void> {
  const base = root.dataset.base ?? '/';
  setWorkerUrl(`${base}vendor/maplibre-gl-worker.mjs`);
  const stage = root.querySelector<HTMLElement>('[data-map-stage]')!;
  const embed = root.dataset.embed === 'true';
  const urlState = root.dataset.urlState !== 'off';
  let cat: Catalogue, nbs: Outline[];
  try {
    [cat, nbs] = await Promise.all([store.catalogue(), store.neighbourhoods()]);
  } catch (e) {
    alertBox(root, `The map's data could not be loaded: ${(e as Error).message}. The static map and the table still show the figures.`);
    return;
  }
  const state = readState(urlState ? location.search : '', root.dataset.indicator ?? cat.headline);
  if (root.dataset.neighbourhood && !state.n) state.n = root.dataset.neighbourhood;
  const ind = cat.indicators.find((i) => i.id === state.i) ?? cat.indicators.find((i) => i.id === cat.headline)!;
  state.i = ind.id;
  // The map (and its worker) start loading now, while the boundaries and values arrive.
  const pending = Promise.all([store.geometry(ind.vintage), loadIndicator(ctx0(store, ind))]);
  pending.catch(() => {});
  const holder = el('div', undefined, 'maplibre-holder');
  stage.append(holder);
  const nb = nbs.find((n) => n.slug === state.n);
  const regionBox = unionBox(Object.values(cat.lads).map((l) => l.bbox));
  // An embed may be locked to a neighbourhood (?n=slug) or a local authority (?la=code).
  const q = new URLSearchParams(location.search);
  const lock = root.dataset.lockFromQuery ? (nbs.find((n) => n.slug === q.get('n'))?.placement['2021']?.bbox ?? cat.lads[q.get('la') ?? '']?.bbox) : undefined;
  const map = new MapLibre({
    container: holder,
    style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f2' } }] },
    bounds: (lock ? padBox(lock, 0.15) : state.v ? undefined : (nb ? padBox(nb.placement['2021']!.bbox, 0.3) : regionBox)) as LngLatBoundsLike | undefined,
    center: !lock && state.v ? [state.v[0], state.v[1]] : undefined,
    zoom: !lock && state.v ? state.v[2] : undefined,
    maxBounds: padBox(lock ?? regionBox, lock ? 0.6 : 1.5) as LngLatBoundsLike,
    attributionControl: { compact: false, customAttribution: 'Contains OS data © Crown copyright and database right 2024; ONS, MHCLG (OGL v3.0); Natural Earth' },
    cooperativeGestures: embed,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: reducedMotion() ? 0 : 300,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  const popup = new Popup({ closeButton: true, closeOnClick: false, maxWidth: '18rem', focusAfterOpen: false });
  const loaded = new Promise<void>((ok) => map.once('load', () => ok()));
  let geo: VintageGeo, first: Loaded;
  try {
    [geo, first] = await pending.then(([g, f]) => [g, f] as const);
  } catch (e) {
    alertBox(root, `The map's data could not be loaded: ${(e as Error).message}. The static map and the table still show the figures.`);
    map.remove();
    holder.remove();
    return;
  }
  const ctx: Ctx = { root, map, store, cat, nbs, state, ind, geo, current: { codes: [], index: new Map(), values: [], missing: new Set(), suppressed: new Set(), lowPrecision: new Set() }, names: new Map(), namesVintage: null, popup, embed, urlState, ready: false, tableAll: false, tableNear: false };

  // Before the first full draw, a failure means the map cannot show: say so, and bring the static map back.
  const giveUp = (why: string) => {
    if (ctx.ready) return;
    root.classList.remove('is-interactive');
    holder.hidden = true;
    alertBox(root, `The interactive map could not finish loading (${why}). The static map and the table still show the figures.`);
  };
  map.on('error', (e) => {
    console.warn('map error', e.error?.message);
    giveUp(e.error?.message ?? 'unknown error');
  });
  await loaded;
  addPatterns(map);
  // Values are joined to the features before the source is added, so the worker tiles them once.
  applyValues(first);
  map.addSource('lsoa', { type: 'geojson', data: geo.lsoa, promoteId: 'code' });
  map.addLayer({ id: 'lsoa-fill', type: 'fill', source: 'lsoa', paint: { 'fill-color': fillColourExpression(ind.classes) as never } });
  map.addLayer({ id: 'lsoa-nodata', type: 'fill', source: 'lsoa', filter: ['!=', ['typeof', ['get', 'v']], 'number'], paint: { 'fill-pattern': ['case', ['==', ['get', 's'], 'suppressed'], 'hatch-suppressed', 'hatch-missing'] as never } });
  // Low-precision local values are outlined, not mapped as if exact.
  map.addLayer({ id: 'lsoa-lowprec', type: 'line', source: 'lsoa', filter: ['==', ['get', 'lp'], true], paint: { 'line-color': '#111111', 'line-width': 1.5, 'line-dasharray': [1, 1] } });
  // Change layers: areas whose earlier value was carried from a split, merged or redrawn 2011 area are outlined.
  map.addLayer({ id: 'lsoa-carried', type: 'line', source: 'lsoa', filter: ['!=', ['get', 'cf'], ''], paint: { 'line-color': '#111111', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
  map.addLayer({ id: 'lsoa-line', type: 'line', source: 'lsoa', paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.1, 12, 1] as never, 'line-opacity': 0.8 } });
  map.addSource('lad', { type: 'geojson', data: geo.lad });
  map.addLayer({ id: 'lad-line', type: 'line', source: 'lad', paint: { 'line-color': '#4d4d4d', 'line-width': 1, 'line-dasharray': [3, 2] } });
  map.addSource('nb', { type: 'geojson', data: geo.neighbourhood });
  map.addLayer({ id: 'nb-line', type: 'line', source: 'nb', paint: { 'line-color': '#111111', 'line-width': 2.5 } });
  map.addLayer({ id: 'lsoa-hover', type: 'line', source: 'lsoa', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#111111', 'line-width': 1.5 } });
  map.addLayer({ id: 'lsoa-selected', type: 'line', source: 'lsoa', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#ffbf47', 'line-width': 4 } });
  const labels = new MapLabels(map);
  for (const n of nbs) if (n.placement['2021']) labels.addNeighbourhood(n.name, `${root.dataset.base ?? '/'}neighbourhoods/${n.slug}/`, n.placement['2021'].label);
  labels.layout();

  ctx.current = first.current;
  // The table under the map was drawn at build time for the page's own indicator; redraw it only if the URL asked for another.
  renderIndicator(ctx, ind.id !== root.dataset.indicator || !!state.n);
  if (!holder.hidden) root.classList.add('is-interactive');
  // A map worker that cannot load gives MapLibre no error to report: if the map has not drawn
  // within 6 s of its data arriving, say so and bring the static map back.
  const watchdog = setTimeout(() => giveUp('it did not draw in time'), 6000);
  map.once('idle', () => {
    clearTimeout(watchdog);
    holder.hidden = false;
    root.classList.add('is-interactive');
    ctx.ready = true;
    performance.mark('map-ready');
    refreshTable(ctx);
    // Place names and streets come once the map has drawn and the browser is idle; land for context after the choropleth.
    const whenIdle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 300));
    whenIdle(() => {
      if (cat.search) store.json<{ places: [string, string, number, number][] }>('geo/places.json').then((d) => labels.setPlaces(d.places)).catch((e: Error) => console.warn('place names not shown:', e.message));
      if (cat.streets) store.json<StreetsFile>('geo/streets.json').then((s) => {
        const detail = addStreets(map, root.dataset.base ?? '/', s, 'lad-line', root.querySelector('[data-streets-note]'));
        // Street names are read from the tiles once a batch of them has loaded, not on every move.
        let t: ReturnType<typeof setTimeout> | undefined;
        map.on('sourcedata', (e) => { if (e.sourceId?.startsWith('osm-') && e.isSourceLoaded) { clearTimeout(t); t = setTimeout(() => labels.setStreets(streetNames(map, detail, s.names)), 200); } });
      }).catch((e: Error) => console.warn('streets not shown:', e.message));
    });
    store.context().then((land) => {
      map.addSource('land', { type: 'geojson', data: land });
      map.addLayer({ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f2ec' } }, 'lsoa-fill');
    }).catch((e: Error) => console.warn('land not shown:', e.message));
  });

  // Whether the camera is moving, as an attribute: a move under prefers-reduced-motion is a
  // jump (MapLibre gives non-essential moves no duration), so it is "moving" for no time at all.
  map.on('movestart', () => { holder.dataset.camera = 'moving'; });
  map.on('moveend', () => { holder.dataset.camera = 'still'; });
  // The table and summary follow the view, once it settles.
  let tableTimer: ReturnType<typeof setTimeout> | undefined;
  map.on('moveend', () => { clearTimeout(tableTimer); tableTimer = setTimeout(() => refreshTable(ctx), 250); });
  const watched = [ctx.root.querySelector('[data-map-summary]'), ctx.root.querySelector('[data-table-body]')?.closest('table')].filter((e): e is Element => !!e);
  if (watched.length && 'IntersectionObserver' in window) {
    const seen = new Map<Element, boolean>();
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) seen.set(e.target, e.isIntersecting);
      ctx.tableNear = [...seen.values()].some(Boolean);
      refreshTable(ctx);
    }, { rootMargin: '300px 0px' });
    watched.forEach((e) => io.observe(e));
  } else ctx.tableNear = true;
  wireInteractions(ctx);
  wireControls(ctx);
  if (state.a) selectArea(ctx, state.a, false);
  const sel = root.querySelector<HTMLElement>('[data-selection]');
  if (sel) sel.hidden = false;
  if (!urlState) return;
  addEventListener('popstate', () => {
    const s = readState(location.search, cat.headline);
    if (s.i !== ctx.ind.id) void changeIndicator(ctx, s.i, false);
    if (s.a && s.a !== ctx.state.a) selectArea(ctx, s.a, false);
    if (s.v) map.jumpTo({ center: [s.v[0], s.v[1]], zoom: s.v[2] });
  });
  map.on('moveend', () => {
    const c = map.getCenter();
    ctx.state.v = [c.lng, c.lat, map.getZoom()];
    history.replaceState(null, '', writeState(ctx.state));
  });
}

function addPatterns(map: MapLibre) {
  const make = (bg: string, cross: boolean) => {
    const size = 8, c = document.createElement('canvas');
    c.width = c.height = size;
    const g = c.getContext('2d')!;
    g.fillStyle = bg; g.fillRect(0, 0, size, size);
    g.strokeStyle = NO_DATA.stroke; g.lineWidth = 1.2;
    g.beginPath(); g.moveTo(0, size); g.lineTo(size, 0);
    if (cross) { g.moveTo(0, 0); g.lineTo(size, size); }
    g.stroke();
    return g.getImageData(0, 0, size, size);
  };
  map.addImage('hatch-missing', make(NO_DATA.missing, false));
  map.addImage('hatch-suppressed', make(NO_DATA.suppressed, true));
}

interface Loaded { ind: IndicatorMeta; geo: VintageGeo; current: Ctx['current'] }
const ctx0 = (store: DataStore, ind: IndicatorMeta) => ({ store, ind });

/** Fetches an indicator's values and its vintage's geometry; values come in the geometry's order. */
async function loadIndicator({ store, ind }: { store: DataStore; ind: IndicatorMeta }): Promise<Loaded> {
  const [values, geo] = await Promise.all([store.values(ind), store.geometry(ind.vintage)]);
  const codes = geo.lsoa.features.map((f) => String(f.id));
  if (codes.length !== values.values.length) throw new Error(`${ind.values} has ${values.values.length} values for ${codes.length} areas`);
  const u = values as typeof values & ChangeValues & { lower?: (number | null)[]; upper?: (number | null)[]; n?: (number | null)[]; lowPrecision?: number[] };
  const carried = carriedFlags(u);
  const current = { codes, index: new Map(codes.map((c, i) => [c, i])), values: values.values, missing: new Set(values.missing), suppressed: new Set(values.suppressed), lower: u.lower, upper: u.upper, n: u.n, lowPrecision: new Set(u.lowPrecision ?? []), carried, editions: u.editions };
  return { ind, geo, current };
}

/** Names, wards and local authorities of the current vintage's areas, fetched on first need. */
async function ensureNames(ctx: Ctx): Promise<void> {
  const vintage = ctx.ind.vintage;
  if (ctx.namesVintage === vintage) return;
  const areas = await ctx.store.areas(vintage);
  ctx.names = new Map(areas.codes.map((c, i) => [c, { name: areas.names[i], lad: areas.ladNames[areas.lad[i]] ?? areas.lad[i], ward: areas.wardNames[areas.ward[i]] ?? areas.ward[i] }]));
  ctx.namesVintage = vintage;
}

/** Brings the table and summary up to date with the view, when they are near the screen. */
function refreshTable(ctx: Ctx) {
  if (ctx.ready && ctx.tableNear) withNames(ctx, () => renderTable(ctx));
}

/** Runs `then` once the names are in; if they cannot be fetched, says so, and the page's own table stays. */
function withNames(ctx: Ctx, then: () => void = () => {}): void {
  ensureNames(ctx).then(then, (e: Error) => alertBox(ctx.root, `The names of the small areas could not be loaded (${e.message}). The map still shows the figures; the table lists the neighbourhoods' areas.`));
}

/** Writes each feature's value (v) and status (s) into its properties. */
function applyValues({ geo, current }: Loaded) {
  for (const f of geo.lsoa.features) {
    const i = current.index.get(String(f.id));
    f.properties = { code: String(f.id), v: i === undefined ? null : current.values[i], s: i === undefined ? 'missing' : current.suppressed.has(i) ? 'suppressed' : current.missing.has(i) ? 'missing' : 'value', lp: i !== undefined && current.lowPrecision.has(i), cf: (i !== undefined && current.carried?.get(i)) || '' };
  }
}

async function showIndicator(ctx: Ctx, ind: IndicatorMeta) {
  const loaded = await loadIndicator(ctx0(ctx.store, ind));
  applyValues(loaded);
  const vintageChanged = loaded.geo !== ctx.geo;
  Object.assign(ctx, { ind, geo: loaded.geo, current: loaded.current });
  await ensureNames(ctx);
  (ctx.map.getSource('lsoa') as GeoJSONSource).setData(loaded.geo.lsoa);
  if (vintageChanged) {
    (ctx.map.getSource('lad') as GeoJSONSource).setData(loaded.geo.lad);
    (ctx.map.getSource('nb') as GeoJSONSource).setData(loaded.geo.neighbourhood);
  }
  ctx.map.setPaintProperty('lsoa-fill', 'fill-color', fillColourExpression(ind.classes) as never);
  renderIndicator(ctx);
  // Another vintage has other areas: list them once they are drawn.
  if (vintageChanged) ctx.map.once('idle', () => refreshTable(ctx));
}

/** Everything on the page that names the indicator shown: heading, menu, legend, table. */
function renderIndicator(ctx: Ctx, table = true) {
  const heading = ctx.root.querySelector('[data-indicator-label]');
  if (heading) heading.textContent = ctx.ind.label;
  const select = ctx.root.querySelector<HTMLSelectElement>('[data-indicator-select]');
  if (select) select.value = ctx.ind.id;
  renderLegend(ctx);
  if (table) refreshTable(ctx);
}

async function changeIndicator(ctx: Ctx, id: string, push = true) {
  const ind = ctx.cat.indicators.find((i) => i.id === id);
  if (!ind) return;
  try {
    await showIndicator(ctx, ind);
  } catch (e) {
    alertBox(ctx.root, `The figures for ${ind.shortLabel} could not be loaded: ${(e as Error).message}.`);
    return;
  }
  ctx.state.i = id;
  if (ctx.state.a) selectArea(ctx, ctx.state.a, false, false);
  if (push && ctx.urlState) history.pushState(null, '', writeState(ctx.state));
}

/** For change layers: both editions' deciles and how the earlier one was carried, after the value in the table. */
function carriedNote(ctx: Ctx, code: string): string {
  const i = ctx.current.index.get(code);
  const ed = ctx.current.editions;
  if (!ed || i === undefined) return '';
  const flag = ctx.current.carried?.get(i);
  return changeNote(ed.fromValues[i], ed.toValues[i], flag);
}

function statusOf(ctx: Ctx, code: string): { value: number | null; status: 'value' | 'missing' | 'suppressed' } {
  const i = ctx.current.index.get(code);
  if (i === undefined) return { value: null, status: 'missing' };
  if (ctx.current.suppressed.has(i)) return { value: null, status: 'suppressed' };
  if (ctx.current.missing.has(i)) return { value: null, status: 'missing' };
  return { value: ctx.current.values[i], status: 'value' };
}

/** Popup and details panel for one small area; all text set with textContent. */
function selectArea(ctx: Ctx, code: string, push = true, move = true) {
  if (ctx.namesVintage !== ctx.ind.vintage) {
    withNames(ctx, () => selectArea(ctx, code, push, move));
    return;
  }
  const box = ctx.geo.box(code);
  const name = ctx.names.get(code);
  if (!box || !name) return;
  ctx.state.a = code;
  ctx.map.setFilter('lsoa-selected', ['==', ['get', 'code'], code]);
  const { value, status } = statusOf(ctx, code);
  const body = el('div', undefined, 'popup-body');
  body.append(el('p', name.name, 'popup-title'), el('p', `${code} · ${name.ward}, ${name.lad}`, 'popup-meta'));
  const v = el('p', undefined, 'popup-value');
  v.append(el('strong', status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'Suppressed' : 'No data'), document.createTextNode(` ${ctx.ind.shortLabel}`));
  body.append(v, el('p', valueInWords(ctx.ind, value, status), 'popup-words'));
  const i = ctx.current.index.get(code);
  const ed = ctx.current.editions;
  if (ed && i !== undefined) {
    const d = (x: number | null) => (x === null ? 'no figure' : `decile ${x}`);
    body.append(el('p', `${ed.from}: ${d(ed.fromValues[i])}; ${ed.to}: ${d(ed.toValues[i])}.`, 'popup-words'));
    const flag = ctx.current.carried?.get(i);
    body.append(el('p', flag === 'redrawn' ? 'Redrawn since 2011: not comparable.' : flag ? `The ${ed.from} figure is carried from ${flag === 'split' ? 'the 2011 area it was split from' : 'the 2011 areas merged into it (their ranks averaged, weighted by population)'}.` : 'The same small area in both editions.', 'popup-words'));
  }
  if (i !== undefined && status === 'value') {
    const lo = ctx.current.lower?.[i], hi = ctx.current.upper?.[i], n = ctx.current.n?.[i];
    const extra = [lo != null && hi != null ? `95% confidence interval ${formatValue(lo, ctx.ind.unit, ctx.ind.decimals)} to ${formatValue(hi, ctx.ind.unit, ctx.ind.decimals)}` : '', n != null ? `based on ${n} responses` : ''].filter(Boolean).join('; ');
    if (extra) body.append(el('p', extra, 'popup-words'));
    if (ctx.current.lowPrecision.has(i)) body.append(el('p', 'Low precision: few responses or a wide interval. Treat with caution.', 'low-precision'));
  }
  if (ctx.ind.local) body.append(el('p', 'Local data: see the indicator page for who collected it, when and how.', 'popup-words'));
  ctx.popup.setDOMContent(body).setLngLat(box.label).addTo(ctx.map);
  const live = ctx.root.querySelector<HTMLElement>('[data-selection]');
  if (live) live.textContent = `${name.name} (${code}), ${name.lad}: ${status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'suppressed' : 'no data'}. ${valueInWords(ctx.ind, value, status)}`;
  if (move) fitTo(ctx, padBox(box.bbox, 1.5), 13);
  if (push && ctx.urlState) history.pushState(null, '', writeState(ctx.state));
}

function fitTo(ctx: Ctx, bbox: BBox, maxZoom = 14) {
  // A non-essential move: under prefers-reduced-motion MapLibre makes it a jump (tested).
  ctx.map.fitBounds(bbox as LngLatBoundsLike, { padding: 30, maxZoom, duration: 800 });
}

function wireInteractions(ctx: Ctx) {
  const { map } = ctx;
  const tip = el('div', undefined, 'map-tip');
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  map.getContainer().append(tip);
  map.on('mousemove', 'lsoa-fill', (e) => {
    withNames(ctx);
    const f = e.features?.[0];
    if (!f) return;
    const code = String(f.properties.code);
    map.setFilter('lsoa-hover', ['==', ['get', 'code'], code]);
    map.getCanvas().style.cursor = 'pointer';
    const { value, status } = statusOf(ctx, code);
    tip.textContent = `${ctx.names.get(code)?.name ?? code}: ${status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'suppressed' : 'no data'}`;
    tip.hidden = false;
    tip.style.transform = `translate(${Math.round(e.point.x + 12)}px, ${Math.round(e.point.y + 12)}px)`;
  });
  map.on('mouseleave', 'lsoa-fill', () => {
    map.setFilter('lsoa-hover', ['==', ['get', 'code'], '']);
    map.getCanvas().style.cursor = '';
    tip.hidden = true;
  });
  map.on('click', 'lsoa-fill', (e) => {
    const f = e.features?.[0];
    if (f) selectArea(ctx, String(f.properties.code), true, false);
  });
  ctx.popup.on('close', () => {
    ctx.map.setFilter('lsoa-selected', ['==', ['get', 'code'], '']);
    ctx.state.a = null;
    if (ctx.urlState) history.replaceState(null, '', writeState(ctx.state));
  });
  ctx.root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && ctx.popup.isOpen()) ctx.popup.remove(); });
  // Keyboard: N and P step through the small areas in view (west to east, then north to south), each announced.
  const canvas = map.getCanvas();
  canvas.setAttribute('aria-label', `Interactive map of ${ctx.ind.label}. Arrow keys move the map, plus and minus zoom, N and P step through the small areas in view, Escape closes the details.`);
  canvas.addEventListener('keydown', (e) => {
    if (e.key !== 'n' && e.key !== 'p' && e.key !== 'N' && e.key !== 'P') return;
    e.preventDefault();
    const order = areasInView(ctx).map((c) => ({ c, b: ctx.geo.box(c) })).filter((x) => x.b).sort((a, b) => Math.round(b.b!.label[1] * 200) - Math.round(a.b!.label[1] * 200) || a.b!.label[0] - b.b!.label[0]).map((x) => x.c);
    if (order.length === 0) return;
    const at = ctx.state.a ? order.indexOf(ctx.state.a) : -1;
    const next = e.key.toLowerCase() === 'n' ? (at + 1) % order.length : (at - 1 + order.length) % order.length;
    selectArea(ctx, order[next], true, false);
  });
  ctx.root.addEventListener('focusin', () => { ctx.tableNear = true; refreshTable(ctx); }, { once: true });
}

function wireControls(ctx: Ctx) {
  const select = ctx.root.querySelector<HTMLSelectElement>('[data-indicator-select]');
  if (select) {
    select.value = ctx.ind.id;
    select.addEventListener('change', () => void changeIndicator(ctx, select.value));
  }
  const form = ctx.root.querySelector<HTMLFormElement>('form[data-place-search]');
  if (form) {
    mountSearchBox(form, {
      // Small areas by code or name: the explorer already has their names and boxes.
      extra: async () => {
        const areas = await ctx.store.areas(2021);
        const geo = await ctx.store.geometry(2021);
        return areas.codes.map((c, i) => ({ label: `${areas.names[i]} (${c})`, kind: 'Small area', key: `a:${c}`, bbox: geo.box(c)?.bbox ?? [0, 0, 0, 0] }));
      },
      onPlace: (entry) => {
        if (entry.key.startsWith('a:')) {
          if (ctx.ind.vintage !== 2021) void changeIndicator(ctx, ctx.cat.headline).then(() => selectArea(ctx, entry.key.slice(2), true, true));
          else selectArea(ctx, entry.key.slice(2), true, true);
          return;
        }
        fitTo(ctx, padBox(entry.bbox, 0.15));
        if (entry.key.startsWith('N:')) { ctx.state.n = entry.key.slice(2); refreshTable(ctx); if (ctx.urlState) history.pushState(null, '', writeState(ctx.state)); }
      },
      onPostcode: (r) => {
        const go = () => selectArea(ctx, r.lsoa.code, true, true);
        if (ctx.ind.vintage !== 2021) void changeIndicator(ctx, ctx.cat.headline).then(go);
        else go();
      },
    });
  }
  const dl = ctx.root.querySelector<HTMLElement>('[data-explorer-downloads]');
  if (dl) {
    dl.hidden = false;
    const status = dl.querySelector<HTMLElement>('[data-explorer-download-status]');
    dl.addEventListener('click', async (e) => {
      const kind = (e.target as HTMLElement).dataset.explorerDownload;
      if (!kind) return;
      try {
        const [values, areas] = await Promise.all([ctx.store.values(ctx.ind), ctx.store.areas(ctx.ind.vintage)]);
        if (kind === 'csv') saveText(`${ctx.ind.id}.csv`, indicatorCsv(ctx.ind, values, areas), 'text/csv;charset=utf-8');
        else if (kind === 'geojson') saveText(`${ctx.ind.id}.geojson`, indicatorGeojson(ctx.ind, values, areas, ctx.geo.lsoa.features), 'application/geo+json');
        else saveBlob(`${ctx.ind.id}.png`, await mapImage(ctx));
        if (status) status.textContent = `Downloaded ${ctx.ind.id}.${kind}.`;
      } catch (err) {
        if (status) status.textContent = `The download could not be made: ${(err as Error).message}.`;
      }
    });
  }
  const share = ctx.root.querySelector<HTMLButtonElement>('[data-share]');
  share?.addEventListener('click', async () => {
    const url = location.href;
    const status = ctx.root.querySelector<HTMLElement>('[data-share-status]');
    try {
      await navigator.clipboard.writeText(url);
      if (status) status.textContent = 'Link copied.';
    } catch {
      if (status) status.textContent = `Copy this link: ${url}`;
    }
  });
}

/** The current view as a PNG: the map, its title, legend, attribution and permalink, drawn on one canvas. */
function mapImage(ctx: Ctx): Promise<Blob> {
  return new Promise((ok, fail) => {
    ctx.map.once('render', () => {
      try {
        const src = ctx.map.getCanvas();
        const scale = src.width / src.clientWidth || 1;
        const legendW = 300 * scale, head = 48 * scale, foot = 44 * scale;
        const c = document.createElement('canvas');
        c.width = src.width + legendW;
        c.height = src.height + head + foot;
        const g = c.getContext('2d')!;
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, c.width, c.height);
        g.drawImage(src, 0, head);
        g.fillStyle = '#1b1f24';
        g.font = `600 ${18 * scale}px system-ui, sans-serif`;
        g.fillText(ctx.ind.label, 12 * scale, 30 * scale);
        let y = head + 10 * scale;
        g.font = `${13 * scale}px system-ui, sans-serif`;
        for (const item of legendItems(ctx.ind.classes, ctx.ind.unit, ctx.ind.decimals)) {
          g.fillStyle = item.colour;
          g.fillRect(src.width + 12 * scale, y, 18 * scale, 14 * scale);
          g.fillStyle = '#1b1f24';
          g.fillText(item.label, src.width + 38 * scale, y + 12 * scale);
          y += 22 * scale;
        }
        g.fillStyle = '#737373';
        g.fillText('Hatched: no data', src.width + 12 * scale, y + 12 * scale);
        g.font = `${11 * scale}px system-ui, sans-serif`;
        g.fillStyle = '#505a66';
        g.fillText('Contains OS data © Crown copyright and database right 2024; ONS, MHCLG (Open Government Licence v3.0). Outlines approximate.', 12 * scale, c.height - 26 * scale);
        g.fillText(location.href, 12 * scale, c.height - 10 * scale);
        c.toBlob((b) => (b ? ok(b) : fail(new Error('the browser could not make the image'))), 'image/png');
      } catch (e) {
        fail(e as Error);
      }
    });
    ctx.map.triggerRepaint();
  });
}

function renderLegend(ctx: Ctx) {
  const box = ctx.root.querySelector<HTMLElement>('[data-legend]');
  if (!box) return;
  const ind = ctx.ind;
  const list = el('ul');
  for (const item of legendItems(ind.classes, ind.unit, ind.decimals)) {
    const li = el('li');
    li.append(swatch(item.colour), document.createTextNode(item.label));
    list.append(li);
  }
  const nd = el('li');
  nd.append(swatch(NO_DATA.missing, true), document.createTextNode('No data'));
  list.append(nd);
  const wrap = el('div', undefined, 'legend');
  const title = el('p', ind.shortLabel, 'legend-title');
  if (ind.local) title.prepend(el('span', 'local', 'badge local'), document.createTextNode(' '));
  if (ctx.current.carried?.size) {
    const cf = el('li');
    cf.append(swatch('#ffffff', false, true), document.createTextNode('Carried from a split or merged 2011 area (dashed outline)'));
    list.append(cf);
  }
  if (ind.local) {
    const lp = el('li');
    lp.append(swatch('#ffffff', false, true), document.createTextNode('Low precision (dashed outline)'));
    list.append(lp);
  }
  wrap.append(title, list, el('p', directionInWords(ind.classes, ind.classes.over), 'legend-note'));
  box.replaceChildren(wrap);
}

function swatch(colour: string, hatched = false, dashed = false): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const s = document.createElementNS(ns, 'svg');
  s.setAttribute('width', '18'); s.setAttribute('height', '14'); s.setAttribute('aria-hidden', 'true');
  const r = document.createElementNS(ns, 'rect');
  r.setAttribute('width', '18'); r.setAttribute('height', '14'); r.setAttribute('fill', colour);
  if (dashed) { r.setAttribute('stroke', '#111111'); r.setAttribute('stroke-dasharray', '2 2'); r.setAttribute('stroke-width', '2'); }
  s.append(r);
  if (hatched) {
    const p = document.createElementNS(ns, 'path');
    p.setAttribute('d', 'M0 14L14 0M4 14L18 0'); p.setAttribute('stroke', NO_DATA.stroke);
    s.append(p);
  }
  return s;
}

/** The small areas the map draws in its current view, each once. */
function areasInView(ctx: Ctx): string[] {
  const seen = new Set<string>();
  return ctx.map.queryRenderedFeatures({ layers: ['lsoa-fill'] }).map((f) => String(f.properties.code)).filter((c) => !seen.has(c) && !!seen.add(c));
}

/**
 * The table under the map and the summary above it, for the view shown: every small area in
 * view with the same value the map colours it by, worst first (the first 100 until the reader
 * asks for all). Before the map has drawn, the page's own table and summary stand.
 */
function renderTable(ctx: Ctx) {
  const tbody = ctx.root.querySelector<HTMLElement>('[data-table-body]');
  const head = ctx.root.querySelector<HTMLElement>('[data-table-value]');
  if (head) head.textContent = ctx.ind.shortLabel;
  if (!tbody || !ctx.ready) return;
  const codes = areasInView(ctx);
  const nbOf = new Map<string, string>();
  for (const n of ctx.nbs) for (const m of ctx.ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021) nbOf.set(m.code, n.name);
  const areas = codes.map((code) => ({ code, name: ctx.names.get(code)?.name ?? code, lad: ctx.names.get(code)?.lad ?? '', ...statusOf(ctx, code) }));
  areas.sort(worstFirst(ctx.ind.polarity));
  const shown = ctx.tableAll ? areas : areas.slice(0, TABLE_ROWS);
  const rows = shown.map((a) => {
    const tr = el('tr');
    tr.dataset.code = a.code;
    const th = el('th');
    th.scope = 'row';
    const b = el('button', a.name, 'linkish');
    b.type = 'button';
    b.addEventListener('click', () => selectArea(ctx, a.code, true, true));
    th.append(b, el('span', ` ${a.code}`, 'code'));
    tr.append(th, el('td', a.lad), el('td', nbOf.get(a.code) ?? ''), el('td', (a.status === 'value' ? formatValue(a.value, ctx.ind.unit, ctx.ind.decimals) : a.status === 'suppressed' ? 'suppressed' : 'no data') + carriedNote(ctx, a.code), 'num'));
    return tr;
  });
  tbody.replaceChildren(...rows);
  const order = ctx.ind.polarity === 'neutral' ? 'highest first' : 'worst first';
  const heading = ctx.root.querySelector<HTMLElement>('[data-table-heading]');
  if (heading) heading.textContent = `The ${areas.length.toLocaleString('en-GB')} small areas in view`;
  const caption = ctx.root.querySelector<HTMLElement>('[data-table-caption]');
  if (caption) caption.textContent = `Small areas in the map's view with ${ctx.ind.label}, ${order}`;
  const note = ctx.root.querySelector<HTMLElement>('[data-table-note]');
  if (note) {
    const more = areas.length - shown.length;
    note.replaceChildren(document.createTextNode(`${more > 0 ? `The first ${shown.length} of ${areas.length.toLocaleString('en-GB')}, ${order}. ` : `${order.charAt(0).toUpperCase()}${order.slice(1)}. `}The table follows the map: zoom or move it to change the list.`));
    if (more > 0) {
      const all = el('button', `Show all ${areas.length.toLocaleString('en-GB')}`, 'linkish');
      all.type = 'button';
      all.addEventListener('click', () => { ctx.tableAll = true; renderTable(ctx); tbody.querySelector<HTMLButtonElement>(`tr:nth-child(${shown.length + 1}) button`)?.focus(); });
      note.append(' ', all);
    }
  }
  const summary = ctx.root.querySelector<HTMLElement>('[data-map-summary]');
  if (summary) {
    const here = new Set(codes);
    const inView = ctx.nbs.filter((n) => (ctx.ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).some((m) => here.has(m.code))).map((n) => n.name);
    summary.textContent = `${viewSummary(ctx.ind, areas, 'in view')}${inView.length ? ` The programme's neighbourhoods in view: ${inView.join(', ')}.` : ''}`;
  }
}

function unionBox(boxes: BBox[]): BBox {
  return boxes.reduce<BBox>((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])], [180, 90, -180, -90]);
}
function padBox(b: BBox, k: number): BBox {
  const dx = (b[2] - b[0]) * k, dy = (b[3] - b[1]) * k;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}
