/**
 * Golden scenarios: each folder in cases/ holds input/ (raw files replacing those of the
 * synthetic world) and expected/ (normalised outputs). Goldens are updated on purpose with
 * `npx vitest run -u`, then reviewed; CI never writes them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { run } from '../run.ts';
import { world } from './fixture.ts';
import { countsGivenAway, recoverableByDifference } from './disclosure.ts';

const CASES = join(import.meta.dirname, 'cases');

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Raw-file overrides from input/ (except input/local), and local datasets from input/local/<dataset>/. */
function build(name: string) {
  const all = filesUnder(join(CASES, name, 'input'));
  const raw = Object.fromEntries(Object.entries(all).filter(([p]) => !p.startsWith('local/')));
  const w = world(raw);
  const local = [...new Set(Object.keys(all).filter((p) => p.startsWith('local/')).map((p) => p.split('/')[1]))].sort().map((dataset) => ({ dataset, metadata: all[`local/${dataset}/dataset.json`] ?? '', values: all[`local/${dataset}/values.csv`] ?? '' }));
  return run({ ...w.inputs, local }, { scope: 'region' });
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

describe('golden scenarios', () => {
  for (const name of readdirSync(CASES).sort()) {
    const scenario = JSON.parse(readFileSync(join(CASES, name, 'scenario.json'), 'utf8')) as { description: string; fails?: boolean; sameOutputAs?: string };
    it(`${name}: ${scenario.description}`, async () => {
      const expected = join(CASES, name, 'expected');
      if (scenario.fails) {
        let error: unknown;
        try { await build(name); } catch (e) { error = e; }
        expect(error).toBeInstanceOf(InputError);
        const problems = (error as InputError).problems.map(({ code, file, row, column, value }) => ({ code, file, row, column, value }));
        await expect(pretty(problems)).toMatchFileSnapshot(join(expected, 'problems.json'));
        return;
      }
      const result = await build(name);
      const values = Object.fromEntries([...result.files].filter(([p]) => p.startsWith('values/')).map(([p, t]) => [p, JSON.parse(t)]));
      const profiles = JSON.parse(result.files.get('profiles.json')!);
      const nb = JSON.parse(result.files.get('neighbourhoods.json')!).neighbourhoods.map((n: { slug: string; lsoas2011: unknown; lsoas2021: unknown }) => ({ slug: n.slug, lsoas2011: n.lsoas2011, lsoas2021: n.lsoas2021, summaries: profiles[n.slug] }));
      const { tables, boundaries, vintageLookup, indicators, neighbourhoods } = result.report;
      await expect(pretty({ tables, boundaries, vintageLookup, indicators, neighbourhoods })).toMatchFileSnapshot(join(expected, 'report.json'));
      await expect(pretty(values)).toMatchFileSnapshot(join(expected, 'values.json'));
      await expect(pretty(nb)).toMatchFileSnapshot(join(expected, 'neighbourhoods.json'));
      const local = JSON.parse(result.files.get('local.json')!);
      if (local.datasets.length) {
        await expect(pretty(local)).toMatchFileSnapshot(join(expected, 'local.json'));
        const members = Object.fromEntries(JSON.parse(result.files.get('neighbourhoods.json')!).neighbourhoods.map((n: { slug: string; lsoas2011: { code: string }[]; lsoas2021: { code: string }[] }) => [n.slug, { 2011: n.lsoas2011.map((m) => m.code), 2021: n.lsoas2021.map((m) => m.code) }]));
        expect(recoverableByDifference(local, members)).toEqual([]);
        expect(countsGivenAway(local)).toEqual([]);
        for (const p of [...result.files.keys()].filter((f) => f.startsWith('downloads/local/'))) await expect(result.files.get(p)!).toMatchFileSnapshot(join(expected, p));
      }
      if (scenario.sameOutputAs) {
        const other = await build(scenario.sameOutputAs);
        // Input hashes differ by design (manifest, report, the catalogue's sources); every other byte must not.
        const strip = (path: string, text: string) => (path === 'catalogue.json' ? JSON.stringify({ ...JSON.parse(text), sources: null }) : text);
        for (const [path, text] of other.files) {
          if (path === 'manifest.json' || path === 'build-report.json') continue;
          expect(strip(path, result.files.get(path)!), path).toBe(strip(path, text));
        }
      }
    });
  }
});

describe('clean-join, checked by hand (not from the goldens)', () => {
  it('gives the population-weighted mean, the pooled percentage and the most-deprived share worked out on paper', async () => {
    const profiles = JSON.parse((await build('clean-join')).files.get('profiles.json')!);
    const hood = profiles['ward-hood'];
    // ward-hood 2021 = E01900001 (40, 200 residents), E01900002 (30, 300), E01900003 (20, 400): (8000 + 9000 + 8000) / 900
    expect(hood['synth-score-21'].neighbourhood.mean).toBe(27.78);
    // households renting privately: (50 + 25 + 20) / (100 + 100 + 200) = 23.75%
    expect(hood['synth-rented'].neighbourhood.mean).toBe(23.75);
    // decile 1: only E01900001, 200 of 900 residents
    expect(hood['synth-decile-21'].neighbourhood.mostDeprived10).toEqual({ areas: 1, share: 0.3333, population: 200, populationShare: 0.2222 });
    // its local authority (Testshire) adds E01800004 (10, 100 residents): (25000 + 1000) / 1000
    expect(hood['synth-score-21'].lad.mean).toBe(26);
    // where 27.78 falls in England's five values (5, 10, 20, 30, 40): above three of them
    expect(hood['synth-score-21'].neighbourhood.position).toBe(0.6);
  });

  it('sums Output Areas to LSOAs and pools the sums, as worked out on paper', async () => {
    const result = await build('clean-join');
    const values = JSON.parse(result.files.get('values/synth-no-car.json')!);
    // E01900001 = OAs 1 and 2: (30 + 10) / (60 + 40) = 40%; E01900002 = OA 3: 5 / 100; E01900003 = OAs 4 and 5: (60 + 20) / (120 + 80) = 40%; E01800004 = OA 6: 50%
    const codes: string[] = JSON.parse(result.files.get('areas/lsoa-2021.json')!).codes;
    expect(Object.fromEntries(codes.map((c, i) => [c, values.values[i]]))).toEqual({ E01900001: 40, E01900002: 5, E01900003: 40, E01800004: 50 });
    // ward-hood: (40 + 5 + 80) / (100 + 100 + 200) = 31.25%
    expect(JSON.parse(result.files.get('profiles.json')!)['ward-hood']['synth-no-car'].neighbourhood.mean).toBe(31.25);
    // every Output Area row accounted for: 7 read, 7 summed; 6 in the region's LSOAs, 1 (OA 7, in Otherton) outside
    const t = result.report.tables.find((x) => x.table === 'oa21-cars')!;
    expect(t.finer).toMatchObject({ rowsRead: 7, summed: 7, rowsInScope: 6, rowsOutsideScope: 1, lsoas: 5 });
    expect(result.report.finerLookups[0]).toMatchObject({ rows: 7, parents: 5, parentsWithoutChildren: { count: 0 } });
  });
});
