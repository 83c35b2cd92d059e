import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { InputError, type Problem } from '../errors.ts';
import type { Config } from '../schema.ts';
import type { AreaFrame, Vintage } from './areas.ts';
import { rawReader } from './reader.ts';
import { readTables, type TablesResult } from './tables.ts';

/**
 * The tables stage needs only the area frames and the tables' own files. By default it runs at
 * once, in this thread. With `threads`, it runs on a second thread while this one builds the
 * geometry, tiles, search and the rest that do not need tables: faster on two cores, for more
 * memory at once (see the README). Either way its problems are handed back with the result, for
 * the recipe to add where the tables are joined.
 */
export interface TablesRun { tables: TablesResult; problems: Problem[] }

/** A frame without its index (rebuilt on the other side) and geometry (not read by tables). */
type FrameCore = Omit<AreaFrame, 'index' | 'geometry'>;
type Message = { ok: true; run: TablesRun } | { ok: false; problems?: Problem[]; message: string; stack?: string };

const TAG = 'atlas-tables';

/** The tables being read: `done` gives them; `cancel` stops the thread when the build stops first. */
export interface TablesJob { done: Promise<TablesRun>; cancel: () => void }

export function startTables(cfg: Config, frames: Record<Vintage, AreaFrame>, files: Map<string, Uint8Array>, threads = false): TablesJob {
  if (!threads) {
    let done: Promise<TablesRun>;
    try {
      done = Promise.resolve(tablesOf(cfg, frames, files));
    } catch (e) {
      done = Promise.reject(e);
    }
    return settled({ done, cancel: () => {} });
  }
  const cores = Object.fromEntries(Object.entries(frames).map(([v, f]) => { const { index: _i, geometry: _g, ...core } = f; return [v, core]; })) as Record<Vintage, FrameCore>;
  const worker = new Worker(new URL(import.meta.url), { workerData: { [TAG]: { cfg, frames: cores, files } }, transferList: ownBuffers([...files.values()]), resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 24 } });
  const done = new Promise<TablesRun>((ok, fail) => {
    worker.once('message', (m: Message) => {
      if (m.ok) ok(m.run);
      else fail(m.problems ? new InputError(m.problems) : Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.once('error', fail);
    // After a message, the promise is settled and this does nothing; before one, the thread died.
    worker.once('exit', (code) => fail(new Error(`the tables' thread stopped (exit code ${code}) before it finished`)));
  });
  return settled({ done, cancel: () => void worker.terminate() });
}

/** A job whose failure, when nobody waits for it any more (the build stopped first), is not an unhandled rejection. */
function settled(job: TablesJob): TablesJob {
  job.done.catch(() => {});
  return job;
}

/** The tables read, their problems added to the build's. */
export function tablesFrom(run: TablesRun, problems: Problem[]): TablesResult {
  problems.push(...run.problems);
  return run.tables;
}

function tablesOf(cfg: Config, frames: Record<Vintage, AreaFrame>, files: Map<string, Uint8Array>): TablesRun {
  const problems: Problem[] = [];
  const tables = readTables(cfg, frames, rawReader(cfg, files, problems).csv, problems);
  return { tables, problems };
}

/** The buffers that the arrays own outright (a view of a shared pool is copied instead of moved). */
function ownBuffers(arrays: ArrayBufferView[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) out.add(a.buffer);
  return [...out];
}

/** Every typed array of the result, to move rather than copy. */
function resultArrays(t: TablesResult): ArrayBufferView[] {
  const out: ArrayBufferView[] = Object.values(t.population);
  for (const s of t.series.values()) out.push(s.values, s.status, ...(s.counts ? [s.counts.num, s.counts.den] : []));
  return out;
}

// The thread's side: rebuild the frames' indexes, read the tables, hand back the result or the failure.
if (!isMainThread && workerData?.[TAG]) {
  const { cfg, frames: cores, files } = workerData[TAG] as { cfg: Config; frames: Record<Vintage, FrameCore>; files: Map<string, Uint8Array> };
  const frames = Object.fromEntries(Object.entries(cores).map(([v, c]) => [v, { ...c, index: new Map(c.codes.map((code, i) => [code, i])), geometry: new Map() }])) as Record<Vintage, AreaFrame>;
  let m: Message;
  try {
    m = { ok: true, run: tablesOf(cfg, frames, files) };
  } catch (e) {
    m = e instanceof InputError ? { ok: false, problems: e.problems, message: e.message } : { ok: false, message: (e as Error).message, stack: (e as Error).stack };
  }
  parentPort!.postMessage(m, m.ok ? ownBuffers(resultArrays(m.run.tables)) : []);
}
