/**
 * Council spending on the built site: each neighbourhood page's section (per resident at
 * 2017-18 prices, led by services other than education; a two-tier area per tier and as a
 * whole), the councils page with its sorting and CSV, and the section's fit at 390 and 1,280 px
 * (no clipped table, no flat chart, axe clean). Figures checked here were read from the raw
 * files with a separate reader, not from the pipeline: Blackpool's (E2302) total service
 * expenditure, £ thousand, 282,993 in 2010-11 and 185,488 in 2017-18, education 126,663 and
 * 49,168; mid-2010 population 142,753, mid-2017 139,870; YBGB financial-year means 77.775
 * (2010-11) and 87.000 (2017-18). So (282,993 − 126,663) × 1,000 / 142,753 × 87 / 77.775 =
 * £1,225.0 and (185,488 − 49,168) × 1,000 / 139,870 = £974.6 per resident; −20%.
 */
import { describe, expect, it } from 'vitest';
import { sharedSiteAndBrowser } from './browser.ts';
import { axe } from './axe.ts';

const { site, browser } = await sharedSiteAndBrowser();

describe('council spending', () => {
  it('a neighbourhood of a single-tier council: leads per resident in real terms without education, the region\'s middle half and England\'s median, cash one click away', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/neighbourhoods/claremont/`);
    const s = page.locator('#system');
    expect(await s.locator('h3').allInnerTexts()).toEqual([expect.stringContaining('Blackpool')]);
    const lead = await s.locator('.domain-lead').first().innerText();
    expect(lead).toContain('spending on services other than education fell from £1,225 in 2010-11 to £975 in 2017-18 per resident (−20%; no figures for 2015-16 and 2016-17), at 2017-18 prices');
    expect(lead).toMatch(/middle half of the North West's 21 single-tier councils .* spent £\d{3} to £\d{3} per resident, and England's median single-tier council £\d{3}/);
    // The first chart is the lead figure; education has its own.
    expect(await s.locator('.spending-grid li').first().locator('.spending-title strong').innerText()).toBe('All services except education');
    expect(await s.locator('.spending-grid li', { hasText: 'Education' }).count()).toBeGreaterThan(0);
    // The missing years are said once in each chart's place: under the chart, not also in its title.
    const first = s.locator('.spending-grid li').first();
    expect(await first.locator('.spending-title').innerText()).toContain('Fell from £1,225 in 2010-11 to £975 in 2017-18 per resident (−20%).');
    const gaps = await s.locator('.spending-gap').allInnerTexts();
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(g).toMatch(/^No figure for 2015-16 and 2016-17: /);
    expect(await s.locator('.spending-title', { hasText: 'no figures for' }).count()).toBe(0);
    // The academies reason is one click away.
    const why = s.locator('details.why-education');
    expect(await why.locator('summary').innerText()).toContain('Why education is left out');
    await why.locator('summary').click();
    expect(await why.innerText()).toContain('academies');
    const firstRow = s.locator('table.spending-table').first().locator('tbody tr').first();
    expect(await firstRow.locator('td').allInnerTexts()).toEqual(['£1,225', '£1,024', '£983', '£1,096', '£1,101', '–', '–', '£975']);
    // Cash stays in a table, a click away.
    const cash = s.locator('details.spending-cash').first();
    await cash.locator('summary').click();
    expect(await cash.locator('tbody tr', { hasText: 'All services' }).nth(1).locator('td').allInnerTexts()).toEqual(['283.0', '248.6', '235.8', '247.8', '218.4', '–', '–', '185.5']);
    // The line bends where the accounts change: said under the charts.
    const text = await s.innerText();
    for (const x of ['2013-14: public health joined', 'Better Care Fund', 'GDP deflator at market prices (ONS series YBGB), release of 30 June 2025', 'before Census 2021', 'Spending is not the same as need']) expect(text).toContain(x);
    // The lead line stops at 2014-15 and starts again in 2017-18: its panel says which years have no figure (the table's "–" above); a line with every year says nothing.
    expect(await s.locator('.spending-grid li').first().locator('.spending-gap').innerText()).toContain('No figure for 2015-16 and 2016-17');
    expect(await s.locator('.spending-grid li').filter({ has: page.getByText('Education', { exact: true }) }).locator('.spending-gap').count()).toBe(0);
    expect(await s.locator('.spending-grid li').filter({ has: page.getByText('Education', { exact: true }) }).count()).toBe(1);
    // Net income drawn below zero, and explained (Blackpool's central services in 2017-18).
    expect(await s.locator('li', { hasText: 'Central services' }).innerText()).toContain('Below zero in 2017-18');
    expect(await s.locator('li', { hasText: 'Central services' }).innerText()).toContain('crosses zero, so no percentage is given');
    // No minimum and maximum: no "range" in any chart's words, and no percentage in the thousands.
    for (const l of await s.locator('svg.spending-chart').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(l).toMatch(/middle half|no figure/);
    expect(text).not.toMatch(/\d,?\d{3}%/);
    expect(await s.locator('svg.spending-chart rect.programme').count()).toBe(await s.locator('svg.spending-chart').count());
    await page.close();
  });

  it('a two-tier neighbourhood: each tier per its own residents, the whole area as county plus district per resident, and who runs what', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/neighbourhoods/worsley-haslingden/`);
    const s = page.locator('#system');
    expect((await s.locator('h3').allInnerTexts()).map((t) => t.split(' (')[0])).toEqual(['Rossendale', 'Lancashire']);
    expect(await s.locator('.domain-lead').first().innerText()).toContain('Rossendale\'s and Lancashire\'s combined spending on services other than education fell from £884 in 2010-11 to £786 in 2017-18 per resident');
    const table = s.locator('table.two-tier');
    // Environment and regulation, 2017-18 (worked by hand in pipeline/test/real-data.test.ts): £53.71 + £27.83 = £81.54, shown to the pound.
    const env = table.locator('tbody tr', { hasText: 'Environment and regulation' });
    expect(await env.locator('td').allInnerTexts()).toEqual(['both', '£54', '£28', expect.stringMatching(/^£\d+$/), '£82']);
    const row = (label: string) => table.locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${label}`) }) });
    expect(await row('Education').locator('td').first().innerText()).toBe('the county');
    expect(await row('Housing').locator('td').first().innerText()).toBe('the district');
    expect(await s.locator('#spending-E07000125 li .spending-title strong').allInnerTexts()).not.toContain('Education');
    expect(await s.locator('#spending-E10000017 li .spending-title strong').allInnerTexts()).toContain('Education');
    expect(await s.locator('#spending-E07000125').innerText()).toContain('Not drawn for Rossendale: social care (children\'s and adults\'), education and public health, which the county council runs');
    expect(await s.locator('#spending-E07000125 li', { hasText: 'Highways and transport' }).innerText()).toContain('run partly by the county, partly by the district');
    // A district's charts all miss 2015-16 and 2016-17: said once above them, not under each.
    const rossendale = s.locator('#spending-E07000125');
    expect(await rossendale.locator('.spending-gap').count()).toBe(1);
    expect(await rossendale.locator('.spending-gap').innerText()).toContain("No figure for 2015-16 and 2016-17: the published accounts used here for those years do not have this council's lines");
    // Two county councils in the region: the other one is named in the singular ("the others are named … where they fall" read as more than one).
    expect(await s.locator('#spending-E10000017').innerText()).toContain("The North West has only 2 county councils, too few for a middle half: the other is named under a chart where its figure falls outside the chart's range");
    await page.close();
  });

  it('the councils page: per resident at 2017-18 prices, England\'s median of each tier, district gaps stated, sortable, cash a click away, and the CSV', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/councils/`);
    const rows = page.locator('#councils tbody tr:not(.group)');
    expect(await rows.count()).toBe(41);
    expect(await page.locator('#councils tr.programme-council').count()).toBe(9);
    expect(await page.locator('#councils tr.england-median').count()).toBe(3);
    expect(await page.locator('#councils-about').innerText()).toContain('District councils have no figures for 2015-16 and 2016-17');
    // Copeland's row in the RS 2017-18 file is "…" in every column (zcat -f rs_net_current_expenditure_2017-18_by_la.csv | grep Copeland): the page says why it has no figure.
    expect(await page.locator('#councils-about').innerText()).toContain('No 2017-18 figure for Copeland: the published figures for that year mark its return as not available ("…").');
    expect(await page.locator('#councils tr[data-code="E06000009"] td').first().innerText()).toBe('£1,225');
    await page.locator('#councils thead th', { hasText: 'Change' }).first().locator('button').click();
    expect(await page.locator('#councils thead th[aria-sort="descending"]').count()).toBe(1);
    const values = await page.locator('#councils tbody').first().locator('tr:not(.group) td:nth-child(4)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.v).filter((v) => v !== '').map(Number));
    expect(values.length).toBeGreaterThan(10);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(await page.locator('#councils-cash').count()).toBe(1);
    // The notes on reading the figures follow the tables (on a phone they had pushed the table some 1,900 px down); the lede says where, and that spending shows no cause.
    expect(await page.locator('p.lede').innerText()).toMatch(/nothing here shows what it caused\. Reading these figures, after the tables,/);
    expect(await page.locator('p.lede a[href="#reading"]').count()).toBe(1);
    expect(await page.locator('#reading').evaluate((r) => !!(document.querySelector('#councils')!.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING) && /^Reading these figures\. Prices: /.test(r.textContent!.trim()))).toBe(true);
    expect(await page.locator('.comparability').count()).toBe(1);
    const csv = await (await page.request.get(`${site.origin}/councils/spending.csv`)).text();
    expect(csv).toContain('gbp_per_resident_2017_18_prices,region_median_same_tier_gbp_per_resident_2017_18_prices,england_median_same_tier_gbp_per_resident_2017_18_prices');
    expect(csv).toContain('E06000009,E2302,Blackpool,Unitary authority,single,Claremont,total,All services,2010-11,282993,142753,89.397,');
    expect(csv).toContain('E06000009,E2302,Blackpool,Unitary authority,single,Claremont,total-less-education,All services except education,2017-18,136320,139870,100,974.62,');
    await page.close();
  });

  it('the methods page says how the figures are made and accounts for every council-year', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/methods/`);
    const text = await page.locator('#spending').innerText();
    expect(text).toContain('rs_net_current_expenditure_2010-11_by_la.csv (2010-11): 452 rows, 8 class totals, 91 other authorities left out, 353 council rows');
    for (const x of ['mid-2010 for 2010-11', 'ONS series YBGB', 'before Census 2021', 'middle half', 'never estimated', 'Poole']) expect(text).toContain(x);
    await page.close();
  });
});

describe('council spending at 390 and 1,280 px', () => {
  for (const width of [390, 1280]) {
    for (const path of ['/neighbourhoods/claremont/', '/neighbourhoods/worsley-haslingden/', '/councils/']) {
      it(`${path} at ${width} px: no clipped table, no flat chart, axe passes`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(site.origin + path);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
        // A table either fits its box, or scrolls in a labelled, focusable region whose first figure column shows without scrolling; its caption is never cut.
        const tables = await page.locator('table.spending-table').evaluateAll((ts) => ts.map((t) => {
          const wrap = t.closest('.table-wrap') as HTMLElement;
          const box = wrap.getBoundingClientRect();
          const firstFigure = t.querySelector('tbody td')!.getBoundingClientRect();
          // The caption's text, not its box (a caption box is as wide as its table).
          const capEl = t.querySelector('caption');
          const range = document.createRange();
          if (capEl) range.selectNodeContents(capEl);
          const cap = capEl ? range.getBoundingClientRect() : null;
          return { id: t.id, fits: t.scrollWidth <= wrap.clientWidth + 1, region: wrap.getAttribute('role') === 'region' && wrap.tabIndex === 0 && !!wrap.getAttribute('aria-label'), figureShows: firstFigure.right <= box.right + 1, captionShows: !cap || cap.right <= box.right + 1, within: box.right <= document.documentElement.clientWidth + 1 };
        }));
        expect(tables.length).toBeGreaterThan(0);
        for (const t of tables) {
          expect(t.fits || (t.region && t.figureShows), JSON.stringify(t)).toBe(true);
          expect(t.captionShows && t.within, JSON.stringify(t)).toBe(true);
        }
        // A heading over a group of columns can be read wherever in its group the table is scrolled to: at its first column and at its last ("Each service", centred over 822 px of columns, lay beyond a phone's first screen of them).
        const groups = await page.locator('table.spending-table thead th.span').evaluateAll((ths) => ths.map((th) => {
          const wrap = th.closest('.table-wrap') as HTMLElement;
          const pinned = (th.closest('table')!.querySelector('tbody th[scope="row"]') as HTMLElement).getBoundingClientRect().width;
          const label = th.firstElementChild ?? th;
          const seen = (scrollLeft: number) => {
            wrap.scrollLeft = scrollLeft;
            const box = wrap.getBoundingClientRect(), cell = th.getBoundingClientRect(), text = label.getBoundingClientRect();
            // The part of the group in view, right of the pinned names.
            const [left, right] = [Math.max(cell.left, box.left + pinned), Math.min(cell.right, box.right)];
            return right <= left || (text.left >= left - 1 && text.right <= right + 1);
          };
          const cellLeft = (th as HTMLElement).offsetLeft;
          const out = { text: th.textContent, atStart: seen(cellLeft - pinned), atEnd: seen(cellLeft + (th as HTMLElement).offsetWidth - wrap.clientWidth) };
          wrap.scrollLeft = 0;
          return out;
        }));
        if (path === '/councils/') expect(groups.map((g) => g.text)).toEqual(['All services except education', 'Each service, 2017-18']);
        for (const g of groups) expect(g.atStart && g.atEnd, JSON.stringify(g)).toBe(true);
        // A tier's heading row ("Single-tier councils …") spans the table: scrolled to its far end, its words are still in view (they had scrolled off, leaving an empty band).
        const tiers = await page.locator('.spending-wrap tr.group th[scope="colgroup"]').evaluateAll((ths) => ths.map((th) => {
          const wrap = th.closest('.table-wrap') as HTMLElement;
          wrap.scrollLeft = wrap.scrollWidth;
          const box = wrap.getBoundingClientRect(), text = (th.firstElementChild ?? th).getBoundingClientRect();
          const out = { text: th.textContent, seen: text.left >= box.left - 1 && text.left < box.right };
          wrap.scrollLeft = 0;
          return out;
        }));
        if (path === '/councils/') expect(tiers.length).toBeGreaterThan(1);
        for (const t of tiers) expect(t.seen, JSON.stringify(t)).toBe(true);
        // The councils' cash table, four columns, fits a phone (a group's heading held it 16 px too wide, its last column cut at "no figur").
        if (path === '/councils/' && width === 390) expect(tables.find((t) => t.id === 'councils-cash')?.fits, JSON.stringify(tables)).toBe(true);
        // At 1,280 px every table fits, the councils' 13 columns too (1,537 px in a 1,120 px box before their headings were grouped and the table given the window's width).
        if (width === 1280) expect(tables.every((t) => t.fits), JSON.stringify(tables)).toBe(true);
        // No flat chart: the council's own points spread over the range drawn at least in proportion to its figures (no range set by another council many times over).
        const charts = await page.locator('svg.spending-chart').evaluateAll((svgs) => svgs.map((svg) => {
          const ys = [...svg.querySelectorAll('circle.own')].map((c) => Number(c.getAttribute('cy')));
          const label = svg.getAttribute('aria-label') ?? '';
          const m = /Range drawn (−?)£([\d,.]+) to (−?)£([\d,.]+)/.exec(label);
          return { ys, label, lo: m ? Number(m[2].replace(/,/g, '')) * (m[1] ? -1 : 1) : null, hi: m ? Number(m[4].replace(/,/g, '')) * (m[3] ? -1 : 1) : null };
        }));
        for (const c of charts) {
          if (c.ys.length < 2 || c.lo === null) continue;
          // The plot runs from y = 8 (top of the range) to y = 138 (its foot); each point read back to £.
          const own = c.ys.map((y) => c.hi! - ((y - 8) * (c.hi! - c.lo!)) / 130);
          expect(Math.min(...c.ys) >= 7.9 && Math.max(...c.ys) <= 138.1, c.label).toBe(true);
          // Fitted, not flat: the range drawn is at most 5 times the council's own largest figure (Wigan's culture once set 0 to 12,000 for a council at 65 to 100).
          expect(c.hi! - c.lo!, c.label).toBeLessThanOrEqual(5 * Math.max(...own.map(Math.abs)));
        }
        expect(charts.filter((c) => c.lo !== null).length).toBeGreaterThan(path === '/councils/' ? -1 : 5);
        // The spending section (the rest of each page, with every <details> open, is test/a11y.test.ts's).
        expect(await axe(page, { scope: path === '/councils/' ? 'main' : '#system' })).toEqual([]);
        await page.close();
      }, 60_000);
    }
  }
});
