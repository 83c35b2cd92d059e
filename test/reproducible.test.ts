/**
 * Two clean builds of the whole atlas (data and site), in different folders, under different
 * time zones and locales, give byte-identical sites.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshotDir } from '../pipeline/test/helpers.ts';
import { ROOT } from './browser.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function buildSite(env: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-repro-'));
  dirs.push(dir);
  const pub = join(dir, 'public');
  mkdirSync(pub, { recursive: true });
  copyFileSync(join(ROOT, 'public/favicon.svg'), join(pub, 'favicon.svg'));
  const e = { ...process.env, ...env, NODE_OPTIONS: '--max-old-space-size=320 --max-semi-space-size=32' };
  execFileSync(process.execPath, [join(ROOT, 'pipeline/cli.ts'), '--out', join(pub, 'data'), '--quiet'], { cwd: ROOT, env: e, stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', env: { ...e, NODE_OPTIONS: '', ATLAS_PUBLIC_DIR: pub, ATLAS_OUT_DIR: join(dir, 'dist'), ATLAS_DATA_DIR: join(pub, 'data') } });
  return join(dir, 'dist');
}

describe('reproducible builds', () => {
  it('two clean builds under different TZ and LANG give identical dist/', () => {
    const a = snapshotDir(buildSite({ TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }));
    const b = snapshotDir(buildSite({ TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' }));
    expect(Object.keys(a).length).toBeGreaterThan(2000);
    const differ = Object.keys(a).filter((k) => a[k] !== b[k]);
    expect(differ.slice(0, 10)).toEqual([]);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  }, 600_000);
});
