/**
 * The contribute page in Chromium, at 390 and 1,280 px: the SYNTHETIC worked example uploaded,
 * its deliberate error named with row, column and fix, then fixed; what is withheld and why; the
 * preview in the neighbourhood pages' words; both files downloaded and built with the pipeline
 * (on a copy of data/), and the built figure reads as the preview said. Hostile cells stay text,
 * a 50 MB file and a workbook are refused, nothing is requested from elsewhere, axe finds nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT, serveDist, watched } from './browser.ts';
import { axe } from './axe.ts';
import { cli } from '../pipeline/test/helpers.ts';
import { localValueText } from '../src/lib/local-words.ts';
import type { LocalData } from '../src/lib/data.ts';

let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
const temps: string[] = [];
beforeAll(async () => { site = await serveDist(); browser = await launch(); });
afterAll(async () => { await browser?.close(); await site?.close(); temps.forEach((d) => rmSync(d, { recursive: true, force: true })); });

const EXAMPLE = join(ROOT, 'public', 'contribute', 'worked-example');
async function open(width: number) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const w = await watched(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.origin}/contribute/`);
  await page.locator('[data-contribute]').waitFor();
  return { page, w, requests };
}

const problems = (page: Page) => page.locator('[data-problems] li').allTextContents();

/** The worked example's figures for Claremont's five small areas, pooled by hand once its error is fixed: 272 of 470. */
const CLAREMONT = { num: 50 + 66 + 48 + 45 + 63, den: 80 + 120 + 100 + 80 + 90 };

