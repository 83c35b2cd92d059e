// @ts-check
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from './src/lib/headers.ts';
import { MAPLIBRE_WORKER_SOURCE, maplibreWorkerName } from './src/lib/vendor.ts';
import { defineConfig } from 'astro/config';

/**
 * MapLibre 6 runs its worker from a separate module file, which bundlers do not emit: copy it
 * into public/vendor/ (gitignored) so it is served from the site's own origin, under a name with
 * its hash (cached for good; earlier copies removed).
 */
const maplibreWorker = {
  name: 'maplibre-worker',
  hooks: {
    'astro:config:setup': () => {
      const dir = `${process.env.ATLAS_PUBLIC_DIR ?? 'public'}/vendor`;
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(dir)) if (f.startsWith('maplibre-gl-worker')) rmSync(`${dir}/${f}`);
      copyFileSync(MAPLIBRE_WORKER_SOURCE, `${dir}/${maplibreWorkerName()}`);
    },
  },
};

/** Writes the security headers for Netlify and Cloudflare Pages (`_headers`) from src/lib/headers.ts. */
const hostHeaders = {
  name: 'host-headers',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const out = fileURLToPath(dir);
      const sections = readdirSync(out).filter((n) => !n.startsWith('_') && n !== 'data' && n !== 'vendor' && statSync(`${out}/${n}`).isDirectory());
      writeFileSync(`${out}/_headers`, headersFile(sections));
    },
  },
};

/**
 * MapLibre's stylesheet carries its logo three times as inline SVG (half its bytes); the atlas
 * never shows the logo (maplibreLogo is off), so those rules are left out of the explorer's
 * render-blocking CSS.
 */
const maplibreNoLogo = {
  name: 'maplibre-no-logo',
  enforce: /** @type {const} */ ('pre'),
  /** @param {string} code @param {string} id */
  transform(code, id) {
    if (!id.includes('maplibre-gl/dist/maplibre-gl.css')) return null;
    return { code: code.replace(/@media\([^{]*\)\{a\.maplibregl-ctrl-logo\{[^}]*\}\}/g, '').replace(/a\.maplibregl-ctrl-logo(\.[\w-]+)?\{[^}]*\}/g, ''), map: null };
  },
};

// The site is static: every page is HTML built from public/data (made by `npm run data`).
export default defineConfig({
  output: 'static',
  // The public address of the atlas, for absolute permalinks in print and embed snippets (optional).
  site: process.env.ATLAS_SITE || undefined,
  // Other data and output folders, for test builds of a fixture atlas (see test/fixture-site.ts).
  publicDir: process.env.ATLAS_PUBLIC_DIR ?? './public',
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [maplibreWorker, hostHeaders],
  // No inline scripts: the Content-Security-Policy allows scripts from the site's own files only.
  vite: { build: { assetsInlineLimit: 0 }, plugins: [maplibreNoLogo] },
});
