/**
 * Browser test and screenshot helpers: the built site (dist/) served with its real headers,
 * and Debian's Chromium driven by playwright-core (Playwright's own browser download is not used).
 */
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from '../scripts/serve.ts';
import { afterAll, inject } from 'vitest';

export const ROOT = join(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');

/** The system Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  return p;
}

/** Chromium's flags for tests: no sandbox (root in CI), no network of its own, WebGL through SwiftShader. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** A Chromium of the test's own (for flags the shared one lacks, such as no WebGL). */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * The run's shared Chromium (started once by global-setup.ts). Closing it only disconnects this
 * file; each test still opens its own pages and contexts, so files running side by side share
 * nothing but the browser process.
 */
export function sharedBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWS'));
}

/** The run's shared server of dist/ (started once by global-setup.ts); closing it is left to the run. */
export function sharedSite(): { origin: string; close: () => Promise<void> } {
  return { origin: inject('siteOrigin'), close: async () => {} };
}

/** For a test file: the run's shared site and a connection to its shared Chromium, closed after the file's tests. */
export async function sharedSiteAndBrowser(): Promise<{ site: { origin: string; close: () => Promise<void> }; browser: Browser }> {
  const browser = await sharedBrowser();
  afterAll(() => browser.close());
  return { site: sharedSite(), browser };
}

/** Serves dist/ on a free port; returns its origin and a close function. */
export async function serveDist(dir = DIST): Promise<{ origin: string; close: () => Promise<void> }> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no built site: run npm run build first`);
  const server: Server = await serve(dir, 0);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface Watch { errors: string[]; csp: string[] }
/**
 * Records console errors, page errors, failed requests and CSP violations on a page. `ignoreFailure`
 * may pass over a request failure the test itself caused (a navigation aborting the last page's requests).
 */
export async function watched(page: Page, ignoreFailure: (errorText: string | undefined) => boolean = () => false): Promise<Watch> {
  const w: Watch = { errors: [], csp: [] };
  page.on('console', (m) => { if (m.type() === 'error') w.errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) w.errors.push(`HTTP ${r.status()} ${r.url()}`); });
  // Fetches cancelled by choice, not failures of the site: a tile the map no longer needs when its
  // view moves on (MapLibre aborts it), and the favicon (the browser's own fetch, cancelled when the
  // page closes under load).
  const cancelledByChoice = (url: string, e?: string) => e === 'net::ERR_ABORTED' && /\.pbf$|\/favicon\.svg$/.test(new URL(url).pathname);
  page.on('requestfailed', (r) => { const e = r.failure()?.errorText; if (!ignoreFailure(e) && !cancelledByChoice(r.url(), e)) w.errors.push(`failed ${r.url()} ${e}`); });
  await page.exposeFunction('__cspViolation', (s: string) => w.csp.push(s));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  return w;
}


/** Waits for an interactive map's first full draw (the page marks it `map-ready`). */
export const mapReady = (page: Page, timeout = 30_000) => page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, { timeout });
