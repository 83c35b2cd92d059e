/**
 * `npm run bench`: measures, never asserts. Prints each figure beside its budget and a final
 * table of pass or fail. Pipeline: wall time and peak memory, median of 3 runs, for the
 * default (region) build and for all of England.
 * The site built for all of England (bench/england.ts) comes last.
 *   npm run bench [-- --runs N] [-- --only pipeline|web|england]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { recordRawFile, world, writeWorld } from '../pipeline/test/fixture.ts';
import { DATA_NODE_OPTIONS } from '../pipeline/test/helpers.ts';
import { machineReference } from './machine.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

import type { Row } from './row.ts';
export type { Row };
const rows: Row[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `npm run data` timed; with `threads`, `--threads` (its figures beside the budgets, which are the default's). */
function pipeline(scope: 'region' | 'england', budgetS: number, budgetMb: number, threads = false) {
  const times: number[] = [], mems: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-bench-')), 'data');
    const t0 = performance.now();
    // As `npm run data` runs it (the CLI sets its own heap ceiling for England).
    const r = spawnSync(process.execPath, [join(ROOT, 'pipeline/cli.ts'), '--out', out, '--scope', scope, ...(threads ? ['--threads'] : [])], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: DATA_NODE_OPTIONS } });
    const wall = (performance.now() - t0) / 1000;
    rmSync(join(out, '..'), { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`pipeline failed (${scope}):\n${r.stderr}`);
    const mb = Number(/peak memory (\d+) MB/.exec(r.stdout)?.[1]);
    times.push(wall);
    mems.push(mb);
    console.log(`  pipeline ${scope}${threads ? ' --threads' : ''} run ${i + 1}: ${wall.toFixed(2)} s, ${mb} MB`);
  }
  const label = `${scope === 'region' ? 'default build (North West)' : 'all England'}${threads ? ', --threads' : ''}`;
  rows.push({ what: `pipeline ${label}: wall time (median of ${runs})`, measured: median(times), unit: 's', budget: budgetS, pass: median(times) <= budgetS });
  rows.push({ what: `pipeline ${label}: peak memory (median of ${runs})`, measured: median(mems), unit: 'MB', budget: budgetMb, pass: median(mems) <= budgetMb });
}

/**
 * Oversized input (SYNTHETIC world): a 2 GiB file (sparse: no disk used), refused from its size
 * unread, and a 250 MiB CSV of 18 million rows, just under the size limit, refused on its row
 * count before parsing. Time to fail and peak memory of each.
 */
