/**
 * Vector tile figures for `npm run bench`, from the built site's vt/ (brotli, as a host that
 * compresses .pbf serves them): every pyramid's tiles and bytes, and the tiles a 1,280 × 800 view
 * of small areas at zoom 9 needs (at most 4 × 3 tiles of 512 px), the worst and the 95th
 * percentile over every position of such a view, with the councils' tiles it needs too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Row } from './row.ts';
import type { Pyramid, TilesIndex } from '../src/lib/tiles.ts';

const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Brotli bytes of each tile of a pyramid at zoom z, by "x/y". */
function sizes(data: string, p: Pyramid, z: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of p.present[z] ?? []) {
    const x = k % 2 ** z, y = Math.floor(k / 2 ** z);
    out.set(`${x}/${y}`, br(readFileSync(join(data, p.tiles.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))))));
  }
  return out;
}

export function tileFigures(dist: string, budgetKb = 320): Row[] {
  const data = join(dist, 'data');
  if (!existsSync(join(data, 'geo/tiles.json'))) return [];
  const index = JSON.parse(readFileSync(join(data, 'geo/tiles.json'), 'utf8')) as TilesIndex;
  const rows: Row[] = [];
  for (const [v, t] of Object.entries(index.vintages)) {
    for (const [name, p] of [[`small areas ${v}`, t.lsoa], [`councils ${v}`, t.lad]] as const) {
      const n = Object.values(p.present).reduce((a, k) => a + k.length, 0);
      let total = 0;
      for (const z of Object.keys(p.present)) total += [...sizes(data, p, Number(z)).values()].reduce((a, b) => a + b, 0);
      console.log(`  tiles, ${name}: zooms ${p.minzoom} to ${p.maxzoom}, ${n} tiles, ${(total / 1000).toFixed(1)} KB br`);
    }
    if (t.lsoa.minzoom > 9) continue;
    const small = sizes(data, t.lsoa, 9), councils = sizes(data, t.lad, 9);
    const views: number[] = [];
    const xs = [...small.keys()].map((k) => Number(k.split('/')[0])), ys = [...small.keys()].map((k) => Number(k.split('/')[1]));
    for (let x = Math.min(...xs) - 3; x <= Math.max(...xs); x++) for (let y = Math.min(...ys) - 2; y <= Math.max(...ys); y++) {
      let bytes = 0, any = false;
      for (let dx = 0; dx < 4; dx++) for (let dy = 0; dy < 3; dy++) {
        const k = `${x + dx}/${y + dy}`;
        if (small.has(k)) any = true;
        bytes += (small.get(k) ?? 0) + (councils.get(k) ?? 0);
      }
      if (any) views.push(bytes / 1000);
    }
    views.sort((a, b) => a - b);
    const worst = views[views.length - 1], p95 = views[Math.floor(views.length * 0.95)];
    console.log(`  tiles for a 1,280 × 800 view at zoom 9 (${v} small areas and councils): worst ${worst.toFixed(1)} KB br, 95th percentile ${p95.toFixed(1)} KB, over ${views.length} positions`);
    rows.push({ what: `tiles for any 1,280 × 800 view of ${v} small areas at zoom 9, the worst of ${views.length} (brotli)`, measured: worst, unit: 'KB', budget: budgetKb, pass: worst <= budgetKb, note: `95th percentile ${p95.toFixed(1)} KB` });
  }
  return rows;
}
