/** One small area selected: the popup, the details panel, hover, click and keyboard stepping (N and P). */
import { formatValue } from '../../lib/classes.ts';
import { el } from '../dom.ts';
import { areaBox, fitTo, padBox, statusOf, type Ctx } from './context.ts';
import { writeState } from './state.ts';
import { areasInView, refreshTable, withNames } from './table.ts';
import { flag } from './tiles.ts';
import { valueInWords } from './words.ts';
import { councilWords, openCouncil, showingCouncils, stepCouncil } from './councils.ts';

/** Whether the popup is being closed to open another area's (see selectArea). */
let replacing = false;

/** Popup and details panel for one small area; all text set with textContent. */
export function selectArea(ctx: Ctx, code: string, push = true, move = true) {
  if (ctx.namesVintage !== ctx.ind.vintage) {
    withNames(ctx, () => selectArea(ctx, code, push, move));
    return;
  }
  if (ctx.boxes?.vintage !== ctx.ind.vintage) {
    areaBox(ctx, code).then(() => selectArea(ctx, code, push, move), (e: Error) => console.warn('boxes not loaded:', e.message));
    return;
  }
  const i = ctx.areaIndex.get(code);
  const box = i === undefined ? undefined : ctx.boxes.at(i);
  const name = ctx.names.get(code);
  if (!box || !name || i === undefined) return;
  // The open popup closes first (its close clears the selection it showed), then the new one opens.
  // Its close leaves the address alone here: the new selection is pushed as its own entry, and Back returns to the one before.
  if (ctx.popup.isOpen()) { replacing = true; ctx.popup.remove(); replacing = false; }
  ctx.state.a = code;
  flag(ctx.map, 'lsoa', 'sel', i, ctx.selectedId);
  ctx.selectedId = i;
  const { value, status } = statusOf(ctx, code);
  const body = el('div', undefined, 'popup-body');
  body.append(el('p', name.name, 'popup-title'), el('p', `${code} · ${name.ward}, ${name.lad}`, 'popup-meta'));
  const v = el('p', undefined, 'popup-value');
  v.append(el('strong', status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'Suppressed' : 'No data'), document.createTextNode(` ${ctx.ind.shortLabel}`));
  body.append(v, el('p', valueInWords(ctx.ind, value, status), 'popup-words'));
  const ed = ctx.current.editions;
  if (ed) {
    const d = (x: number | null) => (x === null ? 'no figure' : `decile ${x}`);
    body.append(el('p', `${ed.from}: ${d(ed.fromValues[i])}; ${ed.to}: ${d(ed.toValues[i])}.`, 'popup-words'));
    const flag = ctx.current.carried?.get(i);
    body.append(el('p', flag === 'redrawn' ? 'Redrawn since 2011: not comparable.' : flag ? `The ${ed.from} figure is carried from ${flag === 'split' ? 'the 2011 area it was split from' : 'the 2011 areas merged into it (their ranks averaged, weighted by population)'}.` : 'The same small area in both editions.', 'popup-words'));
  }
  if (status === 'value') {
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
  // Beside the pointer, on whichever side keeps the whole tip inside the map.
  const tipAt = (x: number, y: number, text: string) => {
    tip.textContent = text;
    tip.hidden = false;
    const box = map.getContainer();
    const [w, h] = [tip.offsetWidth, tip.offsetHeight];
    const left = x + 12 + w <= box.clientWidth ? x + 12 : Math.max(0, x - 12 - w);
    const top = y + 12 + h <= box.clientHeight ? y + 12 : Math.max(0, y - 12 - h);
    tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  };
  const hover = (layer: 'lsoa' | 'lad', id: number | null) => {
    const was = ctx.hovered;
    if (was && (was.layer !== layer || id === null)) flag(map, was.layer, 'hover', null, was.id);
    flag(map, layer, 'hover', id, was?.layer === layer ? was.id : null);
    ctx.hovered = id === null ? null : { layer, id };
    map.getCanvas().style.cursor = id === null ? '' : 'pointer';
  };
  // A click opens the details in the popup, and the pointer's tip (left by a tap, which moves no
  // mouse away) would cover its title: it is hidden, and a tip still waiting for the names from a
  // move before the click is not shown.
  let moves = 0, clickedAt = -1;
  const hideTip = () => { clickedAt = moves; tip.hidden = true; };
  map.on('mousemove', 'lsoa-fill', (e) => {
    const id = e.features?.[0]?.id;
    if (typeof id !== 'number') return;
    hover('lsoa', id);
    const move = ++moves;
    const say = () => {
      if (move <= clickedAt || ctx.hovered?.layer !== 'lsoa' || ctx.hovered.id !== id) return;
      const code = ctx.codes[id];
      const { value, status } = statusOf(ctx, code);
      tipAt(e.point.x, e.point.y, `${ctx.names.get(code)?.name ?? code}: ${status === 'value' ? formatValue(value, ctx.ind.unit, ctx.ind.decimals) : status === 'suppressed' ? 'suppressed' : 'no data'}`);
    };
    if (ctx.namesVintage === ctx.ind.vintage) say();
    else withNames(ctx, say);
  });
  // Zoomed out beyond the small areas: the councils, named.
  map.on('mousemove', 'lad-fill', (e) => {
    const id = e.features?.[0]?.id;
    if (typeof id !== 'number') return;
    hover('lad', id);
    const words = councilWords(ctx, id);
    if (words) tipAt(e.point.x, e.point.y, ctx.current.councils?.[id] === undefined ? words : `${words}; zoom in to see its small areas`);
  });
  map.on('click', 'lad-fill', (e) => {
    hideTip();
    const id = e.features?.[0]?.id;
    if (typeof id === 'number' && showingCouncils(ctx)) void openCouncil(ctx, id);
  });
  for (const layer of ['lsoa-fill', 'lad-fill']) map.on('mouseleave', layer, () => {
    if (ctx.hovered) hover(ctx.hovered.layer, null);
    tip.hidden = true;
  });
  map.on('click', 'lsoa-fill', (e) => {
    hideTip();
    if (ctx.choosing) return;
    const id = e.features?.[0]?.id;
    if (typeof id === 'number') withNames(ctx, () => selectArea(ctx, ctx.codes[id], true, false));
  });
  ctx.popup.on('close', () => {
    flag(ctx.map, 'lsoa', 'sel', null, ctx.selectedId);
    ctx.selectedId = null;
    ctx.state.a = null;
    if (ctx.urlState && !replacing) history.replaceState(null, '', writeState(ctx.state));
  });
  ctx.root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && ctx.popup.isOpen()) ctx.popup.remove(); });
  // Keyboard: N and P step through the small areas in view (west to east, then north to south), each announced.
  const canvas = map.getCanvas();
  // Councils are stepped through only where the map colours them (the nation's scope), as the page's keyboard help says.
  const councilKeys = ctx.current.councils !== undefined ? ' (zoomed out, through the councils, and Enter zooms into the one reached)' : '';
  canvas.setAttribute('aria-label', `Interactive map of ${ctx.ind.label}. Arrow keys move the map, plus and minus zoom, N and P step through the small areas in view${councilKeys}, Escape closes the details.`);
  canvas.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && showingCouncils(ctx) && typeof ctx.council === 'number') { e.preventDefault(); void openCouncil(ctx, ctx.council); return; }
    if (e.key !== 'n' && e.key !== 'p' && e.key !== 'N' && e.key !== 'P') return;
    e.preventDefault();
    if (showingCouncils(ctx)) void stepCouncil(ctx, e.key.toLowerCase() === 'n');
    else withNames(ctx, () => void step(e.key.toLowerCase() === 'n'));
  });
  const step = async (forward: boolean) => {
    const inView = areasInView(ctx);
    const boxOf = new Map(await Promise.all(inView.map(async (c) => [c, await areaBox(ctx, c)] as const)));
    const order = inView.map((c) => ({ c, b: boxOf.get(c) })).filter((x) => x.b).sort((a, b) => Math.round(b.b!.label[1] * 200) - Math.round(a.b!.label[1] * 200) || a.b!.label[0] - b.b!.label[0]).map((x) => x.c);
    if (order.length === 0) return;
    const at = ctx.state.a ? order.indexOf(ctx.state.a) : -1;
    const next = forward ? (at + 1) % order.length : (at - 1 + order.length) % order.length;
    selectArea(ctx, order[next], true, false);
  };
  // A row's name in the table of the view selects its area.
  ctx.root.querySelector('[data-table-body]')?.addEventListener('click', (e) => {
    const code = (e.target as Element).closest<HTMLElement>('[data-select]')?.dataset.select;
    if (code) selectArea(ctx, code, true, true);
  });
  ctx.root.addEventListener('focusin', () => { ctx.tableNear = true; refreshTable(ctx); }, { once: true });
}

