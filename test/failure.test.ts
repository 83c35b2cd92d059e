/**
 * Failure paths: each request of the explorer's first view (and the area names its table asks
 * for next) made to fail in turn. The page says so plainly within 10 s, a map and the table stay
 * usable, and nothing is thrown uncaught.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, sharedSiteAndBrowser } from './browser.ts';

const { site, browser } = await sharedSiteAndBrowser();

// The first view's requests (the tiles' index, the vector tiles, the values), and what the explorer
// asks for once its map has drawn: the catalogue and the outlines' file (its page carries what the
// first view needs) and the area names.
const REQUESTS = ['/data/catalogue.json', '/data/neighbourhoods.json', '/data/geo/tiles.json', '/data/vt/', '/data/values/iod25-imd-decile.json', '/vendor/maplibre-gl-worker.', '/_astro/app.', '/data/areas/lsoa-2021.json'];

describe('when a request fails', () => {
  for (const failing of REQUESTS) {
    // A map worker that cannot load raises no error: only the watchdog sees it, 6 s after the
    // map's data have arrived, which a busy machine reaches late (12.2 s once in CI).
    const worker = failing.startsWith('/vendor/maplibre-gl-worker');
    it(`${failing}: a visible alert within ${worker ? '6 s of the data arriving' : '10 s'}, the table still there, no uncaught error`, async () => {
      const page = await browser.newPage();
      const uncaught: string[] = [];
      page.on('pageerror', (e) => uncaught.push(e.message));
      await page.route((url) => url.pathname.startsWith(failing), (route) => route.abort('failed'));
      await page.goto(`${site.origin}/explore/`);
      // The names are asked for when the table comes near the screen.
      if (failing.startsWith('/data/areas/')) await page.locator('[data-table-body]').scrollIntoViewIfNeeded();
      const alert = page.locator('[data-map-notice][role="alert"]');
      await expect.poll(() => alert.isVisible(), { timeout: worker ? 20_000 : 10_000 }).toBe(true);
      expect(await alert.textContent()).toMatch(/could not/);
      expect(await page.locator('tbody[data-table-body] tr').count()).toBeGreaterThan(40);
      // A map is still shown: the static one, or (when only what comes after the first draw failed) the interactive one.
      const afterDraw = ['/data/areas/', '/data/catalogue.json', '/data/neighbourhoods.json'].some((p) => failing.startsWith(p));
      const drawn = afterDraw ? page.locator('.maplibregl-canvas') : page.locator('#xmap svg');
      expect(await drawn.isVisible()).toBe(true);
      expect(uncaught).toEqual([]);
      await page.close();
    });
  }
});

describe('when the map is slow to draw', () => {
  it('says so after 6 s, then takes the notice back and shows the map once it has drawn', async () => {
    const page = await browser.newPage();
    const uncaught: string[] = [];
    page.on('pageerror', (e) => uncaught.push(e.message));
    // The vector tiles are held back until the notice is up, so the first draw comes after the
    // 6 s watchdog however long the page took to start (a fixed delay raced a slow machine).
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route((url) => url.pathname.startsWith('/data/vt/'), async (route) => { await held; await route.continue(); });
    await page.goto(`${site.origin}/explore/`);
    const alert = page.locator('[data-map-notice]');
    await expect.poll(() => alert.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await alert.textContent()).toMatch(/did not draw in time/);
    release();
    await expect.poll(() => page.locator('[data-explorer]').evaluate((e) => e.classList.contains('is-interactive')), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => alert.isVisible(), { timeout: 5_000 }).toBe(false);
    expect(await page.locator('.maplibregl-canvas').isVisible()).toBe(true);
    expect(uncaught).toEqual([]);
    await page.close();
  });
});

describe('when another measure is slow to load', () => {
  it('says the new figures are loading, marks the legend and table busy, and never describes the old measure as the one chosen, on a phone that has not scrolled to the summary', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const uncaught: string[] = [];
    page.on('pageerror', (e) => uncaught.push(e.message));
    await page.goto(`${site.origin}/explore/`);
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 60_000 });
    const summary = page.locator('[data-map-summary]');
    // Far below the first screen: the summary and table follow a change of measure all the same.
    expect(await summary.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(800 + 300);
    const first = await page.locator('[data-indicator-label]').textContent();
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toContain(`“${first}”`);
    // The next measure's figures held back until the page has been read while they load.
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route((url) => url.pathname === '/data/values/census21-no-car.json', async (route) => { await held; await route.continue(); });
    const label = await page.locator('[data-indicator-select] option[value="census21-no-car"]').textContent();
    await page.locator('[data-indicator-select]').selectOption('census21-no-car');
    await expect.poll(() => summary.textContent()).toMatch(/^Loading the figures for “.+”…$/);
    expect(await summary.textContent()).not.toContain(first!);
    expect(await page.locator('[data-legend]').getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('[data-table-body]').getAttribute('aria-busy')).toBe('true');
    release();
    await expect.poll(() => page.locator('[data-indicator-label]').textContent()).not.toBe(first);
    const chosen = await page.locator('[data-indicator-label]').textContent();
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toContain(`“${chosen}”`);
    const noCar = (JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { indicators: { id: string; shortLabel: string }[] }).indicators.find((i) => i.id === 'census21-no-car')!;
    expect(await page.locator('[data-table-value]').textContent()).toBe(noCar.shortLabel);
    expect(await page.locator('[data-legend]').getAttribute('aria-busy')).toBeNull();
    expect(label).toBeTruthy();
    expect(uncaught).toEqual([]);
    await page.close();
  });
});
