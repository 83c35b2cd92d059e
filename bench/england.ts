/**
 * All of England as a researcher builds it (`npm run data -- --scope england`, then the site),
 * into a folder of its own: pipeline and site build wall time and peak memory (from GNU time,
 * when the machine has it), `dist/` size, the largest HTML page (brotli), the explorer's first
 * view and map-ready against a bare page on the same tiles, whether the "did not draw in time"
 * notice shows, and the tile figures.
 *   npm run bench -- --only england
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Row } from './row.ts';
import { launch, serveDist } from '../test/browser.ts';
import { mapReady } from './map-ready.ts';
import { writeTileReference } from './reference.ts';
import { tileFigures } from './tiles.ts';
import { firstView } from './first-view.ts';
import { SITE_HEAP } from '../test/fixture-site.ts';

const ROOT = join(import.meta.dirname, '..');
const GNU_TIME = '/usr/bin/time';
const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs a command, timed; peak resident memory of it and its children (GNU time's %M), when /usr/bin/time exists. */
function timed(cmd: string, args: string[], env: Record<string, string> = {}): { s: number; mb: number } {
  const gnu = existsSync(GNU_TIME);
  const t0 = performance.now();
  const r = gnu
    ? spawnSync(GNU_TIME, ['-f', 'peak-kb %M', cmd, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } })
    : spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr.slice(-3000)}`);
  const kb = Number(/peak-kb (\d+)/.exec(r.stderr)?.[1]);
  return { s, mb: gnu ? kb / 1024 : NaN };
}

function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

export async function englandFigures(runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'atlas-england-'));
  const pub = join(dir, 'public'), dist = join(dir, 'dist');
  mkdirSync(pub);
  try {
    const data = timed(process.execPath, [join(ROOT, 'pipeline/cli.ts'), '--out', join(pub, 'data'), '--scope', 'england', '--quiet']);
    console.log(`  England pipeline: ${data.s.toFixed(1)} s, peak ${data.mb.toFixed(0)} MB`);
    rows.push({ what: 'England: pipeline wall time (one run, from the command line)', measured: data.s, unit: 's', budget: 20, pass: data.s <= 20 });
    rows.push({ what: 'England: pipeline peak memory (the process and its child)', measured: data.mb, unit: 'MB', budget: 1024, pass: data.mb <= 1024 });
    // The site build as `npm run site` runs it (its heap ceiling too), into a folder of its own inside the project (see test/fixture-site.ts).
    const scratch = mkdtempSync(join(ROOT, 'test-results', 'builds', 'england-'));
    const site = timed(process.execPath, [...SITE_HEAP, join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], { ATLAS_PUBLIC_DIR: pub, ATLAS_OUT_DIR: join(scratch, 'dist'), ATLAS_DATA_DIR: join(pub, 'data') });
    spawnSync('mv', [join(scratch, 'dist'), dist]);
    rmSync(scratch, { recursive: true, force: true });
    console.log(`  England site build: ${site.s.toFixed(0)} s, peak ${site.mb.toFixed(0)} MB`);
    rows.push({ what: 'England: site build wall time', measured: site.s, unit: 's', budget: 480, pass: site.s <= 480 });
    rows.push({ what: 'England: site build peak memory', measured: site.mb, unit: 'MB', budget: 1229, pass: site.mb <= 1229 });
    const bytes = folderBytes(dist) / 1e6;
    const pages = htmlFiles(dist).map((f) => ({ f: f.slice(dist.length), raw: statSync(f).size })).sort((a, b) => b.raw - a.raw).slice(0, 5).map((p) => ({ ...p, br: br(readFileSync(join(dist, p.f))) })).sort((a, b) => b.br - a.br);
    console.log(`  England dist/: ${bytes.toFixed(1)} MB; largest pages ${pages.map((p) => `${p.f} ${(p.raw / 1000).toFixed(0)} KB (${(p.br / 1000).toFixed(1)} KB br)`).join(', ')}`);
    rows.push({ what: 'England: dist/ size', measured: bytes, unit: 'MB', budget: 150, pass: bytes <= 150 });
    rows.push({ what: `England: largest HTML page (${pages[0].f}, brotli)`, measured: pages[0].br / 1000, unit: 'KB', budget: 300, pass: pages[0].br <= 300_000, note: `${(pages[0].raw / 1000).toFixed(0)} KB raw` });
    rows.push(...tileFigures(dist).map((r) => ({ ...r, what: `England: ${r.what}` })));

    const server = await serveDist(dist);
    const browser = await launch();
    const ref = writeTileReference(dist);
    try {
      const first = await firstView(browser, server.origin, '/explore/');
      console.log(`  England explorer first view: ${first.kb.toFixed(1)} KB br (${first.requests} requests); "did not draw in time" notice ${first.notice ? 'SHOWN' : 'not shown'}`);
      rows.push({ what: 'England: explorer first view (brotli)', measured: first.kb, unit: 'KB', budget: 450, pass: first.kb <= 450 && !first.notice, note: first.notice ? 'the "did not draw in time" notice showed' : 'no "did not draw in time" notice' });
      const { ready } = await mapReady(browser, server.origin, { explorer: '/explore/', 'bare page on the same tiles': ref.path }, runs);
      const [ex, bare] = [median(ready.explorer), median(ready['bare page on the same tiles'])];
      rows.push({ what: `England: explorer map-ready, slow 4G + 4x CPU (median of ${runs})`, measured: ex, unit: 'ms', budget: NaN, pass: true, note: `bare page on the same tiles ${bare.toFixed(0)} ms` });
      rows.push({ what: 'England: explorer map-ready ÷ bare page on the same tiles, same run', measured: ex / bare, unit: '×', budget: 1, pass: ex / bare <= 1 });
    } finally {
      ref.remove();
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
