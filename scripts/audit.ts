/**
 * `npm run audit`: the production dependency tree (what the build and the shipped site use)
 * against the registry's advisories, at high severity. Exit 1 on any high or critical
 * advisory. When the advisory service cannot be reached, it says so plainly and exits 3:
 * "not run" is never reported as "clean".
 */
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
let report: { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string }; message?: string } = {};
try { report = JSON.parse(r.stdout || '{}'); } catch { /* not JSON: handled below */ }
const v = report.metadata?.vulnerabilities;
if (!v) {
  const why = (report.message ?? report.error?.summary ?? r.stderr.split('\n').find((l) => /audit|405|ENOTFOUND|ECONN/.test(l)) ?? 'no report').trim();
  process.stderr.write(`npm audit NOT RUN: the advisory service did not answer (${why}).\nSee "Dependency audit" in the README for the recorded exception.\n`);
  process.exit(3);
}
const high = (v.high ?? 0) + (v.critical ?? 0);
process.stdout.write(`npm audit --omit=dev: ${Object.entries(v).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
process.exit(high > 0 ? 1 : 0);
