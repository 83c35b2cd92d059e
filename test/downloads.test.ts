/** Downloads and print: what a council or researcher takes away. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Package } from 'datapackage';
import { DIST, sharedSiteAndBrowser } from './browser.ts';

const { site, browser } = await sharedSiteAndBrowser();

const csv = async (path: string) => Papa.parse<Record<string, string>>((await (await fetch(site.origin + path)).text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

describe('downloads', () => {
  it('the data package lists resources that exist, whose headers match their schemas', async () => {
    const pkg = await (await fetch(`${site.origin}/data/downloads/datapackage.json`)).json() as { resources: { path: string; schema?: { fields: { name: string }[] } }[]; licenses: unknown[]; sources: unknown[] };
    expect(pkg.licenses.length).toBeGreaterThan(0);
    const sources = await (await fetch(`${site.origin}/data/catalogue.json`)).json() as { sources: unknown[] };
    expect(pkg.sources.length).toBe(sources.sources.length);
    for (const r of pkg.resources) {
      const res = await fetch(`${site.origin}/data/downloads/${r.path}`);
      expect(res.status, r.path).toBe(200);
      if (r.schema) expect(Object.keys((await csv(`/data/downloads/${r.path}`)).data[0]), r.path).toEqual(r.schema.fields.map((f) => f.name));
    }
  });

  it('the data package passes the Frictionless reference implementation, and every resource reads and casts', async () => {
    // datapackage (frictionlessdata/datapackage-js), the reference implementation, on the built files.
    const dp = await Package.load(join(DIST, 'data/downloads/datapackage.json'));
    expect(dp.errors.map((e: Error) => e.message)).toEqual([]);
    expect(dp.valid).toBe(true);
    const rows: Record<string, number> = {};
    for (const r of dp.resources) rows[r.name] = (await r.read({ cast: true })).length;
    const cat = JSON.parse(readFileSync(join(DIST, 'data/catalogue.json'), 'utf8')) as { vintages: Record<string, { count: number }> };
    expect(rows['lsoa-2021']).toBe(cat.vintages['2021'].count);
    expect(rows['lsoa-2011']).toBe(cat.vintages['2011'].count);
    expect(rows['change-lsoa-2021']).toBe(cat.vintages['2021'].count);
    for (const [name, n] of Object.entries(rows)) expect(n, name).toBeGreaterThan(0);
    // Files for tools carry no byte-order mark; the spreadsheet downloads keep one.
    expect(readFileSync(join(DIST, 'data/downloads/lsoa-2021.csv'))[0]).toBe(0x6c);
    expect([...readFileSync(join(DIST, 'data/downloads/neighbourhoods/claremont.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("a neighbourhood's CSV has every indicator for each of its small areas, with the values read by hand", async () => {
    const { data } = await csv('/data/downloads/neighbourhoods/claremont.csv');
    const imd = data.find((r) => r.lsoa_code === 'E01012684' && r.indicator === 'iod25-imd-score')!;
    expect(imd).toMatchObject({ value: '70.27', status: 'value', lsoa_vintage: '2021' }); // raw file: 70.268
    // Claremont's five LSOAs are unchanged between 2011 and 2021: each appears once per indicator of each vintage.
    const cat = await (await fetch(`${site.origin}/data/catalogue.json`)).json() as { indicators: { vintage: number; local?: unknown }[] };
    const per = (v: number) => cat.indicators.filter((i) => i.vintage === v && !i.local).length;
    expect(new Set(data.map((r) => r.lsoa_code)).size).toBe(5);
    expect(data.filter((r) => r.lsoa_vintage === '2021').length).toBe(5 * per(2021));
    expect(data.filter((r) => r.lsoa_vintage === '2011').length).toBe(5 * per(2011));
  });

  it('the explorer downloads its current view as a PNG, and the indicator as CSV and as GeoJSON', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${site.origin}/explore/?i=iod25-imd-decile`);
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 30_000 });
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-explorer-download="png"]')]);
    expect(png.suggestedFilename()).toBe('iod25-imd-decile.png');
    const bytes = await (await png.createReadStream()).toArray();
    const buf = Buffer.concat(bytes as Buffer[]);
    expect(buf.subarray(1, 4).toString()).toBe('PNG');
    expect(buf.length).toBeGreaterThan(20_000);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-explorer-download="csv"]')]);
    const text = Buffer.concat((await (await file.createReadStream()).toArray()) as Buffer[]).toString('utf8');
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(4567);
    expect(rows.find((r) => r.lsoa_code === 'E01012684')).toMatchObject({ value: '1', status: 'value', map_class: '1' });
    // GeoJSON: every small area in scope with its outline from the published topology.
    const [geo] = await Promise.all([page.waitForEvent('download'), page.click('[data-explorer-download="geojson"]')]);
    expect(geo.suggestedFilename()).toBe('iod25-imd-decile.geojson');
    const fc = JSON.parse(Buffer.concat((await (await geo.createReadStream()).toArray()) as Buffer[]).toString('utf8')) as GeoJSON.FeatureCollection;
    expect(fc.features.length).toBe(4567);
    const one = fc.features.find((f) => f.properties?.lsoa_code === 'E01012684')!;
    expect(one.properties).toMatchObject({ value: 1 });
    expect(['Polygon', 'MultiPolygon']).toContain(one.geometry.type);
    await page.close();
  });
});

describe('print', () => {
  it('a neighbourhood page prints with its permalink and data date, without buttons or navigation', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${site.origin}/neighbourhoods/claremont/`);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('.print-only').textContent()).toMatch(/\/neighbourhoods\/claremont\/.*$/);
    expect(await page.locator('.print-only').textContent()).toMatch(/version \d+\.\d+\.\d+, data built/);
    expect(await page.locator('header.site nav').isVisible()).toBe(false);
    expect(await page.locator('.button').first().isVisible()).toBe(false);
    expect(await page.locator('#nmap svg').isVisible()).toBe(true);
    await page.close();
  });
});
