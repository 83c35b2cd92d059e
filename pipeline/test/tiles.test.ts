/**
 * The map's vector tiles, decoded as MapLibre decodes them (@mapbox/vector-tile): every small
 * area in scope is in the tiles of the zoom small areas are first shown from, with its integer
 * id; only the tiles the index lists are written; a feature's id leads to the figure of its
 * area in the values file.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { run } from '../run.ts';
import { tileExists, tileKey } from '../../src/lib/tiles.ts';
import { buildTiles, type TilesIndex } from '../stages/tiles.ts';
import type { Topology } from 'topojson-specification';
import type { VintageGeometry } from '../stages/geometry.ts';
import { councilFigure } from '../../src/lib/council-figure.ts';
import { world } from './fixture.ts';

const result = await run(world().inputs, { scope: 'region' });
const index = JSON.parse(result.files.get('geo/tiles.json')!) as TilesIndex;

/** The ids of one layer in every tile of a pyramid ("lsoa-2021") at zoom z. */
function idsAt(pyramid: string, layer: string, z: number, binary = result.binary): { ids: Set<number>; tiles: number } {
  const ids = new Set<number>();
  let tiles = 0;
  for (const [path, bytes] of binary) {
    const m = new RegExp(`^vt/${pyramid}\\.[0-9a-f]{10}/${z}/(\\d+)/(\\d+)\\.pbf$`).exec(path);
    if (!m) continue;
    tiles++;
    const l = new VectorTile(new PbfReader(bytes)).layers[layer];
    for (let i = 0; l && i < l.length; i++) {
      const f = l.feature(i);
      expect(typeof f.id).toBe('number');
      ids.add(f.id!);
    }
  }
  return { ids, tiles };
}

