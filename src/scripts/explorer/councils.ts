/**
 * Zoomed out beyond the small areas (the nation's first view): the councils are what the map
 * shows, so they are what the keyboard steps through (N and P, each announced with its figure)
 * and what a click or Enter opens: the map zooms into the council, where its small areas show.
 */
import { byMiddleArea, councilFigureText } from '../../lib/council-figure.ts';
import { padBox, type Ctx } from './context.ts';
import { flag } from './tiles.ts';

/** Whether the map is zoomed out beyond the small areas (councils shown instead). */
export const belowSmallAreas = (ctx: Ctx) => ctx.map.getZoom() < ctx.tiles.vintages[ctx.ind.vintage].lsoa.minzoom;

/** Whether the map shows councils coloured by their own figures (zoomed out, at the nation's scope). */
export const showingCouncils = (ctx: Ctx) => belowSmallAreas(ctx) && ctx.current.councils !== undefined;

/** The councils the map draws in its view, by tile id, each once. */
export function councilIdsInView(ctx: Ctx): number[] {
  const lads = ctx.tiles.vintages[ctx.ind.vintage].lads;
  const ids = new Set<number>();
  for (const f of ctx.map.queryRenderedFeatures({ layers: ['lad-fill'] })) if (typeof f.id === 'number' && lads[f.id]) ids.add(f.id);
  return [...ids];
}

/** What the map's hover and the announcement say of a council. */
export function councilWords(ctx: Ctx, id: number): string {
  const lad = ctx.tiles.vintages[ctx.ind.vintage].lads[id];
  const figure = ctx.current.councils?.[id];
  if (!lad) return '';
  return figure === undefined ? `${lad.name}: zoom in to see its small areas` : `${lad.name}: ${councilFigureText(figure, ctx.ind, true)} (${byMiddleArea(ctx.ind.unit) ? "its middle small area's" : 'the council as a whole'})`;
}

/** The councils in view, north to south then west to east (by label point). */
async function councilsInViewInOrder(ctx: Ctx): Promise<number[]> {
  await ctx.meta;
  const lads = ctx.tiles.vintages[ctx.ind.vintage].lads;
  const label = (id: number) => ctx.cat.lads[lads[id].code]?.label ?? [0, 0];
  return councilIdsInView(ctx).sort((a, b) => Math.round(label(b)[1] * 20) - Math.round(label(a)[1] * 20) || label(a)[0] - label(b)[0]);
}

/** Steps to the next (or previous) council in view: outlined, and announced with its figure. */
export async function stepCouncil(ctx: Ctx, forward: boolean): Promise<void> {
  const order = await councilsInViewInOrder(ctx);
  if (order.length === 0) return;
  const at = ctx.council === undefined || ctx.council === null ? -1 : order.indexOf(ctx.council);
  const next = order[forward ? (at + 1) % order.length : (at - 1 + order.length) % order.length];
  flag(ctx.map, 'lad', 'hover', next, ctx.council ?? null);
  ctx.council = next;
  const live = ctx.root.querySelector<HTMLElement>('[data-selection]');
  if (live) live.textContent = `${councilWords(ctx, next)}. Enter zooms in to its small areas.`;
}

/** Zooms the map into a council, at least to the zoom its small areas show from. */
export async function openCouncil(ctx: Ctx, id: number): Promise<void> {
  await ctx.meta;
  const lad = ctx.tiles.vintages[ctx.ind.vintage].lads[id];
  const box = lad && ctx.cat.lads[lad.code]?.bbox;
  if (!box) return;
  const camera = ctx.map.cameraForBounds(padBox(box, 0.05) as [number, number, number, number], { padding: 30 });
  if (!camera) return;
  const zoom = Math.max(camera.zoom ?? 0, ctx.tiles.vintages[ctx.ind.vintage].lsoa.minzoom);
  // A non-essential move: under prefers-reduced-motion MapLibre makes it a jump.
  ctx.map.easeTo({ center: camera.center, zoom, duration: 800 });
  flag(ctx.map, 'lad', 'hover', null, ctx.council ?? null);
  ctx.council = null;
}
