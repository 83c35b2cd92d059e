/**
 * The built site in a real browser (Debian's Chromium through playwright-core), served with
 * the same headers as production. Values checked here were read by hand from the raw files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelPoint } from '../src/lib/planar.ts';
import { feature } from 'topojson-client';
import { DIST, launch, mapReady, watched, sharedSite, sharedBrowser } from './browser.ts';

let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
beforeAll(async () => {
  site = sharedSite();
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The label point of a 2021 small area, from the built site's own geometry: a view centred on it. */
function labelPointOf(code: string): [number, number] {
  const topo = JSON.parse(readFileSync(join(DIST, 'data/geo/lsoa-2021.topo.json'), 'utf8'));
  const f = (feature(topo, topo.objects.lsoa) as unknown as GeoJSON.FeatureCollection).features.find((x) => x.id === code)!;
  return labelPoint(f.geometry);
}

describe('the explorer', () => {
  it('loads MapLibre with its worker, draws the choropleth and reports map-ready, with no errors', async () => {
    const page = await browser.newPage();
    const w = await watched(page);
    const worker: number[] = [];
    page.on('response', (r) => { if (r.url().includes('maplibre-gl-worker')) worker.push(r.status()); });
    await page.goto(`${site.origin}/explore/`);
    await mapReady(page);
    expect(worker).toContain(200);
    await expect.poll(() => page.locator('.maplibregl-canvas').count()).toBe(1);
    // The static SVG is replaced by the interactive map, and the legend is rebuilt from the same breaks.
    expect(await page.locator('#xmap').isVisible()).toBe(false);
    expect(await page.locator('[data-legend] li').count()).toBe(11);
    expect(w.errors).toEqual([]);
    expect(w.csp).toEqual([]);
    await page.close();
  });

  it("shows a known small area's value in the click popup and in the table", async () => {
    // E01012684 (Blackpool 008E, Claremont): IMD 2025 score 70.268, read from the raw file.
    const [lon, lat] = labelPointOf('E01012684');
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const w = await watched(page);
    await page.goto(`${site.origin}/explore/?i=iod25-imd-score&v=${lon},${lat},14`);
    await mapReady(page);
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.textContent()).toContain('Blackpool 008E');
    expect(await popup.textContent()).toContain('70.27');
    const row = page.locator('tr[data-code="E01012684"]');
    expect(await row.textContent()).toContain('70.27');
    expect(new URL(page.url()).searchParams.get('a')).toBe('E01012684');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('loads the choosing code only when choosing starts; a click then adds an area, announced, and links to its profile', async () => {
    const [lon, lat] = labelPointOf('E01012684');
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const w = await watched(page);
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
    await page.goto(`${site.origin}/explore/?v=${lon},${lat},14`);
    await mapReady(page);
    const choose = page.getByRole('button', { name: 'Choose small areas for a profile of your own' });
    await expect.poll(() => choose.isVisible()).toBe(true);
    const before = scripts.length;
    expect(scripts.some((s) => s.includes('choose'))).toBe(false);
    await choose.click();
    await expect.poll(() => scripts.slice(before).some((s) => s.includes('choose'))).toBe(true);
    // Its tools are ready once the panel offers to stop.
    await expect.poll(() => page.getByRole('button', { name: 'Stop choosing' }).isVisible()).toBe(true);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('[data-selection]').first().textContent()).toMatch(/^Added Blackpool 008E\. 1 chosen\.$/);
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    const link = page.getByRole('link', { name: 'See the profile of these 1' });
    expect(await link.getAttribute('href')).toBe('/custom/?lsoas=E01012684');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('[data-selection]').first().textContent()).toMatch(/^Removed Blackpool 008E\. 0 chosen\.$/);
    await page.getByRole('button', { name: 'Stop choosing' }).click();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toContain('Blackpool 008E');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('lists every small area in view in the table, with the values the map is coloured by, and summarises the view', async () => {
    const [lon, lat] = labelPointOf('E01012684');
    const values = JSON.parse(readFileSync(join(DIST, 'data/values/iod25-imd-score.json'), 'utf8')) as { values: (number | null)[] };
    const codes = (JSON.parse(readFileSync(join(DIST, 'data/areas/lsoa-2021.json'), 'utf8')) as { codes: string[] }).codes;
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${site.origin}/explore/?i=iod25-imd-score&v=${lon},${lat},14`);
    await mapReady(page);
    const heading = page.locator('[data-table-heading]');
    await heading.scrollIntoViewIfNeeded(); // the table follows the view once it is near the screen
    await expect.poll(() => heading.textContent()).toMatch(/^The [\d,]+ small areas in view$/);
    const n = Number((await heading.textContent())!.match(/[\d,]+/)![0].replace(/,/g, ''));
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(100); // a street-level view of Blackpool: tens of areas, not the region's 4,567
    const rows = await page.locator('tbody[data-table-body] tr').evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.code!, tr.querySelector('td.num')!.textContent!]));
    expect(rows.length).toBe(n);
    expect(rows.map(([c]) => c)).toContain('E01012684');
    for (const [code, shown] of rows) {
      const v = values.values[codes.indexOf(code)];
      expect(shown, code).toBe(v === null ? 'no data' : v.toFixed(2));
    }
    // Worst (highest score) first.
    const nums = rows.map(([, t]) => Number(t)).filter((x) => !Number.isNaN(x));
    expect(nums).toEqual([...nums].sort((a, b) => b - a));
    const summary = await page.locator('[data-map-summary]').textContent();
    expect(summary).toContain(`for the ${n} small areas in view`);
    expect(summary).toContain("The programme's neighbourhoods in view: Claremont");
    // Zooming out brings more areas into the table.
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Minus');
    await page.keyboard.press('Minus');
    await expect.poll(async () => Number((await heading.textContent())!.match(/[\d,]+/)![0].replace(/,/g, '')), { timeout: 20_000 }).toBeGreaterThan(n);
    await page.close();
  });

  it('finds a neighbourhood by search with the keyboard and keeps the indicator in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/explore/?i=census21-private-rented`);
    await mapReady(page);
    await page.locator('#place-search').focus();
    await page.keyboard.type('Claremo');
    await expect.poll(() => page.locator('#place-search-list li').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('n')).toBe('claremont');
    expect(new URL(page.url()).searchParams.get('i')).toBe('census21-private-rented');
    expect(await page.locator('[data-indicator-label]').textContent()).toContain('renting privately');
    await page.close();
  });

  it('makes camera moves instant under prefers-reduced-motion, and animates them otherwise (control)', async () => {
    /** Choose a neighbourhood (the atlas's own move), then zoom with "+" (MapLibre's keyboard move); return each move's batches and duration. */
    const moves = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await browser.newPage({ reducedMotion, viewport: { width: 1000, height: 800 } });
      await page.addInitScript(() => {
        const log: { value: string; batch: number; t: number }[] = [];
        (window as unknown as { __camera: typeof log }).__camera = log;
        let batch = 0;
        new MutationObserver((records) => {
          batch++;
          // Each record holds the value before it; the value it set is the next one's old value (or the current one).
          records.forEach((r, k) => log.push({ value: records[k + 1]?.oldValue ?? (r.target as HTMLElement).dataset.camera ?? '', batch, t: performance.now() }));
        }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-camera'] });
      });
      await page.goto(`${site.origin}/explore/`);
      await mapReady(page);
      const settled = async (n: number) => {
        await expect.poll(() => page.evaluate(() => (window as unknown as { __camera: { value: string }[] }).__camera.filter((e) => e.value === 'still').length), { timeout: 20_000 }).toBeGreaterThanOrEqual(n);
      };
      await page.locator('#place-search').focus();
      await page.keyboard.type('Claremo');
      await expect.poll(() => page.locator('#place-search-list li').count()).toBeGreaterThan(0);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await settled(1);
      await page.locator('.maplibregl-canvas').focus();
      await page.keyboard.press('Equal');
      await settled(2);
      const log = await page.evaluate(() => (window as unknown as { __camera: { value: string; batch: number; t: number }[] }).__camera);
      await page.close();
      const out: { sameBatch: boolean; ms: number }[] = [];
      for (let k = 0; k < log.length; k++) {
        if (log[k].value !== 'moving') continue;
        const end = log.slice(k + 1).find((e) => e.value === 'still')!;
        out.push({ sameBatch: end.batch === log[k].batch, ms: end.t - log[k].t });
      }
      return out;
    };
    const reduced = await moves('reduce');
    expect(reduced.length).toBeGreaterThanOrEqual(2);
    // A jump starts and ends in the same task: one observer batch holds both.
    for (const m of reduced) expect(m.sameBatch, JSON.stringify(reduced)).toBe(true);
    const animated = await moves('no-preference');
    expect(animated.length).toBeGreaterThanOrEqual(2);
    for (const m of animated) expect(m.sameBatch, JSON.stringify(animated)).toBe(false);
  });

  it('without WebGL keeps the SVG map and the table, with a plain message and no errors', async () => {
    const noGl = await launch(['--disable-webgl', '--disable-3d-apis']);
    try {
      const page = await noGl.newPage();
      const w = await watched(page);
      await page.goto(`${site.origin}/explore/`);
      const notice = page.locator('[data-map-notice]');
      await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('The interactive map needs WebGL 2');
      expect(await page.locator('#xmap svg').isVisible()).toBe(true);
      expect(await page.locator('tbody[data-table-body] tr').count()).toBeGreaterThan(40);
      expect(w.errors).toEqual([]);
    } finally {
      await noGl.close();
    }
  });
});

