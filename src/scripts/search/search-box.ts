/**
 * The one search box of the atlas (home, explorer, neighbourhood pages): a full postcode in any
 * spelling, a place, ward, parish, district or neighbourhood name, or (in the explorer) an LSOA
 * code or name. An ARIA 1.2 combobox; suggestions are announced; everything is text, not HTML.
 */
import { looksLikePostcode, parsePostcode, wardWords } from '../../lib/postcode.ts';
import { findEntries, type SearchEntry } from '../explorer/search.ts';
import { loadPlaces, lookupPostcode, prefetchPostcode, type Coverage, type PostcodeAnswer, type PostcodeResult } from './lookup.ts';

export interface SearchHandlers {
  /** Extra entries (the explorer adds small areas). */
  extra?: () => Promise<SearchEntry[]>;
  onPlace: (e: SearchEntry) => void;
  onPostcode: (r: PostcodeResult & { kind: 'found' }) => void;
}

/** Why a postcode was not found, in words: outside the region, or not in the postcode file, or a file that covers only part of the region. */
export function notFound(r: { kind: 'outside' | 'unknown'; postcode: string } & Coverage & { area?: string }): string {
  if (r.coverage === 0) return `${r.postcode} cannot be looked up: the atlas's postcode file (${r.edition}) holds no postcode of ${r.region}. Search for a place, ward or local authority instead.`;
  const partly = !r.complete ? ` The postcode file covers only ${Math.round(100 * r.coverage)}% of the small areas of ${r.region}; search for a place, ward or local authority instead.` : '';
  // A file that covers only part of the area cannot say a postcode is outside it: only that the file lacks it.
  if (r.kind === 'outside' && !r.complete) return `${r.postcode} is not in the atlas's postcode file (${r.edition}), which has no ${r.area} postcodes.${partly}`;
  if (r.kind === 'outside') return `${r.postcode} is not a postcode of ${r.region} (no ${r.area} postcodes are in it). The atlas covers ${r.region} only.`;
  return `${r.postcode} could not be found. It may be newer than the postcode file (${r.edition}), or mistyped.${partly}`;
}

/** A postcode found, in words: the neighbourhood first (or that it is in none), then its small area, ward and council. */
export function found(r: Pick<PostcodeAnswer, 'postcode' | 'lsoa' | 'ward' | 'lad' | 'neighbourhood'>): string {
  const where = r.neighbourhood ? `${r.postcode} is in ${r.neighbourhood.name}, one of the programme's neighbourhoods.` : `${r.postcode} is not in one of the programme's neighbourhoods.`;
  return `${where} Its small area is ${r.lsoa.name} (${r.lsoa.code}), in ${wardWords(r.ward.name)}, ${r.lad.name}.`;
}

