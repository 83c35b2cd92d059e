/**
 * Every page kind on every screen (issue 24): at 320, 390 and 1,280 px, with every <details>
 * opened, as a phone or desktop user would see it. The page never scrolls sideways; every table
 * fits its box or sits in a scroll region the keyboard can reach and that says what it holds;
 * no chart text is drawn smaller than 11 px and axe finds nothing, at either width; and
 * the custom page can be worked with the keyboard alone on a phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe } from './axe.ts';
import { readPng } from './png.ts';
import { DIST, sharedSiteAndBrowser } from './browser.ts';

const { site, browser } = await sharedSiteAndBrowser();

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

/** Chart text that starts left of its SVG's box, and so is cut off ("10,000" drawn as "0,000"). */
function clippedSvgText(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll<SVGTextElement>('svg text')]
    .filter((t) => t.getBoundingClientRect().width > 0 && t.textContent?.trim() && t.getBBox().x < (t.ownerSVGElement!.viewBox.baseVal?.x ?? 0) - 0.5)
    .map((t) => `${t.closest('svg')?.getAttribute('class') ?? 'svg'} "${t.textContent!.trim()}"`).slice(0, 8));
}

/**
 * Text that breaks across lines where it must not: in the elements `selector` finds, each match
 * of `pattern` (a global regular expression's source) whose characters lie on more than one line.
 * Gives how many matches there were and those split.
 */
function splitAcrossLines(page: Page, selector: string, pattern: string) {
  return page.evaluate(([sel, source]) => {
    const split: string[] = [];
    let seen = 0;
    for (const e of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.textContent!.matchAll(new RegExp(source, 'g'))) {
          seen++;
          const r = document.createRange();
          r.setStart(n, m.index!);
          r.setEnd(n, m.index! + m[0].length);
          if (new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size > 1) split.push(m[0]);
        }
      }
    }
    return { seen, split };
  }, [selector, pattern] as const);
}

/**
 * Controls smaller than 24 × 24 px (WCAG 2.2, 2.5.8) on the page: buttons, fields, summaries, and
 * links that stand alone (a link inside a sentence is exempt, as the criterion allows). Links drawn
 * in charts' SVG and the map library's own buttons are not measured here.
 */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('a[href], button, select, input:not([type=hidden]), summary, textarea')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || e.closest('svg, .maplibregl-ctrl')) continue;
      const isLink = e.tagName === 'A';
      if (isLink) {
        const block = e.closest('p, li, td, th, dd, dt, figcaption, caption, footer, blockquote, label, span');
        if (block && block.textContent!.replace(/\s+/g, ' ').trim() !== e.textContent!.replace(/\s+/g, ' ').trim()) continue;
      }
      if (r.height < 24 || (!isLink && r.width < 24)) bad.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 24)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return [...new Set(bad)].slice(0, 10);
  });
}

