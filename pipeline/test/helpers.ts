import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The heap settings `npm run data` runs the pipeline with (package.json's data script), for the bench and the tests that run it the same way. */
export const DATA_NODE_OPTIONS = /NODE_OPTIONS='([^']+)'/.exec((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { data: string } }).scripts.data)![1];

/** Runs the pipeline CLI as a user would. */
export function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'pipeline', 'cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its bytes, for byte-for-byte comparison. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => readdirSync(d).forEach((n) => { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else out[relative(dir, p)] = readFileSync(p, 'base64'); });
  walk(dir);
  return out;
}
