// @ts-check
import { defineConfig } from 'astro/config';

// The site is static: every page is HTML built from public/data (made by `npm run data`).
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  telemetry: false,
});
