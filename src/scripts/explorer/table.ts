/** The table under the map and the summary above it: they follow the map's view. */
import { councilBasis } from '../../lib/council-figure.ts';
import { formatValue, worstFirst } from '../../lib/classes.ts';
import { cap, viewSummary } from '../../lib/words.ts';
import { el, setText } from '../dom.ts';
import { alertBox, carriedNote, statusOf, TABLE_ROWS, type Ctx } from './context.ts';
import { belowSmallAreas, councilIdsInView, showingCouncils } from './councils.ts';

/** Names, wards and local authorities of the current vintage's areas, fetched on first need. */
export async function ensureNames(ctx: Ctx): Promise<void> {
  const vintage = ctx.ind.vintage;
  if (ctx.namesVintage === vintage) return;
  const areas = await ctx.store.areas(vintage);
  if (ctx.ind.vintage !== vintage) return;
  ctx.names = new Map(areas.codes.map((c, i) => [c, { name: areas.names[i], lad: areas.ladNames[areas.lad[i]] ?? areas.lad[i], ward: areas.wardNames[areas.ward[i]] ?? areas.ward[i] }]));
  ctx.codes = areas.codes;
  ctx.areaIndex = new Map(areas.codes.map((c, i) => [c, i]));
  ctx.namesVintage = vintage;
}

/**
 * Brings the table and summary up to date with the view, when they are near the screen, or
 * (`always`) after the reader chose another measure: nothing on the page may go on describing the
 * old one. Only the map's own moves wait for the table to come near (a phone that never scrolls
 * there fetches no names).
 */
export function refreshTable(ctx: Ctx, always = false) {
  if (ctx.ready && (ctx.tableNear || always)) withNames(ctx, () => renderTable(ctx));
}

/** Runs `then` once the names are in; if they cannot be fetched, says so, and the page's own table stays. */
export function withNames(ctx: Ctx, then: () => void = () => {}): void {
  ensureNames(ctx).then(then, (e: Error) => alertBox(ctx.root, `The names of the small areas could not be loaded (${e.message}). The map still shows the figures; the table lists the neighbourhoods' areas.`));
}


/**
 * The small areas the map draws in its current view, each once: read from the tiles drawn
 * (queryRenderedFeatures), by feature id. None below the zoom small areas are shown from.
 */
export function areasInView(ctx: Ctx): string[] {
  const seen = new Set<number>();
  for (const f of ctx.map.queryRenderedFeatures({ layers: ['lsoa-fill'] })) if (typeof f.id === 'number') seen.add(f.id);
  return [...seen].map((i) => ctx.codes[i]).filter((c) => c !== undefined);
}

/**
 * The table under the map and the summary above it, for the view shown: every small area in
 * view with the same value the map colours it by, worst first (the first 100 until the reader
 * asks for all). Before the map has drawn, the page's own table and summary stand.
 */
export function renderTable(ctx: Ctx) {
  const tbody = ctx.root.querySelector<HTMLElement>('[data-table-body]');
  const head = ctx.root.querySelector<HTMLElement>('[data-table-value]');
  if (head) head.textContent = ctx.ind.shortLabel;
  if (!tbody || !ctx.ready) return;
  const councils = showingCouncils(ctx);
  setText(ctx.root.querySelector('[data-table-first]'), councils ? 'Council' : 'Small area');
  setText(ctx.root.querySelector('[data-table-second]'), councils ? 'Code' : 'Local authority');
  if (councils) return renderCouncils(ctx, tbody);
  const codes = areasInView(ctx);
  const nbOf = new Map<string, string>();
  for (const n of ctx.nbs) for (const m of ctx.ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021) nbOf.set(m.code, n.name);
  const areas = codes.map((code) => ({ code, name: ctx.names.get(code)?.name ?? code, lad: ctx.names.get(code)?.lad ?? '', ...statusOf(ctx, code) }));
  areas.sort(worstFirst(ctx.ind.polarity));
  const shown = ctx.tableAll ? areas : areas.slice(0, TABLE_ROWS);
  const rows = shown.map((a) => {
    const tr = el('tr');
    tr.dataset.code = a.code;
    const th = el('th');
    th.scope = 'row';
    const b = el('button', a.name, 'linkish');
    b.type = 'button';
    b.dataset.select = a.code; // selection.ts selects it (one listener on the table)
    th.append(b, el('span', ` ${a.code}`, 'code'));
    tr.append(th, el('td', a.lad), el('td', nbOf.get(a.code) ?? ''), el('td', (a.status === 'value' ? formatValue(a.value, ctx.ind.unit, ctx.ind.decimals) : a.status === 'suppressed' ? 'suppressed' : 'no data') + carriedNote(ctx, a.code), 'num'));
    return tr;
  });
  tbody.replaceChildren(...rows);
  const order = ctx.ind.polarity === 'neutral' ? 'highest first' : 'worst first';
  const heading = ctx.root.querySelector<HTMLElement>('[data-table-heading]');
  if (heading) heading.textContent = belowSmallAreas(ctx) ? 'Zoom in to list the small areas in view' : `The ${areas.length.toLocaleString('en-GB')} small areas in view`;
  const caption = ctx.root.querySelector<HTMLElement>('[data-table-caption]');
  if (caption) caption.textContent = `Small areas in the map's view with ${ctx.ind.label}, ${order}`;
  const region = ctx.root.querySelector<HTMLElement>('[data-table-region]');
  if (region) region.setAttribute('aria-label', `Small areas in the map's view (table; scrolls sideways if wide)`);
  tableNote(ctx, tbody, shown.length, areas.length, order);
  const summary = ctx.root.querySelector<HTMLElement>('[data-map-summary]');
  if (summary) {
    const here = new Set(codes);
    const inView = ctx.nbs.filter((n) => (ctx.ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).some((m) => here.has(m.code))).map((n) => n.name);
    summary.textContent = `${viewSummary(ctx.ind, areas, 'in view')}${inView.length ? ` The programme's neighbourhoods in view: ${inView.join(', ')}.` : ''}`;
  }
}