describe('every page on every screen, every <details> open', () => {
  // Each page is opened once at each width and every check for that width is read from it (axe
  // last: it removes the long lists' repeats). Targets are a phone's concern; axe and chart text
  // are checked at a phone's width and a desktop's.
  const SCREENS: [string, number, string, boolean][] = [
    ...PAGES.flatMap(([k, path, map]) => [320, 390, 1280].map((w): [string, number, string, boolean] => [k, w, path, map])),
    ['contribute', 390, '/contribute/', false],
    ['the indicators', 390, '/indicators/', false],
  ];
  it.for(SCREENS)('%s at %i px: no sideways page scroll; tables fit or scroll in a labelled region; at 390 px every button, field and stand-alone link is at least 24 px high (buttons and fields 24 px wide); at 390 and 1,280 px axe finds no WCAG 2.2 AA violation and no chart text is under 11 px or cut off at the left', { timeout: 90_000 }, async ([, width, path, map], { expect }) => {
    const page = await open(path, width, map);
    const at = `${path} at ${width}`;
    const o = await overflow(page);
    expect(o.wide, at).toEqual([]);
    expect(o.page, at).toBeLessThanOrEqual(o.window);
    expect(await unreachableTables(page), at).toEqual([]);
    if (width === 390) expect(await smallTargets(page), at).toEqual([]);
    if (width !== 320) {
      expect(await smallSvgText(page), at).toEqual([]);
      expect(await clippedSvgText(page), at).toEqual([]);
      expect(await axe(page, { sample: true }), at).toEqual([]);
    }
    await page.close();
  });

  it('on a phone (390 px), the map\'s table shows each small area\'s figure without scrolling sideways (the council is in the area\'s name)', async () => {
    for (const path of ['/explore/', '/embed/neighbourhoods/old-swan/']) {
      const page = await open(path, 390, false);
      await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const cells = await page.evaluate(() => [...document.querySelectorAll('.view-table tr')].slice(0, 6).map((tr) => {
        const last = tr.lastElementChild!.getBoundingClientRect();
        return { text: tr.textContent!.trim().slice(0, 40), right: Math.round(last.right), width: Math.round(last.width) };
      }));
      expect(cells.length, path).toBeGreaterThan(1);
      for (const c of cells) { expect(c.right, `${path}: ${c.text}`).toBeLessThanOrEqual(390); expect(c.width, `${path}: ${c.text}`).toBeGreaterThan(0); }
      await page.close();
    }
  });

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

describe('the custom page on a phone, with the keyboard only', () => {
  it('reaches every control of the page by Tab at 390 px, each in view with its focus shown, and chooses areas with keys alone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${site.origin}/custom/`);
    await page.waitForSelector('[data-custom]:not([hidden])');
    // Every control of the page, numbered in document order.
    const controls = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, select, textarea, input, summary, [tabindex="0"]')]
        .filter((e) => e.getBoundingClientRect().width > 0 && !(e as HTMLButtonElement).disabled && e.tabIndex >= 0);
      all.forEach((e, k) => { e.dataset.k = String(k); });
      return all.length;
    });
    expect(controls).toBeGreaterThan(10);
    const reached = new Set<number>();
    const problems: string[] = [];
    for (let i = 0; i < controls + 20 && reached.size < controls; i++) {
      await page.keyboard.press('Tab');
      const s = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
        return { k: e.dataset.k, what: `${e.tagName} ${e.id || e.textContent?.trim().slice(0, 30)}`, inView: r.left >= -1 && r.right <= innerWidth + 1, shown: cs.outlineStyle !== 'none' || cs.boxShadow !== 'none', w: r.width, h: r.height };
      });
      if (s.k === undefined) continue;
      reached.add(Number(s.k));
      if (!s.inView) problems.push(`${s.what}: outside the window`);
      if (!s.shown) problems.push(`${s.what}: no focus indicator`);
    }
    expect(problems).toEqual([]);
    expect(reached.size).toBe(controls);
    // Operate: a neighbourhood chosen from the list by typing, its areas used with Enter, then one area added or removed on the map.
    await page.locator('#start-nb').focus();
    await page.keyboard.type('Claremont');
    expect(await page.locator('#start-nb').inputValue()).toBe('claremont');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const five = nbs.find((n) => n.slug === 'claremont')!.lsoas2021.length;
    await page.waitForFunction((k) => document.documentElement.dataset.customReady === String(k), five, { timeout: 30_000 });
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('picker-map'))) && tabs++ < 60) await page.keyboard.press('Tab');
    expect(tabs).toBeLessThan(60);
    await page.keyboard.press('n');
    const wasChosen = (await page.locator('svg.picker-map path.current').getAttribute('class'))!.includes('chosen');
    await page.keyboard.press('Space');
    await page.waitForFunction((k) => document.documentElement.dataset.customReady === String(k), wasChosen ? five - 1 : five + 1, { timeout: 30_000 });
    await page.close();
  }, 90_000);
});