describe('a neighbourhood page', () => {
  it('loads no map library until asked, then makes its map interactive in place', async () => {
    const page = await browser.newPage();
    const w = await watched(page);
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await page.goto(`${site.origin}/neighbourhoods/claremont/`, { waitUntil: 'networkidle' });
    expect(scripts.some((u) => /app\.|maplibre/.test(u))).toBe(false);
    await page.getByRole('link', { name: 'Make this map interactive' }).click();
    await mapReady(page);
    expect(page.url()).toBe(`${site.origin}/neighbourhoods/claremont/`);
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    expect(w.errors).toEqual([]);
    expect(w.csp).toEqual([]);
    await page.close();
  });
});

describe('change over time', () => {
  it('maps the change 2019 to 2025 with carried areas outlined, and gives both editions and the flag in the popup', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const w = await watched(page);
    await page.goto(`${site.origin}/indicators/imd-decile-change-2019-2025/`);
    expect(await page.locator('.comparability').textContent()).toMatch(/never scores/);
    expect(await page.locator('#imap svg path.carried').count()).toBe(1);
    expect(await page.locator('.legend').textContent()).toContain('carried from a split or merged 2011 area');
    const [lon, lat] = labelPointOf('E01034833');
    await page.goto(`${site.origin}/explore/?i=imd-decile-change-2019-2025&v=${lon},${lat},15`);
    await mapReady(page);
    expect(await page.locator('[data-legend]').textContent()).toContain('Carried from a split or merged 2011 area');
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.textContent()).toContain('E01034833');
    expect(await popup.textContent()).toContain('2 deciles less deprived, relative to England, than in the earlier edition.');
    expect(await popup.textContent()).toContain('IoD 2019: decile 2; IoD 2025: decile 4.');
    expect(await popup.textContent()).toContain('carried from the 2011 area it was split from');
    expect(await page.locator('tr[data-code="E01034833"]').textContent()).toContain('+2 (2 to 4, split)');
    expect(w.errors).toEqual([]);
    await page.close();
  });
});

