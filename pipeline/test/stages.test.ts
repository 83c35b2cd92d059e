import { describe, expect, it } from 'vitest';
import { englandCuts, englandRanking, summarise } from '../stages/aggregate.ts';
import { positionOf, tiedShareOf } from '../../src/lib/aggregate.ts';
import { englandWords } from '../../src/lib/plain.ts';
import { classOf, deriveBreaks } from '../stages/derive.ts';
import { indexByCode, joinReport } from '../stages/join.ts';
import { crossVintage } from '../stages/neighbourhoods.ts';
import { verifySources, sha256 } from '../stages/provenance.ts';
import { STATUS, type Series } from '../stages/values.ts';
import type { Indicator } from '../schema.ts';

const ind = (extra: Partial<Indicator>): Indicator => ({ id: 'x', label: 'x', shortLabel: 'x', description: 'x', table: 't', column: 'c', unit: 'score', decimals: 1, polarity: 'higher-worse', edition: 'e', classification: { method: 'quantile', classes: 4, over: 'england' }, family: 'x', ...extra }) as Indicator;
const series = (indicator: Indicator, values: (number | 'm' | 's')[]): Series => ({
  indicator,
  values: Float64Array.from(values.map((v) => (typeof v === 'number' ? v : NaN))),
  status: Uint8Array.from(values.map((v) => (v === 'm' ? STATUS.missing : v === 's' ? STATUS.suppressed : STATUS.value))),
});

describe('provenance', () => {
  it('names a file whose bytes no longer match sources.json, and a missing one', () => {
    const sources = { sources: [{ id: 's', title: 't', publisher: 'p', edition: 'e', url: 'https://x', retrieved: '2026-01-01', licence: { name: 'n', id: 'i', url: 'https://x' }, attribution: 'a', files: [{ path: 'a.csv', sha256: sha256('old'), bytes: 3 }, { path: 'b.csv', sha256: sha256('b'), bytes: 1 }] }] };
    const problems = verifySources(sources, new Map([['a.csv', new Uint8Array(Buffer.from('new'))]]));
    expect(problems.map((p) => [p.code, p.file])).toEqual([['HASH_MISMATCH', 'raw/a.csv'], ['MISSING_FILE', 'raw/b.csv']]);
    expect(problems[0].fix).toMatch(/sources\.json/);
  });
});

describe('join', () => {
  it('reports every duplicate and malformed code with its row', () => {
    const problems: never[] = [];
    const t = { file: 'f.csv', header: ['code'], rows: [['E01000001'], ['E01000001'], ['E1'], [' E01000002 ']], lines: [2, 3, 4, 5] };
    const idx = indexByCode(t, 'code', /^E01\d{6}$/, problems, 'test');
    expect([...idx.keys()]).toEqual(['E01000001']);
    // A padded code is an error, not trimmed silently.
    expect((problems as { code: string; row: number }[]).map((p) => [p.code, p.row])).toEqual([['DUPLICATE_CODE', 3], ['BAD_CODE', 4], ['BAD_CODE', 5]]);
  });

  it('join reports matched / total and samples of what did not match on each side', () => {
    const r = joinReport('left', ['a', 'b', 'c'], 'right', new Set(['b', 'c', 'd', 'e']));
    expect(r).toMatchObject({ leftRows: 3, rightRows: 4, matched: 2, leftUnmatched: { count: 1, samples: ['a'] }, rightUnmatched: { count: 2, samples: ['d', 'e'] } });
  });
});

describe('neighbourhoods across vintages', () => {
  const lookup = { changeCodes: { U: 'unchanged', S: 'split', M: 'merged', X: 'redrawn' }, pairs: [
    { from: 'A', to: 'A1', change: 'S' }, { from: 'A', to: 'A2', change: 'S' },
    { from: 'B', to: 'BC', change: 'M' }, { from: 'C', to: 'BC', change: 'M' }, { from: 'D', to: 'D', change: 'U' },
  ] };
  it('a split LSOA gives all its parts; a merge with an outside LSOA is partial', () => {
    expect(crossVintage(new Set(['A', 'B']), lookup, 'forward')).toEqual([
      { code: 'A1', change: 'split', partial: false }, { code: 'A2', change: 'split', partial: false }, { code: 'BC', change: 'merged', partial: true },
    ]);
  });
  it('going back, a part of a split LSOA makes its parent partial', () => {
    expect(crossVintage(new Set(['A1', 'D']), lookup, 'backward')).toEqual([{ code: 'A', change: 'split', partial: true }, { code: 'D', change: 'unchanged', partial: false }]);
  });
});

