/**
 * The preview server (`npm run preview`, and every browser test's): a request it cannot read is
 * answered 400 and the server goes on serving, never stopped by one odd path ("//" once stopped it).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from './browser.ts';

let site: { origin: string; close: () => Promise<void> };
beforeAll(async () => { site = await serveDist(); });
afterAll(() => site?.close());

/** The status of a GET of `path` exactly as written (fetch would tidy it). */
const status = (path: string) => new Promise<number>((ok, fail) => {
  const { hostname, port } = new URL(site.origin);
  request({ hostname, port, path, method: 'GET' }, (res) => { res.resume(); ok(res.statusCode ?? 0); }).on('error', fail).end();
});

describe('the preview server', () => {
  it('reads "//" as the home page, answers 400 to a path it cannot read (a broken percent escape), and goes on serving', async () => {
    expect(await status('//')).toBe(200);
    expect(await status('/%E0%A4%A')).toBe(400);
    expect(await status('/')).toBe(200);
    expect(await status('/compare/')).toBe(200);
  });
});
