/**
 * Custom areas: the browser's profile (src/lib/custom.ts, from the published chunks) against
 * the pipeline's own profiles; the neighbourhoods.json entry it exports, rebuilt by the
 * pipeline; and the differencing attack on local data, on a SYNTHETIC dataset.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { councilOf, customProfile, figuresNote, readChunk, type CustomChunkFile, type CustomIndex, type ProfileIndicator } from '../../src/lib/custom.ts';
import type { Summary } from '../../src/lib/data.ts';
import { neighbourhoodEntry } from '../../src/lib/custom-export.ts';
import { poolLocal, type LocalPart } from '../../src/lib/aggregate.ts';
import { NeighbourhoodSchema } from '../schema.ts';
import { run } from '../run.ts';
import { cli, ROOT } from './helpers.ts';
import { world } from './fixture.ts';

const PUB = join(ROOT, 'public', 'data');
const readIn = (dir: string) => <T>(p: string): T => JSON.parse(readFileSync(join(dir, p), 'utf8')) as T;
const pub = readIn(PUB);
interface Nb { slug: string; name: string; lsoas2011: { code: string; change: string; partial: boolean }[]; lsoas2021: { code: string; change: string; partial: boolean }[]; lad: Record<string, { code: string }> }

/** The profile the custom page makes of a list of 2021 codes, from a build's files. */
function browserProfile(read: <T>(p: string) => T, codes: string[]) {
  const index = read<CustomIndex>('custom/index.json');
  const cat = read<{ indicators: (ProfileIndicator & { local?: unknown })[] }>('catalogue.json');
  const lads = [...new Set(codes.map((c) => councilOf(index, c)!))];
  const chunks = lads.map((l) => readChunk(read<CustomChunkFile>(index.chunks[l].path)));
  return { lads, chunks, profile: customProfile(index, chunks, cat.indicators.filter((i) => !i.local), codes) };
}

/**
 * A profile from profiles.json with its council as the custom page shows it: a figure of the whole
 * with its place among England's areas; for ranks and deciles their range and count in the most
 * deprived 10%. The rest exactly.
 */