export function mountSearchBox(form: HTMLFormElement, handlers: SearchHandlers): void {
  const base = form.dataset.base ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const result = form.querySelector<HTMLElement>('[data-search-result]');
  let entries: SearchEntry[] = [];
  let loading: Promise<void> | null = null;
  const ready = () => (loading ??= Promise.all([loadPlaces(base), handlers.extra?.() ?? Promise.resolve([])]).then(([places, extra]) => {
    entries = [
      ...places.map((p) => ({ label: p.where ? `${p.label}, ${p.where}` : p.label, kind: p.kindName, key: `${p.kind}:${p.id ?? p.label}`, bbox: p.bbox ?? [p.point![0] - 0.01, p.point![1] - 0.008, p.point![0] + 0.01, p.point![1] + 0.008] as [number, number, number, number] })),
      ...extra,
    ];
    // Said on the form once the place index is in hand (for scripts and tests that wait for it; every search waiting on it answers in the same turn).
    form.dataset.places = 'ready';
  }).catch((e: Error) => { loading = null; say(`The place list could not be loaded (${e.message}).`, true); }));
  let shown: SearchEntry[] = [];
  let active = -1;
  const listId = list.id;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  const say = (text: string, alert = false) => {
    const target = result ?? status;
    // The hint before a look-up ("Press Enter…") must not be left to be read above its answer.
    if (target !== status) status.textContent = '';
    target.textContent = text;
    target.setAttribute('role', alert ? 'alert' : 'status');
  };
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const render = () => {
    list.replaceChildren(...shown.map((e, k) => {
      const li = document.createElement('li');
      li.id = `${listId}-${k}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(k === active));
      const a = document.createElement('span');
      a.textContent = e.label;
      const b = document.createElement('span');
      b.className = 'kind';
      b.textContent = e.kind;
      li.append(a, b);
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); void choose(k); });
      return li;
    }));
    list.hidden = shown.length === 0;
    input.setAttribute('aria-expanded', String(shown.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`); else input.removeAttribute('aria-activedescendant');
  };
  const postcode = async (text: string) => {
    close();
    say('Looking up the postcode…');
    try {
      const r = await lookupPostcode(base, text);
      if (r.kind === 'malformed') say('That is not a full postcode. A postcode looks like L36 9UD or FY1 1AD: an area and district, a space, then a number and two letters.', true);
      else if (r.kind === 'outside' || r.kind === 'unknown') say(notFound(r), true);
      else { say(found(r)); handlers.onPostcode(r); }
    } catch (e) {
      say(`The postcode could not be looked up (${(e as Error).message}). Try again, or use the list of places.`, true);
    }
  };
  const choose = async (k: number) => {
    const e = shown[k];
    if (!e) return;
    if (e.key.startsWith('pc:')) return postcode(e.key.slice(3));
    input.value = e.label;
    close();
    say(`Showing ${e.label} (${e.kind.toLowerCase()}).`);
    handlers.onPlace(e);
  };
  const update = async () => {
    const v = input.value;
    if (looksLikePostcode(v)) {
      const p = parsePostcode(v);
      shown = p ? [{ label: `Postcode ${p.postcode}`, kind: 'Postcode', key: `pc:${p.postcode}`, bbox: [0, 0, 0, 0] }] : [];
      prefetchPostcode(base, v);
      active = -1;
      render();
      status.textContent = p ? 'Press Enter to look up the postcode.' : 'Keep typing the full postcode.';
      return;
    }
    await ready();
    // Typed on while the place index loaded: a later input answers for the box (a postcode may have been looked up meanwhile).
    if (input.value !== v) return;
    shown = findEntries(entries, v);
    active = -1;
    render();
    status.textContent = v.trim().length < 2 ? '' : shown.length ? `${shown.length} suggestion${shown.length === 1 ? '' : 's'}; use the up and down arrows to choose.` : 'No matching place, ward or small area.';
  };
  // The place index loads on the first letters that are not a postcode; a postcode search never needs it.
  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && shown.length) { active = (active + 1) % shown.length; render(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && shown.length) { active = (active - 1 + shown.length) % shown.length; render(); ev.preventDefault(); }
    else if (ev.key === 'Escape' && !list.hidden) { close(); ev.stopPropagation(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (active >= 0) return void choose(active);
    if (looksLikePostcode(input.value) || /^[A-Z]{1,2}[0-9]/i.test(input.value.trim())) return void postcode(input.value);
    await ready();
    shown = findEntries(entries, input.value);
    if (shown.length) void choose(0);
    else say('No matching place, ward or small area. Try a postcode, a town or a neighbourhood.', true);
  });
  // A search sent to this page as a plain form (?q=…, before the script ran, or from another page's form) is run here.
  const asked = new URLSearchParams(location.search).get(input.name)?.trim();
  if (asked && new URL(form.action, location.href).pathname === location.pathname) {
    input.value = asked;
    form.requestSubmit();
  }
}

/** Explorer view of a box: centre and a zoom that fits it (for links from pages without a map). */
export function viewOf(b: [number, number, number, number]): string {
  const span = Math.max(b[2] - b[0], (b[3] - b[1]) * 1.6, 0.004);
  const zoom = Math.max(7, Math.min(14, Math.log2(360 / span) - 0.6));
  return `${((b[0] + b[2]) / 2).toFixed(4)},${((b[1] + b[3]) / 2).toFixed(4)},${zoom.toFixed(2)}`;
}
