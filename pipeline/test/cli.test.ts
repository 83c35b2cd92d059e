import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { world, writeWorld } from './fixture.ts';
import { cli, ROOT, snapshotDir } from './helpers.ts';

const temps: string[] = [];
const temp = () => { const d = mkdtempSync(join(tmpdir(), 'atlas-cli-')); temps.push(d); return d; };
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function builtWorld() {
  const data = temp();
  const out = join(temp(), 'data');
  writeWorld(data, world());
  const first = cli(['--data', data, '--out', out, '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  return { data, out, before: snapshotDir(out) };
}

describe('pipeline CLI on bad input', () => {
  it('a changed raw file is a named error, exit 1, and the previous output is untouched', () => {
    const { data, out, before } = builtWorld();
    writeFileSync(join(data, 'raw/synthetic/iod21.csv'), 'LSOA21CD,IMD_score,IMD_decile\nE01900001,99,1\n');
    const r = cli(['--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HASH_MISMATCH: raw/synthetic/iod21.csv');
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // a user error shows no stack trace
    expect(snapshotDir(out)).toEqual(before);
  });

  it('a missing raw file is named, with how to restore it', () => {
    const { data, out, before } = builtWorld();
    rmSync(join(data, 'raw/synthetic/pop11.csv'));
    const r = cli(['--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MISSING_FILE: raw/synthetic/pop11.csv');
    expect(snapshotDir(out)).toEqual(before);
  });

  it('an unknown ward and an unknown LSOA in the neighbourhood file are both reported', () => {
    const { data, out, before } = builtWorld();
    const w = world();
    const nb = w.config.neighbourhoods as { neighbourhoods: { derivation: { wards?: { code: string }[]; lsoas?: string[] } }[] };
    nb.neighbourhoods[0].derivation.wards![0].code = 'E05999999';
    nb.neighbourhoods[1].derivation.lsoas![0] = 'E01777777';
    writeWorld(data, w);
    const r = cli(['--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('UNKNOWN_WARD: config/neighbourhoods.json, column "neighbourhoods.0.derivation.wards"');
    expect(r.stderr).toContain('UNKNOWN_LSOA: config/neighbourhoods.json');
    expect(r.stderr).toContain('E01777777');
    expect(snapshotDir(out)).toEqual(before);
  });

  it('invalid JSON in a config file names the file', () => {
    const { data, out } = builtWorld();
    writeFileSync(join(data, 'config/indicators.json'), '{"indicators": [');
    const r = cli(['--data', data, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('INVALID_JSON: config/indicators.json');
  });

  it('stale neighbourhood LSOA lists fail, and --update-neighbourhoods rewrites them from the derivation', () => {
    const { data, out } = builtWorld();
    const w = world();
    const nb = w.config.neighbourhoods as { neighbourhoods: { lsoas2011: unknown[] }[] };
    nb.neighbourhoods[0].lsoas2011 = [];
    writeWorld(data, w);
    const stale = cli(['--data', data, '--out', out]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('NEIGHBOURHOOD_LSOAS_STALE');
    const fixed = cli(['--data', data, '--out', out, '--update-neighbourhoods', '--quiet']);
    expect(fixed.code, fixed.stderr).toBe(0);
    const rewritten = JSON.parse(readFileSync(join(data, 'config/neighbourhoods.json'), 'utf8'));
    expect(rewritten.neighbourhoods[0].lsoas2011.map((m: { code: string }) => m.code)).toEqual(['E01800001', 'E01800002']);
    expect(cli(['--data', data, '--out', out, '--quiet']).code).toBe(0);
  });

  it('an unknown option is explained', () => {
    const r = cli(['--sope', 'england']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('BAD_ARGUMENT');
  });

  it('npm run build hands its options to the pipeline, and builds no site when the pipeline fails', () => {
    const r = spawnSync('npm', ['run', 'build', '--', '--scope', 'wales'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--scope takes "region" or "england"');
    expect(r.stdout).not.toMatch(/^> \S+ site$/m);
  });

  it('a tile budget that is not a whole number of bytes is explained', () => {
    const r = cli(['--tile-budget', '250KB']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--tile-budget takes a whole number of bytes');
  });
});
