/**
 * Council spending on the built site: each neighbourhood page's section (its council, or its
 * district and county apart), the notes beside the charts, and the councils page with its
 * sorting and CSV. Figures checked here were read from the RS files with a separate CSV reader,
 * not from the pipeline: Blackpool's (E2302) total service expenditure, £ thousand, 282,993 in
 * 2010-11, 248,643, 235,813, 247,777, 218,439, and 185,488 in 2017-18 (the first and last are
 * also SOURCES.md's spot values); no total for 2015-16 and 2016-17 in the stored extract.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, sharedBrowser } from './browser.ts';

let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
beforeAll(async () => { site = sharedSite(); browser = await sharedBrowser(); });
afterAll(async () => { await browser?.close(); await site?.close(); });

describe('council spending', () => {
  it('a neighbourhood of a single-tier council: one council, a chart per service, the table in cash, the notes and the link to every council', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/neighbourhoods/claremont/`);
    const s = page.locator('#system');
    expect(await s.locator('h3').allInnerTexts()).toEqual([expect.stringContaining('Blackpool')]);
    expect(await s.locator('svg.spending-chart').count()).toBe(10);
    const lead = await s.locator('.domain-lead').innerText();
    expect(lead).toContain('from £283.0m to £185.5m in cash (−34%');
    expect(lead).toContain('before any allowance for rising prices');
    const totalRow = s.locator('table.spending-table tbody tr').first();
    expect(await totalRow.locator('td').allInnerTexts()).toEqual(['283.0', '248.6', '235.8', '247.8', '218.4', '–', '–', '185.5', '−34%']);
    const notes = await s.locator('.comparability').innerText();
    for (const x of ['Per-resident and real-terms figures are not shown', 'academies', 'Public health', 'Better Care Fund', 'Spending is not the same as need']) expect(notes).toContain(x);
    expect(await s.locator('a[href$="/councils/"]').count()).toBe(1);
    // The programme's years are shaded on every chart.
    expect(await s.locator('svg.spending-chart rect.programme').count()).toBe(10);
    await page.close();
  });

  it('a two-tier neighbourhood: the district and the county apart, each naming the services the other tier runs instead of charting them', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/neighbourhoods/worsley-haslingden/`);
    const s = page.locator('#system');
    expect((await s.locator('h3').allInnerTexts()).map((t) => t.split(' (')[0])).toEqual(['Rossendale', 'Lancashire']);
    expect(await s.locator('p').first().innerText()).toContain('never added together');
    // The district's charts leave out the county's services, and say so; the county's charts have them.
    expect(await s.locator('#spending-E07000125 li', { hasText: 'Education' }).count()).toBe(0);
    expect(await s.locator('#spending-E07000125').innerText()).toContain('Not drawn for Rossendale: social care (children\'s and adults\'), education and public health, which the county council runs');
    expect(await s.locator('#spending-E10000017 li', { hasText: 'Education' }).count()).toBe(1);
    // The county's charts leave out the district's (housing); services both run are drawn for both.
    expect(await s.locator('#spending-E10000017').innerText()).toContain('Not drawn for Lancashire: housing (not council housing), which the district council runs');
    expect(await s.locator('#spending-E07000125 li', { hasText: 'Highways and transport' }).innerText()).toContain('run partly by the county, partly by the district');
    await page.close();
  });

  it('the councils page lists every council of the region by tier, marks the programme\'s, sorts by a column, and offers the CSV', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/councils/`);
    const rows = page.locator('#councils tbody tr:not(.group)');
    expect(await rows.count()).toBe(41);
    expect(await page.locator('#councils tr.programme-council').count()).toBe(9);
    // Sort the single-tier councils by the change in all services: the largest rise first.
    await page.locator('#councils thead th', { hasText: 'All services' }).first().locator('button').click();
    expect(await page.locator('#councils thead th[aria-sort="descending"]').count()).toBe(1);
    const values = await page.locator('#councils tbody').first().locator('tr:not(.group) td:nth-child(2)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.v).filter((v) => v !== '').map(Number));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const csv = await (await page.request.get(`${site.origin}/councils/spending.csv`)).text();
    expect(csv).toContain('E06000009,E2302,Blackpool UA,Unitary authority,single,Claremont,total,All services,2010-11,282993,100');
    expect(csv).toContain('E06000009,E2302,Blackpool UA,Unitary authority,single,Claremont,total,All services,2017-18,185488,65.5');
    await page.close();
  });

  it('the methods page explains the figures and accounts for every row of the returns', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/methods/`);
    const text = await page.locator('#spending').innerText();
    expect(text).toContain('rs_net_current_expenditure_2010-11_by_la.csv (2010-11): 452 rows, 8 class totals, 91 other authorities left out, 353 council rows');
    expect(text).toContain('never an estimate');
    await page.close();
  });
});
