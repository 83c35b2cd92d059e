import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['pipeline/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Browser tests share one built site and one Chromium; pipeline tests are light.
    fileParallelism: false,
    globalSetup: ['test/global-setup.ts'],
    expect: { poll: { timeout: 10_000 } },
  },
});
