/**
 * Once per run, before the site's test files: the built site (`npm test` on a fresh clone builds
 * it first, so the README's two commands stand on their own), served once, and one Chromium
 * that every test file connects to. Test files get both through `inject` (see browser.ts).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serve } from '../scripts/serve.ts';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The shared site's origin, e.g. http://127.0.0.1:41234. */
    siteOrigin: string;
    /** Where the shared Chromium listens (playwright's connect). */
    browserWS: string;
    /** Whether this run built dist/ itself (from the tree as it is now, with the environment's TZ and LANG). */
    builtHere: boolean;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = join(import.meta.dirname, '..');
  const builtHere = !(existsSync(join(root, 'dist', 'index.html')) && existsSync(join(root, 'public', 'data', 'manifest.json')));
  if (builtHere) {
    console.log('No built site in dist/: running npm run build first');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
  const server = await serve(join(root, 'dist'), 0);
  const addr = server.address();
  const browser = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  project.provide('siteOrigin', `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
  project.provide('browserWS', browser.wsEndpoint());
  project.provide('builtHere', builtHere);
  return async () => {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  };
}
