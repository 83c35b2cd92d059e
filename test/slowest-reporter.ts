/**
 * At the end of a run: its wall time, its five slowest tests and files (a file's time includes
 * its hooks, such as a build), each test's time against its timeout; also written to
 * test-results/timing.json for `npm run bench`'s table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Reporter, TestModule } from 'vitest/node';

export default class SlowestReporter implements Reporter {
  private start = performance.now();
  private root = process.cwd();

  onInit(ctx: { config: { root: string } }): void {
    this.root = ctx.config.root;
  }

  onTestRunStart(): void {
    this.start = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, _errors: unknown, reason: string): void {
    const seconds = (performance.now() - this.start) / 1000;
    const tests = modules.flatMap((m) => [...m.children.allTests()].map((t) => ({ name: `${m.relativeModuleId} > ${t.fullName}`, ms: t.diagnostic()?.duration ?? 0, timeout: (t.options as { timeout?: number }).timeout ?? 0, state: t.result().state })));
    const files = modules.map((m) => ({ name: m.relativeModuleId, ms: m.diagnostic().duration }));
    const top = <T extends { ms: number }>(xs: T[]) => [...xs].sort((a, b) => b.ms - a.ms).slice(0, 5);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const worstShare = Math.max(0, ...tests.filter((t) => t.timeout > 0).map((t) => t.ms / t.timeout));
    const lines = [
      '',
      `Suite: ${tests.length} tests in ${modules.length} files, ${seconds.toFixed(0)} s wall time (${reason}); slowest test at ${(worstShare * 100).toFixed(0)}% of its timeout`,
      'Five slowest tests:',
      ...top(tests).map((t) => `  ${s(t.ms).padStart(7)}  ${t.name}`),
      'Five slowest files (with their hooks):',
      ...top(files).map((f) => `  ${s(f.ms).padStart(7)}  ${f.name}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    // Only a whole run's figure is kept for the bench: both projects, unit and site (a run of one, or of a few files, would mislead it).
    if (new Set(modules.map((m) => m.project.name)).size < 2 || modules.length < 30) return;
    mkdirSync(join(this.root, 'test-results'), { recursive: true });
    writeFileSync(join(this.root, 'test-results/timing.json'), JSON.stringify({ seconds: Math.round(seconds), reason, tests: tests.length, files: modules.length, slowestTests: top(tests), slowestFiles: top(files), worstShareOfTimeout: worstShare }, null, 2) + '\n');
  }
}
