/**
 * Web figures for `npm run bench`: first-view transfer (each response brotli-compressed as a
 * host would serve it) and JavaScript bytes per page type; Lighthouse mobile (simulated
 * throttling, median of 3) LCP, TBT and score; and the explorer's map-ready mark under
 * devtools throttling (slow 4G, 4x CPU), median of 3.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Row } from './row.ts';
import { chromiumPath, DIST, launch, serveDist } from '../test/browser.ts';
import { writeReference } from './reference.ts';
import { mapReady } from './map-ready.ts';
import { customFigures } from './custom.ts';
import { tileFigures } from './tiles.ts';
import { firstView } from './first-view.ts';

const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = 3;

export async function webFigures(_root: string): Promise<Row[]> {
  const rows: Row[] = [];
  const site = await serveDist();
  const browser = await launch();
  const pages: [string, string, number | null, number | null][] = [
    ['home', '/', null, null],
    ['neighbourhood page', '/neighbourhoods/claremont/', 100, 20],
    ['neighbourhood page with most small areas', '/neighbourhoods/old-swan/', 100, 20],
    ['comparison of all neighbourhoods', '/compare/', 100, null],
    ['neighbourhood page with the most streets and two councils', '/neighbourhoods/worsley-haslingden/', 100, 20],
    ['neighbourhood embed with the most streets', '/embed/neighbourhoods/worsley-haslingden/', 100, 20],
    ['indicator page', '/indicators/iod25-income-score/', null, null],
    ['indicator page, a rank on 2011 areas (the largest table)', '/indicators/iod19-environment-rank/', 100, null],
    ['indicator page, IMD 2015 rank', '/indicators/iod15-imd-rank/', 100, null],
    ['methods page', '/methods/', null, null],
    ['councils compared (spending)', '/councils/', 100, null],
    ['custom area page, before an area is chosen', '/custom/', 100, null],
    ['explorer', '/explore/', 500, null],
  ];
  try {
    for (const [name, path, budgetKb, jsBudgetKb] of pages) {
      const { kb: total, jsKb: js, requests } = await firstView(browser, site.origin, path);
      console.log(`  ${name}: first view ${total.toFixed(1)} KB br, of which JavaScript ${js.toFixed(1)} KB (${requests} requests)`);
      rows.push({ what: `${name}: first-view transfer (brotli)`, measured: total, unit: 'KB', budget: budgetKb ?? NaN, pass: budgetKb === null ? true : total <= budgetKb, note: budgetKb === null ? 'no budget set' : undefined });
      rows.push({ what: `${name}: JavaScript (brotli)`, measured: js, unit: 'KB', budget: jsBudgetKb ?? NaN, pass: jsBudgetKb === null ? true : js <= jsBudgetKb, note: jsBudgetKb === null ? 'no budget set' : undefined });
    }

    rows.push(...tileFigures(DIST));

    // One indicator's values for the region: the largest values file, brotli.
    {
      const { readdirSync, readFileSync } = await import('node:fs');
      const dir = `${_root}/dist/data/values`;
      const sizes = readdirSync(dir).map((f) => ({ f, kb: br(readFileSync(`${dir}/${f}`)) / 1000 })).sort((a, b) => b.kb - a.kb);
      console.log(`  values files: ${sizes.length}, largest ${sizes[0].f} ${sizes[0].kb.toFixed(1)} KB br, median ${median(sizes.map((x) => x.kb)).toFixed(1)} KB`);
      rows.push({ what: `one indicator's values for the region, the largest of ${sizes.length} (${sizes[0].f}, brotli)`, measured: sizes[0].kb, unit: 'KB', budget: 8, pass: sizes[0].kb <= 8 });
    }

    // Postcode search on a mid-range phone profile (4x CPU, slow 4G): bytes transferred and time to the answer.
    {
      const sizes = await Promise.all(['search/places.json'].map(async (p) => br(Buffer.from(await (await fetch(`${site.origin}/data/${p}`)).arrayBuffer())) / 1000));
      rows.push({ what: 'search: place index (brotli)', measured: sizes[0], unit: 'KB', budget: 60, pass: sizes[0] <= 60 });
      /** One search from the home page: the postcode pasted whole (its shard is asked for as it lands in the box, just before Enter), or typed at 5 keys a second. */
      const search = async (typed: boolean) => {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        const cdp = await ctx.newCDPSession(page);
        await page.goto(`${site.origin}/`, { waitUntil: 'load' });
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        const got: Promise<number>[] = [];
        page.on('response', (r) => { if (r.url().includes('/data/search/')) got.push(r.body().then((b) => br(b)).catch(() => 0)); });
        if (typed) await page.locator('#home-search').pressSequentially('FY1 2ES', { delay: 200 });
        else await page.locator('#home-search').fill('FY1 2ES');
        const t0 = Date.now();
        await page.locator('#home-search').press('Enter');
        await page.waitForFunction(() => /E01012684/.test(document.querySelector('[data-search-result]')?.textContent ?? ''), null, { timeout: 30_000 });
        const ms = Date.now() - t0;
        const kb = (await Promise.all(got)).reduce((a, b) => a + b, 0) / 1000;
        await ctx.close();
        return { ms, kb };
      };
      const times: number[] = [], bytes: number[] = [], typedTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const pasted = await search(false);
        const typed = await search(true);
        times.push(pasted.ms);
        bytes.push(pasted.kb);
        typedTimes.push(typed.ms);
        console.log(`  postcode search run ${i + 1}: pasted ${pasted.ms} ms, typed ${typed.ms} ms, ${pasted.kb.toFixed(1)} KB br`);
      }
      rows.push({ what: `search: one postcode search, transfer (brotli, median of ${RUNS})`, measured: median(bytes), unit: 'KB', budget: 15, pass: median(bytes) <= 15 });
      rows.push({ what: `search: one postcode search, time to answer, pasted then Enter, slow 4G + 4x CPU (median of ${RUNS})`, measured: median(times), unit: 'ms', budget: 300, pass: median(times) <= 300, note: 'the shard is asked for as the postcode lands in the box, just before Enter: one 150 ms round trip at least' });
      rows.push({ what: `search: one postcode search, time to answer, typed at 5 keys a second (median of ${RUNS})`, measured: median(typedTimes), unit: 'ms', budget: NaN, pass: true, note: 'no budget set; the shard is fetched once the district is certain' });
    }

    rows.push(...(await customFigures(browser, site.origin, RUNS)));

    // map-ready under devtools throttling: the explorer and the bare reference page, alternating in one run.
    const ref = writeReference(DIST);
    try {
      const { ready, lcp } = await mapReady(browser, site.origin, { explorer: '/explore/', 'reference page': ref.path }, RUNS);
      const [ex, bare] = [median(ready.explorer), median(ready['reference page'])];
      rows.push({ what: `explorer: largest contentful paint measured in Chrome, devtools slow 4G + 4x CPU (median of ${RUNS})`, measured: median(lcp.explorer), unit: 'ms', budget: 1800, pass: median(lcp.explorer) <= 1800 });
      rows.push({ what: `explorer: map-ready, devtools slow 4G + 4x CPU (median of ${RUNS})`, measured: ex, unit: 'ms', budget: 4500, pass: ex <= 4500 });
      rows.push({ what: `bare reference page (MapLibre, the same topology and values, one fill layer): map-ready, same run (median of ${RUNS})`, measured: bare, unit: 'ms', budget: NaN, pass: true, note: 'the yardstick' });
      rows.push({ what: 'explorer map-ready ÷ reference page map-ready, same run', measured: ex / bare, unit: '×', budget: 1, pass: ex / bare <= 1 });
    } finally {
      ref.remove();
    }
  } finally {
    await browser.close();
  }

  // Lighthouse mobile, simulated throttling.
  for (const [name, path, lcpBudget] of [['neighbourhood page', '/neighbourhoods/claremont/', 1500], ['explorer', '/explore/', 1800]] as const) {
    const lcp: number[] = [], tbt: number[] = [], score: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const chrome = await launchChrome({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
      try {
        const r = await lighthouse(site.origin + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        const a = r!.lhr.audits;
        lcp.push(a['largest-contentful-paint'].numericValue!);
        tbt.push(a['total-blocking-time'].numericValue!);
        score.push(Math.round((r!.lhr.categories.performance.score ?? 0) * 100));
        console.log(`  lighthouse ${name} run ${i + 1}: LCP ${(lcp[i] / 1000).toFixed(2)} s, TBT ${tbt[i].toFixed(0)} ms, score ${score[i]}`);
      } finally {
        chrome.kill();
      }
    }
    rows.push({ what: `${name}: Lighthouse mobile LCP, simulated (median of ${RUNS})`, measured: median(lcp), unit: 'ms', budget: lcpBudget, pass: median(lcp) <= lcpBudget });
    rows.push({ what: `${name}: Lighthouse mobile TBT, simulated (median of ${RUNS})`, measured: median(tbt), unit: 'ms', budget: NaN, pass: true, note: 'no budget set' });
    rows.push({ what: `${name}: Lighthouse performance score (median of ${RUNS})`, measured: median(score), unit: 'points', budget: NaN, pass: true, note: 'no budget set' });
  }
  await site.close();
  return rows;
}
