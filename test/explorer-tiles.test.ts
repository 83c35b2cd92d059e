/**
 * The explorer on the vector tiles, in Chromium: the colour drawn under the pointer is the
 * class colour of the area the hover names (read from the values file and the catalogue), and
 * another indicator of the same vintage recolours the map with no tile fetched again (feature
 * state, not a re-parse). On the real North West build, and on an England-scope build of the
 * SYNTHETIC test world (two councils: the scope's words say England, not the region).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classColours, classOf } from '../src/lib/classes.ts';
import type { Catalogue, IndicatorMeta } from '../src/lib/data.ts';
import type { TilesIndex } from '../src/lib/tiles.ts';
import { world, writeWorld } from '../pipeline/test/fixture.ts';
import { DIST, serveDist, sharedBrowser, sharedSite, watched } from './browser.ts';
import { buildSite } from './fixture-site.ts';
import { colourDistance, hex, readPng } from './png.ts';

let browser: Browser;
let dir = '';
let england: { origin: string; close: () => Promise<void> };
beforeAll(async () => {
  browser = await sharedBrowser();
  dir = mkdtempSync(join(tmpdir(), 'atlas-england-'));
  writeWorld(join(dir, 'data'), world());
  // A tile budget of one byte: small areas only from the deepest zoom, councils below it, as all of England has.
  england = await serveDist(buildSite(dir, ['--scope', 'england', '--tile-budget', '1']));
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await england?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = async <T>(origin: string, path: string): Promise<T> => (await fetch(`${origin}/data/${path}`)).json() as Promise<T>;
const mapReady = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });

/** The most frequent colour in a 9 × 9 patch at the map's centre (labels hidden), and the area the hover there names. */
async function atCentre(page: Page): Promise<{ colour: string; tip: string }> {
  const canvas = page.locator('.maplibregl-canvas');
  await expect.poll(() => canvas.evaluate((c) => c.closest('[data-camera]')?.getAttribute('data-camera') !== 'moving')).toBe(true);
  await page.waitForTimeout(300); // the frame after the last tile drawn
  const px = readPng(await canvas.screenshot());
  const count = new Map<string, number>();
  for (let dx = -4; dx <= 4; dx++) for (let dy = -4; dy <= 4; dy++) {
    const c = hex(px.at(Math.round(px.width / 2) + dx, Math.round(px.height / 2) + dy));
    count.set(c, (count.get(c) ?? 0) + 1);
  }
  const colour = [...count].sort((a, b) => b[1] - a[1])[0][0];
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2 - 1, box.y + box.height / 2 - 1);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.locator('.map-tip');
  await expect.poll(() => tip.isVisible()).toBe(true);
  await expect.poll(() => tip.textContent()).not.toMatch(/^E01\d{6}:/); // the name, once the names are in
  return { colour, tip: (await tip.textContent())! };
}

/** The class colour the legend gives an area's value on an indicator. */
async function expectedColour(origin: string, ind: IndicatorMeta, code: string): Promise<{ colour: string; value: number | null }> {
  const [areas, values] = await Promise.all([get<{ codes: string[] }>(origin, `areas/lsoa-${ind.vintage}.json`), get<{ values: (number | null)[] }>(origin, ind.values)]);
  const value = values.values[areas.codes.indexOf(code)];
  return { value, colour: value === null ? '' : classColours(ind.classes)[classOf(value, ind.classes.breaks)] };
}