describe('the contribute page', () => {
  for (const width of [390, 1280]) {
    it(`at ${width} px: the worked example's error is named and fixed, withheld cells say why, the preview reads as the page will, and the files build`, async () => {
      const { page, w, requests } = await open(width);
      await page.setInputFiles('[data-values-file]', join(EXAMPLE, 'values.csv'));
      await page.setInputFiles('[data-meta-file]', join(EXAMPLE, 'dataset.json'));
      await page.fill('[name="id"]', 'worked-example-synthetic');
      await page.click('[data-check]');
      const found = await problems(page);
      expect(found.length).toBe(2);
      expect(found[0]).toMatch(/values\.csv, row 5, column "numerator".*larger than the denominator.*How to fix it/s);
      expect(found[1]).toMatch(/row 15, column "indicator".*=HYPERLINK\("https:\/\/example\.org"\)/s);
      expect(await page.locator('[data-problems] script, [data-problems] a').count()).toBe(0);
      expect(await axe(page)).toEqual([]);

      // Fix the error in the box of figures, drop the hostile row, check again.
      const text = await page.inputValue('[data-values-text]');
      await page.fill('[data-values-text]', text.replace('E01012683,56.3,90,80', 'E01012683,56.3,45,80').split('\n').filter((l) => !l.startsWith('=HYPERLINK')).join('\n'));
      await page.click('[data-check]');
      await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Checked: no problems.');
      const rows = await page.locator('[data-published] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      const verdict = (area: string, measure: string) => rows.find((r) => r[2] === area && r[1] === measure)!;
      expect(verdict('E01006565', 'example-feel-safe')[7]).toBe('Withheld');
      expect(verdict('E01006565', 'example-feel-safe')[8]).toContain('out of 8');
      expect(verdict('claremont', 'example-food-bank')[8]).toContain('5% of 100 is 5 people');
      expect(verdict('old-swan', 'example-volunteers')[8]).toContain('a count of 4');
      expect(verdict('claremont', 'example-volunteers')[8]).toContain('another withheld figure');
      expect(verdict('stockbridge-village', 'example-volunteers')[7]).toBe('Published');
      const preview = await page.locator('[data-preview] li').allTextContents();
      const claremont = preview.find((t) => t.includes('Feel safe after dark') && t.includes('Claremont'))!;
      expect(claremont).toContain(`${(Math.round((CLAREMONT.num / CLAREMONT.den) * 1000) / 10).toFixed(1)}% based on ${CLAREMONT.den} responses`);
      expect(preview.find((t) => t.includes('Feel safe after dark') && t.includes('Old Swan'))).toContain('Suppressed');
      expect(await axe(page)).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);

      if (width === 1280) {
        // Download both files and build with them, on a copy of data/.
        const data = mkdtempSync(join(tmpdir(), 'atlas-contribute-'));
        temps.push(data);
        cpSync(join(ROOT, 'data'), data, { recursive: true });
        const dir = join(data, 'local', 'worked-example-synthetic');
        mkdirSync(dir);
        for (const name of ['dataset.json', 'values.csv']) {
          const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${name}"]`)]);
          expect(download.suggestedFilename()).toBe(name);
          writeFileSync(join(dir, name), readFileSync((await download.path())!));
        }
        const out = join(data, 'out');
        const r = cli(['--data', data, '--out', out, '--quiet']);
        expect(r.code, r.stderr).toBe(0);
        const local = JSON.parse(readFileSync(join(out, 'local.json'), 'utf8')) as LocalData;
        const ind = local.indicators.find((i) => i.id === 'example-feel-safe')!;
        const built = local.values['example-feel-safe'].byNeighbourhood.claremont;
        expect([built.numerator, built.denominator]).toEqual([CLAREMONT.num, CLAREMONT.den]);
        // The neighbourhood page words it with localValueText (src/components/LocalEvidence.astro): the preview's words.
        expect(claremont).toContain(localValueText(ind, built, local.datasets.find((d) => d.id === 'worked-example-synthetic')));
        const food = local.values['example-food-bank'].values.find((v) => v.area === 'claremont')!;
        expect([food.status, food.value, food.denominator, food.sampleSize]).toEqual(['suppressed', null, null, null]);
      }
      expect(w.errors).toEqual([]);
      expect(w.csp).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('refuses a 50 MB file from its size, unread, and a workbook as not a CSV; hostile pasted cells stay text', async () => {
    const { page, w } = await open(1280);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-contribute-files-'));
    temps.push(dir);
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: 50 MB on paper
    const started = Date.now();
    await page.setInputFiles('[data-values-file]', big);
    await expect.poll(() => page.locator('[data-status]').textContent()).toContain('Refused');
    expect(await problems(page)).toEqual([expect.stringMatching(/big\.csv: the file is 50\.0 MB; .* at most 5 MB/)]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await page.inputValue('[data-values-text]')).toBe('');
    const xlsx = join(dir, 'answers.csv');
    writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]));
    await page.setInputFiles('[data-values-file]', xlsx);
    await expect.poll(async () => (await problems(page)).join('\n')).toMatch(/binary data \(a spreadsheet, zip or other non-text file\)/);
    // Cells pasted from a spreadsheet (tabs), described by the worked example's dataset.json.
    await page.setInputFiles('[data-meta-file]', join(EXAMPLE, 'dataset.json'));
    await page.fill('[name="id"]', 'pasted-synthetic');
    await page.fill('[data-values-text]', 'indicator\tarea_code\tvalue\tnumerator\tdenominator\tsample_size\tlower_ci\tupper_ci\tstatus\tnote\tsource_url\nexample-volunteers\t<img src=x onerror="document.title=1">\t=1+1\t\t\t\t\t\tvalue\t\t\nexample-volunteers\tclaremont\t-3\t\t\t\t\t\tvalue\t\t\nexample-volunteers\tclaremont\t12\t\t\t\t\t\tvalue\t\t\nexample-feel-safe\tE01005062\t50\t\t\t\t\t\tvalue\t\t\n');
    await page.click('[data-check]');
    const found = await problems(page);
    expect(found.join('\n')).toContain('<img src=x onerror="document.title=1">');
    expect(found.find((p) => p.includes('row 2, column "value"'))).toContain('=1+1');
    expect(found.find((p) => p.includes('row 3, column "value"'))).toContain('a count must be a whole number, 0 or more');
    expect(found.find((p) => p.includes('row 4, column "area_code"'))).toContain('a second row for example-volunteers in claremont (first on row 3)');
    expect(found.find((p) => p.includes('row 5, column "area_code"'))).toMatch(/E01005062 is an LSOA of 2011, but this indicator is declared on LSOAs of 2021/);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    expect(w.errors).toEqual([]);
    expect(w.csp).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a change between two waves with its interval, and says a before-and-after change does not show its cause', async () => {
    const { page, w } = await open(390);
    await page.setInputFiles('[data-meta-file]', join(EXAMPLE, 'dataset.json'));
    await page.fill('[name="id"]', 'waves-synthetic');
    await page.selectOption('[name="design"]', 'before-and-after');
    const H = 'indicator;area_code;value;numerator;denominator;sample_size;lower_ci;upper_ci;status;note;source_url;wave';
    await page.fill('[data-values-text]', [H, 'example-food-bank;claremont;20.0;40;200;200;;;value;;;Spring 2015', 'example-food-bank;claremont;30.0;60;200;200;;;value;;;May 2018'].join('\n'));
    await page.click('[data-check]');
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Checked: no problems.');
    const item = (await page.locator('[data-preview] li').allTextContents()).find((t) => t.includes('Claremont'))!;
    // 40 of 200 then 60 of 200: 10 points, half-width 1.96 x 100 x sqrt(.2 x .8 / 200 + .3 x .7 / 200) = 8.4.
    expect(item).toContain('In May 2018: 30.0%');
    expect(item).toContain('Up 10.0 percentage points between Spring 2015 and May 2018 (95% confidence interval +1.6 to +18.4)');
    expect(item).toContain('does not show what caused the change');
    expect(item).not.toMatch(/effect/);
    await page.selectOption('[name="design"]', 'difference-in-differences');
    await expect.poll(async () => (await problems(page)).join('\n')).toMatch(/column "comparison".*comparison/s);
    await page.fill('[name="comparison"]', 'Similar areas of the same councils (SYNTHETIC)');
    await page.click('[data-check]');
    await expect.poll(async () => (await page.locator('[data-preview] li').allTextContents()).join('\n')).toContain('can be read as the programme’s effect');
    expect(w.errors).toEqual([]);
    expect(w.csp).toEqual([]);
    await page.close();
  }, 60_000);
});
