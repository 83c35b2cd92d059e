/**
 * Map labels: the placement shared by the SVG maps and the interactive map (unit cases worked
 * out by hand), then the built maps in a browser at 390 px and 1280 px, measured with the
 * browser's own text metrics: no label runs off its map, and none overlaps another.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { placeLabels, splitLabel, type Box, type LabelItem } from '../src/lib/labels.ts';
import { sharedSiteAndBrowser } from './browser.ts';

const item = (id: string, x: number, y: number, w: number, o: Partial<LabelItem> = {}): LabelItem => ({ id, x, y, w, h: 10, dot: true, required: true, ...o });
const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe('label placement', () => {
  it('puts a dot label to the right of its point, and to the left when the right would run off the map', () => {
    const [a, b] = placeLabels([item('a', 10, 20, 40), item('b', 90, 50, 40)], 100, 100);
    expect(a.box).toEqual([17, 15, 57, 25]);
    expect(b.box).toEqual([43, 45, 83, 55]);
  });
  it('with no free position, moves a required label in from the edge rather than run off the map', () => {
    // 20 px high: no room above or below, nor at the corners; the left is the first label's.
    const [, b] = placeLabels([item('a', 10, 10, 40), item('b', 90, 10, 40)], 100, 20);
    expect(b.box).toEqual([58, 5, 98, 15]);
  });
  it('tries the corners, then two lines, before moving a label in from the edge', () => {
    // b's right runs off the map, its left is a's; in a 100 px square its upper left corner is free.
    const [, b] = placeLabels([item('a', 10, 50, 40), item('b', 90, 50, 40)], 100, 100);
    expect(b.box).toEqual([44, 34, 84, 44]);
    // 24 px high: no corner fits, but the name on two lines (20 × 20) does, to the left of its point.
    const [, c] = placeLabels([item('a', 10, 12, 40), item('c', 90, 12, 40, { wrap: { w: 20, h: 20 } })], 100, 24);
    expect(c).toEqual({ id: 'c', box: [63, 2, 83, 22], dot: true, wrapped: true });
  });
  it('keeps a neighbourhood\'s label clear of another neighbourhood\'s point, so it is not read as theirs', () => {
    // b's point is 10 px right of and 12 below a's: a's label to the right would clear b's dot by 3 px, so it goes left.
    const [a] = placeLabels([item('a', 60, 50, 30), item('b', 70, 62, 30)], 200, 100);
    expect(a.box).toEqual([23, 45, 53, 55]);
    // An optional place name is not held back by it.
    const [p] = placeLabels([item('p', 60, 50, 30, { dot: false, required: false }), item('b', 70, 66, 30)], 200, 100);
    expect(p.box).toEqual([45, 45, 75, 55]);
  });
  it('tries again with a left-out neighbourhood first, when the one placed before took its only room', () => {
    // Two points 4 px apart in a 30 px high map: placed first, a takes the right, the only room b has; b first, a goes below it.
    const placed = placeLabels([item('a', 10, 12, 40), item('b', 10, 8, 40)], 100, 30);
    expect(placed).toEqual([{ id: 'a', box: [16, 18, 56, 28], dot: true }, { id: 'b', box: [17, 3, 57, 13], dot: true }]);
  });
  it('splits a name into two lines of about equal length at a space', () => {
    expect(splitLabel('Worsley (Haslingden)')).toEqual(['Worsley', '(Haslingden)']);
    expect(splitLabel('Mill Hill & Wensley Fold')).toEqual(['Mill Hill &', 'Wensley Fold']);
    expect(splitLabel('Moss Bay & Salterbeck')).toEqual(['Moss Bay &', 'Salterbeck']);
    expect(splitLabel('Claremont')).toBeNull();
  });
  it('moves a second label away from the first instead of overlapping it', () => {
    const [a, b] = placeLabels([item('a', 20, 50, 40), item('b', 30, 52, 40)], 200, 100);
    expect(overlap(a.box, b.box)).toBe(false);
  });
  it('leaves out an optional place name with no free position, but always places a required label, inside the map', () => {
    // A 14 px high map: nothing fits above or below a label, and the required one fills the width.
    const placed = placeLabels([item('n', 50, 7, 300), item('p', 52, 7, 30, { dot: false, required: false })], 100, 14);
    expect(placed.map((p) => p.id)).toEqual(['n']);
    const [x0, , x1] = placed[0].box;
    expect(x0).toBeGreaterThanOrEqual(2);
    expect(x1).toBeGreaterThan(98); // wider than the map: pulled in from the left edge, not clipped there
  });
  it('keeps clear of reserved boxes (the map controls)', () => {
    const [p] = placeLabels([item('p', 50, 50, 20, { dot: false, required: false })], 100, 100, 2, [[40, 44, 60, 56]]);
    expect(p.box).toEqual([40, 33, 60, 43]); // above: the centre is reserved
    // Two required labels at one point of a 14 px high map, a control on the left: the second
    // has no free position, and is left out rather than cover the other label or the control.
    const placed = placeLabels([item('a', 50, 7, 20), item('b', 50, 7, 20)], 100, 14, 2, [[0, 0, 45, 14]]);
    expect(placed).toEqual([{ id: 'a', box: [57, 2, 77, 12], dot: true }]);
  });
  it('where neighbourhoods crowd together (a whole country at once), names as many as fit and overlaps none', () => {
    const crowd = Array.from({ length: 7 }, (_, i) => item(`n${i}`, 100 + (i % 3) * 6, 100 + i * 4, 90));
    const placed = placeLabels(crowd, 400, 300);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(7);
    expect(placed[0].id).toBe('n0');
    for (const [i, a] of placed.entries()) for (const b of placed.slice(i + 1)) expect([a.id, b.id, overlap(a.box, b.box)]).toEqual([a.id, b.id, false]);
  });
});

const { site, browser } = await sharedSiteAndBrowser();

/** Visible SVG labels of the page's static maps, measured: text boxes in each SVG's own units, and its viewBox. */
function svgLabelBoxes(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('svg.choropleth')].map((svg) => {
    const vb = (svg as SVGSVGElement).viewBox.baseVal;
    const texts = [...svg.querySelectorAll<SVGTextElement>('.labels text')].filter((t) => getComputedStyle(t.closest('.labels')!).display !== 'none');
    return { vb: [vb.width, vb.height], boxes: texts.map((t) => { const b = t.getBBox(); return { text: t.textContent, box: [b.x, b.y, b.x + b.width, b.y + b.height] }; }) };
  }));
}

