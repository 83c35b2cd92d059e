/**
 * The pipeline's one entry point, and the only file that reads, writes and exits.
 *   npm run data                              build public/data for the configured region
 *   npm run data -- --scope england           build for all of England
 *   npm run data -- --update-neighbourhoods   rewrite the LSOA lists in neighbourhoods.json from their derivation
 *   npm run data -- --data DIR --out DIR      other input and output folders (tests use these)
 *   npm run data -- --threads                 read the tables on a second thread, beside the stages that do not need them (faster, more memory)
 *   npm run data -- --tile-budget BYTES       the largest small-area tile a zoom may have for the map to show small areas there (default 256000); below it, councils
 * Exit codes: 0 built; 1 a problem with the input data (explained, nothing written); 2 a bug.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatProblem, InputError, type Problem } from './errors.ts';
import type { RunOptions } from './run.ts';
import type { LocalInput } from './stages/local.ts';
import { MAX_TEXT_BYTES } from './stages/load.ts';
import { CONFIG_FILES, OPTIONAL_CONFIG, type RawConfig } from './schema.ts';

interface Args { data: string; out: string; scope: RunOptions['scope']; updateNeighbourhoods: boolean; quiet: boolean; threads: boolean; tileBudget?: number }

function parseArgs(argv: string[]): Args {
  const args: Args = { data: 'data', out: 'public/data', scope: 'region', updateNeighbourhoods: false, quiet: false, threads: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--scope') {
      const s = argv[++i];
      if (s !== 'region' && s !== 'england') throw new InputError([{ code: 'BAD_ARGUMENT', file: '(command line)', value: s, message: '--scope takes "region" or "england"', fix: 'Run `npm run data -- --scope england`, or leave --scope out for the configured region.' }]);
      args.scope = s;
    } else if (a === '--tile-budget') {
      const v = argv[++i];
      if (!/^\d+$/.test(v ?? '') || Number(v) < 1) throw new InputError([{ code: 'BAD_ARGUMENT', file: '(command line)', value: v, message: '--tile-budget takes a whole number of bytes', fix: 'Run `npm run data -- --tile-budget 256000`, or leave it out for the default.' }]);
      args.tileBudget = Number(v);
    } else if (a === '--update-neighbourhoods') args.updateNeighbourhoods = true;
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--threads') args.threads = true;
    else throw new InputError([{ code: 'BAD_ARGUMENT', file: '(command line)', value: a, message: 'unknown option', fix: 'Options: --scope region|england, --update-neighbourhoods, --tile-budget BYTES, --threads, --data DIR, --out DIR, --quiet.' }]);
  }
  return args;
}

function readConfig(dataDir: string): RawConfig {
  const problems: Problem[] = [];
  const config = {} as Record<keyof RawConfig, unknown>;
  for (const [key, file] of Object.entries(CONFIG_FILES) as [keyof RawConfig, string][]) {
    const path = join(dataDir, file);
    if (!existsSync(path)) {
      if (!OPTIONAL_CONFIG.has(key)) problems.push({ code: 'MISSING_FILE', file, message: 'configuration file not found', fix: `Restore ${file} (git checkout -- data/${file}).` });
      continue;
    }
    try {
      config[key] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      problems.push({ code: 'INVALID_JSON', file, message: `not valid JSON: ${(e as Error).message}`, fix: 'Correct the JSON syntax (a missing comma or quote is the usual cause).' });
    }
  }
  if (problems.length) throw new InputError(problems);
  return config as unknown as RawConfig;
}

/** Reads every raw file listed in sources.json. A file over the size limit is refused from its size alone, unread. */
function readRawFiles(dataDir: string, sources: unknown): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const problems: Problem[] = [];
  const list = (sources as { sources?: { files?: { path?: unknown }[] }[] })?.sources ?? [];
  for (const s of list) for (const f of s.files ?? []) {
    if (typeof f.path !== 'string') continue;
    const path = join(dataDir, 'raw', f.path);
    if (!existsSync(path)) continue;
    const bytes = statSync(path).size;
    if (bytes > MAX_TEXT_BYTES) problems.push({ code: 'TOO_LARGE', file: `raw/${f.path}`, value: `${bytes} bytes`, message: `the file is ${(bytes / 2 ** 20).toFixed(0)} MiB; the limit is ${MAX_TEXT_BYTES / 2 ** 20} MiB, and it was not read`, fix: 'Select the rows and columns the atlas needs (or the region) before adding the file.' });
    else files.set(f.path, readFileSync(path));
  }
  if (problems.length) throw new InputError(problems);
  return files;
}

