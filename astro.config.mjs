// @ts-check
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILD_ONLY } from './src/lib/build-only.ts';
import { headersFile } from './src/lib/headers.ts';
import { leadChunks, preloadChain, withModulePreloads } from './src/lib/module-preload.ts';
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

/** Leaves out of dist/ the data files only the build reads (src/lib/build-only.ts). */
const buildOnlyData = {
  name: 'build-only-data',
  hooks: {
    'astro:build:done': ({ dir }) => {
      for (const f of BUILD_ONLY) rmSync(`${fileURLToPath(dir)}/data/${f}`, { force: true });
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

/**
 * The explorer's modules preloaded from its head (src/lib/module-preload.ts): the client bundle's
 * import graph is read as Vite writes it, and the links go into every page with an eager explorer.
 */
/** @type {string[]} */
let explorerModules = [];
/** The chunks of those the entry imports on demand (the map library). */
let explorerLead = [];
let base = '/';
const explorerPreloads = {
  name: 'explorer-preloads',
  /** @param {unknown} _ @param {Record<string, import('./src/lib/module-preload.ts').BundleChunk>} bundle */
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle);
    if (chunks.some((c) => (c.moduleIds ?? []).some((id) => id.includes('scripts/explorer/eager.ts')))) {
      explorerModules = preloadChain(chunks, 'scripts/explorer/eager.ts');
      explorerLead = leadChunks(chunks, 'scripts/explorer/eager.ts');
    }
  },
};
const explorerPreloadLinks = {
  name: 'explorer-preload-links',
  hooks: {
    'astro:config:done': ({ config }) => { base = config.base.endsWith('/') ? config.base : `${config.base}/`; },
    'astro:build:done': ({ dir, pages }) => {
      const out = fileURLToPath(dir);
      if (explorerModules.length === 0) throw new Error('explorer-preloads: the client bundle was not read');
      for (const { pathname } of pages) {
        const file = `${out}/${pathname}${pathname === '' || pathname.endsWith('/') ? '' : '/'}index.html`;
        if (!existsSync(file)) continue;
        const html = readFileSync(file, 'utf8');
        if (html.includes('data-explorer="eager"')) writeFileSync(file, withModulePreloads(html, explorerModules, base, explorerLead));
      }
    },
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
  integrations: [maplibreWorker, hostHeaders, explorerPreloadLinks, buildOnlyData],
  // No inline scripts: the Content-Security-Policy allows scripts from the site's own files only.
  vite: { build: { assetsInlineLimit: 0 }, plugins: [maplibreNoLogo, explorerPreloads] },
});
