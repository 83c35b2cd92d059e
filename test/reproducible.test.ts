/**
 * Two clean builds of the whole atlas (data and site), in different folders, under different
 * time zones and locales, give byte-identical sites.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA_NODE_OPTIONS, snapshotDir } from '../pipeline/test/helpers.ts';
import { ROOT } from './browser.ts';
import { astroBuild } from './fixture-site.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function buildSite(env: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-repro-'));
  dirs.push(dir);
  const pub = join(dir, 'public');
  mkdirSync(pub, { recursive: true });
  // The tracked part of public/ (favicon, the contribute page's template and example); the
  // generated data/ and vendor/ are built here.
  cpSync(join(ROOT, 'public'), pub, { recursive: true, filter: (src) => !/[\\/]public[\\/](data|vendor)([\\/]|$)/.test(src) });
  const e = { ...process.env, ...env, NODE_OPTIONS: DATA_NODE_OPTIONS };
  execFileSync(process.execPath, [join(ROOT, 'pipeline/cli.ts'), '--out', join(pub, 'data'), '--quiet'], { cwd: ROOT, env: e, stdio: 'inherit' });
  astroBuild(pub, join(dir, 'dist'), { ...env, NODE_OPTIONS: '' });
  return join(dir, 'dist');
}

// Two builds: one here under a far time zone and a Turkish locale (whose case rules trip
// locale-sensitive code), and the run's own dist/ when this run built it from the tree as it is
// (under the environment's TZ and LANG), else a second build here under others.
const FAR = { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' };
const OTHER = { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' };
let a: Record<string, string> = {};
let b: Record<string, string> = {};
let second = '';
beforeAll(() => {
  a = snapshotDir(buildSite(FAR));
  const envDiffers = process.env.TZ !== FAR.TZ && process.env.LC_ALL !== FAR.LC_ALL && process.env.LANG !== FAR.LANG;
  const own = inject('builtHere') && envDiffers;
  second = own ? `this run's dist/ (TZ ${process.env.TZ ?? 'unset'}, LANG ${process.env.LANG ?? 'unset'})` : `a second build (TZ ${OTHER.TZ}, LANG ${OTHER.LANG})`;
  b = snapshotDir(own ? join(ROOT, 'dist') : buildSite(OTHER));
}, 300_000);

describe('reproducible builds', () => {
  it('a clean build under another time zone and locale gives the same files as the other build', () => {
    expect(Object.keys(a).length).toBeGreaterThan(2000);
    expect(Object.keys(b).sort(), second).toEqual(Object.keys(a).sort());
  });
  it('and every file byte for byte', () => {
    const differ = Object.keys(a).filter((k) => a[k] !== b[k]);
    expect(differ.slice(0, 10), second).toEqual([]);
  });
});