/** Hover names an area whose drawn colour is its class's; another indicator recolours it with no tile fetched again. */
async function checkColours(origin: string, path: string, words?: RegExp) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const w = await watched(page);
  const tiles: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/data/vt/')) tiles.push(new URL(r.url()).pathname); });
  await page.goto(origin + path);
  await mapReady(page);
  // Labels hidden (a constructed style sheet: the site's CSP allows no inline style).
  await page.evaluate(() => { const s = new CSSStyleSheet(); s.replaceSync('.map-label, .map-place { visibility: hidden !important; }'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; });
  const cat = await get<Catalogue>(origin, 'catalogue.json');
  const areas = await get<{ codes: string[]; names: string[] }>(origin, 'areas/lsoa-2021.json');
  const first = await atCentre(page);
  const name = first.tip.split(':')[0];
  const code = areas.codes[areas.names.indexOf(name)];
  expect(code, first.tip).toBeDefined();
  const ind = cat.indicators.find((i) => i.id === new URL(page.url()).searchParams.get('i')) ?? cat.indicators.find((i) => i.id === cat.headline)!;
  const was = await expectedColour(origin, ind, code);
  expect(colourDistance(first.colour, was.colour), `${code} ${was.value} drawn ${first.colour}, legend ${was.colour}`).toBeLessThanOrEqual(3);
  // Another indicator of the same small areas whose class colour here differs.
  let other: IndicatorMeta | undefined, then = { colour: '', value: null as number | null };
  for (const i of cat.indicators.filter((x) => x.vintage === ind.vintage && x.id !== ind.id && !x.local)) {
    then = await expectedColour(origin, i, code);
    if (then.value !== null && colourDistance(then.colour, was.colour) > 24) { other = i; break; }
  }
  expect(other).toBeDefined();
  const fetched = tiles.length;
  await page.locator('[data-indicator-select]').selectOption(other!.id);
  await expect.poll(() => page.locator('[data-indicator-label]').textContent()).toBe(other!.label);
  await page.mouse.move(0, 0);
  const second = await atCentre(page);
  expect(second.tip.split(':')[0]).toBe(name);
  expect(colourDistance(second.colour, then.colour), `${code} ${then.value} on ${other!.id}: drawn ${second.colour}, legend ${then.colour}`).toBeLessThanOrEqual(3);
  expect(tiles.slice(fetched)).toEqual([]);
  // Keyboard stepping: each N selects the next area in view, announced, and the address follows.
  await page.locator('.maplibregl-canvas').focus();
  const chosen: string[] = [];
  for (let k = 0; k < 2; k++) {
    const before = new URL(page.url()).searchParams.get('a');
    await page.keyboard.press('n');
    await expect.poll(() => { const a = new URL(page.url()).searchParams.get('a'); return a !== null && a !== before; }).toBe(true);
    const a = new URL(page.url()).searchParams.get('a')!;
    expect(await page.locator('[data-selection]').first().textContent()).toContain(`(${a})`);
    chosen.push(a);
  }
  // Each step is its own entry in the history: Back returns to the area before (closing its popup had cleared it from that entry's address).
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get('a')).toBe(chosen[0]);
  if (words) expect(await page.locator('main').textContent()).toMatch(words);
  expect(w.errors).toEqual([]);
  expect(w.csp).toEqual([]);
  await page.close();
}