describe('words and search that do not confuse', () => {
  it('the home page opens with a finding whose figure is counted from the published values, and the ways in, within the first screen at 390 and 1,280 px', async () => {
    // A separate count: the headline decile of each neighbourhood's 2021 small areas, read from the values file.
    const cat = JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { headline: string };
    const values = JSON.parse(readFileSync(join(DIST, `data/values/${cat.headline}.json`), 'utf8')) as { values: (number | null)[] };
    const codes = JSON.parse(readFileSync(join(DIST, 'data/areas/lsoa-2021.json'), 'utf8')).codes as string[];
    const decile = new Map(codes.map((c, i) => [c, values.values[i]]));
    const mine = [...new Set(nbs.flatMap((n) => n.lsoas2021.map((m) => m.code)))];
    const inTenth = mine.filter((c) => decile.get(c) === 1).length;
    expect(inTenth).toBeGreaterThan(0);
    for (const width of [390, 1280]) {
      const page = await open('/', width, false);
      const finding = page.locator('[data-finding] .headline');
      expect(await finding.textContent()).toContain(`: ${inTenth} of ${mine.length}.`);
      const top = await page.evaluate(() => {
        const bottom = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().bottom;
        return { finding: bottom('[data-finding] .headline'), search: bottom('#home-search'), ways: [...document.querySelectorAll('.ways-in a')].map((a) => [a.textContent, a.getBoundingClientRect().bottom] as const) };
      });
      expect(top.finding).toBeLessThan(800);
      expect(top.search).toBeLessThan(800);
      if (width === 1280) for (const [name, b] of top.ways) expect(b, `${name} at ${width}`).toBeLessThan(800);
      expect(top.ways.map(([n]) => n)).toEqual(['Compare the neighbourhoods', 'Explore the map', 'profile your own area', 'Embed a map', 'Rebuild the atlas', 'check your own survey']);
      await page.close();
    }
  });

  it('search names the council of two wards of the same name, lists postcode districts in their natural order, and the compare page does not place England against itself', async () => {
    const places = JSON.parse(readFileSync(join(DIST, 'data/search/places.json'), 'utf8')).places as unknown[][];
    const wards = places.filter((p) => p[1] === 'W').map((p) => String(p[0]));
    const dupes = wards.filter((w, i) => wards.indexOf(w) !== i);
    expect(dupes).toEqual([]);
    expect(wards.filter((w) => /^Claremont/.test(w)).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/\(Blackpool\)$/)]));
    const page = await browser.newPage();
    await page.goto(`${site.origin}/search/`);
    const bb = (await page.locator('.district-list', { hasText: /^BB / }).locator('a').allTextContents()).map((d) => Number(d.slice(2)));
    expect(bb.length).toBeGreaterThan(10);
    expect(bb).toEqual([...bb].sort((a, b) => a - b));
    // "all five", never "five of five", in the then-and-now sentence of any neighbourhood.
    for (const n of nbs) {
      await page.goto(`${site.origin}/neighbourhoods/${n.slug}/`);
      expect(await page.locator('#then-and-now .domain-lead').textContent(), n.slug).not.toMatch(/\b(\w+) of (its )?\1\b/);
    }
    await page.goto(`${site.origin}/compare/`);
    const england = await page.locator('#compare tbody:not([data-domain="change"]) tr[data-indicator] td:last-child .pos').allTextContents();
    expect(new Set(england)).toEqual(new Set(['England as a whole']));
    // Measures with no better or worse (private renting) are never shaded in the colours of worse and better.
    const neutral = await page.locator('#compare tr[data-indicator="census21-private-rented"] td').evaluateAll((tds) => tds.map((td) => td.className));
    expect(neutral.some((c) => /\bq\d\b/.test(c))).toBe(false);
    expect(neutral.some((c) => /\bn\d\b/.test(c))).toBe(true);
    await page.close();
  });
});

