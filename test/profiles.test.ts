/**
 * The profiles in a real browser: each domain led by measures in words, the comparison of every
 * neighbourhood, the then-and-now section, and defects once measured on the built site. Values
 * checked here were read by hand from the raw files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, sharedSiteAndBrowser } from './browser.ts';

const { site, browser } = await sharedSiteAndBrowser();
const catalogue = JSON.parse(readFileSync(join(DIST, 'data', 'catalogue.json'), 'utf8')) as { indicators: { id: string; england?: { p10: number; p50: number; p90: number } }[] };
/** The note on England's column, as written for residents (src/lib/spine.ts). */
const ENGLAND_NOTE = /^England's figure counts the whole country at once; the words compare with England's small areas one by one\. A few areas with extreme figures pull England's figure away from the typical area, so a figure better than England's can still be worse than most areas\.$/;

describe('resilience profiles and the comparison of every neighbourhood', () => {
  it('leads each domain of a neighbourhood page with a sentence and real-unit measures in words, then a spine chart, without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.origin}/neighbourhoods/claremont/`);
    for (const d of ['living-environment', 'economic-systems', 'social-relationships']) {
      const section = page.locator(`section.domain:has(#d-${d})`);
      expect(await section.locator('.domain-lead').textContent(), d).toMatch(/^On (\d+ of its \d+|all \d+ of its|its one) .+ measures?( with a better and a worse end)?, Claremont is worse than/);
      // the first figure of the domain is a measure in words, before any score
      expect(await section.locator('.plain-list li').count(), d).toBeGreaterThanOrEqual(5);
      const rows = section.locator('table.spine-table tbody tr');
      expect(await rows.first().locator('th').textContent(), d).not.toMatch(/ score/);
      expect(await section.locator('table.spine-table svg.spine circle.m-n').count(), d).toBe(await rows.count());
    }
    // Read by hand from the raw files (see pipeline/test/real-data.test.ts): 2,118 of Claremont's 3,715 households have no car or van.
    expect(await page.locator('li[data-indicator="census21-no-car"] strong').textContent()).toBe('About 6 in 10 households have no car or van (57.0%)');
    // Composite scores come second, each with the England decile it falls in.
    expect(await page.locator('#spine-context tr[data-indicator="iod25-imd-score"] td').first().textContent()).toMatch(/^\d+\.\d\d \(decile\u00a0\d+\)$/);
    expect(await page.locator('section.domain:has(#d-community-governance) li[data-indicator="leh-turnout-latest"] strong').textContent()).toMatch(/^About \d+ in 10 \([\d.]+%\) electors voted/);
    expect(await page.locator('a[href="/compare/"]').count()).toBeGreaterThan(0);
    // Once, before the domains' spine charts, why England's column and the words can point different ways.
    const notes = await page.locator('.england-note').allTextContents();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(ENGLAND_NOTE);
    expect(await page.locator('section:has(#profile-h) > p:has(.england-note)').count()).toBe(1);
    // Each row's "see note" links to its note on this page (it pointed nowhere, the note far above).
    const noteLinks = await page.locator('table.spine-table th a:text-is("see note")').evaluateAll((as) => as.map((a) => { const id = a.getAttribute('href')!.slice(1); return { id, note: document.getElementById(id)?.textContent ?? null, shared: document.getElementById(id)?.closest('ul')?.nextElementSibling?.classList.contains('shared-note') ?? false }; }));
    expect(noteLinks.length).toBeGreaterThan(3);
    for (const l of noteLinks) expect(l.note !== null && (/Note: /.test(l.note) || l.shared), l.id).toBe(true);
    // Seats filled unopposed: England's 10th to 90th percentiles are one figure, so the bands have no width; a label says where most of England is.
    const e = catalogue.indicators.find((i) => i.id === 'leap-uncontested-share')!.england!;
    expect(e.p10).toBe(e.p90);
    expect(await page.locator('tr[data-indicator="leap-uncontested-share"] svg text.pile').textContent()).toBe(`most of England: ${e.p50.toFixed(1)}% →`);
    const collapsed = catalogue.indicators.filter((i) => i.england && i.england.p10 === i.england.p90).map((i) => i.id);
    expect(await page.locator('table.spine-table tr:has(svg text.pile)').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator'))), 'only where the bands have no width').toEqual(collapsed);
    await ctx.close();
  });

  it('compares every neighbourhood, the region and England on every measure, works without JavaScript, and sorts with it', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.origin}/`);
    expect(await page.locator('main a[href="/compare/"]').count()).toBe(1);
    await page.goto(`${site.origin}/compare/`);
    const heads = await page.locator('#compare thead th').allTextContents();
    expect(heads.slice(1)).toEqual(['Mill Hill & Wensley Fold', 'Worsley (Haslingden)', 'Stockbridge Village', 'Claremont', 'Old Swan', 'Central Southport', 'Moss Bay & Salterbeck', 'North West', 'England']);
    const cat = JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { indicators: { id: string; unit: string; vintage: number; local?: unknown }[]; editions: unknown[] };
    const shown = cat.indicators.filter((i) => !i.local && ['percent', 'rate', 'score'].includes(i.unit));
    expect(await page.locator('#compare tbody:not([data-domain="change"]) tr[data-indicator]').count()).toBe(shown.length);
    // every cell says where it falls in words, not by colour alone
    const cell = page.locator('#compare tr[data-indicator="census21-no-car"] td').nth(3);
    expect(await cell.textContent()).toBe('57.0%worse than 9 in 10');
    expect(await page.locator('.sort-controls').isHidden()).toBe(true);
    expect(await page.locator('main').textContent()).toMatch(new RegExp(ENGLAND_NOTE.source.slice(1, -1)));
    const csv = await (await page.request.get(`${site.origin}/compare/neighbourhoods.csv`)).text();
    const changeRows = await page.locator('#compare tbody[data-domain="change"] tr:not(:first-child)').count();
    expect(changeRows).toBe(cat.editions.length + cat.indicators.filter((i) => i.unit === 'change' && i.vintage === 2021).length); // each edition's most-deprived share, and each change 2019 to 2025 (IMD and its seven domains)
    expect(changeRows).toBe(11);
    // England's own change in deciles is nil by construction: said so, not shown as a finding ("0.00 little change").
    expect(await page.locator('#compare tbody[data-domain="change"] tr[data-indicator] td:last-child').allTextContents()).toEqual(Array(changeRows - cat.editions.length).fill("–none by definition: deciles are England's tenths"));
    expect(csv.trim().split('\r\n').length).toBe(1 + (shown.length + changeRows) * 9);
    await ctx.close();

    const js = await browser.newPage();
    await js.goto(`${site.origin}/compare/`);
    await js.locator('#sort-by').selectOption({ label: 'Claremont, worst first' });
    const first = await js.locator('#compare tbody[data-domain="economic-systems"] tr[data-indicator]').first().locator('td').nth(3).getAttribute('data-w');
    const last = await js.locator('#compare tbody[data-domain="economic-systems"] tr[data-indicator]').last().locator('td').nth(3).getAttribute('data-w');
    expect(Number(first)).toBeLessThanOrEqual(Number(last));
    await js.close();
  });
});

describe('measured defects', () => {
  it('says "All its residents" where every small area is in the most deprived decile; embeds name their icon; fingerprinted assets are immutable', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/neighbourhoods/claremont/`);
    // All five of Claremont's 2021 small areas are in IMD 2025 decile 1 (read by hand from the raw file).
    expect(await page.locator('.key-figures p').nth(1).textContent()).toMatch(/^All its residents live in those areas; \d+% of England's residents do\.$/);
    const asset = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')).find((u) => u?.includes('/_astro/')));
    expect(asset).toBeTruthy();
    const r = await page.request.get(site.origin + asset);
    expect(r.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await page.request.get(`${site.origin}/`)).headers()['cache-control']).toBe('no-cache');
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    await page.goto(`${site.origin}/embed/neighbourhoods/claremont/`);
    const icon = await page.locator('link[rel=icon]').getAttribute('href');
    expect((await page.request.get(site.origin + icon)).status()).toBe(200);
    await page.close();
  });
});

