/**
 * map-ready under devtools throttling (slow 4G: 150 ms, 1.6 Mbit/s down; 4x CPU), the explorer
 * and the bare reference page alternating in one run, each in a fresh context, median of `runs`.
 */
import type { Browser } from 'playwright-core';

export async function mapReady(browser: Browser, origin: string, paths: Record<string, string>, runs: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, path] of Object.entries(paths)) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(origin + path);
      const t = await page.waitForFunction(() => performance.getEntriesByName('map-ready')[0]?.startTime, null, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<number>);
      out[name].push(t);
      console.log(`  ${name} map-ready (devtools throttling) run ${i + 1}: ${(t / 1000).toFixed(2)} s`);
      await ctx.close();
    }
  }
  return out;
}
