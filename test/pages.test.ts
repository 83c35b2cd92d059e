/**
 * Every page of the built site in a real browser: each loads with no console error, failed
 * request or CSP violation (the postcode district lists by a sample); the neighbourhood pages
 * work without JavaScript; the main templates reflow at 320 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapReady, watched, type Watch, sharedSiteAndBrowser } from './browser.ts';
import { allPages } from './pages.ts';

const { site, browser } = await sharedSiteAndBrowser();

describe('every page', () => {
  it('renders each neighbourhood page with its SVG map and table when JavaScript is off', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const pages = allPages().filter((p) => p.startsWith('/neighbourhoods/'));
    expect(pages.length).toBe(7);
    for (const p of pages) {
      const page = await ctx.newPage();
      await page.goto(site.origin + p);
      expect(await page.locator('#nmap svg path[data-code]').count(), p).toBeGreaterThan(2);
      expect(await page.locator('#lsoa-table tbody tr').count(), p).toBeGreaterThan(2);
      expect(await page.locator('.key-figures .headline').textContent(), p).toMatch(/10% most deprived in England/);
      await page.close();
    }
    await ctx.close();
  });

  // The page kinds of screens.test.ts are checked there at 320 px with every <details> open; these are the others.
  it('reflows at 320 px wide: the page never scrolls sideways (wide tables scroll in their own box)', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const p of ['/neighbourhoods/mill-hill-wensley-fold/', '/indicators/', '/indicators/iod25-imd-score/', '/contribute/', '/search/postcodes/FY1/']) {
      await page.goto(site.origin + p, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(320);
    }
    await page.close();
  });

});

describe('every page logs no console errors, failed requests or CSP violations', () => {
  // Every page template, all pages but the postcode district lists, of which a few stand for the rest.
  const all = allPages();
  const districts = all.filter((p) => p.startsWith('/search/postcodes/'));
  const pages = [...all.filter((p) => !p.startsWith('/search/postcodes/')), ...districts.filter((_, i) => i % 100 === 0)];
  it('covers every page but the postcode district lists, and a sample of those', () => {
    expect(districts.length).toBeGreaterThan(300);
    expect(pages.length).toBeGreaterThan(100);
  });
  // One tab walks the pages, as a reader following links would: opening a tab per page costs
  // three times as long. Leaving a page aborts what it still had in flight; those aborts are
  // the walk's, not the page's, and are not counted. Anything else is, under the page that caused it.
  let tab: Page;
  let w: Watch;
  let leaving = false;
  beforeAll(async () => {
    tab = await browser.newPage();
    w = await watched(tab, (failure) => leaving && failure === 'net::ERR_ABORTED');
  });
  afterAll(async () => { await tab?.close(); });
  it.for(pages)('%s', async (p, { expect }) => {
    leaving = true;
    w.errors.length = 0;
    w.csp.length = 0;
    await tab.goto(site.origin + p, { waitUntil: 'domcontentloaded' });
    leaving = false;
    await tab.waitForLoadState('load');
    if (p === '/explore/') await mapReady(tab);
    expect([...w.errors, ...w.csp.map((e) => `CSP ${e}`)]).toEqual([]);
  });
});
