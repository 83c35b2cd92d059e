/**
 * Community governance and the NHS around each neighbourhood, in Chromium on the built site:
 * the domain's ward measures in words on a neighbourhood page (without JavaScript), the wards
 * named with their year, GP capacity beside council spending, the share-alike mark, and the
 * measures in the explorer's menu and map. Figures read by hand from the raw files
 * (pipeline/test/governance.test.ts): Claremont ward, Blackpool, 2023: 19.2% of 4,805 electors.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serveDist, watched } from './browser.ts';

let browser: Browser;
let site: { origin: string; close: () => Promise<void> };
beforeAll(async () => { site = await serveDist(); browser = await launch(); });
afterAll(async () => { await browser?.close(); await site?.close(); });

const GOVERNANCE = ['leh-turnout-latest', 'leh-turnout-mean', 'leap-candidates-per-seat', 'leap-uncontested-share'];

describe('community governance and the NHS on a neighbourhood page', () => {
  it('shows the domain\'s measures in words, names the ward with its year, marks share-alike figures, and shows GP capacity after council spending, without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.origin}/neighbourhoods/claremont/`);
    const section = page.locator('section.domain:has(#d-community-governance)');
    expect(await section.locator('.domain-lead').textContent()).toMatch(/community governance measures, Claremont is worse than/);
    for (const id of GOVERNANCE) expect(await section.locator(`li[data-indicator="${id}"]`).count(), id).toBe(1);
    // Claremont's five small areas all lie in Claremont ward, whose latest poll (2023) was 19.2%.
    expect(await section.locator('li[data-indicator="leh-turnout-latest"] strong').textContent()).toBe("About 2 in 10 (19.2%) electors voted at their ward's latest local election (2021 to 2024)");
    const wards = await section.locator('.ward-measures').textContent();
    expect(wards).toContain('at its latest local election, in 2023, about 2 in 10 electors voted (19.2% of 4,805 electors)');
    expect(wards).toMatch(/in 2019 three candidates stood for each seat/);
    expect(wards).toContain("a ward's, not a street's");
    expect(await section.locator('.licence-sa').count()).toBeGreaterThan(0);
    expect(await section.locator('table.spine-table tbody tr').count()).toBe(GOVERNANCE.length);
    // GP capacity in the system section, after council spending: two small multiples, the table, the practices.
    const gp = page.locator('section.gp-capacity#primary-care');
    expect(await gp.count()).toBe(1);
    expect(await gp.locator('svg.gp-chart').count()).toBe(2);
    expect(await gp.locator('.domain-lead').textContent()).toMatch(/^In 2019-20 the \d+ GP practices with registered patients in or within 1\.5 km of Claremont( \(\d+ over the years shown, in the table below\))? had [\d.]+ fully-qualified GPs for every 10,000 registered patients/);
    expect(await gp.textContent()).toContain('Blackpool CCG');
    expect(await gp.locator('details table tbody tr').count()).toBeGreaterThan(0);
    // The lead's counts agree with the table: the practices with registered patients in 2019-20 (a 0 list or "–" is not one), and every practice listed when they differ ("the 6 practices" stood over a table headed "The 8 practices").
    const lead = (await gp.locator('.domain-lead').textContent())!;
    const listed = await gp.locator('details table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[tr.querySelectorAll('td').length - 2].textContent!.trim()));
    const open = listed.filter((c) => /^[\d,]+$/.test(c) && Number(c.replace(/,/g, '')) > 0).length;
    expect(lead).toContain(`the ${open} GP practices with registered patients`);
    if (open !== listed.length) expect(lead).toContain(`(${listed.length} over the years shown, in the table below)`);
    expect(await gp.locator('details:has(table.gp-table) summary').textContent()).toBe(`The ${listed.length} practices near Claremont over these years, with their registered patients`);
    // The Indices' own patients-per-GP figure, shown with the living environment measures, is named beside the NHS figures, with why they differ.
    const iod = (await page.locator('li[data-indicator="iod25-patients-per-gp"] strong').textContent())!.match(/^([\d,]+) patients for each GP/)![1];
    expect(await gp.locator('.comparability li.other-figure').textContent()).toMatch(new RegExp(`another figure: ${iod} patients for each GP, an underlying indicator of the Indices of Deprivation 2025\\..*not from these NHS Digital tables`));
    await ctx.close();
  });
});

describe('community governance in the explorer', () => {
  it('lists the domain\'s measures in the menu and maps the latest turnout with its legend and table; the share-alike measures say so', async () => {
    const page = await browser.newPage();
    const w = await watched(page);
    await page.goto(`${site.origin}/explore/?i=leh-turnout-latest`);
    const group = page.locator('select[data-indicator-select] optgroup[label="Community governance"] option');
    expect(await group.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(expect.arrayContaining(GOVERNANCE));
    // The page is built for the headline; the map's script names the indicator the address asks for.
    await expect.poll(() => page.locator('[data-indicator-label]').textContent(), { timeout: 20_000 }).toContain("Turnout at the ward's latest local election");
    await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout: 60_000 });
    await page.selectOption('select[data-indicator-select]', 'leap-candidates-per-seat');
    await expect.poll(() => page.locator('[data-legend] .licence-sa').count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(page.url()).searchParams.get('i')).toBe('leap-candidates-per-seat');
    expect(w.errors).toEqual([]);
    await page.close();
  });
});
