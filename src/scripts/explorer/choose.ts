/**
 * Choosing small areas on the explorer's map for a profile of one's own: loaded only when the
 * reader starts choosing. A click or tap (or Space on the area N and P have stepped to) adds or
 * removes an area, each change announced; the chosen areas are shaded and link to /custom/.
 */
import { el } from '../dom.ts';
import type { Ctx } from './context.ts';
import { withNames } from './table.ts';

export function startChoosing(ctx: Ctx, panel: HTMLElement): void {
  const { map } = ctx;
  const chosen: string[] = [];
  ctx.choosing = true;
  const live = ctx.root.querySelector<HTMLElement>('[data-selection]');
  const count = el('p', '', 'small');
  const link = el('a', '', 'button');
  const stop = el('button', 'Stop choosing', 'button secondary');
  stop.type = 'button';
  panel.replaceChildren(el('p', 'Choosing: click or tap small areas to add or remove them (with the keyboard, N and P step to an area and Space adds or removes it).', 'small'), count, link, document.createTextNode(' '), stop);
  panel.hidden = false;
  const base = ctx.root.dataset.base ?? '/';
  // Chosen areas are outlined through their feature state (tiles.ts draws the outline).
  const mark = (code: string, on: boolean) => { const id = ctx.areaIndex.get(code); if (id !== undefined && map.getSource('lsoa')) map.setFeatureState({ source: 'lsoa', sourceLayer: 'lsoa', id }, { chosen: on }); };
  const show = () => {
    count.textContent = `${chosen.length.toLocaleString('en-GB')} small area${chosen.length === 1 ? '' : 's'} chosen.`;
    link.textContent = chosen.length ? `See the profile of these ${chosen.length.toLocaleString('en-GB')}` : 'Choose an area to see its profile';
    link.href = `${base}custom/?lsoas=${chosen.join(',')}`;
  };
  const toggle = (code: string) => {
    if (ctx.ind.vintage !== 2021) return; // a profile is made of 2021 small areas
    const k = chosen.indexOf(code);
    if (k >= 0) chosen.splice(k, 1); else chosen.push(code);
    mark(code, k < 0);
    show();
    if (live) live.textContent = `${k >= 0 ? 'Removed' : 'Added'} ${ctx.names.get(code)?.name ?? code}. ${chosen.length} chosen.`;
  };
  const onClick = (e: { features?: { id?: string | number }[] }) => { const id = e.features?.[0]?.id; if (typeof id === 'number') withNames(ctx, () => toggle(ctx.codes[id])); };
  const onKey = (e: KeyboardEvent) => { if (e.key === ' ' && ctx.state.a) { e.preventDefault(); toggle(ctx.state.a); } };
  map.on('click', 'lsoa-fill', onClick);
  map.getCanvas().addEventListener('keydown', onKey);
  stop.addEventListener('click', () => {
    ctx.choosing = false;
    map.off('click', 'lsoa-fill', onClick);
    map.getCanvas().removeEventListener('keydown', onKey);
    for (const code of chosen) mark(code, false);
    panel.hidden = true;
    ctx.root.querySelector<HTMLElement>('[data-choose]')?.focus();
  });
  show();
  if (live) live.textContent = ctx.ind.vintage === 2021 ? 'Choosing small areas: click or tap them on the map.' : 'This indicator uses the small areas of 2011; a profile of your own is made of 2021 areas, so choose with a 2021 indicator.';
}
