import type { BBox } from '../../lib/planar.ts';

/** One thing the search box can find: a neighbourhood, local authority, ward or small area. */
export interface SearchEntry { label: string; kind: string; key: string; bbox: BBox; extra?: string }

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** Ranks entries for a query: whole-label and word-start matches first, neighbourhoods before small areas. */
export function findEntries(entries: SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = norm(query);
  if (q.length < 2) return [];
  const order = ['Neighbourhood', 'Local authority', 'Ward', 'Small area'];
  const scored: [number, SearchEntry][] = [];
  for (const e of entries) {
    const l = norm(e.label);
    const i = l.indexOf(q);
    if (i < 0) continue;
    const score = (l === q ? 0 : i === 0 ? 1 : l.includes(` ${q}`) ? 2 : 3) * 10 + order.indexOf(e.kind);
    scored.push([score, e]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label));
  return scored.slice(0, limit).map(([, e]) => e);
}

/**
 * An ARIA 1.2 combobox on an input: suggestions as you type, arrow keys to move, Enter to
 * choose, Escape to close; the number of suggestions is announced.
 */
export function attachSearch(input: HTMLInputElement, index: () => Promise<SearchEntry[]>, onChoose: (e: SearchEntry) => void): void {
  let entries: SearchEntry[] = [];
  let loading: Promise<void> | null = null;
  const ready = () => (loading ??= index().then((e) => { entries = e; }));
  input.addEventListener('focus', () => void ready(), { once: true });
  const listId = `${input.id}-list`;
  const list = document.getElementById(listId) as HTMLUListElement;
  const status = document.getElementById(`${input.id}-status`);
  let shown: SearchEntry[] = [];
  let active = -1;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const render = () => {
    list.replaceChildren(...shown.map((e, k) => {
      const li = document.createElement('li');
      li.id = `${listId}-${k}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(k === active));
      const strong = document.createElement('span');
      strong.textContent = e.label;
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = e.kind;
      li.append(strong, kind);
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(k); });
      return li;
    }));
    list.hidden = shown.length === 0;
    input.setAttribute('aria-expanded', String(shown.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`); else input.removeAttribute('aria-activedescendant');
  };
  const choose = (k: number) => {
    const e = shown[k];
    if (!e) return;
    input.value = e.label;
    close();
    if (status) status.textContent = `Showing ${e.label}.`;
    onChoose(e);
  };
  input.addEventListener('input', async () => {
    await ready();
    shown = findEntries(entries, input.value);
    active = -1;
    render();
    if (status) status.textContent = input.value.trim().length < 2 ? '' : shown.length ? `${shown.length} suggestion${shown.length === 1 ? '' : 's'}; use the up and down arrows to choose.` : 'No matching place, ward or small area.';
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && shown.length) { active = (active + 1) % shown.length; render(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && shown.length) { active = (active - 1 + shown.length) % shown.length; render(); ev.preventDefault(); }
    else if (ev.key === 'Enter') { if (shown.length) { choose(active >= 0 ? active : 0); ev.preventDefault(); } }
    else if (ev.key === 'Escape') { if (!list.hidden) { close(); ev.stopPropagation(); } }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.form?.addEventListener('submit', async (ev) => { ev.preventDefault(); await ready(); shown = findEntries(entries, input.value); if (shown.length) choose(0); else if (status) status.textContent = 'No matching place, ward or small area.'; });
}
