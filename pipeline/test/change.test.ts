/**
 * The change stage on a SYNTHETIC crosswalk worked out by hand: one 2021 area of each kind
 * (unchanged, split, merged, redrawn), an earlier edition's rank and decile carried to it, and
 * the change layer. Then the lookup's bad inputs, each with its named error.
 */
import { describe, expect, it } from 'vitest';
import { carryForward, changeIndicator, changeSeries, crosswalk, crosswalkReport } from '../stages/change.ts';
import type { AreaFrame } from '../stages/areas.ts';
import type { Problem } from '../errors.ts';
import { STATUS, type Series } from '../stages/values.ts';
import type { Indicator } from '../schema.ts';

const frame = (vintage: 2011 | 2021, codes: string[]): AreaFrame => ({ vintage, codes, index: new Map(codes.map((c, i) => [c, i])), names: codes, ward: codes, wardName: codes, lad: codes, ladName: codes, region: codes, regionName: codes, scope: codes.map((_, i) => i), geometry: new Map() });
const ind = { id: 'x', unit: 'decile' } as Indicator;
const series = (values: number[]): Series => ({ indicator: ind, values: Float64Array.from(values), status: new Uint8Array(values.length).fill(STATUS.value) });

// 2011: A (unchanged), B (split into B1, B2), C and D (merged into CD), E (redrawn with F into EF).
const f11 = frame(2011, ['E01800001', 'E01800002', 'E01800003', 'E01800004', 'E01800005', 'E01800006']);
const f21 = frame(2021, ['E01800001', 'E01900021', 'E01900022', 'E01900034', 'E01900056']);
const pairs = [
  ['E01800001', 'E01800001', 'U'], ['E01800002', 'E01900021', 'S'], ['E01800002', 'E01900022', 'S'],
  ['E01800003', 'E01900034', 'M'], ['E01800004', 'E01900034', 'M'], ['E01800005', 'E01900056', 'X'], ['E01800006', 'E01900056', 'X'],
  ['W01000001', 'W01000001', 'U'],
].map(([from, to, change]) => ({ from, to, change }));
const lookup = { pairs, changeCodes: { U: 'unchanged', S: 'split', M: 'merged', X: 'redrawn' } };
const cols = { from: 'LSOA11CD', to: 'LSOA21CD' };
const lines = pairs.map((_, i) => i + 2);

describe('carrying an earlier edition to 2021 small areas (synthetic, by hand)', () => {
  const problems: Problem[] = [];
  const cw = crosswalk(f11, f21, lookup, 'raw/lookup.csv', cols, 'E01', problems, lines);
  // ranks of A..F in a synthetic edition of 32,844 areas, their deciles, and A..F's populations
  const rank = series([100, 5000, 3000, 20000, 31000, 32000]);
  const decile = series([1, 2, 1, 7, 10, 10]);
  // decile cut points of this synthetic edition come from its own ranks: decile 1 up to rank 3,000, 2 up to 5,000, 7 up to 20,000, 10 up to 32,000
  const pop = Float64Array.from([1500, 1600, 1000, 3000, 1400, 1200]);
  const carried = carryForward(cw, rank, decile, pop);

  it('flags each 2021 area by how it was made, and counts each kind', () => {
    expect(problems).toEqual([]);
    expect(crosswalkReport(cw, f21.scope)).toEqual({ unchanged: 1, split: 2, merged: 1, redrawn: 1 });
  });

  it('unchanged and split areas take their 2011 area\'s rank and decile; both halves of a split share it', () => {
    expect([...carried.rank.slice(0, 3)]).toEqual([100, 5000, 5000]);
    expect([...carried.decile.slice(0, 3)]).toEqual([1, 2, 2]);
  });

  it('a merged area takes its parents\' ranks weighted by population, keeps their range, and the decile that rank falls in', () => {
    // (3000 x 1000 + 20000 x 3000) / 4000 = 15,750: above decile 2's highest rank (5,000), within decile 7's (20,000)
    expect(carried.rank[3]).toBe(15750);
    expect([carried.low[3], carried.high[3]]).toEqual([3000, 20000]);
    expect(carried.decile[3]).toBe(7);
  });

  it('a redrawn area is not comparable: nothing is carried, and its parents are kept', () => {
    expect(Number.isNaN(carried.rank[4])).toBe(true);
    expect(cw.parents[4].map((p) => f11.codes[p])).toEqual(['E01800005', 'E01800006']);
  });

  it('the change layer is the later decile minus the carried one, none where not comparable', () => {
    const later = series([1, 3, 1, 6, 9]);
    const ch = changeSeries(changeIndicator({ id: 'c', label: 'c', shortLabel: 'c', description: 'c', edition: 'e', family: 'f', from: 'a', fromRank: 'b', to: 'x' }, ind), later, carried.decile);
    expect([...ch.values.slice(0, 4)]).toEqual([0, 1, -1, -1]);
    expect(ch.status[4]).toBe(STATUS.missing);
  });
});

describe('the LSOA 2011 to 2021 lookup: bad input', () => {
  const check = (extra: { from: string; to: string; change: string }[], drop: string[] = []) => {
    const problems: Problem[] = [];
    const ps = [...pairs.filter((p) => !drop.includes(p.to)), ...extra];
    crosswalk(f11, f21, { ...lookup, pairs: ps }, 'raw/lookup.csv', cols, 'E01', problems, ps.map((_, i) => i + 2));
    return problems.map((p) => [p.code, p.row ?? null, p.column, p.value]);
  };
  it('a 2021 area with no 2011 parent: NO_PARENT, naming it', () => {
    expect(check([], ['E01900056'])).toEqual([['NO_PARENT', null, 'LSOA21CD', 'E01900056']]);
  });
  it('a row naming an area outside both vintages: UNKNOWN_CODE, with its row and column', () => {
    expect(check([{ from: 'E01899999', to: 'E01999999', change: 'U' }])).toEqual([['UNKNOWN_CODE', 10, 'LSOA11CD', 'E01899999'], ['UNKNOWN_CODE', 10, 'LSOA21CD', 'E01999999']]);
  });
});