describe('change over time', () => {
  it('each neighbourhood page has its then-and-now section, slope chart and tables, with the comparability note, without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const nbs = JSON.parse(readFileSync(join(DIST, 'data/neighbourhoods.json'), 'utf8')).neighbourhoods as { slug: string; lsoas2021: unknown[] }[];
    for (const n of nbs) {
      const page = await ctx.newPage();
      await page.goto(`${site.origin}/neighbourhoods/${n.slug}/`);
      const sec = page.locator('#then-and-now');
      expect(await sec.locator('.comparability').textContent(), n.slug).toMatch(/only positions \(ranks and deciles\) are compared/);
      expect(await sec.locator('#then-now-table tbody tr').count(), n.slug).toBe(3);
      // No band of the programme's years over editions that describe earlier years (IoD 2019's data are mostly 2015/16): the caption says what each describes.
      expect(await sec.locator('svg.slope-chart .programme').count(), n.slug).toBe(0);
      expect(await sec.locator('figure.slope figcaption').textContent(), n.slug).toMatch(/placed at the year it was published, and describes earlier years \(IoD 2015 mostly 2012\/13 and IoD 2019 mostly 2015\/16\)/);
      expect(await sec.locator('#change-table tbody tr').count(), n.slug).toBe(n.lsoas2021.length);
      await page.close();
    }
    // Stockbridge Village, read by hand from the raw files: E01006441 (decile 2 in 2015 and 2019) was split into
    // E01034832 (decile 2 in 2025) and E01034833 (decile 4 in 2025).
    const page = await ctx.newPage();
    await page.goto(`${site.origin}/neighbourhoods/stockbridge-village/`);
    const row = page.locator('#change-table tr[data-code="E01034833"] td');
    expect(await row.allTextContents()).toEqual(['split from E01006441', '2', '2', '4', '+2']);
    expect(await page.locator('#then-and-now .domain-lead').textContent()).toBe("In the 2015 Indices, five of its six small areas were among England's 10% most deprived; in 2019, five of six; in 2025, five of seven. Earlier editions use the small areas of 2011, the 2025 edition those of 2021.");
    expect(await page.locator('svg.slope-chart .slope-line path[stroke-dasharray]').count()).toBe(2); // the two halves of the split
    await ctx.close();
  }, 150_000); // eight neighbourhood pages one after another: 47 s on two busy cores, near the default minute
});