describe('small things', () => {
  it('gives each neighbourhood\'s name on the home page\'s map a tap area at least 23 px high, none over another (the names were 15 to 16 px high)', async () => {
    for (const width of [390, 1280]) {
      const page = await open('/', width, false);
      const links = await page.evaluate(() => [...document.querySelectorAll('svg .labels a')].map((a) => ({ name: a.getAttribute('aria-label'), box: a.getBoundingClientRect().toJSON() as DOMRect, text: a.querySelector('text')!.getBoundingClientRect().height })).filter((l) => l.box.height > 0));
      expect(links.length, `${width} px`).toBe(7);
      for (const l of links) {
        expect(l.text, `${l.name} at ${width} px: its text alone`).toBeLessThan(l.box.height);
        expect(l.box.height, `${l.name} at ${width} px`).toBeGreaterThanOrEqual(23);
      }
      // Where two names lie close, their areas meet and do not overlap (less than a pixel, from scaling the drawing).
      for (const a of links) for (const b of links) {
        if (a === b) continue;
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        expect(across > 0 && down >= 1, `${a.name} over ${b.name} at ${width} px`).toBe(false);
      }
      await page.close();
    }
  });

  it('never breaks a year such as "2017-18" across lines in a heading at 320 and 390 px (the councils page\'s title ended "2017-" with "18" below)', async () => {
    for (const width of [320, 390]) {
      for (const path of ['/councils/', '/neighbourhoods/moss-bay-salterbeck/', '/neighbourhoods/worsley-haslingden/']) {
        const page = await open(path, width, false);
        const found = await splitAcrossLines(page, 'h1, h2, h3', String.raw`\d{4}-\d{2}\b`);
        expect(found.seen, path).toBeGreaterThan(0);
        expect(found.split, `${path} at ${width} px`).toEqual([]);
        await page.close();
      }
    }
  });

  it('draws the spending and GP charts\' axis labels no larger than the body text at 390 and 1,280 px (the lead spending chart\'s were 20 px at 1,280)', async () => {
    for (const width of [390, 1280]) {
      const page = await open('/neighbourhoods/central-southport/', width, false);
      const sizes = await page.evaluate(() => [...document.querySelectorAll('svg.spending-chart .tick, svg.gp-chart .tick')].map((t) => (t as SVGGraphicsElement).getScreenCTM()!.a * parseFloat(getComputedStyle(t).fontSize)));
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(sizes.length).toBeGreaterThan(10);
      expect(Math.max(...sizes), `${width} px`).toBeLessThanOrEqual(body + 0.5);
      await page.close();
    }
  });

  it('keeps the four figures of a stacked spine row level at 390 px when a long name wraps ("Central Southport" had pushed its figure a line below the others)', async () => {
    for (const path of ['/neighbourhoods/central-southport/', '/neighbourhoods/moss-bay-salterbeck/']) {
      const page = await open(path, 390, false);
      const uneven = await page.evaluate(() => {
        const out: string[] = [];
        let rows = 0;
        for (const tr of document.querySelectorAll('.spine-table tbody tr')) {
          const tops = [...tr.querySelectorAll('td[data-label]')].map((td) => {
            const text = [...td.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
            if (!text) return null;
            const r = document.createRange();
            r.selectNodeContents(text);
            return r.getBoundingClientRect().top;
          }).filter((t): t is number => t !== null);
          if (tops.length < 4) continue;
          rows++;
          if (Math.max(...tops) - Math.min(...tops) > 1) out.push(tr.querySelector('th')!.textContent!.trim().slice(0, 40));
        }
        return { rows, out };
      });
      expect(uneven.rows, path).toBeGreaterThan(20);
      expect(uneven.out, path).toEqual([]);
      await page.close();
    }
  });

  it('never breaks "(decile 10)" across lines in the stacked spine tables at 390 px (its ")" was left alone on the next line)', async () => {
    for (const path of ['/neighbourhoods/old-swan/', `/custom/?lsoas=${oldSwan.join(',')}`]) {
      const page = await open(path, 390, false);
      const split = await splitAcrossLines(page, '.spine-table td', String.raw`\(decile[^)]*\)`);
      expect(split.seen, path).toBeGreaterThan(10);
      expect(split.split, path).toEqual([]);
      await page.close();
    }
  });

  it('a row header\'s muted notes (where a figure falls, its unit, "score") are not bold like the measure\'s name, at 390 and 1,280 px', async () => {
    for (const width of [390, 1280]) {
      for (const path of ['/neighbourhoods/old-swan/', '/compare/']) {
        const page = await open(path, width, false);
        const weights = await page.evaluate(() => [...document.querySelectorAll('th .muted')].map((e) => Number(getComputedStyle(e).fontWeight)));
        expect(weights.length, path).toBeGreaterThan(10);
        expect(weights.filter((w) => w > 400), `${path} at ${width}`).toEqual([]);
        await page.close();
      }
    }
  });

  it('search suggestions open under the box and its Find button, covering neither, when the label wraps at 390 px', async () => {
    for (const width of [390, 1280]) {
      const page = await open('/', width, false);
      await page.locator('#home-search').pressSequentially('old');
      await expect.poll(() => page.locator('#home-search-list li').count()).toBeGreaterThan(0);
      const box = await page.evaluate(() => {
        const r = (s: string) => document.querySelector(s)!.getBoundingClientRect();
        const input = r('#home-search'), list = r('#home-search-list'), find = document.querySelector('#home-search')!.closest('form')!.querySelector('button[type=submit]')!;
        const f = find.getBoundingClientRect();
        return { gap: Math.round(list.top - input.bottom), findShown: document.elementFromPoint(f.left + f.width / 2, f.bottom - 3) === find };
      });
      expect(box.gap, `${width}`).toBeGreaterThanOrEqual(0);
      expect(box.findShown, `${width}`).toBe(true);
      await page.close();
    }
  });

  it('the comparison table keeps its column names in view when read far down it, at 390 and 1,280 px', async () => {
    for (const width of [390, 1280]) {
      const page = await open('/compare/', width, false);
      // Bring a row far down the table into view, as one reading it would.
      await page.locator('#compare tr[data-indicator]').nth(40).scrollIntoViewIfNeeded();
      const seen = await page.evaluate(() => {
        const row = document.querySelectorAll('#compare tr[data-indicator]')[40].getBoundingClientRect();
        const head = document.querySelector('#compare thead th:last-child')!.getBoundingClientRect();
        return { rowTop: Math.round(row.top), headTop: Math.round(head.top), headBottom: Math.round(head.bottom), above: document.elementFromPoint(head.left + 2, head.top + 2)?.closest('thead') !== null };
      });
      expect(seen.headTop, `${width}`).toBeGreaterThanOrEqual(0);
      expect(seen.headBottom, `${width}`).toBeLessThanOrEqual(seen.rowTop + 1);
      expect(seen.above, `${width}: the column names are drawn over the rows, not under them`).toBe(true);
      // Scrolled to its far right, each domain's name is still in the box (on a phone it scrolled off, leaving an empty band).
      await page.locator('.compare-wrap').evaluate((b) => { b.scrollLeft = b.scrollWidth; });
      const names = await page.locator('#compare th[scope=rowgroup] > .rowgroup-name').evaluateAll((spans) => spans.map((e) => { const r = e.getBoundingClientRect(), b = e.closest('.compare-wrap')!.getBoundingClientRect(); return r.left >= b.left - 1 && r.right <= b.right + 1 && r.width > 0; }));
      expect(names.length, `${width}`).toBeGreaterThan(3);
      expect(names.every(Boolean), `${width}`).toBe(true);
      await page.locator('.compare-wrap').evaluate((b) => { b.scrollLeft = 0; });
      // A shade along the box's foot says more rows lie below, until the last is in view.
      const box = page.locator('.compare-wrap');
      expect(await box.evaluate((b) => b.hasAttribute('data-more') && getComputedStyle(b, '::after').backgroundImage.startsWith('linear-gradient')), `${width}`).toBe(true);
      await box.evaluate((b) => { b.scrollTop = b.scrollHeight; });
      await expect.poll(() => box.evaluate((b) => b.hasAttribute('data-more')), { message: `${width}: no shade at the end` }).toBe(false);
      await page.close();
    }
  });

  it('a postcode district\'s page shows each row\'s postcodes beside its small area at 390 px, the ward, council and neighbourhood as lines of that cell (they were four columns away, off the screen); columns of their own at 1,280 px', async () => {
    // PR8 1AA: Sefton 004I (E01033798), Duke's ward, Sefton, in Central Southport (read from the raw ONS lookup, as test/postcode.test.ts does).
    for (const width of [390, 1280]) {
      const page = await open('/search/postcodes/PR8/', width, false);
      const row = await page.evaluate(() => {
        const tr = [...document.querySelectorAll('.postcode-groups tbody tr')].find((r) => r.textContent!.includes('PR8\u00a01AA'))!;
        const cells = [...tr.children].filter((c) => getComputedStyle(c).display !== 'none');
        const postcodes = cells.at(-1)!.getBoundingClientRect();
        return { header: (cells[0] as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), columns: [...document.querySelectorAll('.postcode-groups thead th')].filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.textContent), postcodesLeft: postcodes.left, postcodesRight: postcodes.right, window: document.documentElement.clientWidth };
      });
      if (width === 390) {
        expect(row.header).toBe("Sefton 004I E01033798 Duke's ward, Sefton; in Central Southport");
        expect(row.columns).toEqual(['Small area (2021)', 'Postcodes']);
      } else {
        expect(row.header).toBe('Sefton 004I E01033798');
        expect(row.columns).toEqual(['Small area (2021)', 'Ward', 'Local authority', 'Neighbourhood', 'Postcodes']);
      }
      expect(row.postcodesRight, `${width}`).toBeLessThanOrEqual(row.window);
      await page.close();
    }
  });

  it('the indicator embed at 390 px shows no empty bordered box under its legend before an area is chosen', async () => {
    const page = await open('/embed/indicators/iod25-imd-decile/', 390, true);
    const empty = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('main *')].filter((e) => {
      const cs = getComputedStyle(e), r = e.getBoundingClientRect();
      return r.height > 0 && parseFloat(cs.borderTopWidth) > 0 && parseFloat(cs.borderBottomWidth) > 0 && !e.textContent?.trim() && e.children.length === 0 && !['INPUT', 'TEXTAREA', 'SELECT', 'IFRAME', 'CANVAS'].includes(e.tagName);
    }).map((e) => `${e.tagName}.${e.className}`));
    expect(empty).toEqual([]);
    await page.close();
  });
});

