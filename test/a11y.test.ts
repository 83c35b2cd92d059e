/**
 * Accessibility: axe-core with the WCAG 2.2 AA rules on every page template and embed, at rest
 * and with the explorer's popup, the search suggestions, the embed builder and the table of
 * every small area open.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { axe } from './axe.ts';
import { DIST, sharedSiteAndBrowser } from './browser.ts';

const { site, browser } = await sharedSiteAndBrowser();

// The page kinds screens.test.ts checks with axe at 390 and 1,280 px, every <details> open (home,
// explorer, a neighbourhood, an indicator, compare, councils, custom with areas, methods, search and
// both embeds) are not checked again here at rest: open details hold all a closed one shows.
const TEMPLATES = ['/neighbourhoods/worsley-haslingden/', '/indicators/', '/indicators/imd-decile-change-2019-2025/', '/indicators/iod25-imd-score/', '/indicators/census21-private-rented/', '/indicators/leap-candidates-per-seat/', '/custom/', '/contribute/', '/search/postcodes/FY1/', '/404/'];

describe('WCAG 2.2 AA (axe-core)', () => {
  it.for(TEMPLATES)('no violations at rest: %s', async (p, { expect }) => {
    const page = await browser.newPage();
    const r = await page.goto(site.origin + p, { waitUntil: 'load' });
    if (p !== '/404/') expect(r?.status(), p).toBe(200);
    // The long lists by their first 40 rows (the same template repeated); the next test checks a whole table of every small area.
    const found = await axe(page, { sample: true });
    await page.close();
    expect(found).toEqual([]);
  });

  it('no violations with the explorer popup and the search suggestions open', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/explore/?i=iod25-imd-decile&a=E01012684`);
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(1);
    await page.locator('#place-search').pressSequentially('Black');
    await expect.poll(() => page.locator('#place-search-list li').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('no violations on an indicator page with the embed builder and the table of every small area open', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/indicators/iod25-imd-score/`);
    await page.locator('.embed-builder summary').click();
    await page.locator('.view-table summary').click(); // the table of every small area
    expect(await page.locator('.view-table tbody tr').count()).toBe(4567);
    expect(await axe(page)).toEqual([]);
    await page.close();
  }, 150_000); // axe over 4,567 rows of links: 33 s alone, over 60 s beside another test file on 2 cores

  it('no violations on the custom area page with an area across two councils chosen, a problem named and the neighbourhood entry open', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/custom/`);
    await page.selectOption('#start-lad', 'E08000011');
    await page.getByRole('button', { name: 'Use all its areas' }).click();
    await page.waitForFunction(() => Number(document.documentElement.dataset.customReady) > 0, null, { timeout: 30_000 });
    const liverpool = JSON.parse(readFileSync(join(DIST, 'data/neighbourhoods.json'), 'utf8')).neighbourhoods.find((n: { slug: string }) => n.slug === 'old-swan').lsoas2021[0].code;
    await page.fill('#paste', `not a code\n${liverpool}`);
    await page.getByRole('button', { name: 'Add them' }).click();
    await expect.poll(() => page.locator('[data-problems] li').count()).toBe(1);
    await expect.poll(() => page.locator('[data-profile] .key-figures').textContent()).toContain('Liverpool');
    await page.locator('svg.picker-map').first().focus();
    await page.keyboard.press('n');
    await page.locator('.custom-config summary').click();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('finds a neighbourhood by search, steps through its areas on the map with each announced, closes details with Escape; the map is once in the tab order', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${site.origin}/explore/?i=iod25-imd-decile`);
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    // Tab to the search box and find a neighbourhood.
    while (!(await page.evaluate(() => document.activeElement?.id === 'place-search'))) await page.keyboard.press('Tab');
    await page.keyboard.type('Claremont');
    await expect.poll(() => page.locator('#place-search-list li').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('n')).toBe('claremont');
    // Focus stays visible on every stop; the map canvas is one stop.
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const s = await page.evaluate(() => { const el = document.activeElement as HTMLElement; const cs = getComputedStyle(el); return `${el.tagName}.${el.className}|${cs.outlineStyle !== 'none' || cs.boxShadow !== 'none'}`; });
      stops.push(s);
      if (s.startsWith('CANVAS')) break;
    }
    expect(stops.filter((s) => s.startsWith('CANVAS'))).toHaveLength(1);
    expect(stops.filter((s) => s.endsWith('|false'))).toEqual([]);
    // Step through the areas in view: each is announced with its name and value.
    const live = page.locator('[data-selection]');
    await page.keyboard.press('n');
    await expect.poll(() => live.textContent()).toMatch(/\(E01\d{6}\).*: (\d|no data|suppressed)/);
    const first = await live.textContent();
    await page.keyboard.press('n');
    await expect.poll(() => live.textContent()).not.toBe(first);
    expect(await page.locator('.maplibregl-popup').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
    await page.close();
  });
});
