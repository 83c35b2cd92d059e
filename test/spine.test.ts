/** The spine chart's row geometry (src/lib/spine.ts): positions worked out by hand from the scale's rule. */
import { describe, expect, it } from 'vitest';
import { SPINE, spineRow } from '../src/lib/spine.ts';

const { width: W, pad } = SPINE;
const inner = W - 2 * pad;
const england = (p: number[]) => ({ areas: 100, p5: p[0], p10: p[1], p25: p[2], p50: p[3], p75: p[4], p90: p[5], p95: p[6] });

describe('a spine chart row', () => {
  it('spans England\'s 5th to 95th percentile and the marks, worse to the left', () => {
    const r = spineRow({ unit: 'percent', decimals: 1, polarity: 'higher-worse', england: england([10, 20, 30, 40, 50, 60, 70]) }, { neighbourhood: { mean: 40 }, lad: { mean: 30 }, region: { mean: 50 } });
    // 10 to 70 across the inner width, flipped: 70 at the left.
    expect(r.median).toBeCloseTo(pad + inner * (1 - 30 / 60));
    expect(r.band90[0]).toBeCloseTo(pad + inner * (1 - 50 / 60));
    expect(r.band90[1]).toBeCloseTo(inner * 40 / 60);
  });

  it('draws a percentage on at least 10 points, so 0.0% and 0.2% are not set at opposite ends when England\'s areas are all 0%', () => {
    const r = spineRow({ unit: 'percent', decimals: 1, polarity: 'higher-worse', england: england([0, 0, 0, 0, 0, 0, 0]) }, { neighbourhood: { mean: 0 }, lad: { mean: 0.1 }, region: { mean: 0.2 } });
    const at = Object.fromEntries(r.marks.map((m) => [m.k, m.at]));
    // Scale 0 to 10, flipped: 0 at the right edge, 0.2 a fiftieth of the width to its left.
    expect(at.neighbourhood).toBeCloseTo(pad + inner);
    expect(at.region).toBeCloseTo(pad + inner * (1 - 0.2 / 10));
    expect(at.neighbourhood - at.region).toBeLessThan(inner / 40);
    expect(r.median).toBeCloseTo(pad + inner);
  });

  it('keeps a percentage\'s scale within 0 to 100 when its marks are near 100', () => {
    const r = spineRow({ unit: 'percent', decimals: 1, polarity: 'lower-worse', england: england([99, 99, 99, 99.5, 100, 100, 100]) }, { neighbourhood: { mean: 100 }, lad: { mean: 100 }, region: { mean: 99 } });
    // Scale 90 to 100, not flipped: 100 at the right edge, 99.5 a twentieth of the width to its left.
    expect(r.marks.find((m) => m.k === 'neighbourhood')!.at).toBeCloseTo(pad + inner);
    expect(r.median).toBeCloseTo(pad + inner * 0.95);
  });

  it('moves the council\'s mark above and the region\'s below where they would cover the area\'s, and leaves marks apart in the middle', () => {
    const ind = { unit: 'percent' as const, decimals: 1, polarity: 'higher-worse' as const, england: england([10, 20, 30, 40, 50, 60, 70]) };
    const y = (r: ReturnType<typeof spineRow>) => Object.fromEntries(r.marks.map((m) => [m.k, m.y]));
    const mid = SPINE.height / 2;
    // All three at 40: the area's stays in the middle; the council's goes up, the region's down.
    expect(y(spineRow(ind, { neighbourhood: { mean: 40 }, lad: { mean: 40 }, region: { mean: 40 } }))).toEqual({ neighbourhood: mid, lad: mid - 8, region: mid + 8 });
    // 10 points apart on a 60-point scale is 31 px: no mark moves.
    expect(y(spineRow(ind, { neighbourhood: { mean: 30 }, lad: { mean: 40 }, region: { mean: 50 } }))).toEqual({ neighbourhood: mid, lad: mid, region: mid });
    // The council near the area, the region far: only the council moves.
    expect(y(spineRow(ind, { neighbourhood: { mean: 30 }, lad: { mean: 31 }, region: { mean: 60 } }))).toEqual({ neighbourhood: mid, lad: mid - 8, region: mid });
    // The area's mark is drawn first, so one moved over it stays whole.
    expect(spineRow(ind, { neighbourhood: { mean: 30 }, lad: { mean: 31 }, region: { mean: 60 } }).marks[0].k).toBe('neighbourhood');
  });

  it('labels the point where England\'s 10th to 90th percentiles meet, on the side with room, unless a mark is in the way', () => {
    const allZero = { unit: 'percent' as const, decimals: 1, polarity: 'higher-worse' as const, england: england([0, 0, 0, 0, 0, 0, 0.5]) };
    // 0% is at the right edge (higher is worse, so lower is to the right): the label ends 10 px to its left, pointing at it.
    expect(spineRow(allZero, { neighbourhood: { mean: 0 }, lad: { mean: 0 }, region: { mean: 0.2 } }).pile).toEqual({ x: pad + inner - 10, anchor: 'end', text: 'most of England: 0.0% →' });
    // Where lower is better, 0% is at the left edge and the label starts to its right.
    expect(spineRow({ ...allZero, polarity: 'lower-worse' }, { neighbourhood: { mean: 0 }, lad: { mean: 0 }, region: { mean: 0 } }).pile).toEqual({ x: pad + 10, anchor: 'start', text: '← most of England: 0.0%' });
    // A council at 3.3% stays on the middle line, below the label: the label is kept.
    expect(spineRow(allZero, { neighbourhood: { mean: 0 }, lad: { mean: 3.3 }, region: { mean: 0.2 } }).pile?.text).toBe('most of England: 0.0% →');
    // A council moved up beside a neighbourhood at 5%, halfway along the 0 to 10 scale, is in the label's span: no label.
    expect(spineRow(allZero, { neighbourhood: { mean: 5 }, lad: { mean: 5 }, region: { mean: 0 } }).pile).toBeNull();
    // Bands with width need no label.
    expect(spineRow({ ...allZero, england: england([10, 20, 30, 40, 50, 60, 70]) }, { neighbourhood: { mean: 40 }, lad: { mean: 30 }, region: { mean: 50 } }).pile).toBeNull();
  });
});
