/**
 * The security headers of the atlas, in one place: the test server (scripts/serve.ts) sends
 * them, and the build writes them as `_headers` for Netlify and Cloudflare Pages.
 */

/** Content-Security-Policy: no inline script, no eval, no third-party requests. */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "worker-src 'self'", "child-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'self'",
].join('; ');

const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' };

/** Headers for a path: embeds may be framed by any site, every other page only by the atlas itself. */
export function headersFor(path: string): Record<string, string> {
  const embed = path.startsWith('/embed/');
  return embed
    ? { 'Content-Security-Policy': CSP.replace("frame-ancestors 'self'", 'frame-ancestors *'), ...COMMON }
    : { 'Content-Security-Policy': CSP, ...COMMON, 'X-Frame-Options': 'SAMEORIGIN' };
}

/**
 * Fingerprinted files (Astro's /_astro/, /vendor/ files named with their hash, and the map's
 * vector tiles under /data/vt/, whose folders carry a fingerprint of their tiles) are cached for
 * good; the rest revalidated.
 */
export const cacheControlFor = (path: string) => (path.startsWith('/_astro/') || /^\/vendor\/[^/]+\.[0-9a-f]{8}\.mjs$/.test(path) || /^\/data\/vt\/[^/]+\.[0-9a-f]{10}\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

/** The vector tiles' type: Mapbox Vector Tile, a protocol buffer (hosts that know the type compress it). */
export const TILE_TYPE = 'application/x-protobuf';

/**
 * The `_headers` file of Netlify and Cloudflare Pages. Both merge the headers of every rule
 * that matches a path, and a browser enforces every CSP it receives; so the site-wide rule
 * carries the policy without frame-ancestors, and each non-embed section adds its own
 * `frame-ancestors 'self'` (and X-Frame-Options). Embeds get the site-wide rule only.
 */
export function headersFile(sections: string[]): string {
  const block = (pattern: string, h: Record<string, string>) => `${pattern}\n${Object.entries(h).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  const base = CSP.replace("; frame-ancestors 'self'", '');
  const own = { 'Content-Security-Policy': "frame-ancestors 'self'", 'X-Frame-Options': 'SAMEORIGIN' };
  return [block('/*', { 'Content-Security-Policy': base, ...COMMON }), block('/', own), ...sections.filter((s) => s !== 'embed' && s !== '_astro').sort().map((s) => block(`/${s}/*`, own)), block('/_astro/*', { 'Cache-Control': cacheControlFor('/_astro/') }), block('/vendor/*', { 'Cache-Control': cacheControlFor('/vendor/x.00000000.mjs') }), block('/data/vt/*', { 'Content-Type': TILE_TYPE, 'Cache-Control': cacheControlFor('/data/vt/x.0000000000/') })].join('\n');
}
