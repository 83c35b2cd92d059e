/**
 * The raw reader (pipeline/stages/reader.ts) on the SYNTHETIC world with GP practices: a table
 * two stages read is parsed once, its problems reported once, and no more reads are allowed than
 * the config makes.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors.ts';
import type { Config } from '../schema.ts';
import { rawReader } from '../stages/reader.ts';
import { validateConfig } from '../stages/validate.ts';
import { governanceWorld, POSTCODES } from './fixture.ts';

describe('the raw reader', () => {
  it('parses a file that two parts of the config name once, and reports its problems once', () => {
    // A ragged row in the practices' postcode file, which the config is made to name twice.
    const w = governanceWorld({ 'synthetic/postcodes.csv': `${POSTCODES}TE3 3CC\n` });
    const { config } = validateConfig(w.inputs.config);
    const cfg = config as Config;
    const file = cfg.primaryCare!.postcodes.file;
    cfg.primaryCare = { ...cfg.primaryCare!, file };
    const problems: Problem[] = [];
    const read = rawReader(cfg, w.inputs.files, problems);
    const first = read.csv(file);
    expect(problems.map((p) => [p.code, p.row])).toEqual([['RAGGED_ROW', 4]]);
    expect(first.rows.map((r) => r[0])).toEqual(['TE1 1AA', 'TE2 2BB', 'TE3 3CC']);
    expect(read.csv(file)).toBe(first);
    expect(problems).toHaveLength(1);
    expect(w.inputs.files.has(file)).toBe(false);
    expect(() => read.csv(file)).toThrow(/read more often than the config refers to it/);
  });
});