describe('labels on the built maps', () => {
  for (const width of [390, 1280]) {
    for (const path of ['/', '/neighbourhoods/claremont/', '/neighbourhoods/worsley-haslingden/', '/embed/neighbourhoods/old-swan/', '/explore/']) {
      it(`${path} at ${width} px: every label of the static map inside it, none overlapping`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(site.origin + path);
        const maps = await svgLabelBoxes(page);
        expect(maps.length).toBeGreaterThan(0);
        const texts = maps.flatMap((m) => m.boxes);
        expect(texts.length).toBeGreaterThan(1);
        for (const m of maps) {
          for (const { text, box } of m.boxes) {
            expect([text, box[0] >= 0 && box[1] >= 0 && box[2] <= m.vb[0] && box[3] <= m.vb[1]]).toEqual([text, true]);
          }
          for (let i = 0; i < m.boxes.length; i++) for (let j = i + 1; j < m.boxes.length; j++) {
            // Boxes from getBBox include the line's full ascent and descent: allow one unit of touching.
            const [a, b] = [m.boxes[i].box, m.boxes[j].box];
            const shrunk = (x: number[]) => [x[0] + 1, x[1] + 1, x[2] - 1, x[3] - 1] as Box;
            expect([m.boxes[i].text, m.boxes[j].text, overlap(shrunk(a), shrunk(b))]).toEqual([m.boxes[i].text, m.boxes[j].text, false]);
          }
        }
        await page.close();
      });
    }
    it(`the interactive map at ${width} px names places, inside the map and clear of each other and of its controls`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.origin}/explore/?v=-2.6,53.6,10`);
      await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
      await expect.poll(() => page.locator('.map-place').count()).toBeGreaterThan(5);
      // Once the map has settled (sources loaded, the attribution at its full size), every label shown
      // lies inside the map and overlaps neither another label nor a control.
      const problems = () => page.evaluate(() => {
        const frame = document.querySelector('.maplibregl-map')!.getBoundingClientRect();
        const box = (e: Element) => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
        const hit = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        const shown = [...document.querySelectorAll('.map-place, .map-label')].filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => ({ text: e.textContent, box: box(e) }));
        const controls = [...document.querySelectorAll('.maplibregl-ctrl')].map(box);
        const found: string[] = [];
        if (shown.length <= 5) found.push(`only ${shown.length} labels shown`);
        shown.forEach((s, i) => {
          if (!(s.box[0] >= frame.left && s.box[1] >= frame.top && s.box[2] <= frame.right && s.box[3] <= frame.bottom)) found.push(`${s.text} runs off the map`);
          shown.slice(i + 1).forEach((t) => { if (hit(s.box, t.box)) found.push(`${s.text} overlaps ${t.text}`); });
          if (controls.some((c) => hit(s.box, c))) found.push(`${s.text} covers a control`);
        });
        return found;
      });
      await expect.poll(problems, { timeout: 15_000 }).toEqual([]);
      await page.close();
    });
    it(`the interactive map at ${width} px names every neighbourhood of the region's first view, on two lines where one finds no room`, async () => {
      for (const [path, w] of [['/explore/', width], ['/embed/indicators/iod25-imd-decile/', width === 390 ? 390 : 600]] as const) {
        const page = await browser.newPage({ viewport: { width: w, height: 800 } });
        await page.goto(site.origin + path);
        await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
        const hidden = () => page.evaluate(() => [...document.querySelectorAll('.map-label')].filter((e) => getComputedStyle(e).visibility === 'hidden').map((e) => e.textContent));
        await expect.poll(() => page.locator('.map-label').count()).toBe(7);
        await expect.poll(hidden, { timeout: 10_000 }).toEqual([]);
        // A name on two lines reads as one to a screen reader.
        for (const name of await page.locator('.map-label.wrapped').allTextContents()) expect(name).toMatch(/^\S.* \S.*$/);
        // Each name is drawn with a halo, not on a box, so the areas under it stay in view (seven opaque boxes hid much of Merseyside and Greater Manchester).
        const looks = await page.locator('.map-label').evaluateAll((ls) => ls.map((l) => { const c = getComputedStyle(l); return { box: c.backgroundColor, halo: c.textShadow !== 'none' }; }));
        expect(looks.filter((l) => l.box !== 'rgba(0, 0, 0, 0)' || !l.halo)).toEqual([]);
        await page.close();
      }
    });
    it(`the interactive map at ${width} px, zoomed out to the whole country, names neighbourhoods only where they fit`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.origin}/explore/?v=-1.8,52.9,4.5`);
      await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
      const shown = () => page.evaluate(() => {
        const box = (e: Element) => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
        const hit = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        const labels = [...document.querySelectorAll('.map-label')].filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => ({ text: e.textContent, box: box(e) }));
        return { count: labels.length, overlaps: labels.flatMap((s, i) => labels.slice(i + 1).filter((t) => hit(s.box, t.box)).map((t) => `${s.text} overlaps ${t.text}`)) };
      });
      await page.waitForTimeout(1000);
      const { count, overlaps } = await shown();
      expect(overlaps).toEqual([]);
      expect(count).toBeGreaterThan(0);
      await page.close();
    });
  }

  it('the interactive map draws streets from the atlas\'s own tiles at street zoom, names them, and credits OpenStreetMap; no request fails', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failed: string[] = [], tiles: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); if (r.url().includes('/data/tiles/')) tiles.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') failed.push(m.text()); });
    await page.goto(`${site.origin}/explore/?v=-3.045,53.825,14.5`);
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    await expect.poll(() => page.locator('.map-place.kR').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.every((u) => u.startsWith(site.origin))).toBe(true);
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('OpenStreetMap contributors');
    expect(await page.locator('[data-streets-note]').first().innerText()).toBe('');
    // Street zoom far from any neighbourhood (the Lake District): no detailed tiles, and the map says so.
    await page.goto(`${site.origin}/explore/?v=-3.05,54.45,12.5`);
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    await expect.poll(() => page.locator('[data-streets-note]').first().innerText(), { timeout: 20_000 }).toContain("surroundings only");
    await page.waitForTimeout(1500);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('neighbourhood maps and their embeds draw streets drawn at build time, with the OpenStreetMap credit beside them', async () => {
    for (const path of ['/neighbourhoods/old-swan/', '/embed/neighbourhoods/old-swan/']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(site.origin + path);
      expect((await page.locator('svg.choropleth .streets .main').getAttribute('d'))!.length).toBeGreaterThan(500);
      expect(await page.locator('.map-credit').first().innerText()).toMatch(/© OpenStreetMap contributors \(ODbL 1\.0\), © OpenMapTiles/);
      expect(await page.locator('svg.choropleth .labels.wide text.kR').count()).toBeGreaterThan(2);
      await page.close();
    }
  });
});

