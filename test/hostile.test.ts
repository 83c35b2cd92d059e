/**
 * Hostile text in a researcher's local dataset (SYNTHETIC fixture) is shown as literal text
 * in every page, popup, legend and attribute; nothing it contains runs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, sharedBrowser } from './browser.ts';
import { buildFixtureSite } from './fixture-site.ts';
import { allPages } from './pages.ts';

let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
let dist = '';
beforeAll(async () => {
  dist = buildFixtureSite(['local-hostile-text', 'local-survey-lsoa']);
  site = await serveDist(dist);
  browser = await sharedBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Anything hostile text could have turned into: dialogs, injected elements, handlers, script URLs. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push('img src=x');
      if (el.tagName === 'B' && el.textContent === 'Bold') found.push('b element from text');
      if (el.tagName === 'SCRIPT' && /alert/.test(el.textContent ?? '')) found.push('script with alert');
      const href = el.getAttribute('href');
      if (href && /^\s*javascript:/i.test(href)) found.push(`javascript: link on ${el.tagName}`);
    }
    return found;
  });
}

describe('hostile text in local data', () => {
  it('is literal text on every page of the fixture atlas, and nothing runs', async () => {
    const pages = allPages(dist);
    expect(pages).toContain('/neighbourhoods/ward-hood/');
    for (const p of pages) {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      await page.goto(site.origin + p, { waitUntil: 'load' });
      expect(dialogs, p).toEqual([]);
      expect(await injected(page), p).toEqual([]);
      await page.close();
    }
  }, 150_000); // every page of the fixture atlas, one after another: 45 to 56 s on two busy cores, near the default minute

  it('shows the hostile values and labels as text where a reader sees them', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/neighbourhoods/ward-hood/`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('<img src=x onerror=alert(3)>');
    expect(text).toContain('Topic <img src=x onerror=alert(2)>');
    expect(text).toContain('=HYPERLINK("https://example.org","count")');
    await page.close();
  });

  it('keeps hostile labels literal in the explorer menu, heading, legend and popup', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(`${site.origin}/explore/?i=syn-hostile-lsoa&a=E01900001`);
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    const label = '<b>Bold</b> <img src=x onerror=alert(5)>';
    await expect.poll(() => page.locator('[data-indicator-label]').textContent()).toBe(`${label} (local)`);
    expect(await page.locator('[data-legend] .legend-title').textContent()).toContain(label);
    expect(await page.locator('option[value="syn-hostile-lsoa"]').textContent()).toBe(`${label} (local)`);
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.textContent()).toContain(label);
    expect(await popup.textContent()).toContain('95% confidence interval 10.0% to 15.0%');
    expect(dialogs).toEqual([]);
    expect(await injected(page)).toEqual([]);
    await page.close();
  });
});
