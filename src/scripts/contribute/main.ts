/**
 * The contribute page: a resident's figures (a CSV file, or cells pasted from a spreadsheet)
 * and their description checked in the browser by the module the build uses
 * (src/lib/local/), against the atlas's own published areas and neighbourhoods. Nothing is
 * sent anywhere: the only requests are for the atlas's own data files.
 */
import './no-eval.ts';
import Papa from 'papaparse';
import { asCommaSeparated, checkLocalDataset, MAX_LOCAL_BYTES, tooLarge } from '../../lib/local/check.ts';
import { contextFromPublished, type Published } from '../../lib/local/context.ts';
import { previewItems } from '../../lib/local/preview.ts';
import type { LocalContext } from '../../lib/local/schema.ts';
import type { Problem } from '../../lib/problem.ts';
import { saveText } from '../../lib/downloads.ts';
import { el } from '../dom.ts';
import { datasetId, fillForm, readForm, syncIndicators } from './meta-form.ts';
import { handIn, previewList, problemsList, publishedTable } from './render.ts';

const root = document.querySelector<HTMLElement>('[data-contribute]');
if (root) void start(root);

async function start(root: HTMLElement) {
  const base = root.dataset.base ?? '/';
  const $ = <T extends Element>(s: string) => document.querySelector<T>(s)!;
  const text = $<HTMLTextAreaElement>('[data-values-text]');
  const form = $<HTMLFormElement>('[data-meta-form]');
  const holder = $<HTMLElement>('[data-indicators]');
  const template = $<HTMLTemplateElement>('[data-indicator-template]');
  const status = $<HTMLElement>('[data-status]');
  const results = $<HTMLElement>('[data-results]');

  let published: Published, ctx: LocalContext;
  try {
    const get = async <T>(path: string) => { const r = await fetch(`${base}data/${path}`); if (!r.ok) throw new Error(`${path}: ${r.status}`); return (await r.json()) as T; };
    const [areas2011, areas2021, nb, cat, local] = await Promise.all([
      get<{ codes: string[] }>('areas/lsoa-2011.json'), get<{ codes: string[] }>('areas/lsoa-2021.json'), get<{ neighbourhoods: Published['neighbourhoods'] }>('neighbourhoods.json'),
      get<{ domains: { id: string; name: string }[]; indicators: { id: string; local?: unknown }[] }>('catalogue.json'), get<{ indicators: { id: string }[] }>('local.json'),
    ]);
    published = { areas2011, areas2021, neighbourhoods: nb.neighbourhoods, domains: cat.domains, indicatorIds: [...cat.indicators.filter((i) => !i.local).map((i) => i.id), ...local.indicators.map((i) => i.id)] };
    ctx = contextFromPublished(published);
  } catch (e) {
    root.hidden = false;
    status.textContent = `The atlas's areas could not be loaded (${(e as Error).message}). Reload the page to try again.`;
    return;
  }

  // Shown only once it works: a file chosen before the areas have loaded would go unread.
  root.hidden = false;
  const refuse = (p: Problem) => { results.hidden = false; show([p], null); status.textContent = `Refused: ${p.message}.`; };

  $<HTMLInputElement>('[data-values-file]').addEventListener('change', async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (file) await takeFile(file);
  });
  $<HTMLInputElement>('[data-meta-file]').addEventListener('change', async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > MAX_LOCAL_BYTES) return refuse(tooLarge('dataset.json', file.size));
    try {
      const meta = JSON.parse((await file.text()).replace(/^\uFEFF/, '')) as Record<string, unknown>;
      if (typeof meta !== 'object' || meta === null) throw new Error('not an object');
      fillForm(form, meta, indicatorIds(), template, holder);
      const idField = form.querySelector<HTMLInputElement>('[name="id"]')!;
      if (!idField.value) idField.value = file.name.replace(/\.json$/i, '') === 'dataset' ? '' : file.name.replace(/\.json$/i, '');
      status.textContent = 'Read dataset.json into the form below.';
      if (text.value.trim()) run();
    } catch (e) {
      refuse({ code: 'INVALID_JSON', file: 'dataset.json', message: `not valid JSON: ${(e as Error).message}`, fix: 'Choose the dataset.json saved from this page or copied from the template.' });
    }
  });
  const drop = $<HTMLElement>('[data-drop]');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); const f = e.dataTransfer?.files[0]; if (f) void takeFile(f); });
  $<HTMLButtonElement>('[data-check]').addEventListener('click', () => run());
  form.addEventListener('change', () => { if (!results.hidden) run(); });
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });

  /** A file is refused from its size before it is read, so a huge one cannot freeze the page. */
  async function takeFile(file: File) {
    if (file.size > MAX_LOCAL_BYTES) return refuse(tooLarge(file.name, file.size));
    text.value = await file.text();
    status.textContent = `Read ${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB).`;
    run();
  }

  function indicatorIds(): string[] {
    const rows = Papa.parse<string[]>(asCommaSeparated(text.value), { delimiter: ',', skipEmptyLines: true, preview: 20000 }).data;
    const k = (rows[0] ?? []).map((h) => h.trim()).indexOf('indicator');
    return k < 0 ? [] : [...new Set(rows.slice(1).map((r) => (r[k] ?? '').trim()).filter((id) => /^[a-z0-9-]+$/.test(id)))];
  }

  function run() {
    if (text.value.length > MAX_LOCAL_BYTES) return refuse(tooLarge('values.csv', text.value.length));
    syncIndicators(holder, template, [...new Set([...[...holder.querySelectorAll<HTMLFieldSetElement>('fieldset[data-id]')].filter((f) => f.querySelector<HTMLInputElement>('[name="label"]')!.value).map((f) => f.dataset.id!), ...indicatorIds()])]);
    const id = datasetId(form);
    const meta = readForm(form, holder);
    const extra: Problem[] = /^[a-z0-9-]+$/.test(id) ? [] : [{ code: 'BAD_DATASET_NAME', file: 'dataset.json', column: 'folder name', value: id, message: 'the folder name must be lowercase letters, digits and hyphens', fix: 'Give a short name such as "old-swan-survey-2026" in the first box of "About the figures".' }];
    const r = checkLocalDataset({ dataset: id || 'unnamed', metadata: JSON.stringify(meta), values: text.value }, ctx);
    results.hidden = false;
    show([...extra, ...r.problems], extra.length ? null : r);
    status.textContent = r.problems.length + extra.length ? `Checked: ${r.problems.length + extra.length} problem${r.problems.length + extra.length === 1 ? '' : 's'} to fix.` : 'Checked: no problems.';
  }

  function show(problems: Problem[], r: ReturnType<typeof checkLocalDataset> | null) {
    $<HTMLElement>('[data-problems]').replaceChildren(problemsList(problems));
    const ok = !!r?.dataset && problems.length === 0;
    $<HTMLElement>('[data-published]').replaceChildren(r ? publishedTable(r) : el('p', 'Fix the problems above first: a dataset with problems publishes nothing.'));
    $<HTMLElement>('[data-preview]').replaceChildren(ok ? previewList(previewItems(r!.dataset!, published.neighbourhoods)) : el('p', 'The preview appears when there are no problems left.'));
    const id = datasetId(form);
    $<HTMLElement>('[data-handin]').replaceChildren(handIn(id, ok, (which) => {
      if (which === 'dataset.json') saveText('dataset.json', `${JSON.stringify(readForm(form, holder), null, 2)}\n`, 'application/json');
      else saveText('values.csv', normalised(text.value), 'text/csv');
    }));
  }
}

/** values.csv as the build reads it best: commas, LF line ends, no BOM, a final newline. */
function normalised(t: string): string {
  const s = asCommaSeparated(t).replace(/\r\n/g, '\n');
  return s.endsWith('\n') ? s : `${s}\n`;
}
