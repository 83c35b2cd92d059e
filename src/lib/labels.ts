/**
 * Label placement shared by the maps drawn at build time (SVG text) and the interactive map
 * (HTML markers): each label is tried in a few positions around its point, in order, and
 * kept in the first that lies wholly inside the map and overlaps nothing placed before it.
 * Labels are given most important first. A required label (a neighbourhood) with no free
 * position beside its point is moved in from the map's edge where it is wider than the room
 * there. No label ever overlaps another or a control: where neighbourhoods crowd together (all
 * of England at once), those that find no room are left out until the map is zoomed in.
 *
 * A neighbourhood's label keeps clear of the other neighbourhoods' points by more than of its
 * own (so it is not read as theirs); where none of its four places beside the point is free, it
 * tries the four corners, then the same places with its name on two lines (`wrap`).
 */
export type Box = [number, number, number, number];
export interface LabelItem {
  id: string;
  /** The point, in pixels. */
  x: number;
  y: number;
  /** The text's size, in pixels. */
  w: number;
  h: number;
  /** A dot marks the point (neighbourhoods): the text sits beside it. Otherwise the text is centred on the point. */
  dot: boolean;
  required?: boolean;
  /** The text's size on two lines (see splitLabel), for a required label that finds no room on one. */
  wrap?: { w: number; h: number };
}
/** A placed label: its text box (left, top, right, bottom) in pixels; `wrapped` when on two lines. */
export interface Placed { id: string; box: Box; dot: boolean; wrapped?: boolean }

const GAP = 7;
const DOT = 4;
/** How far a neighbourhood's label keeps from another neighbourhood's point. */
const CLEAR = 12;

/** The places tried for a text of `w` × `h` around its point, in order. */
function around(l: LabelItem, w: number, h: number): Box[] {
  const { x, y } = l;
  const right: Box = [x + GAP, y - h / 2, x + GAP + w, y + h / 2];
  const left: Box = [x - GAP - w, y - h / 2, x - GAP, y + h / 2];
  const above: Box = [x - w / 2, y - GAP - h, x + w / 2, y - GAP];
  const below: Box = [x - w / 2, y + GAP, x + w / 2, y + GAP + h];
  if (!l.dot) return [[x - w / 2, y - h / 2, x + w / 2, y + h / 2], above, below, right, left];
  const c = DOT + 2;
  const corners: Box[] = [[x + c, y - c - h, x + c + w, y - c], [x + c, y + c, x + c + w, y + c + h], [x - c - w, y - c - h, x - c, y - c], [x - c - w, y + c, x - c, y + c + h]];
  return [right, left, above, below, ...(l.required ? corners : [])];
}

function candidates(l: LabelItem): { box: Box; wrapped: boolean }[] {
  const one = around(l, l.w, l.h).map((box) => ({ box, wrapped: false }));
  return l.required && l.wrap ? [...one, ...around(l, l.wrap.w, l.wrap.h).map((box) => ({ box, wrapped: true }))] : one;
}

/** A name split into two lines at the space nearest its middle ("Mill Hill &" / "Wensley Fold"), or null for one word. */
export function splitLabel(text: string): [string, string] | null {
  let best = -1;
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) if (best < 0 || Math.abs(text.length - 2 * i) < Math.abs(text.length - 2 * best)) best = i;
  return best < 0 ? null : [text.slice(0, best), text.slice(best + 1)];
}

/** Whether two boxes come closer than one pixel (markers are drawn at whole pixels, so flush boxes could touch). */
const overlaps = (a: Box, b: Box) => a[0] < b[2] + 1 && b[0] < a[2] + 1 && a[1] < b[3] + 1 && b[1] < a[3] + 1;

/**
 * Places labels inside a `width` × `height` map with `margin` pixels kept clear at its edges, and
 * clear of `reserved` boxes (the map's controls). Where a required label finds no room, the
 * placement is tried again with the left-out ones first (a label placed early can take the only
 * room another had), and the try that names the most neighbourhoods is kept.
 */
