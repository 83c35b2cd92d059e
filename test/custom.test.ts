/**
 * The custom area page in Chromium: the same figures as a neighbourhood's page for its own list,
 * two councils named, selection by pointer, keyboard and paste with each problem named, back and
 * forward, the downloads, the neighbourhoods.json entry, print, and only the councils' chunks.
 */
import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, watched, sharedSiteAndBrowser } from './browser.ts';

const { site, browser } = await sharedSiteAndBrowser();

const data = <T>(p: string): T => JSON.parse(readFileSync(join(DIST, 'data', p), 'utf8')) as T;
const nbs = data<{ neighbourhoods: { slug: string; name: string; lsoas2021: { code: string }[] }[] }>('neighbourhoods.json').neighbourhoods;
const codesOf = (slug: string) => nbs.find((n) => n.slug === slug)!.lsoas2021.map((m) => m.code);
const ready = (page: Page, n: number) => page.waitForFunction((k) => document.documentElement.dataset.customReady === String(k), n, { timeout: 30_000 });
const count = (page: Page) => page.locator('[data-count]').textContent();
const urlCodes = (page: Page) => new URL(page.url()).searchParams.get('lsoas')?.split(',') ?? [];

/** Each domain's measures in words and its spine table's figures (area, council, region, England), as a page shows them. */
async function figures(page: Page, root: string) {
  return page.evaluate((root) => [...document.querySelectorAll(`${root} section.domain`)].map((d) => ({
    words: [...d.querySelectorAll('.plain-list li strong')].map((x) => x.textContent),
    cells: [...d.querySelectorAll('table.spine-table tbody tr')].map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent!.trim())),
  })), root);
}

