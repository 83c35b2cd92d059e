/**
 * Screenshots of the built site, for the README (docs/screenshot-*.png) and for review.
 *   node scripts/screenshot.ts [path ...]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveDist, ROOT } from '../test/browser.ts';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/explore/', '/neighbourhoods/claremont/'];
const site = await serveDist();
const browser = await launch();
mkdirSync(join(ROOT, 'docs'), { recursive: true });
try {
  for (const p of paths) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(site.origin + p);
    await page.waitForLoadState('networkidle');
    if (p.startsWith('/explore')) {
      await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30000 });
      await page.waitForTimeout(1500); // land and labels settle after the choropleth
    }
    if (p.startsWith('/custom')) {
      await page.waitForFunction(() => document.documentElement.dataset.customReady, null, { timeout: 30000 });
      await page.locator('#picker-h').scrollIntoViewIfNeeded();
      await page.evaluate(() => scrollBy(0, document.querySelector('#picker-h')!.getBoundingClientRect().top - 8));
    }
    const name = new URL(p, site.origin).pathname.replace(/\/+$/, '').replace(/^\/+/, '').replace(/\//g, '-') || 'home';
    await page.screenshot({ path: join(ROOT, 'docs', `screenshot-${name}.png`), fullPage: process.env.FULL === '1' });
    console.log(`docs/screenshot-${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
