/**
 * The custom area page: the selection (from the link, a neighbourhood, a council, pasted codes
 * or postcodes, the map), its profile recomputed on every change, and the link kept in step so
 * back and forward work. Data comes per council, only for the councils in use.
 */
import type { Topology } from 'topojson-specification';
import type { Catalogue } from '../../lib/data.ts';
import { councilOf, customProfile, readChunk, splitInput, type CustomChunk, type CustomChunkFile, type CustomIndex, type ProfileIndicator } from '../../lib/custom.ts';
import { parsePostcode } from '../../lib/postcode.ts';
import type { Edition } from '../../lib/change-words.ts';
import { DataStore } from '../explorer/data.ts';
import { lookupPostcode } from '../search/lookup.ts';
import { el } from '../dom.ts';
import { Picker, type PickerArea } from './picker.ts';
import type { Place } from '../../lib/labels.ts';
import { profileSections } from './profile.ts';
import { keepSection } from './keep.ts';

const root = document.querySelector<HTMLElement>('[data-custom]');
if (root) void start(root);

interface Problem { token: string; why: string }

async function start(root: HTMLElement) {
  const base = root.dataset.base ?? '/';
  const region = root.dataset.region ?? 'the region'; // as a sentence names it: "the North West", "England"
  const store = new DataStore(base);
  const out = document.querySelector<HTMLElement>('[data-profile]')!;
  const problemsBox = root.querySelector<HTMLElement>('[data-problems]')!;
  const announcer = root.querySelector<HTMLElement>('[data-announce]')!;
  const countLine = root.querySelector<HTMLElement>('[data-count]')!;
  root.hidden = false;
  let codes: string[] = [];
  const shown = new Set<string>();
  let drawn = '';
  let name = 'Your area';

  const announce = (t: string) => { announcer.textContent = ''; requestAnimationFrame(() => { announcer.textContent = t; }); };
  const fail = (e: unknown) => { problemsBox.replaceChildren(el('p', `The data for this page could not be loaded: ${(e as Error).message}. Try again, or reload the page.`)); };
  let index: CustomIndex, cat: Catalogue & { editions?: Edition[] };
  try {
    [index, cat] = await Promise.all([store.json<CustomIndex>('custom/index.json'), store.catalogue()]);
  } catch (e) { fail(e); return; }
  const indicators: ProfileIndicator[] = cat.indicators.filter((i) => !i.local).map((i) => ({ id: i.id, unit: i.unit, decimals: i.decimals, vintage: i.vintage }));
  // One object per council, so what is worked out from a chunk is kept with it (src/lib/custom.ts).
  const read = new Map<string, Promise<CustomChunk>>();
  const chunk = (lad: string) => {
    if (!read.has(lad)) read.set(lad, store.json<CustomChunkFile>(index.chunks[lad].path).then(readChunk));
    return read.get(lad)!;
  };
  const geo = (lad: string) => store.json<Topology>(index.chunks[lad].geometry);

  const picker = new Picker({
    root: root.querySelector<HTMLElement>('[data-picker]')!,
    announce,
    isChosen: (code) => codes.includes(code),
    toggle: (code) => {
      const had = codes.includes(code);
      codes = had ? codes.filter((c) => c !== code) : [...codes, code];
      announce(`${had ? 'Removed' : 'Added'} ${picker.nameOf(code) ?? code}. ${chosenWords()}.`);
      void update(true);
    },
  });
  // Place names for the maps, asked for when the first map is drawn (not in the page's first view).
  let placesAsked = false;
  const namePlaces = () => {
    if (placesAsked || !cat.search) return;
    placesAsked = true;
    store.json<{ places: Place[] }>('geo/places.json').then((d) => picker.setPlaces(d.places)).catch((e: Error) => console.warn('place names not shown:', e.message));
  };
  const chosenWords = () => `${codes.length.toLocaleString('en-GB')} small area${codes.length === 1 ? '' : 's'} chosen`;

  /** Reads codes and postcodes: each one understood, found and in the region is added once; the rest are named. */
  async function resolve(tokens: string[]): Promise<{ found: string[]; problems: Problem[] }> {
    const found: string[] = [], problems: Problem[] = [];
    for (const token of tokens) {
      const code = token.toUpperCase();
      if (/^[EW]01\d{6}$/.test(code)) {
        if (councilOf(index, code)) found.push(code);
        else problems.push({ token, why: `not a 2021 small area of ${region} (a code of another region, or of 2011 that changed in 2021?)` });
      } else if (/^[EWSN]\d{8}$/.test(code)) problems.push({ token, why: 'not understood: this is a code of another kind of area (small area codes begin E01)' });
      else if (parsePostcode(token)) {
        const r = await lookupPostcode(base, token).catch(() => null);
        if (!r) problems.push({ token, why: 'could not be looked up: the postcode files did not load' });
        else if (r.kind === 'found') { if (councilOf(index, r.lsoa.code)) found.push(r.lsoa.code); else problems.push({ token, why: `outside ${region}` }); }
        else if (r.kind === 'outside') problems.push({ token, why: `outside ${region}` });
        else problems.push({ token, why: `not found in the postcode lookup (${r.kind === 'unknown' ? r.edition : 'unknown'}): a new or mistyped postcode?` });
      } else problems.push({ token, why: 'not understood: neither a small area code (E01 and six digits) nor a full postcode' });
    }
    return { found, problems };
  }

  function showProblems(problems: Problem[]) {
    problemsBox.replaceChildren();
    if (problems.length === 0) return;
    const ul = el('ul');
    for (const p of problems) { const li = el('li'); li.append(el('code', p.token), `: ${p.why}.`); ul.append(li); }
    problemsBox.append(el('p', `${problems.length === 1 ? 'One entry was' : `${problems.length} entries were`} not added:`), ul);
  }

  async function add(tokens: string[], replace: boolean) {
    const { found, problems } = await resolve(tokens);
    showProblems(problems);
    const before = codes.length;
    codes = [...new Set([...(replace ? [] : codes), ...found])];
    if (found.length || replace) announce(`${replace ? '' : `Added ${codes.length - before}. `}${chosenWords()}.`);
    await update(true);
  }

  const urlCodes = () => splitInput(new URLSearchParams(location.search).get('lsoas') ?? '');
  async function fromUrl() {
    const { found, problems } = await resolve(urlCodes());
    showProblems(problems);
    codes = [...new Set(found)];
    await update(false);
  }

  let pending = 0;
  async function update(push: boolean) {
    const mine = ++pending;
    performance.mark('custom-profile-start');
    if (push) {
      const url = new URL(location.href);
      if (codes.length) url.searchParams.set('lsoas', codes.join(',')); else url.searchParams.delete('lsoas');
      // Commas kept readable in the link, as a council would write it by hand.
      const next = url.pathname + url.search.replace(/%2C/g, ',') + url.hash;
      // A new entry only for a new selection (pasting nothing new adds no step to Back).
      if (next !== location.pathname + location.search + location.hash) history.pushState(null, '', next);
    }
    for (const c of codes) shown.add(councilOf(index, c)!);
    const councils = [...shown].sort();
    let chunks: CustomChunk[], topologies: Topology[];
    try {
      [chunks, topologies] = await Promise.all([Promise.all(councils.map(chunk)), Promise.all(councils.map(geo))]);
    } catch (e) { fail(e); return; }
    if (mine !== pending) return; // a later change is on its way
    const key = councils.join(',');
    if (key !== drawn) {
      drawn = key;
      root.querySelector('[data-picker-empty]')?.remove();
      // How to pick on the map, once there is one.
      root.querySelector<HTMLElement>('#picker-help')?.removeAttribute('hidden');
      picker.draw(chunks.map((c, k) => ({ topology: topologies[k], areas: new Map(c.a2021.codes.map((code, i) => [code, { code, name: c.a2021.names[i], council: c.name, ward: c.a2021.ward[i] } as PickerArea])) })));
      namePlaces();
    } else picker.refresh();
    countLine.textContent = codes.length ? `${chosenWords()}.` : 'No small areas chosen yet.';
    if (codes.length === 0) { out.replaceChildren(); return; }
    const inUse = chunks.filter((c) => codes.some((code) => c.a2021.codes.includes(code)));
    const profile = customProfile(index, inUse, indicators, codes);
    const ctx = { cat, index, chunks: inUse, profile, name, base };
    const keep = keepSection({ ...ctx, topologies: topologies.filter((_, k) => inUse.includes(chunks[k])), onName: (n) => { name = n || 'Your area'; void update(false); } });
    out.replaceChildren(...profileSections(ctx), keep);
    performance.measure('custom-profile', 'custom-profile-start');
    // And to the frame after the browser has laid the new profile out and painted it.
    requestAnimationFrame(() => setTimeout(() => performance.measure('custom-paint', 'custom-profile-start'), 0));
    document.documentElement.dataset.customReady = String(codes.length);
  }

  root.querySelector<HTMLFormElement>('[data-start="neighbourhood"]')!.addEventListener('submit', (e) => {
    e.preventDefault();
    const opt = (e.currentTarget as HTMLFormElement).querySelector<HTMLSelectElement>('select')!.selectedOptions[0];
    void add(splitInput(opt.dataset.lsoas ?? ''), true);
  });
  const councilForm = root.querySelector<HTMLFormElement>('[data-start="council"]')!;
  const councilCode = () => councilForm.querySelector<HTMLSelectElement>('select')!.value;
  councilForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const lad = councilCode();
    void chunk(lad).then((c) => add(c.a2021.codes, true), fail);
  });
  councilForm.querySelector('[data-show-council]')!.addEventListener('click', () => {
    // No council chosen yet: the list says so, as the form's own buttons do.
    const lad = councilCode();
    if (!lad) { councilForm.reportValidity(); return; }
    shown.add(lad); announce(`${index.chunks[lad]?.name ?? ''} shown on the map.`); void update(false);
  });
  const paste = root.querySelector<HTMLFormElement>('[data-paste]')!;
  paste.addEventListener('submit', (e) => {
    e.preventDefault();
    const area = paste.querySelector<HTMLTextAreaElement>('textarea')!;
    const tokens = splitInput(area.value);
    void add(tokens, false).then(() => { area.value = ''; });
  });
  paste.querySelector('[data-clear]')!.addEventListener('click', () => { codes = []; showProblems([]); announce('Selection cleared.'); void update(true); });
  addEventListener('popstate', () => void fromUrl());
  await fromUrl();
}
