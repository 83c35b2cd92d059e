/**
 * A page's first view: every response (brotli, as a host would serve it) until the page has
 * loaded, and on a map page until its map is ready; requests started after map-ready (such as
 * place names loaded once the map has drawn) are not first view. Each address counts once (a
 * second response for it is the browser's cache answering).
 */
import { brotliCompressSync, constants } from 'node:zlib';
import type { Browser } from 'playwright-core';

const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export async function firstView(browser: Browser, origin: string, path: string): Promise<{ kb: number; jsKb: number; requests: number; notice: boolean }> {
  const page = await browser.newPage();
  const bodies: Promise<{ type: string; bytes: number; start: number }>[] = [];
  let done = false;
  const seen = new Set<string>();
  page.on('response', (r) => { if (!done && !seen.has(r.url())) { seen.add(r.url()); bodies.push(r.body().then((b) => ({ type: r.request().resourceType(), bytes: br(b), start: r.request().timing().startTime })).catch(() => ({ type: 'other', bytes: 0, start: 0 }))); } });
  await page.goto(origin + path, { waitUntil: 'load' });
  let readyAt = Infinity;
  const map = path.startsWith('/explore/');
  if (map) readyAt = await page.waitForFunction(() => { const m = performance.getEntriesByName('map-ready')[0]; return m ? performance.timeOrigin + m.startTime : 0; }, null, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>);
  done = true;
  const all = (await Promise.all(bodies)).filter((x) => x.start <= readyAt);
  const notice = map && (await page.locator('[data-map-notice]').isVisible());
  await page.close();
  return { kb: all.reduce((n, x) => n + x.bytes, 0) / 1000, jsKb: all.filter((x) => x.type === 'script').reduce((n, x) => n + x.bytes, 0) / 1000, requests: all.length, notice };
}
