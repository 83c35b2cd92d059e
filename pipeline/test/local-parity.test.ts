/**
 * The contribute page and the pipeline give the same verdict on a local dataset: the page runs
 * checkLocalDataset (src/lib/local/) against a context built from the published files
 * (contextFromPublished); the pipeline runs it inside run() against its area frames. On each of
 * the battery's local-data fixtures (SYNTHETIC), both ways: the same problems (code, file, row,
 * column, value), or the same published values, cell for cell.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { run } from '../run.ts';
import { world } from './fixture.ts';
import { checkLocalDataset } from '../../src/lib/local/check.ts';
import { contextFromPublished } from '../../src/lib/local/context.ts';

const CASES = join(import.meta.dirname, 'cases');
const localCases = readdirSync(CASES).filter((c) => existsSync(join(CASES, c, 'input', 'local'))).sort();

/** The page's context, from the files the synthetic world publishes (as the page fetches them). */
async function pageContext() {
  const files = (await run({ ...world().inputs, local: [] }, { scope: 'region' })).files;
  const get = (p: string) => JSON.parse(files.get(p)!);
  const cat = get('catalogue.json');
  return contextFromPublished({ areas2011: get('areas/lsoa-2011.json'), areas2021: get('areas/lsoa-2021.json'), neighbourhoods: get('neighbourhoods.json').neighbourhoods, domains: cat.domains, indicatorIds: [...cat.indicators.map((i: { id: string }) => i.id), ...get('local.json').indicators.map((i: { id: string }) => i.id)] });
}

const key = ({ code, file, row, column, value }: { code: string; file: string; row?: number; column?: string; value?: string }) => ({ code, file, row, column, value });

const ctx = await pageContext();

describe('the contribute page and the pipeline agree on local data', () => {
  it('has local-data fixtures to compare', () => expect(localCases.length).toBeGreaterThanOrEqual(6));
  for (const name of localCases) {
    it(`${name}: the same problems, or the same published values cell for cell`, async () => {
      const dir = join(CASES, name, 'input', 'local');
      const inputs = readdirSync(dir).sort().map((dataset) => ({ dataset, metadata: readFileSync(join(dir, dataset, 'dataset.json'), 'utf8'), values: readFileSync(join(dir, dataset, 'values.csv'), 'utf8') }));
      let pipelineProblems: unknown[] = [];
      let local: { values: Record<string, { values: unknown[] }> } | null = null;
      try {
        local = JSON.parse((await run({ ...world().inputs, local: inputs }, { scope: 'region' })).files.get('local.json')!);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        pipelineProblems = e.problems.map(key);
      }
      const page = inputs.map((i) => checkLocalDataset(i, ctx));
      expect(page.flatMap((r) => r.problems.map(key))).toEqual(pipelineProblems);
      if (local) {
        const pageValues = page.flatMap((r) => r.dataset!.values).map(({ row: _row, ...v }) => v);
        const pipelineValues = Object.values(local.values).flatMap((x) => x.values);
        expect(pageValues.length).toBeGreaterThan(0);
        expect(new Set(pageValues.map((v) => JSON.stringify(v)))).toEqual(new Set(pipelineValues.map((v) => JSON.stringify(v))));
      }
    });
  }
});
