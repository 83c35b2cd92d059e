/**
 * Small first-party script of every map page: the page is already useful (SVG map, table);
 * this loads the interactive map after first paint, or says plainly why it cannot.
 */
import { DataStore } from './data.ts';

function webgl2(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

function notice(root: HTMLElement, text: string, role: 'status' | 'alert' = 'status') {
  const p = root.querySelector<HTMLElement>('[data-map-notice]');
  if (!p) return;
  p.textContent = text;
  p.setAttribute('role', role);
  p.hidden = false;
}

export function boot(root: HTMLElement, onDemand: boolean): void {
  // An embed asked to stay static keeps its SVG map only.
  if (root.dataset.embed === 'true' && new URLSearchParams(location.search).get('static') === '1') return;
  const start = () => {
    if (!webgl2()) {
      notice(root, 'The interactive map needs WebGL 2, which this browser does not offer. The static map and the table on this page show the same figures.');
      return;
    }
    // Data requests start now, in parallel with loading the map library.
    const store = new DataStore(root.dataset.base ?? '/');
    store.prefetch(new URLSearchParams(root.dataset.urlState === 'off' ? '' : location.search).get('i') ?? root.dataset.indicator ?? '');
    import('./app.ts')
      .then((m) => m.mount(root, store))
      .catch((e: Error) => notice(root, `The interactive map could not be loaded (${e.message}). The static map and the table on this page still show the figures.`, 'alert'));
  };
  if (onDemand) {
    const trigger = root.querySelector<HTMLElement>('[data-enhance]');
    trigger?.addEventListener('click', (ev) => { ev.preventDefault(); trigger.hidden = true; start(); }, { once: true });
    return;
  }
  // After first paint: the static map is already on screen.
  if (document.readyState === 'complete') setTimeout(start, 0);
  else addEventListener('load', () => setTimeout(start, 0), { once: true });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer]')) boot(root, root.dataset.explorer === 'on-demand');