function councilAsShown(profile: unknown) {
  const mark = (x: Summary) => (x.mean !== undefined ? { mean: x.mean, position: x.position } : { withValue: x.withValue, min: x.min, max: x.max, ...(x.mostDeprived10 ? { mostDeprived10: { areas: x.mostDeprived10.areas } } : {}) });
  return Object.fromEntries(Object.entries(profile as Record<string, { lad: Summary }>).map(([id, x]) => [id, { ...x, lad: JSON.parse(JSON.stringify(mark(x.lad))) }]));
}

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a custom area is profiled by the build\'s own rules', () => {
  const nbs = pub<{ neighbourhoods: Nb[] }>('neighbourhoods.json').neighbourhoods;
  const profiles = pub<Record<string, Record<string, unknown>>>('profiles.json');

  it('for each of the neighbourhoods, the browser\'s profile of its 2021 LSOA list equals profiles.json exactly', () => {
    expect(nbs.length).toBeGreaterThan(0);
    for (const n of nbs) {
      const { profile } = browserProfile(pub, n.lsoas2021.map((m) => m.code));
      expect(Object.keys(profile.summaries).sort(), n.slug).toEqual(Object.keys(profiles[n.slug]).sort());
      // The council beside it as the page shows it (src/lib/custom.ts councilMarks); everything else exactly.
      expect(profile.summaries, n.slug).toEqual(councilAsShown(profiles[n.slug]));
      // Both vintages' lists, and the councils compared with, as the pipeline derived them.
      expect(profile.lsoas2021, n.slug).toEqual(n.lsoas2021);
      expect(profile.lsoas2011, n.slug).toEqual(n.lsoas2011);
      expect(profile.lad[2021].code).toBe(n.lad['2021'].code);
      expect(profile.lad[2011].code).toBe(n.lad['2011'].code);
    }
  });

  it('fetches only the chunks of its councils, and a chunk holds nothing its values files do not publish', () => {
    const index = pub<CustomIndex>('custom/index.json');
    const areas = pub<{ codes: string[]; lad: string[] }>('areas/lsoa-2021.json');
    // Every small area in scope is found in its own council's chunk, by the index's runs.
    areas.codes.forEach((code, k) => expect(councilOf(index, code), code).toBe(areas.lad[k]));
    expect(councilOf(index, 'E01999999')).toBeUndefined();
    const file = pub<CustomChunkFile>(index.chunks[areas.lad[0]].path);
    const chunk = readChunk(file);
    const values = pub<{ values: (number | null)[]; suppressed: number[] }>('values/census21-no-car.json');
    chunk.a2021.codes.forEach((code, k) => {
      const at = areas.codes.indexOf(code);
      const { n, d } = chunk.values['census21-no-car'];
      const share = n![k] === null ? null : Math.round((n![k]! / d![k]!) * 1000) / 10;
      expect(share, code).toBe(values.values[at]);
    });
    // A shared list of denominators is written once: an indicator naming another's reads exactly the list it would have carried.
    const named = Object.entries(file.values).filter(([, x]) => typeof x.d === 'string');
    expect(named.length).toBeGreaterThan(0);
    for (const [id, x] of named) {
      expect(Array.isArray(file.values[x.d as string].d), id).toBe(true);
      chunk.a2021.codes.forEach((code, k) => { if (chunk.values[id].n![k] === null) expect(chunk.values[id].d![k], `${id} ${code}`).toBeNull(); });
    }
    // Each area's deciles across the editions are change.json's, the first of each edition's [decile, rank, lowest, highest].
    const change = pub<{ codes: string[]; flag: string[]; values: (number[] | null)[][] }>('change.json');
    const deciles = chunk.a2021.codes.map((code) => change.values[change.codes.indexOf(code)].map((e) => (e === null ? null : e[0])));
    expect(chunk.change!.map((x) => x!.deciles)).toEqual(deciles);
    expect(deciles.flat().filter((d) => d !== null).length).toBeGreaterThan(0);
    expect(() => readChunk({ ...file, values: { ...file.values, x: { n: [1], d: 'nowhere', suppressed: [] } } })).toThrow(/x names nowhere/);
    // Read, every indicator of counts has its own list of denominators, one per area.
    for (const [id, x] of Object.entries(chunk.values)) if (x.n) expect(x.d?.length, id).toBe(x.n.length);
  });

  it('a chunk carries each figure as its source states it: a scaled proportion or a sum of columns without floating-point noise', () => {
    const index = pub<CustomIndex>('custom/index.json');
    const text = readFileSync(join(PUB, index.chunks['E08000012'].path), 'utf8');
    // 0.398 read as a percentage is 39.8, never 39.800000000000004 or 28.999999999999996.
    expect(text.match(/\d\.\d*(0{6,}|9{6,})\d/g) ?? []).toEqual([]);
    const chunk = readChunk(JSON.parse(text) as CustomChunkFile);
    const scaled = Object.keys(chunk.values).filter((id) => chunk.values[id].v?.some((x) => x !== null && !Number.isInteger(x)));
    expect(scaled.length).toBeGreaterThan(10);
  });

  it('an area across two councils names both, and its exported neighbourhoods.json entry, rebuilt by the pipeline, gives the same profile', () => {
    const pick = (slug: string) => nbs.find((n) => n.slug === slug)!.lsoas2021.map((m) => m.code);
    const codes = [...pick('stockbridge-village'), ...pick('old-swan')];
    const { lads, profile } = browserProfile(pub, codes);
    expect(lads.sort()).toEqual(['E08000011', 'E08000012']);
    expect(profile.councils.map((c) => c.name).sort()).toEqual(['Knowsley', 'Liverpool']);
    expect(profile.councils.reduce((s, c) => s + c.areas, 0)).toBe(codes.length);
    // The IMD 2025 decile of each area, read from the raw file without the pipeline.
    const raw = gunzipSync(readFileSync(join(ROOT, 'data/raw/iod2025/iod2025_domains_scores_ranks_deciles.csv.gz'))).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.split(','));
    const col = raw[0].indexOf('IMD_decile');
    const deciles = codes.map((c) => Number(raw.find((r) => r[0] === c)![col]));
    expect(profile.summaries['iod25-imd-decile'].neighbourhood.mostDeprived10!.areas).toBe(deciles.filter((d) => d === 1).length);
    expect(profile.summaries['iod25-imd-decile'].neighbourhood.withValue).toBe(codes.length);

    // Close the loop: the entry goes into a copy of data/, the pipeline builds it as a neighbourhood.
    const entry = neighbourhoodEntry(profile, 'East Liverpool test area', 'http://127.0.0.1/custom/?lsoas=' + codes.join(','));
    expect(() => NeighbourhoodSchema.parse(entry)).not.toThrow();
    const dir = mkdtempSync(join(tmpdir(), 'atlas-custom-'));
    tmp.push(dir);
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    const nbPath = join(dir, 'data/config/neighbourhoods.json');
    const cfg = JSON.parse(readFileSync(nbPath, 'utf8'));
    cfg.neighbourhoods.push(entry);
    writeFileSync(nbPath, JSON.stringify(cfg, null, 2));
    const r = cli(['--data', join(dir, 'data'), '--out', join(dir, 'out'), '--quiet']);
    expect(r.code, r.stderr).toBe(0); // the lists are as the build derives them: no NEIGHBOURHOOD_LSOAS_STALE
    const rebuilt = readIn(join(dir, 'out'))<Record<string, unknown>>('profiles.json');
    expect(profile.summaries).toEqual(councilAsShown(rebuilt[entry.slug]));
  }, 120_000);
});