describe('aggregate', () => {
  it('places a figure among England\'s areas from 200 cut points, exact at whole hundredths and otherwise the middle of the hundredth', () => {
    // England (synthetic): 10, 20, 20, 30; the figures have no decimals, means one. Worked by hand:
    // below 10: none (0); at 10: half of one area of four (0.125, between 0.12 and 0.13); 15: one of four (0.25);
    // at 20: one below and two tied, halved (2 of 4: 0.5); 25 and 20.1: three (0.75); at 30: 3.5 of 4 (0.875); above: 1.
    const cuts = englandCuts({ sorted: Float64Array.from([10, 20, 20, 30]) }, { unit: 'score', decimals: 0 });
    expect(cuts).toHaveLength(200);
    const at = (v: number) => positionOf(cuts, v);
    expect([5, 10, 15, 19.9, 20, 20.1, 25, 30, 35].map(at)).toEqual([0, 0.125, 0.25, 0.25, 0.5, 0.75, 0.75, 0.875, 1]);
  });
  it('knows the share of England tied at a figure, so 0% where most areas have none is "the same as", not "the middle"', () => {
    // England (synthetic): 96 areas at 0, 4 at 50; ties count half, so 0 sits at position 0.48.
    const sorted = Float64Array.from([...Array(96).fill(0), 50, 50, 50, 50]);
    const cuts = englandCuts({ sorted }, { unit: 'percent', decimals: 1 });
    expect(positionOf(cuts, 0)).toBe(0.48);
    expect(tiedShareOf(cuts, 0)).toBe(0.96);
    expect(tiedShareOf(cuts, 50)).toBe(0.04);
    expect(tiedShareOf(cuts, 25)).toBe(0);
    // A group at 0: its summary carries the tie, and the words say so.
    const pct = ind({ unit: 'percent', decimals: 1 });
    const s = summarise(series(pct, [0, 0]), [0, 1], Float64Array.from([1, 1]), cuts);
    expect(s).toMatchObject({ mean: 0, position: 0.48, tied: 0.96 });
    expect(englandWords(pct, s)).toBe('the same as 9 in 10 areas of England');
    expect(englandWords(pct, { position: 0.48 })).toBe("near the middle of England's areas");
    // A group at 50 (4% of England tied): no tie recorded, the usual words.
    const high = summarise(series(pct, [50]), [0], Float64Array.from([1]), cuts);
    expect(high.tied).toBeUndefined();
    // 96 below and half of the 4 tied: 0.98 of England is below 50.
    expect(englandWords(pct, high)).toBe('worse than almost all areas of England');
  });
  it('weights means by population and counts missing and suppressed apart from zero', () => {
    const s = summarise(series(ind({}), [10, 20, 'm', 's', 0]), [0, 1, 2, 3, 4], Float64Array.from([100, 300, 50, 50, 100]));
    // (10*100 + 20*300 + 0*100) / 500 = 14
    expect(s).toMatchObject({ areas: 5, withValue: 3, missing: 1, suppressed: 1, mean: 14, min: 0, max: 20 });
  });
  it('pools percentages built from counts', () => {
    const sr = series(ind({ unit: 'percent', column: undefined, numerator: ['n'], denominator: 'd' }), [50, 10]);
    sr.counts = { num: Float64Array.from([5, 90]), den: Float64Array.from([10, 900]) };
    // pooled: (5 + 90) / (10 + 900) = 10.44%, where the mean of the two rates would be 30%
    expect(summarise(sr, [0, 1], Float64Array.from([1, 1])).mean).toBe(10.44);
  });
  it('counts areas and people in the most deprived decile and quintile', () => {
    const s = summarise(series(ind({ unit: 'decile', decimals: 0 }), [1, 2, 1, 5]), [0, 1, 2, 3], Float64Array.from([100, 200, 300, 400]));
    expect(s.deciles).toEqual([2, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(s.mostDeprived10).toEqual({ areas: 2, share: 0.5, population: 400, populationShare: 0.4 });
    expect(s.mostDeprived20).toEqual({ areas: 3, share: 0.75, population: 600, populationShare: 0.6 });
    expect(s.mean).toBeUndefined();
  });
});

describe('derive', () => {
  it('deciles get fixed breaks: decile 1 is class 0, decile 10 class 9', () => {
    const b = deriveBreaks(series(ind({ unit: 'decile', classification: { method: 'decile' }, polarity: 'lower-worse' }), [1, 10]), []);
    expect(b).toMatchObject({ classes: 10, worse: 'low' });
    expect([1, 2, 9, 10].map((d) => classOf(d, b.breaks))).toEqual([0, 1, 8, 9]);
  });
  it('quantile breaks split England into classes of equal count, on published rounding', () => {
    const b = deriveBreaks(series(ind({}), [1, 2, 3, 4, 5, 6, 7, 8, 'm']), [0]);
    expect(b.breaks).toEqual([2.8, 4.5, 6.3]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((v) => classOf(v, b.breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
  it('gives the lowest value a class of its own when it holds a whole class or more (most areas at 0%)', () => {
    // Synthetic: 12 areas at 0 and 4 above, in 5 classes. Quantiles alone give the one break 0 ("below 0" and "0 or more"): one colour.
    const values = [...Array(12).fill(0), 10, 20, 30, 100];
    const b = deriveBreaks(series(ind({ classification: { method: 'quantile', classes: 5, over: 'england' } }), values), [0]);
    expect(b.floor).toBe(0);
    expect(b.breaks[0]).toBe(10);
    // Zeros alone in class 0; the four above spread over the other classes by quantile (of 10, 20, 30, 100).
    expect(values.map((v) => classOf(v, b.breaks))).toEqual([...Array(12).fill(0), 1, 2, 3, 4]);
    expect(b.classes).toBe(b.breaks.length + 1);
  });
  it('gives the same breaks from England\'s figures sorted beforehand (the comparisons\' rankings) as from its series (synthetic)', () => {
    // Values at three decimals, rounded to the indicator's one, with ties and a run at the bottom; some areas missing.
    let seed = 11;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values: (number | 'm')[] = Array.from({ length: 400 }, (_, i) => (i % 37 === 0 ? 'm' : i % 5 === 0 ? 0 : Math.round(rand() * 100000) / 1000));
    for (const classification of [{ method: 'quantile', classes: 5, over: 'england' }, { method: 'quantile', classes: 7, over: 'england' }] as const) {
      const s = series(ind({ classification }), values);
      const sorted = englandRanking(s).sorted;
      expect(deriveBreaks(s, [0], sorted)).toEqual(deriveBreaks(s, [0]));
    }
    // The breaks do depend on the figures, so the comparison can fail.
    expect(deriveBreaks(series(ind({}), values), [0], Float64Array.from([1, 2, 3, 4]))).not.toEqual(deriveBreaks(series(ind({}), values), [0]));
  });
  it('keeps plain quantiles when the lowest value is rarer than a class', () => {
    const b = deriveBreaks(series(ind({ classification: { method: 'quantile', classes: 4, over: 'england' } }), [0, 0, 1, 2, 3, 4, 5, 6]), [0]);
    expect(b.floor).toBeUndefined();
    // By hand (quantiles interpolate between neighbours, as in the test above): at (8 - 1) x 0.25 = 1.75, 0 + 0.75 x (1 - 0) = 0.75; at 3.5, 2.5; at 5.25, 4.25.
    expect(b.breaks).toEqual([0.8, 2.5, 4.3]);
  });
});