function oversized(budgetS: number, budgetMb: number) {
  const cases: [string, (file: string) => { bytes: number; sha256: string }][] = [
    ['a 2 GiB CSV (refused from its size, unread)', (file) => { truncateSync(file, 2 * 2 ** 30); return { bytes: 2 * 2 ** 30, sha256: '0'.repeat(64) }; }],
    ['a 250 MiB CSV of 18 million rows (refused on its row count)', (file) => {
      const fd = openSync(file, 'w');
      const h = createHash('sha256');
      const put = (b: Buffer) => { writeSync(fd, b); h.update(b); return b.length; };
      let bytes = put(Buffer.from('LSOA21CD,IMD_score,IMD_decile\n'));
      const chunk = Buffer.from('E01900001,40.0,1\n'.repeat(65536));
      while (bytes + chunk.length < 250 * 2 ** 20) bytes += put(chunk);
      closeSync(fd);
      return { bytes, sha256: h.digest('hex') };
    }],
  ];
  // Time is the whole process, start to exit, as a user waits for it.
  for (const [what, make] of cases) {
    const data = mkdtempSync(join(tmpdir(), 'atlas-bench-big-'));
    const w = world();
    writeWorld(data, w);
    recordRawFile(data, w, 'synthetic/iod21.csv', make(join(data, 'raw', 'synthetic/iod21.csv')));
    const out = join(data, 'out');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'pipeline/cli.ts'), '--data', data, '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ATLAS_MEM: '1', NODE_OPTIONS: DATA_NODE_OPTIONS } });
    const wall = (performance.now() - t0) / 1000;
    rmSync(data, { recursive: true, force: true });
    const m = /peak memory (\d+) MB/.exec(r.stderr);
    if (r.status !== 1 || !r.stderr.includes('TOO_LARGE') || !m) throw new Error(`oversized input (${what}) did not fail as expected (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
    const [s, mb] = [wall, Number(m[1])];
    console.log(`  oversized input, ${what}: TOO_LARGE after ${s.toFixed(2)} s, peak ${mb} MB`);
    rows.push({ what: `oversized input, ${what}: time to fail`, measured: s, unit: 's', budget: budgetS, pass: s <= budgetS });
    rows.push({ what: `oversized input, ${what}: peak memory`, measured: mb, unit: 'MB', budget: budgetMb, pass: mb <= budgetMb });
  }
}

/** The last whole `npm test` run's wall time (the suite's reporter writes it), against ten minutes. */
function testSuite(budgetS: number) {
  const file = join(ROOT, 'test-results/timing.json');
  if (!existsSync(file)) { console.log('\n(test suite time not measured: run npm test first)'); return; }
  const t = JSON.parse(readFileSync(file, 'utf8')) as { seconds: number; reason: string; tests: number; slowestTests: { name: string; ms: number }[] };
  const when = statSync(file).mtime.toISOString().slice(0, 16).replace('T', ' ');
  rows.push({ what: `npm test: wall time of the last whole run (${t.tests} tests, ${t.reason}, ${when} UTC)`, measured: t.seconds, unit: 's', budget: budgetS, pass: t.reason === 'passed' && t.seconds <= budgetS, note: `slowest test ${(t.slowestTests[0]?.ms / 1000).toFixed(1)} s` });
}

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
console.log(`Benchmark on ${process.version}, ${runs} runs each\n`);
/**
 * The machine's speed at the time, as a fixed workload's time (bench/machine.ts), measured before
 * and after the pipeline's runs: the pipeline's times are also given as multiples of their median.
 */
const references: number[] = [];
function measureReference(when: string) {
  const ms = machineReference(runs, DATA_NODE_OPTIONS);
  references.push(...ms);
  console.log(`  machine reference (${when}): ${ms.map((x) => x.toFixed(0)).join(', ')} ms`);
}

if (only === null || only === 'pipeline') {
  measureReference('before the pipeline');
  pipeline('region', 6, 512);
  pipeline('england', 20, 1024);
  pipeline('region', 6, 512, true);
  pipeline('england', 20, 1024, true);
  measureReference('after the pipeline');
  const ref = median(references);
  rows.push({ what: `machine reference: a fixed workload (bench/machine.ts; median of ${references.length}, before and after the pipeline)`, measured: ref, unit: 'ms', budget: NaN, pass: true, note: 'no budget: the machine\'s speed at the time' });
  for (const r of rows) if (r.what.startsWith('pipeline ') && r.unit === 's') r.note = `${((r.measured * 1000) / ref).toFixed(1)}× the machine reference`;
  oversized(5, 1024);
}

if (only === null || only === 'web') console.log('\nWeb figures (built site in dist/):');
const extra = only === 'pipeline' || only === 'england' ? null : await import('./web.ts').then((m) => m.webFigures(ROOT)).catch((e: Error) => { console.log(`\n(web figures not measured: ${e.message})`); return null; });
if (extra) rows.push(...extra);

if (only === null || only === 'england') {
  console.log('\nAll of England, data and site built into a folder of their own:');
  rows.push(...(await import('./england.ts').then((m) => m.englandFigures(runs))));
}

testSuite(600);

console.log('\n| budget | measured | limit | result |\n|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.measured.toFixed(r.unit === 'MB' || r.unit === 'ms' || r.unit === 'points' ? 0 : r.unit === 'KB' ? 1 : r.unit === '×' ? 3 : 2)} ${r.unit} | ${Number.isNaN(r.budget) ? '–' : `${r.budget} ${r.unit}`} | ${r.pass ? 'pass' : 'FAIL'}${r.note ? ` (${r.note})` : ''} |`);
