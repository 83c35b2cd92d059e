/**
 * map-ready under devtools throttling (slow 4G: 150 ms, 1.6 Mbit/s down; 4x CPU), the explorer
 * and the bare reference page alternating in one run, each in a fresh context, median of `runs`.
 * Each run also reads the page's largest contentful paint as Chrome reports it (`lcp`), under the
 * same throttling: measured, where Lighthouse's LCP is simulated from an unthrottled load.
 */
import type { Browser } from 'playwright-core';

export async function mapReady(browser: Browser, origin: string, paths: Record<string, string>, runs: number): Promise<{ ready: Record<string, number[]>; lcp: Record<string, number[]> }> {
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  const lcp: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, path] of Object.entries(paths)) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        const w = window as unknown as { benchLcp: number };
        w.benchLcp = 0;
        new PerformanceObserver((l) => { for (const e of l.getEntries()) w.benchLcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(origin + path);
      const t = await page.waitForFunction(() => performance.getEntriesByName('map-ready')[0]?.startTime, null, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<number>);
      const paint = await page.evaluate(() => (window as unknown as { benchLcp: number }).benchLcp);
      out[name].push(t);
      lcp[name].push(paint);
      console.log(`  ${name} map-ready (devtools throttling) run ${i + 1}: ${(t / 1000).toFixed(2)} s (largest contentful paint ${(paint / 1000).toFixed(2)} s)`);
      await ctx.close();
    }
  }
  return { ready: out, lcp };
}
