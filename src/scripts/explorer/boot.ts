/**
 * Small first-party script of every map page: the page is already useful (SVG map, table);
 * this loads the interactive map after first paint, or says plainly why it cannot.
 */
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
  const start = () => {
    if (!webgl2()) {
      notice(root, 'The interactive map needs WebGL 2, which this browser does not offer. The map above and the table below show the same figures.');
      return;
    }
    import('./app.ts')
      .then((m) => m.mount(root))
      .catch((e: Error) => notice(root, `The interactive map could not be loaded (${e.message}). The map above and the table below still show the figures.`, 'alert'));
  };
  if (onDemand) {
    const trigger = root.querySelector<HTMLElement>('[data-enhance]');
    trigger?.addEventListener('click', (ev) => { ev.preventDefault(); trigger.hidden = true; start(); }, { once: true });
    return;
  }
  if (document.readyState === 'complete') requestIdleCallback?.(start) ?? setTimeout(start, 0);
  else addEventListener('load', () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(start, { timeout: 500 }) : setTimeout(start, 0)), { once: true });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer]')) boot(root, root.dataset.explorer === 'on-demand');
