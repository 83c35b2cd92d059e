/**
 * The interactive map (MapLibre GL, WebGL 2). It takes over from the SVG drawn at build time,
 * using the same breaks and colours (src/lib/classes.ts). No third-party requests: land,
 * boundaries and labels come from the atlas's own data; labels are HTML.
 */
import { Map as MapLibre, NavigationControl, Popup, setWorkerUrl, type LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Catalogue, IndicatorMeta } from '../../lib/data.ts';
import type { BBox } from '../../lib/planar.ts';
import { NO_DATA } from '../../lib/classes.ts';
import { firstViewPadding, movableBounds, type TilesIndex } from '../../lib/tiles.ts';
import { el, setText } from '../dom.ts';
import { alertBox, clearNotice, padBox, reducedMotion, unionBox, type Ctx, type Outline } from './context.ts';
import type { DataStore } from './data.ts';
import { readState } from './state.ts';
import { MapLabels } from './labels.ts';
import { addStreets, streetNames, type StreetsFile } from './streets.ts';
import { applyValues, loadIndicator, renderIndicator } from './indicator.ts';
import { addAreaLayers, AFTER_FIRST_DRAW, layersFor, showLayers } from './tiles.ts';
import { refreshTable } from './table.ts';
import { selectArea, wireInteractions } from './selection.ts';
import { wireControls } from './controls.ts';
import { syncUrl } from './url.ts';

