/**
 * The tables read on a second thread (`threads`, `npm run data -- --threads`) against the same
 * run in one thread, on the SYNTHETIC world (fixture.ts): the same bytes out, and the same
 * problems for a bad table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../run.ts';
import { InputError } from '../errors.ts';
import { governanceWorld, world } from './fixture.ts';

const problemsOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  return (e as InputError).problems;
};

describe('the tables on a second thread', () => {
  it('publishes the same files, byte for byte, as one thread (a region, and England with ward tables and practices)', async () => {
    for (const [make, scope] of [[() => world(), 'region'], [() => governanceWorld(), 'england']] as const) {
      const one = await run(make().inputs, { scope });
      const two = await run(make().inputs, { scope, threads: true });
      expect([...two.files.keys()].sort()).toEqual([...one.files.keys()].sort());
      for (const [path, text] of one.files) expect(two.files.get(path), path).toBe(text);
      expect([...two.binary.keys()].sort()).toEqual([...one.binary.keys()].sort());
      for (const [path, bytes] of one.binary) expect(Buffer.compare(Buffer.from(two.binary.get(path)!), Buffer.from(bytes)), path).toBe(0);
    }
  });

  it('stops on a bad table with the same problems, file, row and column, as one thread', async () => {
    const bad = { 'synthetic/iod21.csv': readFileSync(join(import.meta.dirname, 'cases/duplicate-code/input/synthetic/iod21.csv'), 'utf8') };
    const one = await problemsOf(run(world(bad).inputs, { scope: 'region' }));
    const two = await problemsOf(run(world(bad).inputs, { scope: 'region', threads: true }));
    expect(one.map((p) => p.code)).toContain('DUPLICATE_CODE');
    expect(two).toEqual(one);
  });
});
