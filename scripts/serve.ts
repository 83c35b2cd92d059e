/**
 * A small static server for the built site (`dist/`), used by `npm start` and the browser
 * tests. It sends the same security headers as the host configuration in public/_headers.
 *   node scripts/serve.ts [dir] [--port N]
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cacheControlFor, headersFor } from '../src/lib/headers.ts';

export { CSP, headersFor } from '../src/lib/headers.ts';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8', '.geojson': 'application/geo+json', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.pbf': 'application/x-protobuf',
};

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|manifest\+json|x-protobuf)|image\/svg)/;
const compressed = new Map<string, Buffer>();

/** Serves `dir` on `port` (0 picks a free one); resolves with the server once listening. */
export function serve(dir: string, port = 0, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    // A path it cannot read ("//", a broken percent escape) is the client's error, not the server's end.
    let url: URL, path: string;
    try {
      url = new URL('http://x' + (req.url ?? '/'));
      path = normalize(decodeURIComponent(url.pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.includes('\0') || !resolve(root, '.' + path).startsWith(root)) { res.writeHead(400).end(); return; }
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) { res.writeHead(301, { Location: path + '/' + url.search }).end(); return; }
      file = join(file, 'index.html');
    }
    const headers = headersFor(path);
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html'], ...headers });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res); else res.end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.test(type) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    if (!encoding) {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cacheControlFor(path), ...headers });
      createReadStream(file).pipe(res);
      return;
    }
    // Compressed as static hosts do, once per file and encoding.
    const key = `${encoding}:${file}:${statSync(file).mtimeMs}`;
    let body = compressed.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body = encoding === 'br' ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(raw, { level: 9 });
      compressed.set(key, body);
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': encoding, 'Content-Length': body.length, Vary: 'Accept-Encoding', 'Cache-Control': cacheControlFor(path), ...headers });
    res.end(body);
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const p = args.indexOf('--port');
  const port = p >= 0 ? Number(args[p + 1]) : Number(process.env.PORT ?? 4321);
  const server = await serve(dir, port);
  const addr = server.address();
  console.log(`Serving ${dir} at http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/ (Ctrl+C to stop)`);
}