/** The locally gathered datasets: every folder of data/local with its dataset.json and values.csv. */
function readLocal(dataDir: string): LocalInput[] {
  const dir = join(dataDir, 'local');
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  const out: LocalInput[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!statSync(join(dir, name)).isDirectory()) continue;
    const read = (f: string) => {
      const p = join(dir, name, f);
      if (!existsSync(p)) { problems.push({ code: 'MISSING_FILE', file: `local/${name}/${f}`, message: 'a local dataset needs dataset.json and values.csv', fix: 'Copy the template from the README into the folder, or remove the folder.' }); return ''; }
      return readFileSync(p, 'utf8');
    };
    out.push({ dataset: name, metadata: read('dataset.json'), values: read('values.csv') });
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

/** Writes every file into a fresh folder, then swaps it in: a failed build never leaves half an output. */
function writeAtomically(outDir: string, files: Map<string, string | Uint8Array>): void {
  const out = resolve(outDir);
  const tmp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const sorted = [...files].sort(([a], [b]) => a.localeCompare(b, 'en-GB'));
  // Each folder made once (about 20 for some 1,500 files), not asked for again before every file.
  for (const dir of new Set(sorted.map(([path]) => dirname(join(tmp, path))))) mkdirSync(dir, { recursive: true });
  for (const [path, text] of sorted) writeFileSync(join(tmp, path), text);
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const t0 = performance.now();
  let last = t0;
  try {
    const args = parseArgs(process.argv.slice(2));
    const log = (line: string) => { if (!args.quiet) process.stdout.write(line + '\n'); };
    const config = readConfig(args.data);
    const files = readRawFiles(args.data, config.sources);
    log(`read ${files.size} raw files (${(performance.now() - t0).toFixed(0)} ms)`);
    last = performance.now();
    const local = readLocal(args.data);
    // Imported here, not above: the first process, which only sets the heap ceiling (see the end), never loads the stages.
    const { run } = await import('./run.ts');
    const result = await run({ config, files, local }, {
      scope: args.scope,
      updateNeighbourhoods: args.updateNeighbourhoods,
      tileBudget: args.tileBudget,
      threads: args.threads,
      onStage: (stage, counts) => {
        const now = performance.now();
        const c = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
        log(`${stage.padEnd(16)} ${String((now - last).toFixed(0)).padStart(5)} ms  ${c}${process.env.ATLAS_MEM ? `${((globalThis as { gc?: () => void }).gc?.(), "")} [heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB]` : ""}`);
        last = now;
      },
    });
    if (result.neighbourhoodsConfig) {
      const p = join(args.data, CONFIG_FILES.neighbourhoods);
      writeFileSync(`${p}.tmp-${process.pid}`, result.neighbourhoodsConfig);
      renameSync(`${p}.tmp-${process.pid}`, p);
      log(`rewrote ${p} from the neighbourhoods' derivations`);
    }
    writeAtomically(args.out, new Map<string, string | Uint8Array>([...result.files, ...result.binary]));
    const r = result.report;
    log(`wrote ${result.files.size} files to ${args.out} in ${(performance.now() - t0).toFixed(0)} ms (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB); ${r.tables.length} tables, ${r.tables.reduce((n, t) => n + (t.finer?.rowsRead ?? t.rowsRead), 0)} rows read, ${r.tables.reduce((n, t) => n + t.published, 0)} published (see build-report.json)`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`\nThe data could not be built; nothing was written.\n${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}:\n`);
      for (const p of e.problems.slice(0, 200)) process.stderr.write(`  ${formatProblem(p)}\n`);
      if (e.problems.length > 200) process.stderr.write(`  … and ${e.problems.length - 200} more of the same kinds\n`);
      if (process.env.ATLAS_MEM) process.stderr.write(`(failed after ${(performance.now() - t0).toFixed(0)} ms; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`);
      return 1;
    }
    process.stderr.write(`\nA bug in the pipeline (not in your data):\n${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/**
 * The pipeline runs with a fixed heap ceiling, part of its contract (512 MB for a region,
 * 1 GB for England): without one, V8 grows its heap far past the live set before collecting.
 * England's live set peaks between 560 and 620 MB (a ceiling of 560 or 600 runs out; of 620 takes
 * 20% longer in collection). At 680 MB the process peaked at 892 to 909 MB over three runs, against
 * 947 to 1,121 MB at 740, for about half a second more. The first process only sets the ceiling
 * and runs the real one.
 */
const HEAP_MB = { region: 320, england: 680 } as const;
/**
 * The young generation's half (MB). 16 for a region keeps its peak near 500 MB (the North West:
 * 499 to 502 MB over three runs against 531 to 541 at 32, and 506 to 522 in the bench, for about
 * 0.5 s more); England keeps 32, its time being the tighter budget.
 */
const SEMI_MB = { region: 16, england: 32 } as const;
const scope = process.argv.includes('england') ? 'england' : 'region';
const limitMb = getHeapStatistics().heap_size_limit / 2 ** 20;
// Already under the right ceiling (ATLAS_PIPELINE_CHILD, or NODE_OPTIONS as `npm run data` sets it): run here.
if (process.env.ATLAS_PIPELINE_CHILD || (limitMb >= HEAP_MB[scope] && limitMb <= HEAP_MB[scope] * 1.25)) {
  process.exitCode = await main();
} else {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB[scope]}`, `--max-semi-space-size=${SEMI_MB[scope]}`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ATLAS_PIPELINE_CHILD: '1' } });
  process.exitCode = r.status ?? 2;
}