export function placeLabels(items: readonly LabelItem[], width: number, height: number, margin = 2, reserved: readonly Box[] = []): Placed[] {
  let best = placeInOrder(items, width, height, margin, reserved);
  const named = (p: Placed[]) => { const ids = new Set(p.map((x) => x.id)); return items.filter((l) => l.required && ids.has(l.id)).length; };
  const required = items.filter((l) => l.required).length;
  for (let tries = 0; tries < 2 && named(best) < required; tries++) {
    const ids = new Set(best.map((x) => x.id));
    const left = items.filter((l) => l.required && !ids.has(l.id));
    const again = placeInOrder([...left, ...items.filter((l) => !left.includes(l))], width, height, margin, reserved);
    if (named(again) <= named(best)) break;
    best = again;
  }
  const order = new Map(items.map((l, i) => [l.id, i]));
  return best.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

function placeInOrder(items: readonly LabelItem[], width: number, height: number, margin: number, reserved: readonly Box[]): Placed[] {
  const dots = new Map(items.filter((l) => l.dot).map((l): [LabelItem, Box] => [l, [l.x - DOT, l.y - DOT, l.x + DOT, l.y + DOT]]));
  const taken: Box[] = [...reserved, ...dots.values()];
  // The room a neighbourhood's label leaves around the other neighbourhoods' points.
  const clear = new Map([...dots.keys()].filter((l) => l.required).map((l): [LabelItem, Box] => [l, [l.x - CLEAR, l.y - CLEAR, l.x + CLEAR, l.y + CLEAR]]));
  const inside = (b: Box) => b[0] >= margin && b[1] >= margin && b[2] <= width - margin && b[3] <= height - margin;
  const placed: Placed[] = [];
  for (const l of items) {
    const options = candidates(l);
    const others = l.required ? [...clear].filter(([k]) => k !== l).map(([, b]) => b) : [];
    const free = (b: Box) => !taken.some((t) => overlaps(b, t)) && !others.some((t) => overlaps(b, t));
    let pick = options.find((o) => inside(o.box) && free(o.box));
    // Where only the room around another's point is left, that is better than no label.
    pick ??= l.required ? options.find((o) => inside(o.box) && !taken.some((t) => overlaps(o.box, t))) : undefined;
    if (pick) { taken.push(pick.box); placed.push({ id: l.id, box: pick.box, dot: l.dot, ...(pick.wrapped ? { wrapped: true } : {}) }); continue; }
    let box: Box | undefined;
    if (l.required) {
      // No free position beside the point: a label wider than the room there is moved in from the edge.
      const clamp = (b: Box): Box => {
        const dx = Math.max(margin - b[0], Math.min(0, width - margin - b[2]));
        const dy = Math.max(margin - b[1], Math.min(0, height - margin - b[3]));
        return [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy];
      };
      // It may cover its own dot, nothing else.
      const notOwn = taken.filter((t) => t !== dots.get(l));
      box = options.filter((o) => !o.wrapped).map((o) => clamp(o.box)).find((b) => !notOwn.some((t) => overlaps(b, t)));
    }
    if (!box) continue;
    taken.push(box);
    placed.push({ id: l.id, box, dot: l.dot });
  }
  return placed;
}

/** A text's width in pixels when it cannot be measured (SVG drawn at build time): generous for a semi-bold sans-serif, which measures 0.49 to 0.63 of its size per character. */
export const textWidth = (text: string, size: number) => Math.ceil(text.length * size * 0.68);

/** Place names by kind, most important first: which kinds are labelled at a map's scale. */
export const PLACE_RANK: Record<string, number> = { C: 0, T: 1, S: 2, V: 3 };

/** A place name as published in geo/places.json: name, kind (C, T, S or V), longitude, latitude. */
export type Place = [string, string, number, number];
/** The place names inside a box (west, south, east, north) of kinds up to `maxRank`, most important first, as map labels. */
export function placesIn(places: readonly Place[], bbox: readonly [number, number, number, number], maxRank: number): { id: string; text: string; kind: string; lon: number; lat: number }[] {
  return places.filter(([, k, lon, lat]) => PLACE_RANK[k] <= maxRank && lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3])
    .map(([text, kind, lon, lat], i) => ({ id: `p${i}`, text, kind, lon, lat }));
}
