/**
 * Every page kind on every screen (issue 24): at 320, 390 and 1,280 px, with every <details>
 * opened, as a phone or desktop user would see it. The page never scrolls sideways; every table
 * fits its box or sits in a scroll region the keyboard can reach and that says what it holds;
 * no chart text is drawn smaller than 11 px on a phone; axe finds nothing at either width; and
 * the custom page can be worked with the keyboard alone on a phone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launch, serveDist } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
beforeAll(async () => { site = await serveDist(); browser = await launch(); });
afterAll(async () => { await browser?.close(); await site?.close(); });

const nbs = JSON.parse(readFileSync(join(DIST, 'data/neighbourhoods.json'), 'utf8')).neighbourhoods as { slug: string; lsoas2021: { code: string }[] }[];
const oldSwan = nbs.find((n) => n.slug === 'old-swan')!.lsoas2021.map((m) => m.code);

/** One page of each kind, and whether its interactive map must be ready before it is read. */
const PAGES: [string, string, boolean][] = [
  ['home', '/', false],
  ['a neighbourhood', '/neighbourhoods/old-swan/', false],
  ['an indicator', '/indicators/census21-no-car/', false],
  ['compare', '/compare/', false],
  ['councils', '/councils/', false],
  ['custom with areas', `/custom/?lsoas=${oldSwan.join(',')}`, false],
  ['explorer', '/explore/', true],
  ['methods', '/methods/', false],
  ['search', '/search/', false],
  ['the neighbourhood embed', '/embed/neighbourhoods/claremont/', false],
  ['the indicator embed', '/embed/indicators/iod25-imd-decile/', true],
];

/** Opens the page at a width, waits for what it draws after load, and opens every <details>. */
async function open(path: string, width: number, map: boolean): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const r = await page.goto(site.origin + path, { waitUntil: 'load' });
  expect(r?.status(), path).toBe(200);
  if (map) await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 60_000 });
  if (path.startsWith('/custom/?')) await page.waitForFunction(() => Number(document.documentElement.dataset.customReady) > 0, null, { timeout: 30_000 });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Elements wider than the window (the page scrolls sideways), and by how much the page is. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.right <= W + 1) continue;
      // Inside a box that scrolls or clips sideways, it does not widen the page.
      let p = e.parentElement, clipped = false;
      while (p && p !== document.body) { const o = getComputedStyle(p).overflowX; if (o !== 'visible') { clipped = true; break; } p = p.parentElement; }
      if (!clipped) wide.push(`${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''} right ${Math.round(r.right)}`);
    }
    return { page: document.documentElement.scrollWidth, window: W, wide: wide.slice(0, 5) };
  });
}

/** Tables wider than their box that are not in a focusable, labelled scroll region. */
function unreachableTables(page: Page) {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const t of document.querySelectorAll('table')) {
      if (t.getBoundingClientRect().width === 0) continue;
      let box = t.parentElement!;
      while (box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement!;
      if (t.getBoundingClientRect().width <= box.clientWidth + 1) continue;
      const ok = box.tabIndex === 0 && box.getAttribute('role') === 'region' && !!box.getAttribute('aria-label') && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
      if (!ok) bad.push(`${t.id || t.className || t.querySelector('caption')?.textContent?.slice(0, 40)}: ${Math.round(t.getBoundingClientRect().width)} px in ${box.clientWidth}`);
    }
    return bad;
  });
}

/** SVG text drawn smaller than 11 px (font size times the SVG's scale on screen). */
function smallSvgText(page: Page) {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const t of document.querySelectorAll('svg text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(t).visibility === 'hidden' || !t.textContent?.trim()) continue;
      const m = (t as SVGTextElement).getScreenCTM();
      if (!m) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      if (px < 10.95) bad.push(`${t.closest('svg')?.getAttribute('class') ?? 'svg'} "${t.textContent.trim().slice(0, 24)}" ${px.toFixed(1)} px`);
    }
    return [...new Set(bad)].slice(0, 8);
  });
}

describe('every page on every screen, every <details> open', () => {
  it.each(PAGES)('%s: no sideways page scroll at 320, 390 and 1,280 px; tables fit or scroll in a labelled region', async (_k, path, map) => {
    for (const width of [320, 390, 1280]) {
      const page = await open(path, width, map);
      const o = await overflow(page);
      expect(o.wide, `${path} at ${width}`).toEqual([]);
      expect(o.page, `${path} at ${width}`).toBeLessThanOrEqual(o.window);
      expect(await unreachableTables(page), `${path} at ${width}`).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it.each(PAGES)('%s: axe finds no WCAG 2.2 AA violation at 390 and 1,280 px; no chart text under 11 px at 390', async (_k, path, map) => {
    for (const width of [390, 1280]) {
      const page = await open(path, width, map);
      expect(await axe(page), `${path} at ${width}`).toEqual([]);
      if (width === 390) expect(await smallSvgText(page), path).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('the comparison table fits a desktop window: the England column is whole at 1,280 px', async () => {
    const page = await open('/compare/', 1280, false);
    const { table, box, england } = await page.evaluate(() => {
      const t = document.querySelector('#compare')!;
      const last = [...t.querySelectorAll('thead th')].at(-1)!;
      return { table: t.getBoundingClientRect().right, box: t.parentElement!.getBoundingClientRect().right, england: last.textContent };
    });
    expect(england).toBe('England');
    expect(table).toBeLessThanOrEqual(box + 1);
    await page.close();
  });
});
