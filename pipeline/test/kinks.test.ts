/**
 * The sweep's self-intersection points equal @turf/kinks' exactly (same points, same order) on
 * SYNTHETIC polygons made to cross and touch: random rings on a coarse grid (so vertices repeat
 * and segments overlap), rings touching each other at a vertex, and collinear overlaps.
 */
import kinks from '@turf/kinks';
import { describe, expect, it } from 'vitest';
import { kinkPoints } from '../stages/kinks.ts';

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ring = (rand: () => number, n: number, grid: number, at: [number, number]): GeoJSON.Position[] => {
  const pts = Array.from({ length: n }, () => [at[0] + Math.floor(rand() * grid) / 10, at[1] + Math.floor(rand() * grid) / 10]);
  return [...pts, pts[0]];
};

const turf = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon) => kinks(g).features.map((f) => f.geometry.coordinates as [number, number]);

describe('kinkPoints', () => {
  it('finds what @turf/kinks finds, in the same order, on 600 random polygons and multipolygons', () => {
    const rand = rng(7);
    let found = 0;
    for (let t = 0; t < 600; t++) {
      const grid = 3 + Math.floor(rand() * 8);
      const g: GeoJSON.Polygon | GeoJSON.MultiPolygon = t % 3 === 0
        ? { type: 'MultiPolygon', coordinates: [[ring(rand, 3 + Math.floor(rand() * 9), grid, [0, 0])], [ring(rand, 3 + Math.floor(rand() * 9), grid, [0.2, 0.1]), ring(rand, 4, grid, [0.1, 0.1])]] }
        : { type: 'Polygon', coordinates: [ring(rand, 3 + Math.floor(rand() * 14), grid, [-2.5, 53.5])] };
      const want = turf(g);
      found += want.length;
      expect(kinkPoints(g), JSON.stringify(g)).toEqual(want);
    }
    expect(found).toBeGreaterThan(1000); // the polygons did cross and touch
  });

  it('finds none in a simple square, and the touching vertex of two rings', () => {
    const square: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(kinkPoints(square)).toEqual([]);
    const bow: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[1, 1], [2, 1], [2, 2], [1, 1]]]] };
    expect(kinkPoints(bow)).toEqual(turf(bow));
    expect(kinkPoints(bow).length).toBeGreaterThan(0);
  });
});
