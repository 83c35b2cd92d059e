/**
 * weightQuantile (src/lib/weight-quantile.ts) against topojson-simplify's own quantile, on
 * SYNTHETIC polygons: the same number, so simplified outlines are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import { presimplify, quantile } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { weightQuantile } from '../../src/lib/weight-quantile.ts';

/** A grid of wobbly squares sharing their borders, from a fixed seed. */
function grid(side: number, seed: number): Topology<Objects<{}>> {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const edge = (x0: number, y0: number, x1: number, y1: number) => Array.from({ length: 6 }, (_, k) => [x0 + ((x1 - x0) * k) / 6 + (k ? rand() * 0.01 : 0), y0 + ((y1 - y0) * k) / 6 + (k ? rand() * 0.01 : 0)]);
  const features = [];
  for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) {
    const ring = [...edge(i, j, i + 1, j), ...edge(i + 1, j, i + 1, j + 1), ...edge(i + 1, j + 1, i, j + 1), ...edge(i, j + 1, i, j), [i, j]];
    features.push({ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [ring] } });
  }
  return presimplify(topology({ a: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }, 1e5) as Topology<Objects<{}>>);
}

describe('weightQuantile', () => {
  it('gives topojson-simplify\'s quantile exactly, at every share, including the ends', () => {
    for (const seed of [1, 7, 42]) {
      const t = grid(6, seed);
      for (const p of [-0.1, 0, 0.01, 0.05, 0.25, 1 / 3, 0.5, 0.9, 0.999, 1, 1.5]) expect(weightQuantile(t as Topology, p), `seed ${seed}, p ${p}`).toBe(quantile(t, p));
    }
  });
  it('is 0 for a topology with no inner points, as the library\'s is', () => {
    const t = { type: 'Topology', objects: {}, arcs: [[[0, 0, Infinity], [1, 1, Infinity]]] } as unknown as Topology<Objects<{}>>;
    expect(weightQuantile(t as Topology, 0.5)).toBe(quantile(t, 0.5));
  });
});
