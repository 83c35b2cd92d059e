/**
 * Embeds on another site: the host page is served from a second local origin (another port)
 * with the snippet the builder writes; the embed renders, answers the keyboard, reports its
 * height, and logs no errors. The atlas's own pages refuse to be framed elsewhere.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet } from '../src/lib/embed.ts';
import { readState, writeState } from '../src/scripts/explorer/state.ts';
import { sharedSite, sharedBrowser } from './browser.ts';

let browser: Browser;
let atlas: { origin: string; close: () => Promise<void> };
let host: Server;
let hostOrigin = '';
let hostHtml = '';
beforeAll(async () => {
  atlas = sharedSite();
  browser = await sharedBrowser();
  host = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(hostHtml); });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', () => ok()));
  const a = host.address();
  hostOrigin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await browser?.close();
  await atlas?.close();
  host?.close();
});

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A council report</title></head><body><h1>Our report</h1>${body}<p style="height:1500px">More of the report.</p><script>window.heights=[];addEventListener("message",function(e){if(e.data&&e.data.type==="nra:height")window.heights.push([e.origin,e.data.height])});</script></body></html>`;

describe('embeds on another origin', () => {
  it('an indicator embed locked to a neighbourhood renders, takes keyboard zoom, reports its height, with no errors', async () => {
    const s = embedSnippet({ origin: atlas.origin, path: '/embed/indicators/iod25-imd-decile/', title: 'IMD 2025 decile', area: 'n=claremont', static: false, height: 560, autoHeight: true });
    hostHtml = page(s.html);
    const p = await browser.newPage();
    const errors: string[] = [];
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(hostOrigin);
    const frame = p.frameLocator('iframe');
    await expect.poll(() => frame.locator('h1').textContent(), { timeout: 20_000 }).toContain('Index of Multiple Deprivation');
    const f = p.frames().find((x) => x.url().startsWith(atlas.origin))!;
    await f.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    // Keyboard: focus the map and zoom in with "+"; the zoom-in button stays the alternative.
    const canvas = frame.locator('.maplibregl-canvas');
    await canvas.focus();
    await f.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0);
    // Control: with no key pressed the map stays still (so a change below is the keyboard's doing).
    await expect.poll(async () => { const a = await canvas.screenshot(); await p.waitForTimeout(800); return Buffer.compare(a, await canvas.screenshot()); }, { timeout: 15_000 }).toBe(0);
    const before = await canvas.screenshot();
    await p.keyboard.press('Equal');
    await p.waitForTimeout(1200);
    expect(Buffer.compare(before, await canvas.screenshot())).not.toBe(0);
    expect(await frame.locator('.maplibregl-ctrl-zoom-in').isEnabled()).toBe(true);
    await expect.poll(() => p.evaluate(() => (window as unknown as { heights: [string, number][] }).heights.length), { timeout: 10_000 }).toBeGreaterThan(0);
    const [origin, height] = await p.evaluate(() => (window as unknown as { heights: [string, number][] }).heights[0]);
    expect(origin).toBe(atlas.origin);
    expect(height).toBeGreaterThan(200);
    // The host's listener (from the snippet) resized the iframe.
    await expect.poll(() => p.locator('iframe').evaluate((el) => (el as HTMLIFrameElement).style.height)).toMatch(/px$/);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('a static neighbourhood embed shows its SVG map and figures without loading the map library', async () => {
    hostHtml = page(embedSnippet({ origin: atlas.origin, path: '/embed/neighbourhoods/old-swan/', title: 'Old Swan', area: '', static: true, height: 600, autoHeight: false }).html);
    const p = await browser.newPage();
    const scripts: string[] = [];
    p.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await p.goto(hostOrigin, { waitUntil: 'networkidle' });
    const frame = p.frameLocator('iframe');
    expect(await frame.locator('#emap svg path[data-code]').count()).toBeGreaterThan(5);
    expect(await frame.locator('.embed-figure').textContent()).toMatch(/10% most deprived/);
    expect(scripts.some((u) => /maplibre|\/app\./.test(u))).toBe(false);
    await p.close();
  });

  it("the atlas's own pages cannot be framed by another site", async () => {
    hostHtml = page(`<iframe src="${atlas.origin}/neighbourhoods/claremont/" title="x"></iframe>`);
    const p = await browser.newPage();
    await p.goto(hostOrigin, { waitUntil: 'networkidle' });
    const framed = p.frames().find((x) => x.url().startsWith(atlas.origin));
    const text = framed ? await framed.evaluate(() => document.body?.textContent ?? '').catch(() => '') : '';
    expect(text).not.toContain('Claremont');
    await p.close();
  });

  it("the builder's preview takes the height its embed asks for while \"let the embed set its own height\" is ticked, and the chosen height when not", async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.goto(`${atlas.origin}/neighbourhoods/old-swan/`);
    await p.locator('#embed summary').click();
    const frame = p.locator('[data-embed-preview] iframe');
    await frame.waitFor();
    // The embed's content, measured inside the frame; the preview's box must come to match it (it stayed at 560 px, cutting the text).
    const needs = async () => (await p.frames().find((x) => x.url().includes('/embed/neighbourhoods/old-swan/'))!.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)));
    await expect.poll(async () => Math.abs((await frame.boundingBox())!.height - (await needs())), { timeout: 20_000 }).toBeLessThanOrEqual(3);
    expect(await needs()).not.toBe(560);
    await p.locator('[data-embed-autoheight]').uncheck();
    await p.locator('[data-embed-height]').fill('400');
    await expect.poll(async () => Math.abs((await p.locator('[data-embed-preview] iframe').boundingBox())!.height - 400)).toBeLessThanOrEqual(2);
    await p.close();
  });

  it('an embed that first draws its tall SVG map, then the interactive one, shrinks back to its content (the preview stayed at the first height, 1,958 px)', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.goto(`${atlas.origin}/indicators/census21-no-car/`);
    await p.locator('.embed-builder summary').click();
    const frame = p.locator('[data-embed-preview] iframe');
    await frame.waitFor();
    const inner = () => p.frames().find((x) => x.url().includes('/embed/indicators/census21-no-car/'))!;
    await expect.poll(() => inner()?.evaluate(() => performance.getEntriesByName('map-ready').length) ?? 0, { timeout: 60_000 }).toBeGreaterThan(0);
    const content = () => inner().evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await frame.boundingBox())!.height - (await content())), { timeout: 20_000 }).toBeLessThanOrEqual(3);
    // The interactive map is at most 28rem high: the whole embed, with its title and table's summary, fits well under 1,000 px.
    expect((await frame.boundingBox())!.height).toBeLessThan(1000);
    await p.close();
  });

  it('every snippet the builder writes points at a route that exists', async () => {
    for (const [path, area] of [['/embed/indicators/iod25-income-score/', 'la=E06000009'], ['/embed/neighbourhoods/claremont/', ''], ['/embed/indicators/census21-disabled/', 'n=old-swan']]) {
      const { src } = embedSnippet({ origin: atlas.origin, path, title: 't', area, static: false, height: 500, autoHeight: true });
      const r = await fetch(src);
      expect(r.status, src).toBe(200);
    }
  });
});

describe('URL state', () => {
  it('round-trips through the URL', () => {
    const s = { i: 'census21-overcrowded', a: 'E01012684', n: 'claremont', v: [-3.0479, 53.826, 13.5] as [number, number, number] };
    expect(readState(writeState(s), 'x')).toEqual(s);
    expect(readState('?i=a&a=not-a-code&n=Bad%20Slug&v=1,2', 'x')).toEqual({ i: 'a', a: null, n: null, v: null });
  });

  it('back and forward move between indicators in the explorer', async () => {
    const p = await browser.newPage();
    await p.goto(`${atlas.origin}/explore/?i=iod25-imd-decile`);
    await p.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    await p.selectOption('[data-indicator-select]', 'census21-private-rented');
    await expect.poll(() => new URL(p.url()).searchParams.get('i')).toBe('census21-private-rented');
    await expect.poll(() => p.locator('[data-indicator-label]').textContent()).toContain('renting privately');
    await p.goBack();
    await expect.poll(() => new URL(p.url()).searchParams.get('i')).toBe('iod25-imd-decile');
    await expect.poll(() => p.locator('[data-indicator-label]').textContent()).toContain('Multiple Deprivation: decile');
    await p.goForward();
    await expect.poll(() => p.locator('[data-indicator-label]').textContent()).toContain('renting privately');
    await p.close();
  });
});

describe('the first view of a map', () => {
  it('shows the whole region on a wide screen as on a phone: every small area of it in view (a wide embed cropped its north and south)', async () => {
    for (const [width, height] of [[1280, 620], [1600, 500], [390, 800]] as const) {
      const p = await browser.newPage({ viewport: { width, height } });
      await p.goto(`${atlas.origin}/embed/indicators/census21-no-car/`);
      const summary = p.locator('[data-map-summary]');
      const all = (await summary.textContent())!.match(/for the ([\d,]+) small areas of /)![1];
      await expect.poll(() => p.locator('[data-explorer]').evaluate((e) => e.classList.contains('is-interactive')), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/small areas in view/);
      expect(await summary.textContent(), `${width} × ${height}`).toContain(`for the ${all} small areas in view`);
      await p.close();
    }
  });
});
