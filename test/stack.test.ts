/** A table of long text stacks on a phone (the methods page's sources): read down, never sideways, and still a table to a screen reader. */
import { describe, expect, it } from 'vitest';
import { sharedSiteAndBrowser } from './browser.ts';
import { axe } from './axe.ts';

const { site, browser } = await sharedSiteAndBrowser();

describe('the methods page\'s table of sources', () => {
  for (const width of [320, 390, 1280]) {
    it(`at ${width} px fits its box (it was 985 px wide in a 358 px box at 390), keeps its column names for screen readers, and passes axe`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.origin}/methods/`);
      const t = page.locator('#sources table.stack-table');
      const [scroll, box] = await t.evaluate((el) => [el.scrollWidth, (el.closest('.table-wrap') as HTMLElement).clientWidth]);
      expect(scroll).toBeLessThanOrEqual(box);
      expect(await t.getByRole('columnheader').allInnerTexts()).toEqual(['Source', 'Edition', 'Licence and attribution', 'Files']);
      expect(await t.getByRole('row').count()).toBeGreaterThan(10);
      expect(await axe(page, { scope: '#sources' })).toEqual([]);
      await page.close();
    });
  }
});
