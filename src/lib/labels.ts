/**
 * Label placement shared by the maps drawn at build time (SVG text) and the interactive map
 * (HTML markers): each label is tried in a few positions around its point, in order, and
 * kept in the first that lies wholly inside the map and overlaps nothing placed before it.
 * Labels are given most important first. A required label (a neighbourhood) with no free
 * position beside its point is moved in from the map's edge where it is wider than the room
 * there. No label ever overlaps another or a control: where neighbourhoods crowd together (all
 * of England at once), those that find no room are left out until the map is zoomed in.
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
}
/** A placed label: its text box (left, top, right, bottom) in pixels. */
export interface Placed { id: string; box: Box; dot: boolean }

const GAP = 7;
const DOT = 4;

function candidates(l: LabelItem): Box[] {
  const { x, y, w, h } = l;
  const right: Box = [x + GAP, y - h / 2, x + GAP + w, y + h / 2];
  const left: Box = [x - GAP - w, y - h / 2, x - GAP, y + h / 2];
  const above: Box = [x - w / 2, y - GAP - h, x + w / 2, y - GAP];
  const below: Box = [x - w / 2, y + GAP, x + w / 2, y + GAP + h];
  const centre: Box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
  return l.dot ? [right, left, above, below] : [centre, above, below, right, left];
}

/** Whether two boxes come closer than one pixel (markers are drawn at whole pixels, so flush boxes could touch). */
const overlaps = (a: Box, b: Box) => a[0] < b[2] + 1 && b[0] < a[2] + 1 && a[1] < b[3] + 1 && b[1] < a[3] + 1;

/** Places labels inside a `width` × `height` map with `margin` pixels kept clear at its edges, and clear of `reserved` boxes (the map's controls). */
export function placeLabels(items: readonly LabelItem[], width: number, height: number, margin = 2, reserved: readonly Box[] = []): Placed[] {
  const dots = new Map(items.filter((l) => l.dot).map((l): [LabelItem, Box] => [l, [l.x - DOT, l.y - DOT, l.x + DOT, l.y + DOT]]));
  const taken: Box[] = [...reserved, ...dots.values()];
  const inside = (b: Box) => b[0] >= margin && b[1] >= margin && b[2] <= width - margin && b[3] <= height - margin;
  const placed: Placed[] = [];
  for (const l of items) {
    const options = candidates(l);
    let box = options.find((b) => inside(b) && !taken.some((t) => overlaps(b, t)));
    if (!box && l.required) {
      // No free position beside the point: a label wider than the room there is moved in from the edge.
      const clamp = (b: Box): Box => {
        const dx = Math.max(margin - b[0], Math.min(0, width - margin - b[2]));
        const dy = Math.max(margin - b[1], Math.min(0, height - margin - b[3]));
        return [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy];
      };
      // It may cover its own dot, nothing else.
      const others = taken.filter((t) => t !== dots.get(l));
      box = options.map(clamp).find((b) => !others.some((t) => overlaps(b, t)));
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
