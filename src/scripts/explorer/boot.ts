/**
 * Small first-party script of every map page: the page is already useful (SVG map, table);
 * this loads the interactive map after first paint, or says plainly why it cannot.
 */
import { DataStore } from './data.ts';

/**
 * Whether the browser offers WebGL 2, by its interface alone: creating a context to find out costs
 * as much as the map's own (a third of a second in a software renderer), and a browser that has the
 * interface but cannot make a context is told the same when the map fails to start.
 */
const webgl2 = (): boolean => typeof WebGL2RenderingContext === 'function';

const NO_WEBGL = 'The interactive map needs WebGL 2, which this browser does not offer. The static map and the table on this page show the same figures.';

function notice(root: HTMLElement, text: string, role: 'status' | 'alert' = 'status') {
  const p = root.querySelector<HTMLElement>('[data-map-notice]');
  if (!p) return;
  p.textContent = text;
  p.setAttribute('role', role);
  p.hidden = false;
}

/**
 * The explorer's first view, when the page gives it (data-first) and the address asks for no
 * other: its box and the map's size (measured on a hidden holder), so its tiles load at once.
 */
function firstView(root: HTMLElement, id: string): { box: [number, number, number, number]; width: number; height: number } | undefined {
  const q = new URLSearchParams(location.search);
  const first = root.dataset.first ? (JSON.parse(root.dataset.first) as { box: [number, number, number, number]; indicator: { id: string } }) : null;
  const stage = root.querySelector('[data-map-stage]');
  if (!first || !stage || first.indicator.id !== id || q.has('v') || q.has('a') || q.has('n')) return undefined;
  const probe = document.createElement('div');
  probe.className = 'maplibre-holder';
  probe.style.cssText = 'position:absolute;visibility:hidden';
  stage.append(probe);
  const view = { box: first.box, width: probe.clientWidth, height: probe.clientHeight };
  probe.remove();
  return view;
}

type Mount = (root: HTMLElement, store: DataStore) => Promise<void>;

/**
 * Makes a map interactive: on demand (a button), after the page's load (neighbourhood pages,
 * embeds, indicator pages), or, for the explorer (`eager`), as soon as its SVG is painted, the
 * map library, the boundaries and the values then loading in parallel.
 */
export function boot(root: HTMLElement, mode: 'on-demand' | 'auto' | 'eager', load: () => Promise<{ mount: Mount }> = () => import('./app.ts')): void {
  const onDemand = mode === 'on-demand';
  // An embed asked to stay static keeps its SVG map only.
  if (root.dataset.embed === 'true' && new URLSearchParams(location.search).get('static') === '1') return;
  /** Checks the browser can draw the map, and starts the data requests; null (with a notice) when it cannot. */
  const prepare = (): DataStore | null => {
    if (!webgl2()) {
      notice(root, NO_WEBGL);
      return null;
    }
    const store = new DataStore(root.dataset.base ?? '/');
    const id = new URLSearchParams(root.dataset.urlState === 'off' ? '' : location.search).get('i') ?? root.dataset.indicator ?? '';
    const vintage = Number(root.querySelector<HTMLOptionElement>(`[data-indicator-select] option[value="${CSS.escape(id)}"]`)?.dataset.vintage) || undefined;
    store.prefetch(id, vintage as 2011 | 2021 | undefined, firstView(root, id));
    return store;
  };
  const mount = (store: DataStore, app = load()) => app
    .then((m) => m.mount(root, store))
    .catch((e: Error) => (/webgl/i.test(e.message) ? notice(root, NO_WEBGL) : notice(root, `The interactive map could not be loaded (${e.message}). The static map and the table on this page still show the figures.`, 'alert')));
  // Data requests start with the map library, in parallel.
  const start = () => { const store = prepare(); if (store) void mount(store); };
  if (onDemand) {
    const trigger = root.querySelector<HTMLElement>('[data-enhance]');
    trigger?.addEventListener('click', (ev) => { ev.preventDefault(); trigger.hidden = true; start(); }, { once: true });
    return;
  }
  // The explorer asks for its data at once (the page and its stylesheets are in by the time a module
  // runs; the library is already on its way, preloaded from the head) and imports the map library
  // then too; it starts the map once its SVG first view is painted, not after load: at once when the
  // page has painted already (its module runs after parsing, often after the first paint), else the
  // frame after the first render.
  if (mode === 'eager') {
    const store = prepare();
    if (store) {
      const app = load();
      app.catch(() => {});
      const go = () => setTimeout(() => void mount(store, app), 0);
      if (performance.getEntriesByType('paint').length > 0) go();
      else requestAnimationFrame(go);
    }
  }
  // Other pages: after load, the static map already on screen.
  else if (document.readyState === 'complete') setTimeout(start, 0);
  else addEventListener('load', () => setTimeout(start, 0), { once: true });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer]:not([data-explorer="eager"])')) boot(root, root.dataset.explorer === 'on-demand' ? 'on-demand' : 'auto');