describe('vector tiles', () => {
  for (const v of ['2021', '2011']) {
    it(`every ${v} small area in scope is in the tiles of the small-area zoom, with its index in areas/lsoa-${v}.json as id`, () => {
      const areas = JSON.parse(result.files.get(`areas/lsoa-${v}.json`)!) as { codes: string[] };
      const t = index.vintages[v];
      expect(t.areas).toBe(areas.codes.length);
      const { ids, tiles } = idsAt(`lsoa-${v}`, 'lsoa', t.lsoa.minzoom);
      expect(tiles).toBeGreaterThan(0);
      expect([...ids].sort((a, b) => a - b)).toEqual(areas.codes.map((_, i) => i));
      // And at the deepest zoom, where each tile holds fewer.
      expect(idsAt(`lsoa-${v}`, 'lsoa', t.lsoa.maxzoom).ids.size).toBe(areas.codes.length);
    });

    it(`every ${v} council and neighbourhood is in the council tiles at every zoom, ids indexing the index's lists`, () => {
      const t = index.vintages[v];
      for (let z = t.lad.minzoom; z <= t.lad.maxzoom; z++) {
        expect(idsAt(`lad-${v}`, 'lad', z).ids).toEqual(new Set(t.lads.map((_, i) => i)));
        expect(idsAt(`lad-${v}`, 'nb', z).ids).toEqual(new Set(t.neighbourhoods.map((_, i) => i)));
      }
      expect(t.lads.map((l) => l.code)).toEqual([...new Set(JSON.parse(result.files.get(`areas/lsoa-${v}.json`)!).lad as string[])].sort());
    });
  }

  it('writes exactly the tiles the index lists, none empty', () => {
    const listed = new Set<string>();
    for (const [v, t] of Object.entries(index.vintages)) for (const [name, p] of [[`lsoa-${v}`, t.lsoa], [`lad-${v}`, t.lad]] as const) {
      // The folder is fingerprinted, so a host may keep its tiles for good.
      expect(p.tiles).toMatch(new RegExp(`^vt/${name}\\.[0-9a-f]{10}/\\{z\\}/\\{x\\}/\\{y\\}\\.pbf$`));
      for (const [z, keys] of Object.entries(p.present)) for (const k of keys) listed.add(p.tiles.replace('{z}', z).replace('{x}', String(k % 2 ** Number(z))).replace('{y}', String(Math.floor(k / 2 ** Number(z)))));
    }
    const written = [...result.binary.keys()].filter((p) => p.startsWith('vt/'));
    expect(new Set(written)).toEqual(listed);
    for (const p of written) expect(result.binary.get(p)!.length).toBeGreaterThan(0);
    const [, , z, x, y] = written[0].replace('.pbf', '').split('/').map(Number);
    const pyramid = index.vintages[written[0].split('/')[1].split(/[-.]/)[1]][written[0].startsWith('vt/lsoa') ? 'lsoa' : 'lad'];
    expect(tileExists(pyramid.present, z, x, y)).toBe(true);
    expect(tileExists(pyramid.present, z, x + 1000, y)).toBe(false);
    expect(tileKey(z, x, y)).toBe(y * 2 ** z + x);
  });

  it('records each pyramid\'s zooms, tiles and bytes in the build report', () => {
    const r = result.report.tiles;
    expect(r.pyramids.map((p) => p.id)).toEqual(['lsoa-2021', 'lad-2021', 'lsoa-2011', 'lad-2011']);
    for (const p of r.pyramids) {
      const files = [...result.binary].filter(([path]) => path.startsWith(`vt/${p.id}.`));
      expect(p.tiles).toBe(files.length);
      expect(p.bytes).toBe(files.reduce((n, [, b]) => n + b.length, 0));
      expect(p.zooms.map((z) => z.z)).toEqual(Array.from({ length: p.maxzoom - p.minzoom + 1 }, (_, i) => p.minzoom + i));
    }
  });

  it('below the small areas\' zoom, cuts the councils from a topology of their own, simplified: every council and neighbourhood still there at every zoom', () => {
    // Small areas forced to their deepest zoom (a budget no tile meets), so every council zoom below it is simplified.
    const inputs = {
      geometry: Object.fromEntries(['2011', '2021'].map((v) => [v, { topology: JSON.parse(result.files.get(`geo/lsoa-${v}.topo.json`)!) as Topology } as VintageGeometry])) as Record<2011 | 2021, VintageGeometry>,
      codes: Object.fromEntries(['2011', '2021'].map((v) => [v, JSON.parse(result.files.get(`areas/lsoa-${v}.json`)!).codes])) as Record<2011 | 2021, string[]>,
      smallAreaBudget: 1,
    };
    const forced = buildTiles(inputs);
    for (const v of ['2021', '2011']) {
      const t = forced.index.vintages[v];
      expect(t.lsoa.minzoom).toBe(10);
      for (let z = t.lad.minzoom; z < t.lsoa.minzoom; z++) {
        expect(idsAt(`lad-${v}`, 'lad', z, forced.binary).ids, `${v} zoom ${z}`).toEqual(new Set(t.lads.map((_, i) => i)));
        expect(idsAt(`lad-${v}`, 'nb', z, forced.binary).ids, `${v} zoom ${z}`).toEqual(new Set(t.neighbourhoods.map((_, i) => i)));
      }
    }
  });

  it('at England scope, each values file carries every council\'s own figure in the council tiles\' order (none within a region)', async () => {
    expect(JSON.parse(result.files.get('values/synth-no-car.json')!).councils).toBeUndefined();
    const england = await run(world().inputs, { scope: 'england' });
    const tiles = JSON.parse(england.files.get('geo/tiles.json')!) as TilesIndex;
    const comparators = JSON.parse(england.files.get('comparators.json')!) as { lads: Record<string, Record<string, { summaries: Record<string, { mean?: number }> }>> };
    const cat = JSON.parse(england.files.get('catalogue.json')!) as { indicators: { id: string; vintage: number; unit: string; decimals: number; local?: unknown }[] };
    for (const ind of cat.indicators.filter((i) => !i.local)) {
      const v = String(ind.vintage);
      const file = JSON.parse(england.files.get(`values/${ind.id}.json`)!) as { values: (number | null)[]; councils: (number | null)[] };
      const areas = JSON.parse(england.files.get(`areas/lsoa-${v}.json`)!) as { lad: string[] };
      expect(file.councils.length, ind.id).toBe(tiles.vintages[v].lads.length);
      tiles.vintages[v].lads.forEach(({ code }, id) => {
        const own = file.values.filter((x, k) => areas.lad[k] === code && x !== null) as number[];
        const want = ind.unit === 'rank' || ind.unit === 'decile' ? [...own].sort((a, b) => a - b)[(own.length - 1) >> 1] : comparators.lads[v][code].summaries[ind.id].mean;
        expect(file.councils[id], `${ind.id} ${code}`).toBeCloseTo(want!, Math.max(0, ind.decimals - 1));
      });
    }
    expect(councilFigure('decile', { mean: 4.2 }, [3, 1, 2, 9])).toBe(2);
  });
});

