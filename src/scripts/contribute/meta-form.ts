/**
 * The "About the figures" form and dataset.json: one fieldset per indicator named in the
 * figures, filled from an uploaded dataset.json when there is one, and read back into the
 * object that becomes dataset.json. Values are read as text and never set as markup.
 */
type Json = Record<string, unknown>;

const TOP = ['title', 'collectedBy', 'method', 'period', 'licence', 'sourceUrl', 'contact', 'notes', 'design', 'comparison'] as const;
const IND = ['label', 'description', 'domain', 'level', 'vintage', 'unit', 'polarity', 'denominator', 'decimals'] as const;

const field = (root: ParentNode, name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`);

/** Puts an uploaded dataset.json's fields into the form (unknown fields are ignored). */
export function fillForm(form: HTMLFormElement, meta: Json, ids: string[], template: HTMLTemplateElement, holder: HTMLElement): void {
  for (const k of TOP) { const f = field(form, k); if (f && typeof meta[k] === 'string') f.value = meta[k] as string; }
  const dc = (meta.disclosureControl ?? {}) as Json;
  (field(form, 'synthetic') as HTMLInputElement).checked = meta.synthetic === true;
  if (typeof dc.applies === 'boolean') (field(form, 'applies') as HTMLInputElement).checked = dc.applies;
  if (typeof dc.minCount === 'number') field(form, 'minCount')!.value = String(dc.minCount);
  if (typeof dc.minDenominator === 'number') field(form, 'minDenominator')!.value = String(dc.minDenominator);
  const declared = Array.isArray(meta.indicators) ? (meta.indicators as Json[]) : [];
  syncIndicators(holder, template, [...new Set([...declared.map((i) => String(i.id ?? '')).filter(Boolean), ...ids])]);
  for (const ind of declared) {
    const fs = holder.querySelector<HTMLFieldSetElement>(`fieldset[data-id="${CSS.escape(String(ind.id))}"]`);
    if (!fs) continue;
    for (const k of IND) { const f = field(fs, k); if (f && ind[k] !== undefined) f.value = String(ind[k]); }
  }
}

/** One fieldset per indicator id, in order; fieldsets already filled in are kept. */
export function syncIndicators(holder: HTMLElement, template: HTMLTemplateElement, ids: string[]): void {
  const have = new Map([...holder.querySelectorAll<HTMLFieldSetElement>('fieldset[data-id]')].map((f) => [f.dataset.id!, f]));
  const next = ids.map((id, k) => {
    const old = have.get(id);
    if (old) return old;
    const fs = (template.content.firstElementChild!.cloneNode(true) as HTMLFieldSetElement);
    fs.dataset.id = id;
    fs.querySelector('[data-legend]')!.textContent = `Measure "${id}"`;
    // Each control gets its own id so labels stay unique across fieldsets.
    fs.querySelectorAll('input, select, textarea').forEach((c) => { (c as HTMLElement).id = `ind-${k}-${(c as HTMLInputElement).name}`; });
    return fs;
  });
  holder.replaceChildren(...next);
}

/** The form as dataset.json, exactly as it would be saved. */
export function readForm(form: HTMLFormElement, holder: HTMLElement): Json {
  const text = (k: string) => field(form, k)?.value.trim() ?? '';
  const meta: Json = { title: text('title'), synthetic: (field(form, 'synthetic') as HTMLInputElement).checked };
  for (const k of TOP.slice(1)) { const v = text(k); if (v !== '' || !['notes', 'comparison', 'design'].includes(k)) meta[k] = v; }
  if (meta.design === 'one-wave') delete meta.design;
  meta.disclosureControl = { applies: (field(form, 'applies') as HTMLInputElement).checked, minCount: Number(text('minCount')) || 10, minDenominator: Number(text('minDenominator')) || 10 };
  meta.indicators = [...holder.querySelectorAll<HTMLFieldSetElement>('fieldset[data-id]')].map((fs) => {
    const v = (k: string) => field(fs, k)?.value.trim() ?? '';
    const ind: Json = { id: fs.dataset.id, label: v('label'), description: v('description'), domain: v('domain'), level: v('level') };
    if (v('level') === 'lsoa') ind.vintage = Number(v('vintage'));
    Object.assign(ind, { unit: v('unit'), polarity: v('polarity') });
    if (v('denominator')) ind.denominator = v('denominator');
    ind.decimals = Number(v('decimals') || '1');
    return ind;
  });
  return meta;
}

/** The dataset's folder name from the form. */
export const datasetId = (form: HTMLFormElement) => field(form, 'id')?.value.trim() ?? '';
