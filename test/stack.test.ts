/** Tables of long text stack on a phone (the methods page's, a neighbourhood's and a custom area's then and now): read down, never sideways, and still tables to a screen reader. */
import { describe, expect, it } from 'vitest';
import { sharedSiteAndBrowser } from './browser.ts';
import { axe } from './axe.ts';

const { site, browser } = await sharedSiteAndBrowser();

const THEN_AND_NOW = ['Edition', 'Years its data describe', 'Small areas', 'Small areas in the most deprived 10%', 'Residents in the most deprived 10%', 'Small areas in the most deprived 20%', 'Residents in the most deprived 20%'];

/** Each page's stacked tables, by a selector for the table and the column names it must keep. */
const PAGES: [path: string, tables: [selector: string, columns: string[]][]][] = [
  ['/methods/', [
    ['#sources table.stack-table', ['Source', 'Edition', 'Licence and attribution', 'Files']],
    ['#neighbourhoods table.stack-table', ['Neighbourhood', 'Built from', 'Small areas 2011 / 2021', 'Fit']],
    ['table.stack-table:has(th:text-is("Published"))', ['Edition', 'Published', 'Years its data describe', 'Small areas', 'Notes']],
    ['table.stack-table:has(th:text-is("Dataset"))', ['Dataset', 'Collected by', 'How, when', 'Disclosure control', 'Download']],
  ]],
  ['/neighbourhoods/claremont/', [
    ['#then-now-table', THEN_AND_NOW],
  ]],
  // The custom page draws the same table in the browser (src/scripts/dom.ts, `stack`).
  ['/custom/?lsoas=E01012684,E01012685', [
    ['#custom-then-now', THEN_AND_NOW],
  ]],
];

describe('tables of long text', () => {
  for (const [path, tables] of PAGES) for (const width of [320, 390, 1280]) {
    it(`on ${path} at ${width} px fit their boxes (the sources were 985 px wide in a 358 px box at 390; the outlines' "Fit" column was cut off), keep their column names for screen readers, and pass axe`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.origin}${path}`);
      if (path.startsWith('/custom/')) await page.waitForFunction(() => Number(document.documentElement.dataset.customReady) > 0, null, { timeout: 30_000 });
      for (const [sel, columns] of tables) {
        const t = page.locator(sel);
        expect(await t.count(), sel).toBe(1);
        // In view, as a reader would have it (the custom page's sections are not laid out until near the screen).
        await t.scrollIntoViewIfNeeded();
        const [scroll, box] = await t.evaluate((el) => [el.scrollWidth, (el.closest('.table-wrap') as HTMLElement).clientWidth]);
        expect(scroll, `${sel} at ${width}`).toBeLessThanOrEqual(box);
        expect((await t.getByRole('columnheader').allTextContents()).map((x) => x.trim()), sel).toEqual(columns);
        expect(await t.getByRole('row').count(), sel).toBeGreaterThan(1);
        if (width < 1000) expect(await t.locator('td[data-label]').count(), `${sel}: each cell is named on its own line`).toBe(await t.locator('td').count());
      }
      expect(await axe(page, { scope: path === '/methods/' ? 'main' : tables[0][0] })).toEqual([]);
      await page.close();
    });
  }
});
