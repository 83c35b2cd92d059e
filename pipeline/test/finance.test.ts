/**
 * Council spending on the SYNTHETIC world (fixture.ts: RS_2010, RS_2011, RS_PANEL). Every
 * expected figure below was worked out by hand from those rows, not taken from the stage.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { run } from '../run.ts';
import { buildFinance } from '../stages/finance.ts';
import { parseCsv } from '../stages/load.ts';
import type { Finance } from '../schema.ts';
import type { Problem } from '../errors.ts';
import { financeConfig, RS_2010, RS_2011, RS_PANEL, world } from './fixture.ts';

const built = () => JSON.parse(run(world().inputs, { scope: 'region' }).files.get('finance.json')!);

describe('council spending: a golden case worked out by hand', () => {
  it('a single-tier council: cash as the returns give it (social care summed from its two lines after 2010-11), and its index of the first year', () => {
    const f = built();
    const t = f.councils.E06999901;
    expect([t.name, t.cls, t.tier, t.region]).toEqual(['Testshire UA', 'UA', 'single', true]);
    // 2010-11 one "Social care" line: 100; 2011-12 children 60 + adults 50 = 110; 2012-13 55 + 50 = 105.
    expect(t.cash['social-care']).toEqual([100, 110, 105]);
    expect(t.index['social-care']).toEqual([100, 110, 105]);
    expect(t.cash.education).toEqual([50, 45, 40]);
    expect(t.index.education).toEqual([100, 90, 80]);
    // The panel has no total: no figure in 2012-13, never an estimate.
    expect(t.cash.total).toEqual([200, 190, null]);
    expect(t.index.total).toEqual([100, 95, null]);
  });

  it('a two-tier area: the county and the district kept apart, each with its own series; a district that spends nothing on a service has no index', () => {
    const f = built();
    const cc = f.councils.E10999901, sd = f.councils.E07999901;
    expect([cc.tier, sd.tier]).toEqual(['county', 'district']);
    // County social care 300; 150 + 160 = 310; 140 + 170 = 310.
    expect(cc.cash['social-care']).toEqual([300, 310, 310]);
    expect(cc.index['social-care']).toEqual([100, 103.3, 103.3]);
    expect(cc.index.total).toEqual([100, 96, null]);
    // The district is not in the panel (districts are missing from it): no figures in 2012-13.
    expect(sd.cash.total).toEqual([20, 18, null]);
    expect(sd.index.total).toEqual([100, 90, null]);
    expect(sd.index['social-care']).toEqual([null, null, null]);
  });

  it('compares each council with the region\'s and England\'s councils of its own tier, and only the region\'s councils are published', () => {
    const f = built();
    expect(Object.keys(f.councils).sort()).toEqual(['E06999901', 'E07999901', 'E10999901']); // Otherton is in another region
    // Single tier in the region: Testshire alone. In England: Testshire and Otherton.
    expect(f.groups.single.region['social-care']).toEqual({ n: [1, 1, 1], median: [100, 110, 105], min: [100, 110, 105], max: [100, 110, 105] });
    // Otherton social care 80, 40 + 44 = 84, 42 + 40 = 82: index 100, 105, 102.5. Medians with Testshire: 100, 107.5, 103.75.
    expect(f.groups.single.england['social-care'].median).toEqual([100, 107.5, 103.8]);
    expect(f.groups.single.england['social-care'].min).toEqual([100, 105, 102.5]);
    expect([f.groups.single.regionCount, f.groups.single.englandCount, f.groups.county.regionCount, f.groups.district.regionCount]).toEqual([1, 2, 1, 1]);
    expect(f.neighbourhoods).toEqual({ 'ward-hood': ['E06999901'] });
  });

  it('accounts for every row of the returns: class totals and other authorities counted and left out', () => {
    const report = run(world().inputs, { scope: 'region' }).report.finance!;
    expect(report.files.map((x) => [x.file, x.years, x.rowsRead, x.classTotals, x.otherAuthorities, x.councils])).toEqual([
      ['raw/synthetic/rs_2010-11.csv', ['2010-11'], 6, 1, 1, 4],
      ['raw/synthetic/rs_2011-12.csv', ['2011-12'], 5, 0, 1, 4],
      ['raw/synthetic/rs_panel.csv', ['2012-13'], 3, 0, 0, 3],
    ]);
  });
});

/** The stage alone, on the synthetic returns, with a neighbourhood's councils given. */
function stage(neighbourhoods: { slug: string; lad2019: string }[], mapping: Record<string, string[]>) {
  const cfg = { ...financeConfig(), neighbourhoods: mapping } as unknown as Finance;
  const tables = new Map([['synthetic/rs_2010-11.csv', RS_2010], ['synthetic/rs_2011-12.csv', RS_2011], ['synthetic/rs_panel.csv', RS_PANEL]].map(([f, t]) => [f, parseCsv(`raw/${f}`, t).table]));
  const problems: Problem[] = [];
  const out = buildFinance({ cfg, tables, neighbourhoods, programme: [2014, 2019] }, problems);
  return { out, problems };
}

describe('council spending: which councils a neighbourhood has', () => {
  it('a district with its county is accepted', () => {
    const { out, problems } = stage([{ slug: 'two', lad2019: 'E07999901' }], { two: ['E07999901', 'E10999901'] });
    expect(problems).toEqual([]);
    expect(out!.data.neighbourhoods).toEqual({ two: ['E07999901', 'E10999901'] });
  });
  it('a county is never added to a unitary council, and the council the neighbourhood lay in must be listed', () => {
    const { problems } = stage([{ slug: 'a', lad2019: 'E06999901' }, { slug: 'b', lad2019: 'E06999902' }], { a: ['E06999901', 'E10999901'], b: ['E06999901'] });
    expect(problems.map((p) => [p.code, p.column])).toEqual([['MIXED_TIERS', 'neighbourhoods.a'], ['COUNCIL_MISMATCH', 'neighbourhoods.b']]);
  });
  it('a council code no return has is named', () => {
    const { problems } = stage([{ slug: 'a', lad2019: 'E06999901' }], { a: ['E06999909'] });
    expect(problems.map((p) => [p.code, p.value])).toEqual([['UNKNOWN_CODE', 'E06999909']]);
  });
  it('refuses the whole build on a bad return: nothing is published', () => {
    const w = world({ 'synthetic/rs_2011-12.csv': RS_2011.replace('E9902,E06999902,Otherton UA,OR,UA,40,44,38,150', 'E9902,E06999902,Otherton UA,OR,UA,40,44,38,-150') });
    expect(() => run(w.inputs, { scope: 'region' })).toThrow(InputError);
  });
});