/** The note under the table's heading: how many rows of how many, and a button for all of them. */
function tableNote(ctx: Ctx, tbody: HTMLElement, shown: number, total: number, order: string) {
  const note = ctx.root.querySelector<HTMLElement>('[data-table-note]');
  if (!note) return;
  const more = total - shown;
  note.replaceChildren(document.createTextNode(`${more > 0 ? `The first ${shown} of ${total.toLocaleString('en-GB')}, ${order}. ` : `${cap(order)}. `}The table follows the map: zoom or move it to change the list.`));
  if (more > 0) {
    const all = el('button', `Show all ${total.toLocaleString('en-GB')}`, 'linkish');
    all.type = 'button';
    all.addEventListener('click', () => { ctx.tableAll = true; renderTable(ctx); (tbody.querySelector<HTMLElement>(`tr:nth-child(${shown + 1}) button`) ?? all.closest('section')?.querySelector<HTMLElement>('[data-table-region]'))?.focus(); });
    note.append(' ', all);
  }
}

/**
 * Zoomed out beyond the small areas (the nation's scope): the councils the map draws in view,
 * each with the figure it is coloured by, worst first, and the programme's neighbourhoods in it.
 */
function renderCouncils(ctx: Ctx, tbody: HTMLElement) {
  const t = ctx.tiles.vintages[ctx.ind.vintage];
  const figures = ctx.current.councils ?? [];
  const rows = councilIdsInView(ctx).map((id) => ({ code: t.lads[id].code, name: t.lads[id].name, value: figures[id] ?? null }));
  rows.sort(worstFirst(ctx.ind.polarity));
  const shown = ctx.tableAll ? rows : rows.slice(0, TABLE_ROWS);
  const vintage = ctx.ind.vintage === 2011 ? '2011' : '2021';
  tbody.replaceChildren(...shown.map((c) => {
    const tr = el('tr');
    const th = el('th', c.name);
    th.scope = 'row';
    const nbs = ctx.nbs.filter((n) => n.lad[vintage]?.code === c.code).map((n) => n.name).join(', ');
    tr.append(th, el('td', c.code, 'code'), el('td', nbs), el('td', c.value === null ? 'no data' : formatValue(c.value, ctx.ind.unit, ctx.ind.decimals), 'num'));
    return tr;
  }));
  const order = ctx.ind.polarity === 'neutral' ? 'highest first' : 'worst first';
  const at = (sel: string) => ctx.root.querySelector(sel);
  setText(at('[data-table-heading]'), `The ${rows.length.toLocaleString('en-GB')} councils in view`);
  setText(at('[data-table-caption]'), `Councils in the map's view, each with its own figure for ${ctx.ind.label}: ${councilBasis(ctx.ind)}; ${order}`);
  at('[data-table-region]')?.setAttribute('aria-label', `Councils in the map's view (table; scrolls sideways if wide)`);
  tableNote(ctx, tbody, shown.length, rows.length, order);
  setText(at('[data-map-summary]'), `Zoomed out, each council is coloured by its own figure: ${councilBasis(ctx.ind)}. Zoom in to see its small areas.`);
}
