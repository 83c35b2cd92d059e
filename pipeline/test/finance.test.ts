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
import { DEFLATOR, financeConfig, POP, RS_2010, RS_2011, RS_PANEL, world } from './fixture.ts';

const built = async () => JSON.parse((await run(world().inputs, { scope: 'region' })).files.get('finance.json')!);

describe('council spending: a golden case worked out by hand', () => {
  // Synthetic price index (fixture DEFLATOR): 2010-11 40, 2011-12 45, 2012-13 50, the base; so £1 of 2010-11 is £1.25 at 2012-13 prices, £1 of 2011-12 £50/45.
  it('a single-tier council: cash as the returns give it, and per resident at base-year prices (mid-year N population for year N/N+1)', async () => {
    const f = await built();
    const t = f.councils.E06999901;
    expect([t.name, t.cls, t.tier, t.region]).toEqual(['Testshire', 'UA', 'single', true]);
    // 2010-11 one "Social care" line: 100; 2011-12 children 60 + adults 50 = 110; 2012-13 55 + 50 = 105.
    expect(t.cash['social-care']).toEqual([100, 110, 105]);
    expect(t.population).toEqual([1000, 1000, 1000]);
    // £100k / 1,000 residents = £100, × 50/40 = £125; £110 × 50/45 = £122.22; £105 × 50/50.
    expect(t.real['social-care']).toEqual([125, 122.22, 105]);
    expect(t.real.education).toEqual([62.5, 50, 40]);
    // The panel has no total: no figure in 2012-13, never an estimate; all services less education likewise.
    expect(t.cash.total).toEqual([200, 190, null]);
    expect(t.cash['total-less-education']).toEqual([150, 145, null]);
    expect(t.real['total-less-education']).toEqual([187.5, 161.11, null]);
    expect(f.prices).toEqual({ base: '2012-13', deflator: expect.stringContaining('SYNTHETIC'), population: expect.stringContaining('SYNTHETIC'), index: [80, 90, 100] });
  });

  it('a two-tier area: the county and the district kept apart, each per its own residents', async () => {
    const f = await built();
    const cc = f.councils.E10999901, sd = f.councils.E07999901;
    expect([cc.tier, sd.tier]).toEqual(['county', 'district']);
    // County social care 300; 150 + 160 = 310; 140 + 170 = 310; over 5,000 residents: £60 × 1.25 = £75; £62 × 50/45 = £68.89; £62.
    expect(cc.real['social-care']).toEqual([75, 68.89, 62]);
    // The district (1,000 residents) is not in the panel: no figure in 2012-13.
    expect(sd.real.total).toEqual([25, 20, null]);
  });

  it('compares each council with the middle half and median of the region\'s councils of its tier, and England\'s median', async () => {
    const f = await built();
    expect(Object.keys(f.councils).sort()).toEqual(['E06999901', 'E07999901', 'E10999901']); // Otherton is in another region
    // Single tier in the region: Testshire alone.
    expect(f.groups.single.region['social-care']).toEqual({ n: [1, 1, 1], q1: [125, 122.22, 105], median: [125, 122.22, 105], q3: [125, 122.22, 105] });
    // Otherton social care 80, 84, 82 over 500, 400, 500 residents: £160 × 1.25 = £200; £210 × 50/45 = £233.33; £164.
    // England's medians with Testshire: (125 + 200) / 2 = 162.5 and (105 + 164) / 2 = 134.5.
    expect(f.groups.single.england['social-care'].median[0]).toBe(162.5);
    expect(f.groups.single.england['social-care'].median[2]).toBe(134.5);
    expect(f.groups.single.region['social-care']).not.toHaveProperty('max');
    expect([f.groups.single.regionCount, f.groups.single.englandCount, f.groups.county.regionCount, f.groups.district.regionCount]).toEqual([1, 2, 1, 1]);
    expect(f.neighbourhoods).toEqual({ 'ward-hood': ['E06999901'] });
  });

  it('accounts for every row of the returns and every council-year', async () => {
    const report = (await run(world().inputs, { scope: 'region' })).report.finance!;
    expect(report.files.map((x) => [x.file, x.years, x.rowsRead, x.classTotals, x.otherAuthorities, x.councils])).toEqual([
      ['raw/synthetic/rs_2010-11.csv', ['2010-11'], 6, 1, 1, 4],
      ['raw/synthetic/rs_2011-12.csv', ['2011-12'], 5, 0, 1, 4],
      ['raw/synthetic/rs_panel.csv', ['2012-13'], 3, 0, 0, 3],
    ]);
    // 4 councils × 3 years: 11 made, Northdale's 2012-13 has no return.
    const r = report.perResident!;
    expect([r.councilYears, r.made, r.noReturn, r.noPopulation]).toEqual([12, 11, 1, []]);
  });

  it('a council declared absent from the population file is reported missing with its reason, never estimated', async () => {
    const w = world({ 'synthetic/population.csv': POP.split('\n').filter((l) => !l.startsWith('E06999902')).join('\n') });
    (w.config.finance as { population: { absent: unknown[] } }).population.absent = [{ code: 'E06999902', reason: 'SYNTHETIC: abolished' }];
    const out = await run(w.inputs, { scope: 'region' });
    expect(out.report.finance!.perResident!.noPopulation).toEqual([{ code: 'E06999902', name: 'Otherton', years: ['2010-11', '2011-12', '2012-13'], reason: 'SYNTHETIC: abolished' }]);
    // England's single-tier median is now Testshire's alone.
    expect(JSON.parse(out.files.get('finance.json')!).groups.single.england['social-care'].median).toEqual([125, 122.22, 105]);
  });
});

