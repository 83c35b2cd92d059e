/**
 * Ward measures and GP capacity on the SYNTHETIC world with ward tables and practices added
 * (fixture.ts: WARDS24, CONTESTS, PRACTICES, POSTCODES). Every expected figure was worked out by
 * hand from those rows and the synthetic squares (0.01 degrees wide, side by side at 53.5 N).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../run.ts';
import { InputError } from '../errors.ts';
import { CONTESTS, governanceWorld, POSTCODES, PRACTICES, WARDS24 } from './fixture.ts';

const build = (overrides: Record<string, string> = {}) => run(governanceWorld(overrides).inputs, { scope: 'england' });
type Built = Awaited<ReturnType<typeof build>>;
const json = (r: Built, p: string) => JSON.parse(r.files.get(p)!);
const byCode = (r: Built, id: string, v: 2011 | 2021) => {
  const areas = json(r, `areas/lsoa-${v}.json`), vals = json(r, `values/${id}.json`);
  return Object.fromEntries(areas.codes.map((c: string, k: number) => [c, vals.values[k]]));
};

describe('ward measures: each small area is given its ward\'s figure', () => {
  it('turnout on May 2024 wards: North (two small areas) 31.5, South no contested poll (missing, never zero), Otherton Central 40.0', async () => {
    const r = await build();
    expect(byCode(r, 'synth-turnout', 2021)).toEqual({ E01900001: 31.5, E01900002: 31.5, E01900003: null, E01800004: null, E01800005: 40 });
    const t = r.report.tables.find((x) => x.table === 'wards24')!.coarser!;
    expect([t.wards, t.wardsMatched, t.wardsWithoutPoll.count, t.wardsWithoutPoll.samples]).toEqual([3, 3, 1, ['E05999102']]);
  });

  it('contests on December 2019 wards: North Ward\'s latest (2019) two candidates for two seats = 1 per seat, and 2 of its 3 seats of 2018-2019 unopposed (66.7%); South Ward 4 per seat, none unopposed; Otherton Ward had no contest', async () => {
    const r = await build();
    expect(byCode(r, 'synth-per-seat', 2011)).toEqual({ E01800001: 1, E01800002: 1, E01800003: 4, E01800004: 4, E01800005: null });
    const un = byCode(r, 'synth-unopposed', 2011);
    expect(un.E01800001).toBeCloseTo(66.7, 1);
    expect([un.E01800003, un.E01800005]).toEqual([0, null]);
    const t = r.report.tables.find((x) => x.table === 'contests')!.coarser!;
    // 5 rows: 4 ward contests (one on a ward the lookup lacks) and one county division.
    expect([t.rowsRead, t.contests, t.notWards.count, t.wards, t.wardsMatched, t.wardsNotInLookup.count, t.wardsNotInLookup.samples]).toEqual([5, 4, 1, 3, 2, 1, ['E05999999']]);
    const g = json(r, 'governance.json');
    expect(g.neighbourhoods['ward-hood'].contests.map((w: any) => [w.name, w.lsoas, w.cells.latest_year, w.cells.seats_all, w.cells.seats_uncontested_all])).toEqual([['North Ward', 2, '2019', '3', '2']]);
  });

  it('a turnout over 100, a negative turnout and a ward the lookup lacks are named errors', async () => {
    const bad = WARDS24.replace('E05999101,North,2023,31.5', 'E05999101,North,2023,131.5').replace('E05999103,Otherton Central,2024,40.0', 'E05999103,Otherton Central,2024,-4.0') + 'E05999199,Nowhere,2024,30.0,100,30.0\n';
    try { await build({ 'synthetic/wards24.csv': bad }); expect.unreachable(); } catch (e) {
      const p = (e as InputError).problems.map((x) => `${x.code} ${x.row} ${x.column}`);
      expect(p).toEqual(expect.arrayContaining(['OUT_OF_RANGE 2 latest_turnout_pct', 'OUT_OF_RANGE 4 latest_turnout_pct', 'UNKNOWN_CODE 5 WD24CD']));
    }
  });

  it('a contest that is not a number of seats is a named error', async () => {
    try { await build({ 'synthetic/contests.csv': CONTESTS.replace('2019-05-02,E05999002,South Ward,1,4', '2019-05-02,E05999002,South Ward,one,4') }); expect.unreachable(); } catch (e) {
      expect((e as InputError).problems.map((x) => `${x.code} ${x.row}`)).toEqual(['NOT_A_NUMBER 4']);
    }
  });
});

describe('GP capacity', () => {
  it('practices in or near each neighbourhood, pooled: Ward Hood has Test Surgery inside (3 GPs for 5,000 patients in 2019-20 = 6.0 per 10,000); List Hood has Other Surgery 0.7 km away (5 for 6,000 = 8.33); their CCG 8 for 11,000 = 7.27 and 5,600 patients per practice', async () => {
    const pc = json(await build(), 'primary-care.json');
    const w = pc.neighbourhoods['ward-hood'], l = pc.neighbourhoods['list-hood'];
    expect(w.practices.map((p: any) => [p.code, p.inside, p.km])).toEqual([['P00001', true, 0]]);
    expect(w.byYear['2019-20']).toMatchObject({ practices: 1, gpsPer10k: 6, patientsPerPractice: 5200 });
    expect(w.byYear['2018-19'].gpsPer10k).toBe(6.25);
    expect(l.practices.map((p: any) => [p.code, p.inside, p.km])).toEqual([['P00002', false, 0.7]]);
    expect(l.byYear['2019-20'].gpsPer10k).toBe(8.33);
    expect([w.ccg, l.ccg]).toEqual(['00X', '00X']);
    expect(pc.ccgs['00X'].byYear['2019-20']).toMatchObject({ practices: 2, gps: 8, gpsPer10k: 7.27, patientsPerPractice: 5600 });
    expect(pc.england['2019-20'].gpsPer10k.n).toBe(2);
  });

  it('a practice with no postcode is named and counted (its CCG only); the region\'s practices are all matched', async () => {
    const r = (await build()).report.primaryCare!;
    expect(r.withoutPostcode).toEqual({ count: 1, samples: ['P00003'] });
    expect([r.regionPractices, r.matchedToPostcode, r.notMatched.count]).toEqual([2, 2, 0]);
  });

  it('matches a practice to its postcode whatever the spacing and case on either side', async () => {
    // The practices' file writes one postcode without its space and the other in lower case; the lookup writes the first with two spaces.
    const r = (await build({ 'synthetic/practices.csv': PRACTICES.replaceAll('TE1 1AA', 'TE11AA').replaceAll('TE2 2BB', 'te2 2bb'), 'synthetic/postcodes.csv': POSTCODES.replace('TE1 1AA', 'TE1  1AA') })).report.primaryCare!;
    expect([r.regionPractices, r.matchedToPostcode, r.notMatched.count]).toEqual([2, 2, 0]);
  });

  it('another patients-per-GP figure on the page is passed on with its note; one naming no indicator is a config error', async () => {
    const w = governanceWorld();
    const cfg = w.inputs.config as { primaryCare: Record<string, unknown>; indicators: { indicators: { id: string }[] } };
    const id = cfg.indicators.indicators[0].id;
    cfg.primaryCare.otherFigure = { indicator: id, note: 'Another figure: {value}.' };
    expect(json(await run(w.inputs, { scope: 'england' }), 'primary-care.json').otherFigure).toEqual({ indicator: id, note: 'Another figure: {value}.' });
    const bad = governanceWorld();
    (bad.inputs.config as { primaryCare: Record<string, unknown> }).primaryCare.otherFigure = { indicator: 'no-such-measure', note: 'Another figure: {value}.' };
    try { await run(bad.inputs, { scope: 'england' }); expect.unreachable(); } catch (e) {
      expect((e as InputError).problems.map((x) => `${x.code} ${x.file} ${x.column} ${x.value}`)).toEqual(['UNKNOWN_INDICATOR config/primary-care.json otherFigure.indicator no-such-measure']);
    }
  });

  it('a negative list size is a named error', async () => {
    try { await build({ 'synthetic/practices.csv': PRACTICES.replace('2019-20,P00002,Other Surgery,TE2 2BB,00X,Test CCG,6000', '2019-20,P00002,Other Surgery,TE2 2BB,00X,Test CCG,-6000') }); expect.unreachable(); } catch (e) {
      expect((e as InputError).problems.map((x) => `${x.code} ${x.row} ${x.column}`)).toEqual(['OUT_OF_RANGE 5 registered_patients']);
    }
  });
});
