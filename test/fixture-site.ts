/**
 * A whole atlas built from the SYNTHETIC test world and synthetic local datasets (including
 * hostile text), into a temporary folder: the pipeline, then Astro with other data and output
 * folders. Used to test what real data cannot show (local LSOA values, hostile text).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { world, writeWorld } from '../pipeline/test/fixture.ts';
import { ROOT } from './browser.ts';

export function buildFixtureSite(localCases: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-fixture-'));
  const data = join(dir, 'data');
  writeWorld(data, world());
  for (const c of localCases) {
    const from = join(ROOT, 'pipeline/test/cases', c, 'input/local');
    for (const ds of readdirSync(from)) cpSync(join(from, ds), join(data, 'local', ds), { recursive: true });
  }
  return buildSite(dir);
}

/**
 * Builds data and site from `dir/data` into `dir/public` and `dir/dist`, as a researcher's
 * rebuild does (`pipelineArgs` such as --update-neighbourhoods go to the pipeline). Returns dist.
 */
export function buildSite(dir: string, pipelineArgs: string[] = []): string {
  const data = join(dir, 'data');
  const pub = join(dir, 'public');
  const dist = join(dir, 'dist');
  mkdirSync(pub, { recursive: true });
  copyFileSync(join(ROOT, 'public/favicon.svg'), join(pub, 'favicon.svg'));
  execFileSync(process.execPath, [join(ROOT, 'pipeline/cli.ts'), '--data', data, '--out', join(pub, 'data'), '--quiet', ...pipelineArgs], { cwd: ROOT, stdio: 'inherit' });
  astroBuild(pub, dist);
  return dist;
}

/**
 * `astro build` of the data in `pub` into `dist`. Astro keeps its prerender scratch beside an
 * outDir inside the project, but for an outDir elsewhere in one shared `.astro/` folder, where two
 * builds side by side (test files run in parallel) delete each other's chunks. So each build
 * writes into a folder of its own inside the project (test-results/builds/), moved to `dist` after.
 */
/** The site build's heap ceiling, as `npm run site` sets it: V8 otherwise lets the heap grow far past what the build keeps (England: 1.45 GB resident without, 0.89 GB with). */
export const SITE_HEAP = ['--max-old-space-size=512'];

export function astroBuild(pub: string, dist: string, env: Record<string, string> = {}): void {
  mkdirSync(join(ROOT, 'test-results', 'builds'), { recursive: true });
  const scratch = mkdtempSync(join(ROOT, 'test-results', 'builds', 'site-'));
  try {
    execFileSync(process.execPath, [...SITE_HEAP, join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env, ATLAS_PUBLIC_DIR: pub, ATLAS_OUT_DIR: join(scratch, 'dist'), ATLAS_DATA_DIR: join(pub, 'data') },
    });
    rmSync(dist, { recursive: true, force: true });
    try { renameSync(join(scratch, 'dist'), dist); } catch { cpSync(join(scratch, 'dist'), dist, { recursive: true }); }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
