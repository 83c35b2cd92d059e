import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import { merge as topojsonMerge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { merge } from '../src/lib/merge.ts';

// Synthetic unit squares on a grid, merged as a council is from its small areas.
const cell = (x: number, y: number, id: string): GeoJSON.Feature => ({ type: 'Feature', id, properties: {}, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } });
const grid = (cells: [number, number][], quantization?: number) => {
  const t = topology({ cells: { type: 'FeatureCollection', features: cells.map(([x, y]) => cell(x, y, `${x},${y}`)) } as GeoJSON.FeatureCollection }, quantization) as unknown as Topology;
  return { t, geometries: (t.objects.cells as GeometryCollection).geometries };
};
const closed = (g: GeoJSON.MultiPolygon) => g.coordinates.every((p) => p.every((r) => r.length >= 4 && String(r[0]) === String(r[r.length - 1])));
const ringArea = (r: GeoJSON.Position[]) => { let s = 0; for (let k = 0; k < r.length - 1; k++) s += r[k][0] * r[k + 1][1] - r[k + 1][0] * r[k][1]; return s / 2; };
/** Filled area: each outline less its holes. */
const filled = (g: GeoJSON.MultiPolygon) => g.coordinates.reduce((n, [outer, ...holes]) => n + Math.abs(ringArea(outer)) - holes.reduce((h, r) => h + Math.abs(ringArea(r)), 0), 0);

// A 3 × 3 block with its middle and one corner left out: the hole meets the outside at one point, (2, 2).
const pinched: [number, number][] = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2]];

describe('merging areas into one shape', () => {
  it('closes every ring where simplifying left an area as a spike along its neighbour (topojson-client leaves it open)', () => {
    // Synthetic: square A, and area C collapsed to a spike along A's right side plus a triangle below it.
    const t: Topology = {
      type: 'Topology',
      arcs: [[[1, 0], [1, 1]], [[1, 1], [0, 1], [0, 0], [1, 0]], [[1, 0], [1.5, -1], [2, 0], [1, 0]]],
      objects: { areas: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[1, 0]] }, { type: 'Polygon', arcs: [[0, ~0, 2]] }] } },
    };
    const geometries = (t.objects.areas as GeometryCollection).geometries;
    expect(closed(topojsonMerge(t, geometries as never) as GeoJSON.MultiPolygon)).toBe(false);
    const g = merge(t, geometries);
    expect(closed(g)).toBe(true);
    expect(filled(g)).toBeCloseTo(1.5, 9);
  });

  it('closes every ring where an outline touches itself at a point', () => {
    for (const q of [undefined, 1e4]) {
      const { t, geometries } = grid(pinched, q);
      const g = merge(t, geometries);
      expect(closed(g)).toBe(true);
      expect(filled(g)).toBeCloseTo(7, 6);
    }
  });

  it('keeps a hole inside its outline and separate pieces apart', () => {
    const ring: [number, number][] = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2], [2, 2]];
    const { t, geometries } = grid([...ring, [5, 5], [6, 5]]);
    const g = merge(t, geometries);
    expect(closed(g)).toBe(true);
    expect(g.coordinates.map((p) => p.length).sort()).toEqual([1, 2]);
    expect(filled(g)).toBeCloseTo(10, 6);
  });

  it('merges neighbours to one outline with no inner borders', () => {
    const { t, geometries } = grid([[0, 0], [1, 0], [0, 1], [1, 1]]);
    const g = merge(t, geometries);
    expect(g.coordinates).toHaveLength(1);
    expect(g.coordinates[0]).toHaveLength(1);
    expect(Math.abs(ringArea(g.coordinates[0][0]))).toBeCloseTo(4, 6);
  });
});