/** Mounts the interactive map in a `[data-explorer]` element. */
export async function mount(root: HTMLElement, store: DataStore): Promise<void> {
  const base = root.dataset.base ?? '/';
  setWorkerUrl(root.dataset.worker!);
  const stage = root.querySelector<HTMLElement>('[data-map-stage]')!;
  const embed = root.dataset.embed === 'true';
  const urlState = root.dataset.urlState !== 'off';
  // The explorer's page carries what its first view needs (the indicator, the region's box), so
  // the catalogue and the outlines' file load after the map has drawn; any other view waits for them.
  const page = root.dataset.first ? (JSON.parse(root.dataset.first) as FirstView) : null;
  const asked = readState(urlState ? location.search : '', root.dataset.indicator ?? page?.headline ?? '');
  const quick = !!page && asked.i === page.indicator.id && !asked.n && !asked.a && !root.dataset.neighbourhood && !root.dataset.lockFromQuery;
  const loadMeta = () => Promise.all([store.catalogue(), store.neighbourhoods()]);
  let cat: Catalogue | null = null, nbs: Outline[] = [];
  if (!quick) {
    try {
      [cat, nbs] = await loadMeta();
    } catch (e) {
      alertBox(root, `The map's data could not be loaded: ${(e as Error).message}. The static map and the table still show the figures.`);
      return;
    }
  }
  const state = readState(urlState ? location.search : '', root.dataset.indicator ?? cat?.headline ?? page!.headline);
  if (root.dataset.neighbourhood && !state.n) state.n = root.dataset.neighbourhood;
  const ind = quick ? page!.indicator : cat!.indicators.find((i) => i.id === state.i) ?? cat!.indicators.find((i) => i.id === cat!.headline)!;
  state.i = ind.id;
  // The heading names the indicator asked for at once, before the map has drawn.
  setText(root.querySelector('[data-indicator-label]'), ind.label);
  // The map (and its worker) start loading now, while the tiles' index and the values arrive.
  const pending = Promise.all([store.tiles(), loadIndicator(store, ind)]);
  pending.catch(() => {});
  const holder = el('div', undefined, 'maplibre-holder');
  stage.append(holder);
  const nb = nbs.find((n) => n.slug === state.n);
  const regionBox = quick ? page!.box : unionBox(Object.values(cat!.lads).map((l) => l.bbox));
  const nationBox = quick ? page!.nationBox : cat!.scope.nationBox;
  // An embed may be locked to a neighbourhood (?n=slug) or a local authority (?la=code).
  const q = new URLSearchParams(location.search);
  const lock = root.dataset.lockFromQuery ? (nbs.find((n) => n.slug === q.get('n'))?.placement['2021']?.bbox ?? cat!.lads[q.get('la') ?? '']?.bbox) : undefined;
  /** Where the map may be moved, for the holder's size now (the locked area; else the nation at England scope, or the region). */
  const movable = () => movableBounds(lock ?? nationBox ?? regionBox, holder.clientWidth, holder.clientHeight, lock ? 0.6 : 1.5) as LngLatBoundsLike;
  const map = new MapLibre({
    container: holder,
    style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dfe9f2' } }] },
    bounds: (lock ? padBox(lock, 0.15) : state.v ? undefined : (nb ? padBox(nb.placement['2021']!.bbox, 0.3) : regionBox)) as LngLatBoundsLike | undefined,
    center: !lock && state.v ? [state.v[0], state.v[1]] : undefined,
    zoom: !lock && state.v ? state.v[2] : undefined,
    // The map may be moved beyond what it shows (the locked area; else the nation at England scope, or
    // the region), by enough that a wide map can still be zoomed out to the whole of it.
    maxBounds: movable(),
    // The credits sit along the foot of the map: the first view leaves room for them, so they cover sea, not land.
    fitBoundsOptions: { padding: firstViewPadding(holder.clientWidth) },
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
  let tiles: TilesIndex, first: Awaited<ReturnType<typeof loadIndicator>>;
  try {
    [tiles, first] = await pending.then(([t, f]) => [t, f] as const);
  } catch (e) {
    alertBox(root, `The map's data could not be loaded: ${(e as Error).message}. The static map and the table still show the figures.`);
    map.remove();
    holder.remove();
    return;
  }
  let metaIn = () => {};
  const ctx: Ctx = { meta: new Promise<void>((ok) => { metaIn = ok; }), root, map, store, cat: cat as Catalogue, nbs, state, ind, tiles, codes: [], areaIndex: new Map(), boxes: null, selectedId: null, hovered: null, current: first.current, names: new Map(), namesVintage: null, popup, embed, urlState, ready: false, tableAll: false, tableNear: false };

  // Before the first full draw, a failure means the map cannot show: say so, and bring the static map back.
  // An error (a tile that could not load) keeps the static map for good; a slow first draw only until the map has drawn.
  let failed = false;
  const giveUp = (why: string, final = false) => {
    if (ctx.ready) return;
    failed ||= final;
    root.classList.remove('is-interactive');
    holder.hidden = true;
    alertBox(root, `The interactive map could not finish loading (${why}). The static map and the table still show the figures.`);
  };
  map.on('error', (e) => {
    console.warn('map error', e.error?.message);
    giveUp(e.error?.message ?? 'unknown error', true);
  });
  await loaded;
  addPatterns(map);
  // The areas from their tiles, coloured by feature state as the tiles arrive.
  addAreaLayers(map, tiles.vintages[ind.vintage], ind.vintage, root.dataset.base ?? '/', layersFor(first.current), (p) => store.takeEarly(p));
  applyValues(ctx);
  const labels = new MapLabels(map);
  const withMeta = (cat: Catalogue, nbs: Outline[]) => {
    Object.assign(ctx, { cat, nbs });
    for (const n of nbs) if (n.placement['2021']) labels.addNeighbourhood(n.name, `${root.dataset.base ?? '/'}neighbourhoods/${n.slug}/`, n.placement['2021'].label);
    labels.layout();
    metaIn();
    if (state.a) selectArea(ctx, state.a, false);
    if (urlState) syncUrl(ctx);
    // Place names and streets come once the map has drawn and the browser is idle.
    const whenIdle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 300));
    whenIdle(() => {
      if (cat.search) store.json<{ places: [string, string, number, number][] }>('geo/places.json').then((d) => labels.setPlaces(d.places)).catch((e: Error) => console.warn('place names not shown:', e.message));
      if (cat.streets) store.json<StreetsFile>('geo/streets.json').then((s) => {
        const detail = addStreets(map, root.dataset.base ?? '/', s, 'lad-line', root.querySelector('[data-streets-note]'), tiles.vintages[ind.vintage].lsoa.minzoom);
        // Street names are read from the tiles once a batch of them has loaded, not on every move.
        let t: ReturnType<typeof setTimeout> | undefined;
        map.on('sourcedata', (e) => { if (e.sourceId?.startsWith('osm-') && e.isSourceLoaded) { clearTimeout(t); t = setTimeout(() => labels.setStreets(streetNames(map, detail, s.names)), 200); } });
      }).catch((e: Error) => console.warn('streets not shown:', e.message));
    });
  };

  // The table under the map was drawn at build time for the page's own indicator; redraw it only if the URL asked for another.
  renderIndicator(ctx, ind.id !== root.dataset.indicator || !!state.n);
  if (!holder.hidden) root.classList.add('is-interactive');
  // A map worker that cannot load gives MapLibre no error to report: if the map has not drawn
  // within 6 s of its data arriving, say so and bring the static map back.
  let late = false;
  const watchdog = setTimeout(() => { late = true; giveUp('it did not draw in time'); }, 6000);
  map.once('idle', () => {
    clearTimeout(watchdog);
    if (failed) return;
    // Drawn after all (a slow line or a busy machine): the notice that it had not is taken back.
    if (late) clearNotice(root);
    holder.hidden = false;
    root.classList.add('is-interactive');
    ctx.ready = true;
    performance.mark('map-ready');
    // The small areas' own borders and the hover and selection outlines come after the first draw: the worker lays them out once the colours are on screen.
    showLayers(map, AFTER_FIRST_DRAW);
    if (cat) { withMeta(cat, nbs); refreshTable(ctx); }
    else loadMeta().then(([c, n]) => { withMeta(c, n); refreshTable(ctx); }, (e: Error) => alertBox(root, `Part of the map's data could not be loaded (${e.message}): the map shows the figures, but its menu, search and neighbourhood names are not ready. Reload the page to try again.`));
    // Land for context, after the choropleth.
    store.context().then((land) => {
      map.addSource('land', { type: 'geojson', data: land });
      map.addLayer({ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f2ec' } }, 'lad-fill');
    }).catch((e: Error) => console.warn('land not shown:', e.message));
  });

  // A map made wider or taller keeps room to be zoomed out to the whole of what it first showed.
  map.on('resize', () => map.setMaxBounds(movable()));
  // Whether the camera is moving, as an attribute: a move under prefers-reduced-motion is a
  // jump (MapLibre gives non-essential moves no duration), so it is "moving" for no time at all.
  map.on('movestart', () => { holder.dataset.camera = 'moving'; });
  map.on('moveend', () => { holder.dataset.camera = 'still'; });
  // The table and summary follow the view once it settles: when the map is next idle, its tiles
  // loaded and drawn (the areas in view are read from what is drawn; on a busy machine a fixed
  // delay after the move could read a view half drawn, and nothing would read it again).
  let tablePending = false;
  map.on('moveend', () => {
    if (tablePending) return;
    tablePending = true;
    map.once('idle', () => { tablePending = false; refreshTable(ctx); });
  });
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
  const sel = root.querySelector<HTMLElement>('[data-selection]');
  if (sel) sel.hidden = false;
}

/** What the explorer's page tells the map about its first view (data-first). */
interface FirstView { headline: string; box: BBox; nationBox?: BBox; indicator: IndicatorMeta }

/**
 * The no-data hatchings, as 8-pixel tiles written pixel by pixel: a diagonal line of the stroke
 * colour (two for suppressed) on the fill. (Drawing them on a canvas and reading it back stalls
 * the page for a tenth of a second on a slow phone.)
 */
function addPatterns(map: MapLibre) {
  const size = 8;
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const make = (bg: string, cross: boolean) => {
    const data = new Uint8Array(size * size * 4);
    const [fill, line] = [rgb(bg), rgb(NO_DATA.stroke)];
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      // Rising from bottom left to top right (and, crossed, falling), wrapping so tiles join up.
      const on = (x + y + 1) % size === 0 || (cross && x === y);
      data.set([...(on ? line : fill), 255], (y * size + x) * 4);
    }
    return { width: size, height: size, data };
  };
  map.addImage('hatch-missing', make(NO_DATA.missing, false));
  map.addImage('hatch-suppressed', make(NO_DATA.suppressed, true));
}

