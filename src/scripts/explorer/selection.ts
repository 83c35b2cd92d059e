/** One small area selected: the popup, the details panel, hover, click and keyboard stepping (N and P). */
import { formatValue } from '../../lib/classes.ts';
import { el } from '../dom.ts';
import { fitTo, padBox, statusOf, type Ctx } from './context.ts';
import { writeState } from './state.ts';
import { areasInView, refreshTable, withNames } from './table.ts';
import { valueInWords } from './words.ts';

/** Popup and details panel for one small area; all text set with textContent. */
export function selectArea(ctx: Ctx, code: string, push = true, move = true) {
  if (ctx.namesVintage !== ctx.ind.vintage) {
    withNames(ctx, () => selectArea(ctx, code, push, move));
    return;
  }
  const box = ctx.geo.box(code);
  const name = ctx.names.get(code);
  if (!box || !name) return;
  ctx.state.a = code;
  ctx.map.setFilter('lsoa-selected', ['==', ['get', 'code'], code]);
  const { value, status } = statusOf(ctx, code);
  const body = el('div', undefined, 'popup-body');
  body.append(el('p', name.name, 'popup-title'), el('p', `${code} · ${name.ward}, ${name.lad}`, 'popup-meta'));
  const v = el('p', undefined, 'popup-value');
  v.append(el('strong', status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'Suppressed' : 'No data'), document.createTextNode(` ${ctx.ind.shortLabel}`));
  body.append(v, el('p', valueInWords(ctx.ind, value, status), 'popup-words'));
  const i = ctx.current.index.get(code);
  const ed = ctx.current.editions;
  if (ed && i !== undefined) {
    const d = (x: number | null) => (x === null ? 'no figure' : `decile ${x}`);
    body.append(el('p', `${ed.from}: ${d(ed.fromValues[i])}; ${ed.to}: ${d(ed.toValues[i])}.`, 'popup-words'));
    const flag = ctx.current.carried?.get(i);
    body.append(el('p', flag === 'redrawn' ? 'Redrawn since 2011: not comparable.' : flag ? `The ${ed.from} figure is carried from ${flag === 'split' ? 'the 2011 area it was split from' : 'the 2011 areas merged into it (their ranks averaged, weighted by population)'}.` : 'The same small area in both editions.', 'popup-words'));
  }
  if (i !== undefined && status === 'value') {
    const lo = ctx.current.lower?.[i], hi = ctx.current.upper?.[i], n = ctx.current.n?.[i];
    const extra = [lo != null && hi != null ? `95% confidence interval ${formatValue(lo, ctx.ind.unit, ctx.ind.decimals)} to ${formatValue(hi, ctx.ind.unit, ctx.ind.decimals)}` : '', n != null ? `based on ${n} responses` : ''].filter(Boolean).join('; ');
    if (extra) body.append(el('p', extra, 'popup-words'));
    if (ctx.current.lowPrecision.has(i)) body.append(el('p', 'Low precision: few responses or a wide interval. Treat with caution.', 'low-precision'));
  }
  if (ctx.ind.local) body.append(el('p', 'Local data: see the indicator page for who collected it, when and how.', 'popup-words'));
  ctx.popup.setDOMContent(body).setLngLat(box.label).addTo(ctx.map);
  const live = ctx.root.querySelector<HTMLElement>('[data-selection]');
  if (live) live.textContent = `${name.name} (${code}), ${name.lad}: ${status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'suppressed' : 'no data'}. ${valueInWords(ctx.ind, value, status)}`;
  if (move) fitTo(ctx, padBox(box.bbox, 1.5), 13);
  if (push && ctx.urlState) history.pushState(null, '', writeState(ctx.state));
}


export function wireInteractions(ctx: Ctx) {
  const { map } = ctx;
  const tip = el('div', undefined, 'map-tip');
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  map.getContainer().append(tip);
  map.on('mousemove', 'lsoa-fill', (e) => {
    withNames(ctx);
    const f = e.features?.[0];
    if (!f) return;
    const code = String(f.properties.code);
    map.setFilter('lsoa-hover', ['==', ['get', 'code'], code]);
    map.getCanvas().style.cursor = 'pointer';
    const { value, status } = statusOf(ctx, code);
    tip.textContent = `${ctx.names.get(code)?.name ?? code}: ${status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'suppressed' : 'no data'}`;
    tip.hidden = false;
    tip.style.transform = `translate(${Math.round(e.point.x + 12)}px, ${Math.round(e.point.y + 12)}px)`;
  });
  map.on('mouseleave', 'lsoa-fill', () => {
    map.setFilter('lsoa-hover', ['==', ['get', 'code'], '']);
    map.getCanvas().style.cursor = '';
    tip.hidden = true;
  });
  map.on('click', 'lsoa-fill', (e) => {
    if (ctx.choosing) return;
    const f = e.features?.[0];
    if (f) selectArea(ctx, String(f.properties.code), true, false);
  });
  ctx.popup.on('close', () => {
    ctx.map.setFilter('lsoa-selected', ['==', ['get', 'code'], '']);
    ctx.state.a = null;
    if (ctx.urlState) history.replaceState(null, '', writeState(ctx.state));
  });
  ctx.root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && ctx.popup.isOpen()) ctx.popup.remove(); });
  // Keyboard: N and P step through the small areas in view (west to east, then north to south), each announced.
  const canvas = map.getCanvas();
  canvas.setAttribute('aria-label', `Interactive map of ${ctx.ind.label}. Arrow keys move the map, plus and minus zoom, N and P step through the small areas in view, Escape closes the details.`);
  canvas.addEventListener('keydown', (e) => {
    if (e.key !== 'n' && e.key !== 'p' && e.key !== 'N' && e.key !== 'P') return;
    e.preventDefault();
    const order = areasInView(ctx).map((c) => ({ c, b: ctx.geo.box(c) })).filter((x) => x.b).sort((a, b) => Math.round(b.b!.label[1] * 200) - Math.round(a.b!.label[1] * 200) || a.b!.label[0] - b.b!.label[0]).map((x) => x.c);
    if (order.length === 0) return;
    const at = ctx.state.a ? order.indexOf(ctx.state.a) : -1;
    const next = e.key.toLowerCase() === 'n' ? (at + 1) % order.length : (at - 1 + order.length) % order.length;
    selectArea(ctx, order[next], true, false);
  });
  // A row's name in the table of the view selects its area.
  ctx.root.querySelector('[data-table-body]')?.addEventListener('click', (e) => {
    const code = (e.target as Element).closest<HTMLElement>('[data-select]')?.dataset.select;
    if (code) selectArea(ctx, code, true, true);
  });
  ctx.root.addEventListener('focusin', () => { ctx.tableNear = true; refreshTable(ctx); }, { once: true });
}

