import { describe, expect, it } from 'vitest';
import { fitProjection, pathOf } from '../src/lib/svg-map.ts';

// Synthetic shapes on a synthetic box: 1 degree of longitude is 100 px wide.
const proj = fitProjection([0, 50, 1, 51], 116, 8);
const square = (x: number, y: number, size: number) => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
const rings = (d: string) => d.split('z').filter(Boolean).length;

describe('SVG paths at whole-pixel steps', () => {
  it('leave out an area\'s islands smaller than a pixel and a half, but keep its main shape', () => {
    const g: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0.1, 50.1, 0.5), square(0.8, 50.8, 0.001)] };
    expect(rings(pathOf(g, proj, 2))).toBe(1);
    expect(rings(pathOf(g, proj))).toBe(2);
  });

  it('never drop an area whose every ring is smaller than a pixel and a half', () => {
    const g: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0.8, 50.8, 0.001), square(0.6, 50.6, 0.008)] };
    const d = pathOf(g, proj, 2);
    expect(rings(d)).toBe(1);
    expect(d).toMatch(/^M\d+ \d+/);
  });
});