/** The stage alone, on the synthetic returns, with a neighbourhood's councils given. */
function stage(neighbourhoods: { slug: string; lad2019: string }[], mapping: Record<string, string[]>, ladNames = new Map<string, string>()) {
  const cfg = { ...financeConfig(), neighbourhoods: mapping } as unknown as Finance;
  const tables = new Map([['synthetic/rs_2010-11.csv', RS_2010], ['synthetic/rs_2011-12.csv', RS_2011], ['synthetic/rs_panel.csv', RS_PANEL], ['synthetic/population.csv', POP], ['synthetic/deflator.csv', DEFLATOR]].map(([f, t]) => [f, parseCsv(`raw/${f}`, t).table]));
  const problems: Problem[] = [];
  const out = buildFinance({ cfg, tables, neighbourhoods, programme: [2014, 2019], ladNames }, problems);
  return { out, problems };
}

describe('council spending: what councils are called', () => {
  it('by the name the areas\' lookups give the code (as on every other page), else by the return\'s name without its class ("Otherton UA" is "Otherton")', () => {
    const { out, problems } = stage([], {}, new Map([['E06999901', 'SYNTHETIC Testshire as ONS names it']]));
    expect(problems).toEqual([]);
    const names = Object.fromEntries(Object.values(out!.data.councils).map((c) => [c.code, c.name]));
    expect(names).toEqual({ E06999901: 'SYNTHETIC Testshire as ONS names it', E10999901: 'Testshire CC', E07999901: 'Northdale' });
    // Otherton UA, outside the region, is named "Otherton" in the report (see the absent-population case above).
  });
});

describe('council spending: which councils a neighbourhood has', () => {
  it('a district with its county is accepted', async () => {
    const { out, problems } = stage([{ slug: 'two', lad2019: 'E07999901' }], { two: ['E07999901', 'E10999901'] });
    expect(problems).toEqual([]);
    expect(out!.data.neighbourhoods).toEqual({ two: ['E07999901', 'E10999901'] });
  });
  it('a county is never added to a unitary council, and the council the neighbourhood lay in must be listed', async () => {
    const { problems } = stage([{ slug: 'a', lad2019: 'E06999901' }, { slug: 'b', lad2019: 'E06999902' }], { a: ['E06999901', 'E10999901'], b: ['E06999901'] });
    expect(problems.map((p) => [p.code, p.column])).toEqual([['MIXED_TIERS', 'neighbourhoods.a'], ['COUNCIL_MISMATCH', 'neighbourhoods.b']]);
  });
  it('a council code no return has is named', async () => {
    const { problems } = stage([{ slug: 'a', lad2019: 'E06999901' }], { a: ['E06999909'] });
    expect(problems.map((p) => [p.code, p.value])).toEqual([['UNKNOWN_CODE', 'E06999909']]);
  });
  it('refuses the whole build on a bad return: nothing is published', async () => {
    const w = world({ 'synthetic/rs_2011-12.csv': RS_2011.replace('E9902,E06999902,Otherton UA,OR,UA,40,44,38,150', 'E9902,E06999902,Otherton UA,OR,UA,40,44,38,-150') });
    await expect(run(w.inputs, { scope: 'region' })).rejects.toThrow(InputError);
  });
});