describe('the explorer on vector tiles', () => {
  it('colours the North West by feature state: the colour under the pointer is the class of the area the hover names, and a new indicator recolours it without fetching a tile again', async () => {
    // Blackpool 008E (E01012684), in Claremont, at the zoom of a town.
    const site = sharedSite();
    const boxes = await get<{ boxes: number[] }>(site.origin, 'geo/boxes-2021.json');
    const codes = (await get<{ codes: string[] }>(site.origin, 'areas/lsoa-2021.json')).codes;
    const k = codes.indexOf('E01012684');
    await checkColours(site.origin, `/explore/?i=iod25-imd-score&v=${boxes.boxes[k * 6 + 4]},${boxes.boxes[k * 6 + 5]},12`);
  });

  it('serves a tile as a protocol buffer, compressed and kept for good (its folder is fingerprinted), and _headers says so for static hosts', async () => {
    const site = sharedSite();
    const index = await get<TilesIndex>(site.origin, 'geo/tiles.json');
    const p = index.vintages['2021'].lsoa;
    const [z, keys] = Object.entries(p.present)[0];
    const url = `${site.origin}/data/${p.tiles.replace('{z}', z).replace('{x}', String(keys[0] % 2 ** Number(z))).replace('{y}', String(Math.floor(keys[0] / 2 ** Number(z))))}`;
    const r = await fetch(url, { headers: { 'Accept-Encoding': 'br' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-protobuf');
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The index that names the folders is revalidated, so a rebuild's tiles are found at once.
    expect((await fetch(`${site.origin}/data/geo/tiles.json`)).headers.get('cache-control')).toBe('no-cache');
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toContain('/data/vt/*\n  Content-Type: application/x-protobuf\n  Cache-Control: public, max-age=31536000, immutable');
  });

  it('keeps the hover\'s words inside the map beside its right and bottom edges (they move to the pointer\'s other side)', async () => {
    const site = sharedSite();
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(`${site.origin}/explore/?v=-2.98,53.81,12`); // Blackpool and the land east of it, small areas to every edge
    await mapReady(page);
    // The credits along the bottom hidden, so the pointer reaches the map's lowest pixels.
    await page.evaluate(() => { const s = new CSSStyleSheet(); s.replaceSync('.maplibregl-ctrl-bottom-right { display: none !important; }'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; });
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const tip = page.locator('.map-tip');
    for (const [x, y] of [[canvas.width - 6, canvas.height / 2], [canvas.width / 2, canvas.height - 6], [canvas.width - 6, canvas.height - 6]]) {
      await page.mouse.move(canvas.x + x - 20, canvas.y + y - 20);
      await page.mouse.move(canvas.x + x, canvas.y + y);
      await expect.poll(() => tip.isVisible()).toBe(true);
      await expect.poll(() => tip.textContent()).toMatch(/: /);
      const b = (await tip.boundingBox())!;
      expect(b.x, `at ${x}, ${y}`).toBeGreaterThanOrEqual(canvas.x);
      expect(b.y, `at ${x}, ${y}`).toBeGreaterThanOrEqual(canvas.y);
      expect(b.x + b.width, `at ${x}, ${y}`).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5);
      expect(b.y + b.height, `at ${x}, ${y}`).toBeLessThanOrEqual(canvas.y + canvas.height + 0.5);
    }
    await page.close();
  });

  it('keeps the page\'s own legend for its first indicator, painted once (the script replaced it with the same words, which painted its note, the first view\'s largest text, again later), and draws another indicator\'s', async () => {
    const site = sharedSite();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(() => {
      const w = window as unknown as { removedLegends: number };
      w.removedLegends = 0;
      new MutationObserver((ms) => { for (const m of ms) for (const n of m.removedNodes) if (n instanceof Element && n.matches('.legend')) w.removedLegends++; }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${site.origin}/explore/`);
    await mapReady(page);
    expect(await page.evaluate(() => (window as unknown as { removedLegends: number }).removedLegends)).toBe(0);
    // Another indicator's legend is drawn: its title names it.
    const select = page.locator('[data-indicator-select]');
    const other = await select.locator('option').nth(3).getAttribute('value');
    await select.selectOption(other!);
    const cat = await (await page.request.get(`${site.origin}/data/catalogue.json`)).json() as Catalogue;
    await expect.poll(() => page.locator('[data-legend] .legend-title').textContent()).toBe(cat.indicators.find((i) => i.id === other)!.shortLabel);
    expect(await page.evaluate(() => (window as unknown as { removedLegends: number }).removedLegends)).toBe(1);
    await page.close();
  });

  it('hides the hover\'s words when a click or tap opens an area\'s details, so they never cover the popup\'s title (at 390 px they did)', async () => {
    const site = sharedSite();
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(`${site.origin}/explore/?v=-3.03,53.82,12`); // Blackpool: small areas under the map's middle
    await mapReady(page);
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const [x, y] = [canvas.x + canvas.width / 2, canvas.y + canvas.height / 2];
    // First the words of a hover, as a pointer (or a tap's emulated mouse) gives them.
    await page.mouse.move(x - 10, y - 10);
    await page.mouse.move(x, y);
    const tip = page.locator('.map-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.mouse.click(x, y);
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.isVisible()).toBe(true);
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toMatch(/E01\d{6}/);
    expect(await tip.isVisible()).toBe(false);
    // Its close button is a target of at least 24 × 24 px (it was 23 × 28).
    const close = (await page.locator('.maplibregl-popup-close-button').boundingBox())!;
    expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(24);
    await page.close();
  });

  it('at England scope (SYNTHETIC two-council world) draws the councils\' small areas the same way, and its words name England, not the region', async () => {
    const t = (await get<TilesIndex>(england.origin, 'geo/tiles.json')).vintages['2021'];
    const [w, s, e, n] = t.lsoa.bounds;
    await checkColours(england.origin, `/explore/?v=${(w + e) / 2},${(s + n) / 2},${t.lsoa.minzoom + 0.5}`, /across England/);
    const cat = await get<Catalogue>(england.origin, 'catalogue.json');
    expect(cat.scope.mode).toBe('england');
    const index = await get<{ vintages: Record<string, { lads: unknown[] }> }>(england.origin, 'geo/tiles.json');
    expect(index.vintages['2021'].lads.length).toBe(2);
  });

  it('at England scope, zoomed out beyond the small areas, the table under the map lists the councils in view with the figures they are coloured by, worst first', async () => {
    const cat = await get<Catalogue>(england.origin, 'catalogue.json');
    const ind = cat.indicators.find((i) => i.id === cat.headline)!;
    const tiles = await get<TilesIndex>(england.origin, 'geo/tiles.json');
    const t = tiles.vintages[String(ind.vintage) as '2021'];
    const values = await get<{ councils: (number | null)[] }>(england.origin, ind.values);
    const [w, s, e, n] = t.lsoa.bounds;
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const watch = await watched(page);
    await page.goto(`${england.origin}/explore/?v=${(w + e) / 2},${(s + n) / 2},${t.lsoa.minzoom - 1}`);
    await mapReady(page);
    await page.locator('[data-table-region]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-table-heading]').textContent()).toBe('The 2 councils in view');
    expect(await page.locator('[data-table-first]').textContent()).toBe('Council');
    const rows = await page.locator('[data-table-body] tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    // Worst first, read from the indicator's direction; each figure as the values file gives it.
    const worse = ind.polarity === 'lower-worse' ? 1 : -1;
    const expected = t.lads.map((l, i) => ({ code: l.code, name: l.name, value: values.councils[i] }))
      .sort((a, b) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || worse * ((a.value ?? 0) - (b.value ?? 0)) || a.code.localeCompare(b.code, 'en-GB'));
    expect(rows.map((r) => [r[0], r[1]])).toEqual(expected.map((c) => [c.name, c.code]));
    rows.forEach((r, k) => {
      const v = expected[k].value;
      if (v === null) expect(r[3]).toBe('no data');
      else expect(Number(r[3]!.replace(/[^\d.-]/g, ''))).toBeCloseTo(v, ind.decimals);
    });
    // The keyboard steps through the councils (each announced with its figure), and Enter zooms into one.
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('n');
    const names = t.lads.map((l) => l.name);
    await expect.poll(() => page.locator('[data-selection]').first().textContent()).toMatch(new RegExp(`^(${names.join('|')}): .*Enter zooms in`));
    const stepped = (await page.locator('[data-selection]').first().textContent())!.split(':')[0];
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('[data-selection]').first().textContent()).not.toMatch(new RegExp(`^${stepped}:`));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-table-heading]').textContent(), { timeout: 15_000 }).toMatch(/^The \d+ small areas in view$/);
    // Zoomed in again: the small areas.
    await page.goto(`${england.origin}/explore/?v=${(w + e) / 2},${(s + n) / 2},${t.lsoa.minzoom + 0.5}`);
    await mapReady(page);
    await page.locator('[data-table-region]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-table-heading]').textContent()).toMatch(/^The \d+ small areas in view$/);
    expect(await page.locator('[data-table-first]').textContent()).toBe('Small area');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('at England scope, a wide map may be zoomed out to the whole nation (its box from the config, with a margin)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${england.origin}/explore/?v=-2.35,52.85,5`);
    await mapReady(page);
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('-');
    const zoom = () => Number(new URL(page.url()).searchParams.get('v')?.split(',')[2]);
    // England's box across a map this wide fits at about zoom 4.7; the margin lets it go below that.
    await expect.poll(zoom, { timeout: 10_000 }).toBeLessThan(4.6);
    await page.close();
  });

  it('at England scope, indicator pages, embeds and the explorer\'s first view draw councils, not every small area: one table row per council with the pipeline\'s council figure', async () => {
    const cat = await get<Catalogue>(england.origin, 'catalogue.json');
    // comparators.json is read by the build only (src/lib/build-only.ts): from the pipeline's output.
    const comparators = JSON.parse(readFileSync(join(dir, 'public/data/comparators.json'), 'utf8')) as { lads: Record<string, Record<string, { name: string; summaries: Record<string, { mean?: number; areas: number }> }>> };
    const html = async (path: string) => (await fetch(england.origin + path)).text();
    const drawn = (page: string, id: string) => [...(page.split(`id="${id}"`)[1] ?? '').split('</svg>')[0].matchAll(/data-code="([^"]+)"/g)].map((m) => m[1]).sort();
    for (const ind of cat.indicators.filter((i) => !i.local)) {
      const lads = comparators.lads[String(ind.vintage)];
      const [areas, values] = await Promise.all([get<{ codes: string[]; lad: string[] }>(england.origin, `areas/lsoa-${ind.vintage}.json`), get<{ values: (number | null)[] }>(england.origin, ind.values)]);
      const page = await html(`/indicators/${ind.id}/`);
      expect(drawn(page, 'imap'), ind.id).toEqual(Object.keys(lads).sort());
      const table = page.split('class="council-table"')[1]?.split('</table>')[0] ?? '';
      const rows = [...table.matchAll(/<tr><th scope="row">([^<]+) <small>(E0\d+)<\/small><\/th>(.*?)<\/tr>/g)];
      expect(rows.map((r) => r[2]).sort(), ind.id).toEqual(Object.keys(lads).sort());
      expect(page).not.toMatch(/<th scope="row">[^<]*<small>E01/); // no small area's row
      for (const [, name, code, cells] of rows) {
        expect(name.trim()).toBe(lads[code].name);
        const figure = [...cells.matchAll(/<td class="num">([^<]*)<\/td>/g)][1]?.[1] ?? '';
        if (ind.unit === 'rank' || ind.unit === 'decile') {
          // The council's middle small area, worked out here from the values file.
          const own = areas.codes.map((_, k) => k).filter((k) => areas.lad[k] === code && values.values[k] !== null).map((k) => values.values[k]!).sort((a, b) => a - b);
          expect(figure.replace(/,/g, ''), `${ind.id} ${code}`).toBe(String(own[(own.length - 1) >> 1]));
        } else {
          const mean = lads[code].summaries[ind.id].mean!;
          expect(Number(figure.replace(/[^\d.-]/g, '')), `${ind.id} ${code} ${figure}`).toBeCloseTo(mean, ind.decimals > 0 ? ind.decimals - 1 : 0);
        }
      }
      expect(drawn(await html(`/embed/indicators/${ind.id}/`), 'eimap'), ind.id).toEqual(Object.keys(lads).sort());
      // The lead sentence names the mapped area first (England), the region after it.
      const lede = /<p class="lede">(.*?)<\/p>/s.exec(page)?.[1] ?? '';
      if (ind.plain) expect(lede, ind.id).toMatch(/^<strong>In England, .*<\/strong>; in the .+, where the programme's neighbourhoods are, /s);
    }
    const explore = await html('/explore/');
    expect(drawn(explore, 'xmap')).toEqual(Object.keys(comparators.lads['2021']).sort());
    expect(explore).toMatch(/2 councils of England, each coloured by its own figure/);
  });
});

