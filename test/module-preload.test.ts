/**
 * The explorer's module preloads: which chunks a page entry needs (synthetic bundle), and on the
 * built explorer, that its head lists every module its map loads, each a file that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadChunks, preloadChain, withModulePreloads, type BundleChunk } from '../src/lib/module-preload.ts';
import { DIST } from './browser.ts';

describe('module preloads', () => {
  // Synthetic bundle: entry -> boot -> data statically; entry -> app dynamically; boot -> other dynamically (not followed).
  const chunks: BundleChunk[] = [
    { type: 'chunk', fileName: '_astro/entry.js', moduleIds: ['/x/src/pages/p.astro?astro&type=script', '/x/src/scripts/explorer/eager.ts'], imports: ['_astro/boot.js'], dynamicImports: ['_astro/app.js'] },
    { type: 'chunk', fileName: '_astro/boot.js', imports: ['_astro/data.js'], dynamicImports: ['_astro/other.js'] },
    { type: 'chunk', fileName: '_astro/data.js' },
    { type: 'chunk', fileName: '_astro/app.js', imports: ['_astro/data.js', '_astro/lib.js'] },
    { type: 'chunk', fileName: '_astro/lib.js' },
    { type: 'chunk', fileName: '_astro/other.js' },
    { type: 'asset', fileName: '_astro/app.css' },
  ];
  it('follow the entry\'s static imports and its own dynamic imports, each file once', () => {
    expect(preloadChain(chunks, 'scripts/explorer/eager.ts')).toEqual(['_astro/entry.js', '_astro/boot.js', '_astro/data.js', '_astro/app.js', '_astro/lib.js']);
  });
  it('fail the build when no chunk holds the entry', () => {
    expect(() => preloadChain(chunks, 'scripts/explorer/missing.ts')).toThrow(/no chunk/);
  });
  it('go after the stylesheets, at low priority but for the chunk the entry imports on demand', () => {
    expect(leadChunks(chunks, 'scripts/explorer/eager.ts')).toEqual(['_astro/app.js']);
    expect(withModulePreloads('<head><title>t</title><link rel="stylesheet" href="a.css"></head>', ['_astro/a.js', '_astro/app.js'], '/base/', ['_astro/app.js'])).toBe('<head><title>t</title><link rel="stylesheet" href="a.css"><link rel="modulepreload" fetchpriority="low" href="/base/_astro/a.js"><link rel="modulepreload" href="/base/_astro/app.js"></head>');
  });
  it('list, in the built explorer\'s head, every module its map loads', () => {
    const html = readFileSync(join(DIST, 'explore/index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const links = [...head.matchAll(/<link rel="modulepreload"(?: fetchpriority="low")? href="\/([^"]+)">/g)].map((m) => m[1]);
    expect(head.lastIndexOf('rel="stylesheet"')).toBeLessThan(head.indexOf('rel="modulepreload"'));
    for (const f of links) expect(existsSync(join(DIST, f)), f).toBe(true);
    const entries = [...html.matchAll(/<script type="module" src="\/([^"]+)">/g)].map((m) => m[1]).filter((f) => f.includes('explore'));
    expect(entries.length).toBe(1);
    expect(links).toContain(entries[0]);
    // The map library's chunk: the one the entry imports on demand.
    const app = /import\(`\.\/([^`]+\.js)`\)/.exec(readFileSync(join(DIST, entries[0]), 'utf8'))?.[1];
    expect(app).toBeTruthy();
    expect(links).toContain(`_astro/${app}`);
    expect(head).toContain(`<link rel="modulepreload" href="/_astro/${app}">`);
    expect(readFileSync(join(DIST, '_astro', app!), 'utf8')).toContain('maplibre');
    // Only the explorer preloads it: other pages load their maps after load or on demand.
    expect(readFileSync(join(DIST, 'indicators/iod25-imd-decile/index.html'), 'utf8')).not.toContain('modulepreload');
  });
});
