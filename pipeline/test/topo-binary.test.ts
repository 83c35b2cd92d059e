/** The binary TopoJSON of the interactive map: the same topology back, on a hand-made one and on the published ones. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { decodeTopology, encodeTopology } from '../../src/lib/topo-binary.ts';
import { ROOT } from './helpers.ts';

describe('binary TopoJSON', () => {
  it('gives back the same topology: polygons and multipolygons, reversed arcs (~i), ids, properties and transform (SYNTHETIC)', () => {
    const t = {
      type: 'Topology', transform: { scale: [0.001, 0.002], translate: [-3, 53] },
      arcs: [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, 0]], [[5, 5], [1, -1], [-1, -1], [0, 2]]],
      objects: {
        lsoa: { type: 'GeometryCollection', geometries: [
          { type: 'Polygon', arcs: [[0, 1]], id: 'E01900001', properties: {} },
          { type: 'MultiPolygon', arcs: [[[-2, 2]], [[2], [-1, -3]]], id: 'E01900002' },
        ] },
        lad: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1, 2]], id: 'E06999901', properties: { name: 'Testshire' } }] },
      },
    } as unknown as Topology;
    const round = decodeTopology(encodeTopology(t));
    expect(round).toEqual(t);
  });

  it('refuses what it does not hold (lines, or coordinates that are not quantized), rather than drop or round it', () => {
    const t = { type: 'Topology', arcs: [[[0, 0], [1, 1]]], objects: { x: { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0] }] } } } as unknown as Topology;
    expect(() => encodeTopology({ ...t, transform: { scale: [1, 1], translate: [0, 0] } } as Topology)).toThrow(/polygons only/);
    expect(() => encodeTopology({ ...t, objects: {} } as Topology)).toThrow(/quantized topologies only/);
  });

  it('the published .topo.pbf of each vintage decodes to its .topo.json, and is smaller', () => {
    const dir = join(ROOT, 'public', 'data', 'geo');
    for (const v of [2021, 2011]) {
      const json = join(dir, `lsoa-${v}.topo.json`), bin = join(dir, `lsoa-${v}.topo.pbf`);
      expect(existsSync(bin), bin).toBe(true);
      const bytes = readFileSync(bin);
      const text = readFileSync(json, 'utf8');
      expect(decodeTopology(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))).toEqual(JSON.parse(text));
      expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 2);
    }
  });
});