describe('tables that scroll say so', () => {
  it('shade the edge of a wide table where more of it lies beyond, and not once scrolled to its end (a cut column looked like the table\'s end)', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${site.origin}/councils/`);
    const wrap = page.locator('.table-wrap').first();
    expect(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth + 50)).toBe(true);
    /** Mean brightness of the wrap's rightmost 4 px, over its first 300 px of height. */
    const edge = async () => {
      const px = readPng(await wrap.screenshot());
      let sum = 0, n = 0;
      for (let y = 0; y < Math.min(300, px.height); y++) for (let x = px.width - 5; x < px.width - 1; x++) { const [r, g, bl] = px.at(x, y); sum += (r + g + bl) / 3; n++; }
      return sum / n;
    };
    // Only the box's own background is measured: the table's text, rules and fills are made transparent.
    await wrap.evaluate((w) => w.querySelectorAll<HTMLElement>('*').forEach((e) => { for (const [p, v] of [['color', 'transparent'], ['border-color', 'transparent'], ['background', 'transparent'], ['box-shadow', 'none'], ['text-decoration', 'none']]) e.style.setProperty(p, v, 'important'); }));
    await wrap.scrollIntoViewIfNeeded();
    const before = await edge();
    await wrap.evaluate((w) => { w.scrollLeft = w.scrollWidth; });
    const after = await edge();
    expect(after - before, `edge brightness ${before.toFixed(1)} with more beyond, ${after.toFixed(1)} at the end`).toBeGreaterThan(12);
    await page.close();
  });
});

describe('focus that is seen and hides nothing', () => {
  it('marks a summary with the atlas\'s yellow ring, and a link that wraps with yellow behind each of its lines, covering none of the text around it', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${site.origin}/neighbourhoods/old-swan/`);
    await page.keyboard.press('Tab'); // a keyboard user: later focus() calls show as :focus-visible
    const focus = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--focus').trim());
    expect(focus).toBe('#ffbf47');
    const yellow = 'rgb(255, 191, 71)';
    const summary = await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('main summary')!;
      s.focus();
      const cs = getComputedStyle(s);
      return { visible: s.matches(':focus-visible'), outline: `${cs.outlineStyle} ${cs.outlineColor}` };
    });
    expect(summary).toEqual({ visible: true, outline: `solid ${yellow}` });
    // A link in running text that wraps onto a second line.
    const link = await page.evaluate(() => {
      const a = [...document.querySelectorAll<HTMLAnchorElement>('main p a, main li a')].find((x) => x.getClientRects().length > 1 && x.closest('p, li')!.textContent!.trim() !== x.textContent!.trim());
      if (!a) return null;
      a.focus();
      const cs = getComputedStyle(a);
      const lines = [...a.getClientRects()];
      // The text just above the link's first line, in the same block: its bottom must not be under the focus's top.
      const block = a.closest('p, li')!;
      const range = document.createRange();
      range.selectNodeContents(block);
      const above = [...range.getClientRects()].filter((r) => r.bottom <= lines[0].top + 1 && r.width > 0);
      return { visible: a.matches(':focus-visible'), background: cs.backgroundColor, outlineColor: cs.outlineColor, lines: lines.length, outlineOffset: cs.outlineOffset, overlapAbove: above.length ? Math.max(...above.map((r) => r.bottom)) - lines[0].top : 0 };
    });
    expect(link, 'a wrapped link in running text on the page').not.toBeNull();
    expect(link!.visible).toBe(true);
    expect(link!.background).toBe(yellow);
    expect(link!.outlineColor).toBe('rgba(0, 0, 0, 0)');
    expect(link!.outlineOffset).toBe('0px');
    expect(link!.overlapAbove).toBeLessThanOrEqual(0);
    await page.close();
  });
});