describe('local data in custom areas: the differencing attack (SYNTHETIC dataset)', () => {
  const META = { title: 'Synthetic survey for the differencing test', synthetic: true, collectedBy: 'Test fixture (SYNTHETIC: invented values, not real places)', method: 'survey', period: '2026', licence: 'Test fixture', sourceUrl: 'https://example.org/synthetic', contact: 'nobody@example.org',
    disclosureControl: { applies: true, minCount: 5, minDenominator: 10 },
    indicators: [{ id: 'syn-trust', label: 'Trust neighbours', description: 'SYNTHETIC survey share.', domain: 'social-relationships', level: 'lsoa', vintage: 2021, unit: 'percent', polarity: 'lower-worse', denominator: 'Residents answering', decimals: 1 }] };
  const AREAS = ['E01900001', 'E01900002', 'E01900003', 'E01800004'];
  // E01900003 answers from 8 people: below minDenominator, so the pipeline suppresses it. Two worlds differ only in its hidden count.
  const csv = (hidden: number) => ['indicator,area_code,value,numerator,denominator,sample_size,lower_ci,upper_ci,status,note,source_url',
    `syn-trust,E01900001,62.5,50,80,80,,,value,,`, `syn-trust,E01900002,40,10,25,25,,,value,,`, `syn-trust,E01900003,${(hidden / 8) * 100},${hidden},8,8,,,value,,`, `syn-trust,E01800004,55,22,40,40,,,value,,`].join('\n') + '\n';
  const build = (hidden: number) => {
    const w = world();
    return run({ ...w.inputs, local: [{ dataset: 'synthetic-trust', metadata: JSON.stringify(META), values: csv(hidden) }] }, { scope: 'region' });
  };
  const subsets = (xs: string[]) => xs.reduce<string[][]>((all, x) => [...all, ...all.map((s) => [...s, x])], [[]]).filter((s) => s.length > 0);
  const partsOf = (files: Map<string, string>, codes: string[]): LocalPart[] => {
    const index = JSON.parse(files.get('custom/index.json')!) as CustomIndex;
    const parts: LocalPart[] = [];
    for (const { path } of Object.values(index.chunks)) {
      const chunk = readChunk(JSON.parse(files.get(path)!) as CustomChunkFile);
      chunk.a2021.codes.forEach((code, k) => { const p = chunk.local['syn-trust']?.[k]; if (codes.includes(code) && p) parts.push(p); });
    }
    return parts;
  };

  it('publishes the same bytes whatever the hidden value is, so no pair of selections can recover it', async () => {
    const [a, b] = await Promise.all([build(4), build(1)]);
    const ind = { unit: 'percent', decimals: 1 };
    // The chunks the browser fetches, the values files and local.json: byte-identical between the two worlds.
    const published = [...a.files.keys()].filter((p) => p.startsWith('custom/') || p.startsWith('values/') || p === 'local.json');
    expect(published.some((p) => p.startsWith('custom/') && p !== 'custom/index.json' && !p.startsWith('custom/geo/'))).toBe(true);
    for (const p of published) expect(b.files.get(p), p).toBe(a.files.get(p));
    const inScope = AREAS.filter((c) => partsOf(a.files, [c]).length === 1);
    expect(inScope).toContain('E01900003');
    expect(partsOf(a.files, ['E01900003'])[0]).toEqual({ status: 'suppressed', value: null, numerator: null, denominator: null, sampleSize: null });
    // Every selection, and every selection with one more area: a pair that differs by the hidden area never has two figures.
    for (const s of subsets(inScope)) {
      const fig = poolLocal(ind, partsOf(a.files, s));
      expect(fig.status === 'suppressed', s.join(' ')).toBe(s.includes('E01900003'));
      if (!s.includes('E01900003')) {
        const withHidden = poolLocal(ind, partsOf(a.files, [...s, 'E01900003']));
        expect(withHidden.status).toBe('suppressed');
        expect(withHidden.numerator).toBeNull();
      }
    }
  });

  it('the custom page\'s profile pools the published parts, and has no figure for a selection holding the suppressed area', async () => {
    const a = await build(4);
    const read = <T>(p: string): T => JSON.parse(a.files.get(p)!) as T;
    const index = read<CustomIndex>('custom/index.json');
    expect(index.local.map((l) => [l.id, l.unit, l.vintage])).toEqual([['syn-trust', 'percent', 2021]]);
    const profileOf = (codes: string[]) => customProfile(index, [...new Set(codes.map((c) => councilOf(index, c)!))].map((l) => readChunk(read<CustomChunkFile>(index.chunks[l].path))), [], codes).local['syn-trust'];
    // (50 + 10) / (80 + 25) = 57.142…%, to one decimal: worked by hand.
    expect(profileOf(['E01900001', 'E01900002'])).toEqual({ status: 'value', value: 57.1, numerator: 60, denominator: 105, sampleSize: 105 });
    expect(profileOf(['E01900001', 'E01900002', 'E01900003']).status).toBe('suppressed');
    expect(profileOf(['E01900001', 'E01900002', 'E01900003']).numerator).toBeNull();
  });

  it('shows the attack the rule stops: pooling the hidden counts would let the difference of two selections recover them', () => {
    // The attack, against a rule that pooled every area's true counts: A and A plus the hidden area.
    const truth = (hidden: number): Record<string, LocalPart> => ({
      E01900001: { status: 'value', value: 62.5, numerator: 50, denominator: 80, sampleSize: 80 },
      E01900003: { status: 'value', value: null, numerator: hidden, denominator: 8, sampleSize: 8 },
    });
    for (const hidden of [1, 4]) {
      const t = truth(hidden);
      const leakyA = poolLocal({ unit: 'percent', decimals: 1 }, [t.E01900001]);
      const leakyAB = poolLocal({ unit: 'percent', decimals: 1 }, [t.E01900001, t.E01900003]);
      expect(leakyAB.numerator! - leakyA.numerator!).toBe(hidden);
    }
  });
});

