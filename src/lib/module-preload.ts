/**
 * Module preloads for the explorer: the page's own scripts import their modules one level at a
 * time, and the map library is imported only once the first view is painted, so on a slow line
 * each level waits for the one before. Listed in the page's head, after the stylesheets and (but
 * for the map library's chunk) at low priority, every module the map needs starts loading at once,
 * behind the stylesheets rather than beside them, so the first paint does not wait (the same line,
 * slow 4G and 4x CPU: map-ready 4.4 to 3.6 s, first paint unchanged; asked for from the script once
 * the first view was painted instead, they saved nothing).
 * Used by the site build (astro.config.mjs): a Vite plugin reads the client bundle's import graph,
 * an integration writes the links into the built pages.
 */

/** A chunk of the client bundle as Rollup describes it (the fields used here). */
export interface BundleChunk { type: 'chunk' | 'asset'; fileName: string; imports?: string[]; dynamicImports?: string[]; moduleIds?: string[] }

/**
 * The JavaScript files a page entry needs, in load order: the chunk holding `entryModule`, its
 * static imports, and the chunk of each of its own dynamic imports with their static imports.
 */
export function preloadChain(chunks: BundleChunk[], entryModule: string): string[] {
  const byFile = new Map(chunks.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = entryChunk(chunks, entryModule);
  const out: string[] = [];
  const visit = (file: string, dynamic: boolean) => {
    if (out.includes(file)) return;
    const c = byFile.get(file);
    if (!c) return;
    out.push(file);
    for (const i of c.imports ?? []) visit(i, false);
    if (dynamic) for (const d of c.dynamicImports ?? []) visit(d, false);
  };
  visit(entry.fileName, true);
  return out;
}

/** The chunks an entry imports on demand (the map library's): the longest download, asked for at the browser's usual priority. */
export function leadChunks(chunks: BundleChunk[], entryModule: string): string[] {
  return entryChunk(chunks, entryModule).dynamicImports ?? [];
}

/** The chunk holding `entryModule`; throws when there is none, so a renamed entry fails the build rather than silently dropping the preloads. */
function entryChunk(chunks: BundleChunk[], entryModule: string): BundleChunk {
  const entry = chunks.find((c) => c.type === 'chunk' && (c.moduleIds ?? []).some((id) => id.replace(/\\/g, '/').endsWith(entryModule)));
  if (!entry) throw new Error(`module-preload: no chunk of the client bundle holds ${entryModule}`);
  return entry;
}

/**
 * The page's HTML with a modulepreload link per file at the end of its head, after its
 * stylesheets: at low priority, but for the `lead` files (the map library's chunk, which the map
 * waits for longest), which the stylesheets still come before.
 */
export function withModulePreloads(html: string, files: string[], base: string, lead: string[] = []): string {
  const links = files.map((f) => `<link rel="modulepreload"${lead.includes(f) ? '' : ' fetchpriority="low"'} href="${base}${f}">`).join('');
  const i = html.indexOf('</head>');
  if (i < 0) throw new Error('module-preload: the page has no head');
  return html.slice(0, i) + links + html.slice(i);
}