describe('the custom area page', () => {
  it('shows, for a neighbourhood\'s 2021 codes in the link, the figures of that neighbourhood\'s page', async () => {
    for (const slug of ['claremont', 'old-swan']) {
      const own = await browser.newPage();
      await own.goto(`${site.origin}/neighbourhoods/${slug}/`);
      const page = await browser.newPage();
      const w = await watched(page);
      await page.goto(`${site.origin}/custom/?lsoas=${codesOf(slug).join(',')}`);
      await ready(page, codesOf(slug).length);
      const custom = await figures(page, '[data-profile]');
      expect(custom.length).toBeGreaterThan(2);
      expect(custom.flatMap((d) => d.cells).length).toBeGreaterThan(10);
      expect(custom, slug).toEqual(await figures(own, 'main'));
      // Each spine chart with its key, as on the neighbourhood page (the names are the custom area's).
      const keys = page.locator('[data-profile] .spine-key');
      expect(await keys.count()).toBe(await page.locator('[data-profile] table.spine-table').count());
      const entries = async (key: ReturnType<Page['locator']>) => (await key.locator('li').allTextContents()).map((t, i) => (i === 1 ? 'AREA' : t.replace(/\s+/g, ' ').trim()));
      expect(await entries(keys.first())).toEqual(await entries(own.locator('.spine-key').first()));
      expect(await entries(keys.first())).toHaveLength(5);
      // The same then-and-now counts.
      expect(await page.locator('#custom-then-now tbody').textContent()).toBe(await own.locator('#then-now-table tbody').textContent());
      // The same column names for each small area's deciles ("Change, 2019 to 2025", not "Change, last two editions").
      expect(await page.locator('#custom-change thead th').allTextContents()).toEqual(await own.locator('#change-table thead th').allTextContents());
      expect(w.errors).toEqual([]);
      expect(w.csp).toEqual([]);
      await page.close();
      await own.close();
    }
  }, 120_000);

  it('names both councils of an area across two, fetches only their chunks, and compares with each', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/data/custom/')) fetched.push(new URL(r.url()).pathname); });
    const codes = [...codesOf('stockbridge-village'), ...codesOf('old-swan')];
    await page.goto(`${site.origin}/custom/?lsoas=${codes.join(',')}`);
    await ready(page, codes.length);
    const key = await page.locator('[data-profile] .key-figures').textContent();
    expect(key).toContain('Knowsley');
    expect(key).toContain('Liverpool');
    expect(await page.locator('[data-profile]').textContent()).toContain("England's figure counts the whole country at once; the words compare with England's small areas one by one.");
    const heads = await page.locator('[data-profile] table.spine-table').first().locator('thead th').allTextContents();
    expect(heads).toEqual(expect.arrayContaining(['Liverpool', 'Knowsley', 'North West', 'England']));
    expect(fetched.sort()).toEqual(['/data/custom/E08000011.json', '/data/custom/E08000012.json', '/data/custom/geo/E08000011.topo.json', '/data/custom/geo/E08000012.topo.json', '/data/custom/index.json']);
    await page.close();
  });

  it('names the places inside the council on its picker map (none beyond it), and a click on a name chooses the area under it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const oldSwan = codesOf('old-swan');
    await page.goto(`${site.origin}/custom/?lsoas=${oldSwan.join(',')}`);
    await ready(page, oldSwan.length);
    const names = page.locator('.picker-map .labels text');
    await expect.poll(() => names.count(), { timeout: 10_000 }).toBeGreaterThan(20);
    const shown = await names.allTextContents();
    // Read from geo/places.json: Liverpool is the city; Bebington and Huyton lie beyond its boundary.
    expect(shown).toContain('Liverpool');
    expect(shown).not.toContain('Bebington');
    expect(shown).not.toContain('Huyton');
    // The names let clicks through: a click on one chooses the area under it.
    const label = page.locator('.picker-map .labels text.kS').first();
    await label.scrollIntoViewIfNeeded();
    const b = (await label.boundingBox())!;
    const under = await page.evaluate(([x, y]) => document.elementsFromPoint(x, y).find((e) => e.matches('.picker-map path[data-code]'))?.getAttribute('data-code'), [b.x + b.width / 2, b.y + b.height / 2]);
    expect(under).toMatch(/^E01/);
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await ready(page, oldSwan.length + 1);
    expect(urlCodes(page)).toContain(under);
    await page.close();
  });

  it('adds and removes areas by pointer and keyboard, announces each, keeps the link, and back and forward work', async () => {
    const page = await browser.newPage();
    const w = await watched(page);
    await page.goto(`${site.origin}/custom/`);
    // How to pick on the map is told once there is a map, not before.
    await page.waitForSelector('[data-custom]:not([hidden])');
    expect(await page.locator('#picker-help').isVisible()).toBe(false);
    await page.selectOption('#start-nb', 'claremont');
    await page.getByRole('button', { name: 'Use its areas' }).click();
    const five = codesOf('claremont');
    await ready(page, five.length);
    expect(await page.locator('#picker-help').isVisible()).toBe(true);
    expect(urlCodes(page).sort()).toEqual([...five].sort());
    // Pointer: a small area of the map that is not chosen.
    const other = await page.locator('svg.picker-map path[data-code]:not(.chosen)').first().getAttribute('data-code');
    await page.locator(`svg.picker-map path[data-code="${other}"]`).click();
    await ready(page, five.length + 1);
    expect(urlCodes(page)).toContain(other);
    // The announcement is set a frame after it is cleared (so a screen reader hears a repeat), hence the poll.
    await expect.poll(() => page.locator('[data-announce]').textContent()).toMatch(/^Added .+\. 6 small areas chosen\.$/);
    expect(await page.locator(`svg.picker-map path[data-code="${other}"]`).getAttribute('class')).toContain('chosen');
    // Keyboard: to the map, step with N, remove or add with Space.
    await page.locator('#paste').focus();
    await page.locator('svg.picker-map').first().focus();
    await expect.poll(() => page.locator('[data-announce]').textContent()).toMatch(/: (chosen|not chosen)\. Space to (add|remove) it\.$/);
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('[data-announce]').textContent()).toMatch(/Space to (add|remove) it\.$/);
    const target = await page.locator('svg.picker-map path.current').getAttribute('data-code');
    const wasChosen = (await page.locator('svg.picker-map path.current').getAttribute('class'))!.includes('chosen');
    await page.keyboard.press('Space');
    await ready(page, wasChosen ? 5 : 7);
    expect(urlCodes(page).includes(target!)).toBe(!wasChosen);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('svg.picker-map path.current').getAttribute('data-code')).not.toBe(target);
    // Back: the selection before the keyboard change; forward: after it.
    await page.goBack();
    await ready(page, 6);
    expect(await count(page)).toBe('6 small areas chosen.');
    await page.goForward();
    await ready(page, wasChosen ? 5 : 7);
    expect(w.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('its "Start from" lists name no neighbourhood or council until one is chosen (they had shown the first of each beside a selection elsewhere), and ask for a choice before using one', async () => {
    const page = await browser.newPage();
    const five = codesOf('claremont');
    await page.goto(`${site.origin}/custom/?lsoas=${five.join(',')}`);
    await ready(page, five.length);
    for (const [id, words] of [['#start-nb', 'Choose a neighbourhood'], ['#start-lad', 'Choose a council']]) {
      expect(await page.locator(id).inputValue()).toBe('');
      expect(await page.locator(id).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe(words);
    }
    // Used with no choice: the list asks for one and the selection is left as it was.
    await page.getByRole('button', { name: 'Use its areas' }).click();
    await page.getByRole('button', { name: 'Show on the map only' }).click();
    expect(await page.locator('#start-nb').evaluate((s: HTMLSelectElement) => s.validity.valueMissing)).toBe(true);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.dataset.customReady)).toBe(String(five.length));
    expect(urlCodes(page).sort()).toEqual([...five].sort());
    await page.close();
  });

  it('adds pasted codes and postcodes, merges duplicates, and names each entry not understood, not found or outside the region', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/custom/`);
    const search = data<{ search: { example: { postcode: string } } }>('catalogue.json').search;
    const [a, b] = codesOf('claremont');
    await page.fill('#paste', `${a}, ${a.toLowerCase()}\n${b}\n${search.example.postcode}\nE01999999\nnot a code\nSW1A 1AA\nZZ9 9ZZ`);
    await page.getByRole('button', { name: 'Add them' }).click();
    await page.waitForFunction(() => Number(document.documentElement.dataset.customReady) >= 2, null, { timeout: 30_000 });
    const problems = await page.locator('[data-problems]').textContent();
    expect(problems).toContain('E01999999: not a 2021 small area of the North West');
    expect(problems).toContain('not a code: not understood');
    expect(problems).toContain('SW1A 1AA: outside the North West');
    expect(problems).toMatch(/ZZ9 9ZZ: (outside the North West|not found)/);
    expect(problems).toContain('4 entries were not added');
    // a twice (once in lower case) and b, plus the postcode's small area (perhaps one of them): no duplicates.
    const codes = urlCodes(page);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining([a, b]));
    expect(codes.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('downloads the profile as CSV and the outline as GeoJSON, gives the neighbourhoods.json entry, and prints', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const five = codesOf('claremont');
    await page.goto(`${site.origin}/custom/?lsoas=${five.join(',')}`);
    await ready(page, five.length);
    const download = async (name: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return text(await d.createReadStream()); // the shared browser is remote: its files come as a stream
    };
    const csv = await download('Download the profile (CSV)');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^domain,indicator,indicator_label,unit,edition,lsoa_vintage,area,/);
    const noCar = lines.find((l) => l.includes(',census21-no-car,'))!;
    // profiles.json is read by the build only (src/lib/build-only.ts): from the pipeline's output.
    const profiles = JSON.parse(readFileSync(join(ROOT, 'public/data/profiles.json'), 'utf8')) as Record<string, Record<string, { neighbourhood: { mean: number } }>>;
    expect(noCar).toContain(`,${profiles.claremont['census21-no-car'].neighbourhood.mean},`);
    const geo = JSON.parse(await download('Download the outline (GeoJSON)'));
    expect(geo.features[0].geometry.type).toBe('MultiPolygon');
    expect(geo.features[0].properties.lsoas2021).toEqual([...five].sort());
    await page.locator('.custom-config summary').click();
    const entry = JSON.parse((await page.locator('.custom-config pre').textContent())!);
    expect(entry.derivation).toMatchObject({ method: 'lsoas', lsoaVintage: 2021, lsoas: [...five].sort() });
    const cfg = JSON.parse(readFileSync(join(DIST, '..', 'data/config/neighbourhoods.json'), 'utf8')).neighbourhoods.find((n: { slug: string }) => n.slug === 'claremont');
    expect(entry.lsoas2021).toEqual(cfg.lsoas2021);
    expect(entry.lsoas2011).toEqual(cfg.lsoas2011);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.custom-choose').isVisible()).toBe(false);
    expect(await page.locator('#keep .print-only').textContent()).toContain(`/custom/?lsoas=`);
    expect(await page.locator('[data-profile] .key-figures').isVisible()).toBe(true);
    await page.close();
  });
});
