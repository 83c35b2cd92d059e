/**
 * The explorer's shared state and small helpers: one context object that the map, the
 * indicator, the table, the selection and the controls each read and update.
 */
import type { Map as MapLibre, Popup, LngLatBoundsLike } from 'maplibre-gl';
import type { Catalogue, IndicatorMeta, Neighbourhood } from '../../lib/data.ts';
import type { BBox } from '../../lib/planar.ts';
import type { ChangeEditions } from '../../lib/words.ts';
import { changeNote } from '../../lib/words.ts';
import type { TilesIndex } from '../../lib/tiles.ts';
import type { AreaBoxes, DataStore } from './data.ts';
import type { ExplorerState } from './state.ts';

export type Outline = Omit<Neighbourhood, 'summaries'>;

export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface Ctx {
  root: HTMLElement;
  map: MapLibre;
  store: DataStore;
  cat: Catalogue;
  nbs: Outline[];
  state: ExplorerState;
  ind: IndicatorMeta;
  /** The map's vector tiles (geo/tiles.json). */
  tiles: TilesIndex;
  /** The small areas of the vintage shown (with their names): codes by feature id, and ids by code. */
  codes: string[];
  areaIndex: Map<string, number>;
  /** Boxes and label points of the vintage shown's small areas, by id (loaded on first need). */
  boxes: { vintage: number; at: AreaBoxes } | null;
  /** The small area selected and the area under the pointer (feature ids). */
  selectedId: number | null;
  hovered: { layer: 'lsoa' | 'lad'; id: number } | null;
  /** The values file of the current indicator, by feature id. */
  current: { values: (number | null)[]; missing: Set<number>; suppressed: Set<number>; lower?: (number | null)[]; upper?: (number | null)[]; n?: (number | null)[]; lowPrecision: Set<number>; carried?: Map<number, string>; editions?: ChangeEditions; /** At the nation's scope: each council's own figure, by council tile id. */ councils?: (number | null)[] };
  names: Map<string, { name: string; lad: string; ward: string }>;
  namesVintage: number | null;
  popup: Popup;
  embed: boolean;
  urlState: boolean;
  /** Whether the map has drawn once (until then the page's own table and summary stand). */
  ready: boolean;
  /** Whether the reader asked for every row of the table, not the first {@link TABLE_ROWS}. */
  tableAll: boolean;
  /** Whether the summary and table are on screen or near it (they follow the view only then, so a phone that never scrolls there fetches no names). */
  tableNear: boolean;
  /** The council stepped to with N and P while the map shows councils (its tile id). */
  council?: number | null;
  /** Whether the reader is choosing areas for a profile of their own (choose.ts): a click then adds or removes, not selects. */
  choosing?: boolean;
  /** Settles once the catalogue and the outlines are in (the explorer's first view does without them). */
  meta: Promise<void>;
}

/** Rows the table shows before "Show all". */
export const TABLE_ROWS = 100;

export function alertBox(root: HTMLElement, message: string) {
  const p = root.querySelector<HTMLElement>('[data-map-notice]');
  if (p) { p.textContent = message; p.setAttribute('role', 'alert'); p.hidden = false; }
}

/** Takes the map's notice away (what it said is no longer true). */
export function clearNotice(root: HTMLElement) {
  const p = root.querySelector<HTMLElement>('[data-map-notice]');
  if (p) { p.hidden = true; p.textContent = ''; p.removeAttribute('role'); }
}


export interface Loaded { ind: IndicatorMeta; current: Ctx['current'] }

/** For change layers: both editions' deciles and how the earlier one was carried, after the value in the table. */
export function carriedNote(ctx: Ctx, code: string): string {
  const i = ctx.areaIndex.get(code);
  const ed = ctx.current.editions;
  if (!ed || i === undefined) return '';
  const flag = ctx.current.carried?.get(i);
  return changeNote(ed.fromValues[i], ed.toValues[i], flag);
}

export function statusOf(ctx: Ctx, code: string): { value: number | null; status: 'value' | 'missing' | 'suppressed' } {
  const i = ctx.areaIndex.get(code);
  if (i === undefined) return { value: null, status: 'missing' };
  if (ctx.current.suppressed.has(i)) return { value: null, status: 'suppressed' };
  if (ctx.current.missing.has(i)) return { value: null, status: 'missing' };
  return { value: ctx.current.values[i], status: 'value' };
}


/** A small area's box and label point, loading the vintage's boxes on first need. */
export async function areaBox(ctx: Ctx, code: string): Promise<{ bbox: BBox; label: [number, number] } | undefined> {
  const v = ctx.ind.vintage;
  if (ctx.boxes?.vintage !== v) ctx.boxes = { vintage: v, at: await ctx.store.boxes(v) };
  const i = ctx.areaIndex.get(code);
  return i === undefined ? undefined : ctx.boxes.at(i);
}

export function fitTo(ctx: Ctx, bbox: BBox, maxZoom = 14) {
  // A non-essential move: under prefers-reduced-motion MapLibre makes it a jump (tested).
  ctx.map.fitBounds(bbox as LngLatBoundsLike, { padding: 30, maxZoom, duration: 800 });
}


export function unionBox(boxes: BBox[]): BBox {
  return boxes.reduce<BBox>((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])], [180, 90, -180, -90]);
}
export function padBox(b: BBox, k: number): BBox {
  const dx = (b[2] - b[0]) * k, dy = (b[3] - b[1]) * k;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}
