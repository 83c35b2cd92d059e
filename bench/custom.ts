/**
 * Custom area figures for `npm run bench`: the data a profile of 50 small areas of the largest
 * council fetches (brotli, as served), and the time to recompute and redraw the profile after
 * each added or removed area at 4x CPU slowdown (the page's own `custom-profile` measure).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { Row } from './row.ts';
import { DIST } from '../test/browser.ts';

const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function customFigures(browser: Browser, origin: string, runs: number): Promise<Row[]> {
  const areas = JSON.parse(readFileSync(join(DIST, 'data/areas/lsoa-2021.json'), 'utf8')) as { codes: string[]; lad: string[] };
  const count = new Map<string, number>();
  areas.lad.forEach((l) => count.set(l, (count.get(l) ?? 0) + 1));
  const [largest] = [...count].sort((a, b) => b[1] - a[1])[0];
  const codes = areas.codes.filter((_, k) => areas.lad[k] === largest).slice(0, 50);
  const rows: Row[] = [];
  // Data for the profile: every /data/ response of the page, from a cold start.
  const page = await browser.newPage();
  const got: Promise<number>[] = [];
  page.on('response', (r) => { if (new URL(r.url()).pathname.startsWith('/data/')) got.push(r.body().then(br).catch(() => 0)); });
  await page.goto(`${origin}/custom/?lsoas=${codes.join(',')}`);
  await page.waitForFunction((n) => document.documentElement.dataset.customReady === String(n), codes.length, { timeout: 60_000 });
  const kb = (await Promise.all(got)).reduce((a, b) => a + b, 0) / 1000;
  console.log(`  custom area of ${codes.length} small areas in ${largest}: data ${kb.toFixed(1)} KB br`);
  rows.push({ what: `custom area page: data for a profile of ${codes.length} small areas of the largest council (${largest}; brotli)`, measured: kb, unit: 'KB', budget: 150, pass: kb <= 150 });
  // Recompute after each change, 4x CPU: remove and add areas on the map, read the page's measure.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times: number[] = [], painted: number[] = [];
  for (let i = 0; i < Math.max(5, runs * 3); i++) {
    const code = codes[i % codes.length];
    const before = await page.evaluate(() => performance.getEntriesByName('custom-paint').length);
    await page.locator(`svg.picker-map path[data-code="${code}"]`).dispatchEvent('click');
    await page.waitForFunction((n) => performance.getEntriesByName('custom-paint').length > n, before, { timeout: 30_000 });
    const [a, b] = await page.evaluate(() => ['custom-profile', 'custom-paint'].map((m) => performance.getEntriesByName(m).at(-1)!.duration));
    times.push(a);
    painted.push(b);
  }
  console.log(`  custom area profile after each change (4x CPU): ${times.map((t) => t.toFixed(0)).join(', ')} ms; to the next paint ${painted.map((t) => t.toFixed(0)).join(', ')} ms`);
  rows.push({ what: `custom area page: profile recomputed and its page redrawn (script) after an area is added or removed, 4x CPU (median of ${times.length})`, measured: median(times), unit: 'ms', budget: 100, pass: median(times) <= 100 });
  rows.push({ what: `custom area page: the same, to the first frame after the browser has laid out and painted it (median of ${times.length})`, measured: median(painted), unit: 'ms', budget: NaN, pass: true, note: 'no budget set' });
  await page.close();
  return rows;
}
