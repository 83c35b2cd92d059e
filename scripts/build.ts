/**
 * `npm run build [-- pipeline options]`: the pipeline with the options given (`--scope england`,
 * `--threads`, …), then the site. Stops at the first step that fails, with its exit code; the
 * site is not built over data that did not build.
 */
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const step of [['run', 'data', '--', ...process.argv.slice(2)], ['run', 'site']]) {
  const r = spawnSync(npm, step, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