describe('finding your own area', () => {
  const search = async (page: Page, text: string) => {
    await page.locator('#place-search').fill('');
    await page.locator('#place-search').pressSequentially(text);
    await page.keyboard.press('Enter');
  };
  it('a postcode in a neighbourhood moves the map to its small area and shows its values', async () => {
    const page = await browser.newPage();
    const w = await watched(page);
    await page.goto(`${site.origin}/explore/?i=iod25-imd-score`);
    await mapReady(page);
    const shards: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/data/search/postcodes/')) shards.push(new URL(r.url()).pathname); });
    // The district's shard is fetched while the postcode is typed, once its district is certain, and only once.
    await page.locator('#place-search').pressSequentially('fy1 2');
    await expect.poll(() => shards).toEqual(['/data/search/postcodes/FY1.json']);
    await search(page, 'fy1 2es');
    await expect.poll(() => page.locator('[data-search-result]').textContent()).toContain('Blackpool 008E (E01012684)');
    expect(shards).toEqual(['/data/search/postcodes/FY1.json']);
    expect(await page.locator('[data-search-result]').textContent()).toContain("FY1 2ES is in Claremont, one of the programme's neighbourhoods. Its small area is Blackpool 008E (E01012684), in Claremont ward, Blackpool.");
    await expect.poll(() => new URL(page.url()).searchParams.get('a')).toBe('E01012684');
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toContain('70.27');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('says what a postcode looks like, which postcodes are outside the region, and which cannot be found', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/`);
    const box = page.locator('#home-search');
    const result = page.locator('[data-search-result]');
    for (const [text, expected] of [['FY1 2E', 'not a full postcode'], ['SW1A 1AA', 'is not a postcode of the North West'], ['FY1 1ZZ', 'could not be found']]) {
      await box.fill('');
      await box.pressSequentially(text);
      await box.press('Enter');
      await expect.poll(() => result.textContent(), { timeout: 5000 }).toContain(expected);
      expect(await result.getAttribute('role')).toBe('alert');
    }
    // Found, on a page without the map: the answer and its link name the neighbourhood.
    await box.fill('');
    await box.pressSequentially('PR8 1AA');
    await box.press('Enter');
    await expect.poll(() => result.textContent(), { timeout: 5000 }).toContain("PR8 1AA is in Central Southport, one of the programme's neighbourhoods.");
    const open = page.getByRole('link', { name: 'Open Central Southport' });
    expect(await open.getAttribute('href')).toBe('/neighbourhoods/central-southport/');
    await page.close();
  });

  it('does not open place suggestions over a postcode\'s answer when the place index arrives after it', async () => {
    const page = await browser.newPage();
    // The place index, asked for on the first letters ("P", "PR"), arrives only after the postcode has been answered.
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/data/search/places.json', async (route) => { await held; await route.continue(); });
    await page.goto(`${site.origin}/`);
    const box = page.locator('#home-search');
    await box.pressSequentially('PR8 1AA');
    await box.press('Enter');
    await expect.poll(() => page.locator('[data-search-result]').textContent(), { timeout: 5000 }).toContain('Central Southport');
    release();
    // Once the form says the index is in hand, every keystroke that waited for it has had its turn (the same microtasks), so nothing opens later.
    await page.waitForFunction(() => document.querySelector<HTMLFormElement>('#home-search')?.form?.dataset.places === 'ready', null, { timeout: 10_000 });
    expect(await page.locator('#home-search').getAttribute('aria-expanded')).not.toBe('true');
    expect(await page.getByRole('option').count()).toBe(0);
    await page.close();
  });

  it('runs a search sent to the search page as a plain form (/search/?q=…), as if typed there', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/search/?q=SW1A+1AA`);
    await expect.poll(() => page.locator('[data-search-result]').textContent(), { timeout: 5000 }).toContain('SW1A 1AA is not a postcode of the North West');
    expect(await page.locator('#search-page').inputValue()).toBe('SW1A 1AA');
    // A place: the map opens on it.
    await page.goto(`${site.origin}/search/?q=Haslingden`);
    await page.waitForURL(/\/(explore|neighbourhoods)\//, { timeout: 10_000 });
    await page.close();
  });

  it('suggestions work with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/`);
    await page.keyboard.press('Tab');
    while (!(await page.evaluate(() => document.activeElement?.id === 'home-search'))) await page.keyboard.press('Tab');
    await page.keyboard.type('Haslingd');
    await expect.poll(() => page.locator('#home-search-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('#home-search').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#home-search').getAttribute('aria-activedescendant')).toBe('home-search-list-0');
    await Promise.all([page.waitForURL(/\/explore\/\?/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('v')).toMatch(/^-2\.\d+,53\.\d+,/);
    await page.close();
  });
});
