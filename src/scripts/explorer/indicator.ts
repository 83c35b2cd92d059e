/** The indicator shown: its values as the small areas' colours, the legend and everything that names it. */
import type { IndicatorMeta } from '../../lib/data.ts';
import { directionInWords, legendItems, NO_DATA } from '../../lib/classes.ts';
import { areaStates, councilColours } from '../../lib/map-state.ts';
import { carriedFlags, type ChangeValues } from '../../lib/words.ts';
import { el, setText } from '../dom.ts';
import { alertBox, type Ctx, type Loaded } from './context.ts';
import type { DataStore } from './data.ts';
import { writeState } from './state.ts';
import { ensureNames, refreshTable } from './table.ts';
import { selectArea } from './selection.ts';
import { addAreaLayers, AFTER_FIRST_DRAW, layersFor, paintAreas, paintCouncils, showLayers } from './tiles.ts';

/** Fetches an indicator's values, in the order of its vintage's small areas (the tiles' feature ids). */
export async function loadIndicator(store: DataStore, ind: IndicatorMeta): Promise<Loaded> {
  const [values, tiles] = await Promise.all([store.values(ind), store.tiles()]);
  const areas = tiles.vintages[ind.vintage]?.areas;
  if (areas !== values.values.length) throw new Error(`${ind.values} has ${values.values.length} values for ${areas ?? 'no'} small areas of ${ind.vintage}`);
  const u = values as typeof values & ChangeValues & { lower?: (number | null)[]; upper?: (number | null)[]; n?: (number | null)[]; lowPrecision?: number[]; councils?: (number | null)[] };
  const current = { values: values.values, missing: new Set(values.missing), suppressed: new Set(values.suppressed), lower: u.lower, upper: u.upper, n: u.n, lowPrecision: new Set(u.lowPrecision ?? []), carried: carriedFlags(u), editions: u.editions, councils: u.councils };
  return { ind, current };
}

/** Colours the small areas by the indicator (feature state: no tile is parsed again). */
export function applyValues(ctx: Ctx) {
  paintAreas(ctx.map, areaStates(ctx.current, ctx.ind.classes));
  if (ctx.current.councils) paintCouncils(ctx.map, councilColours(ctx.current.councils, ctx.ind.classes));
}

export async function showIndicator(ctx: Ctx, ind: IndicatorMeta) {
  const loaded = await loadIndicator(ctx.store, ind);
  const vintageChanged = ind.vintage !== ctx.ind.vintage;
  Object.assign(ctx, { ind, current: loaded.current });
  await ensureNames(ctx);
  if (vintageChanged) {
    // Another vintage has other areas: its own tiles, and nothing selected or under the pointer yet.
    Object.assign(ctx, { selectedId: null, hovered: null });
    addAreaLayers(ctx.map, ctx.tiles.vintages[ind.vintage], ind.vintage, ctx.root.dataset.base ?? '/', [...layersFor(ctx.current), ...(ctx.ready ? AFTER_FIRST_DRAW : [])]);
  } else showLayers(ctx.map, layersFor(ctx.current));
  applyValues(ctx);
  // The table and summary follow at once, near the screen or not; another vintage's areas once they are drawn.
  renderIndicator(ctx, !vintageChanged, true);
  if (vintageChanged) ctx.map.once('idle', () => refreshTable(ctx, true));
}

/** Everything on the page that names the indicator shown: heading, menu, legend, table (`always`: see refreshTable). */
export function renderIndicator(ctx: Ctx, table = true, always = false) {
  setText(ctx.root.querySelector('[data-indicator-label]'), ctx.ind.label);
  const select = ctx.root.querySelector<HTMLSelectElement>('[data-indicator-select]');
  if (select) select.value = ctx.ind.id;
  renderLegend(ctx);
  if (table) refreshTable(ctx, always);
}

export async function changeIndicator(ctx: Ctx, id: string, push = true) {
  await ctx.meta; // the menu may be used before the catalogue is in
  const ind = ctx.cat.indicators.find((i) => i.id === id);
  if (!ind) return;
  // While the new figures load, nothing on the page goes on describing the old ones: the summary
  // says what is coming, and the legend and table are marked busy (and dimmed) until they are redrawn.
  const busy = ctx.root.querySelectorAll<HTMLElement>('[data-legend], [data-table-body]');
  const summary = ctx.root.querySelector<HTMLElement>('[data-map-summary]');
  const was = summary?.textContent ?? '';
  busy.forEach((e) => e.setAttribute('aria-busy', 'true'));
  if (summary && ctx.ready) summary.textContent = `Loading the figures for “${ind.label}”…`;
  try {
    await showIndicator(ctx, ind);
  } catch (e) {
    if (summary && summary.textContent!.startsWith('Loading')) summary.textContent = was;
    alertBox(ctx.root, `The figures for ${ind.shortLabel} could not be loaded: ${(e as Error).message}.`);
    return;
  } finally {
    busy.forEach((e) => e.removeAttribute('aria-busy'));
  }
  ctx.state.i = id;
  if (ctx.state.a) selectArea(ctx, ctx.state.a, false, false);
  if (push && ctx.urlState) history.pushState(null, '', writeState(ctx.state));
}


export function renderLegend(ctx: Ctx) {
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
  wrap.append(title, list, el('p', directionInWords(ind.classes, ind.classes.over, ind.unit, ind.decimals), 'legend-note'));
  if (/^CC-BY-SA/i.test(ind.licence?.id ?? '')) wrap.append(el('p', `Share-alike: ${ind.licence!.name} (${ind.edition}).`, 'legend-note licence-sa'));
  // The page's own legend for its first indicator stays as it was painted: replaced by the same words, its note
  // (the largest text of the first view) was painted again a second later, and counted as the page's largest paint then.
  const shown = box.querySelector(':scope > .legend');
  if (shown && sameLegend(shown, wrap)) return;
  box.replaceChildren(wrap);
}

/** Two legends with the same words and the same swatches, in the same order. */
export function sameLegend(a: Element, b: Element): boolean {
  const fills = (e: Element) => [...e.querySelectorAll('rect')].map((r) => r.getAttribute('fill')).join(' ');
  const words = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
  return words(a) === words(b) && fills(a) === fills(b);
}

export function swatch(colour: string, hatched = false, dashed = false): SVGSVGElement {
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

