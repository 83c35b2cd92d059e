/**
 * `npm run bench`: measures, never asserts. Prints each figure beside its budget and a final
 * table of pass or fail. Pipeline: wall time and peak memory, median of 3 runs, for the
 * default (region) build and for all of England.
 *   npm run bench [-- --runs N] [-- --only pipeline|web]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

export interface Row { what: string; measured: number; unit: string; budget: number; pass: boolean; note?: string }
const rows: Row[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function pipeline(scope: 'region' | 'england', budgetS: number, budgetMb: number) {
  const times: number[] = [], mems: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-bench-')), 'data');
    const t0 = performance.now();
    // As `npm run data` runs it (the CLI sets its own heap ceiling for England).
    const r = spawnSync(process.execPath, [join(ROOT, 'pipeline/cli.ts'), '--out', out, '--scope', scope], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=320 --max-semi-space-size=32' } });
    const wall = (performance.now() - t0) / 1000;
    rmSync(join(out, '..'), { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`pipeline failed (${scope}):\n${r.stderr}`);
    const mb = Number(/peak memory (\d+) MB/.exec(r.stdout)?.[1]);
    times.push(wall);
    mems.push(mb);
    console.log(`  pipeline ${scope} run ${i + 1}: ${wall.toFixed(2)} s, ${mb} MB`);
  }
  const label = scope === 'region' ? 'default build (North West)' : 'all England';
  rows.push({ what: `pipeline ${label}: wall time (median of ${runs})`, measured: median(times), unit: 's', budget: budgetS, pass: median(times) <= budgetS });
  rows.push({ what: `pipeline ${label}: peak memory (median of ${runs})`, measured: median(mems), unit: 'MB', budget: budgetMb, pass: median(mems) <= budgetMb });
}

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
console.log(`Benchmark on ${process.version}, ${runs} runs each\n`);
if (only !== 'web') {
  pipeline('region', 3, 512);
  pipeline('england', 10, 1024);
}

console.log('\nWeb figures (built site in dist/):');
const extra = only === 'pipeline' ? null : await import('./web.ts').then((m) => m.webFigures(ROOT)).catch((e: Error) => { console.log(`\n(web figures not measured: ${e.message})`); return null; });
if (extra) rows.push(...extra);

console.log('\n| budget | measured | limit | result |\n|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.measured.toFixed(r.unit === 'MB' || r.unit === 'ms' || r.unit === 'points' ? 0 : r.unit === 'KB' ? 1 : 2)} ${r.unit} | ${Number.isNaN(r.budget) ? '–' : `${r.budget} ${r.unit}`} | ${r.pass ? 'pass' : 'FAIL'}${r.note ? ` (${r.note})` : ''} |`);