describe("a custom area's note on its figures (SYNTHETIC names)", () => {
  const m = (code: string) => ({ code }) as never;
  const lad = { 2021: { code: 'E06000001', name: 'Northtown' }, 2011: { code: 'E06000001', name: 'Northtown' } };
  it('says one small area\'s figures are its own, and names the council it lies in', () => {
    expect(figuresNote({ lsoas2021: [m('E01000001')], lad, councils: [{ code: 'E06000001', name: 'Northtown', areas: 1 }] }, 'the North West')).toBe("Each figure is the small area's own: for Census and fuel poverty percentages, the share of its households or residents. It is compared with Northtown, the council it lies in, the North West and England.");
  });
  it('says several are combined, in one council or across two', () => {
    expect(figuresNote({ lsoas2021: [m('E01000001'), m('E01000002')], lad, councils: [{ code: 'E06000001', name: 'Northtown', areas: 2 }] }, 'the North West')).toBe('Each figure is for the whole area: a population-weighted average of its small areas, or for Census and fuel poverty percentages the share of all its households or residents. It is compared with Northtown, the council they lie in, the North West and England.');
    expect(figuresNote({ lsoas2021: [m('E01000001'), m('E01000002'), m('E01000003')], lad, councils: [{ code: 'E06000001', name: 'Northtown', areas: 2 }, { code: 'E06000002', name: 'Southville', areas: 1 }] }, 'the North West')).toContain('It is compared with Northtown, where most of its small areas lie (the table gives Southville too), the North West and England.');
  });
});

