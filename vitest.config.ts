import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (the pipeline's tests and the pure functions; no build, no browser) and
 * `site` (the built site in a browser, and the rebuilds). `npm run test:unit` runs the first
 * alone; `npm test` runs both. Test files run side by side, one per core; the site's files share
 * one server of dist/ and one Chromium (global-setup.ts).
 */
const UNIT = ['pipeline/test/**/*.test.ts', 'test/{plain,classes,readme,streets,spine,search-rank}.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: Math.max(1, Math.min(availableParallelism(), 4)),
    // Measured on 2 cores with both workers busy: the slowest test takes under 20 s, a build hook under 100 s.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', './test/slowest-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'site', include: ['test/**/*.test.ts'], exclude: ['test/{plain,classes,readme,streets,spine,search-rank}.test.ts'], globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
