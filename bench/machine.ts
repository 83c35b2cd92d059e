/**
 * A fixed workload that stands for the machine's speed at the moment of a bench, so that the
 * pipeline's times can be read against it: on the 2-core machines the atlas is built on, the same
 * commit's North West build has taken from 6.6 s to over 10 s from one hour to the next.
 * It does what the pipeline spends its time on, on SYNTHETIC data made the same way every time:
 * inflate a gzipped CSV, split it into rows and numbers, sort the numbers, build and serialise
 * objects, and hash the bytes. Run in a fresh process under the pipeline's own heap settings.
 *   node bench/machine.ts --run     prints the workload's time in ms (what the bench spawns)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The workload, timed (ms). Its input is made before the clock starts. */
function workload(): number {
  // 200,000 rows of a code and three figures, from a fixed linear congruential sequence.
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const lines = ['code,a,b,c'];
  for (let i = 0; i < 200_000; i++) lines.push(`E0${String(1_000_000 + i).slice(1)},${(next() * 100).toFixed(1)},${Math.floor(next() * 5000)},${(next() * 10).toFixed(2)}`);
  const gz = gzipSync(lines.join('\n'));
  const t0 = performance.now();
  const text = gunzipSync(gz).toString('utf8');
  const rows = text.split('\n').slice(1).map((l) => l.split(','));
  const values = Float64Array.from(rows, (r) => Number(r[1]));
  values.sort();
  const byCode = new Map(rows.map((r) => [r[0], { b: Number(r[2]), c: Number(r[3]) }]));
  const json = JSON.stringify([...byCode].filter((_, i) => i % 4 === 0));
  const back = JSON.parse(json) as unknown[];
  const digest = createHash('sha256').update(text).update(json).digest('hex');
  const ms = performance.now() - t0;
  if (back.length !== 50_000 || values[0] > values[values.length - 1] || digest.length !== 64) throw new Error('the reference workload went wrong');
  return ms;
}

/** The workload's time in `runs` runs, each in a fresh process with `nodeOptions` (ms). */
export function machineReference(runs: number, nodeOptions: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [import.meta.filename, '--run'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: nodeOptions } });
    if (r.status !== 0) throw new Error(`the reference workload failed:\n${r.stderr}`);
    times.push(Number(r.stdout.trim()));
  }
  return times;
}

if (process.argv.includes('--run')) console.log(workload().toFixed(0));
