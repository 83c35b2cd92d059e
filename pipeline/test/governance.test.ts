/**
 * Community governance and GP capacity on the real build (data/ as committed), checked against
 * the RAW files with a separate reader written here (papaparse over the publishers' own tables:
 * the Handbook's 2023 ward sheet, the archive's 2019 candidate file, NHS Digital's 2018/19
 * payments table and the practice-level workforce file), never against the tidy files the
 * pipeline reads. Hand-read values are quoted beside each check (zcat | grep).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.ts';

const raw = (p: string) => { const b = readFileSync(join(ROOT, 'data', 'raw', p)); return (p.endsWith('.gz') ? gunzipSync(b) : b).toString('utf8').replace(/^\uFEFF/, ''); };
const rows = (p: string, header = true) => Papa.parse<Record<string, string> & string[]>(raw(p), { header, skipEmptyLines: true }).data;

let out = '';
const read = <T = any>(p: string): T => JSON.parse(readFileSync(join(out, p), 'utf8'));
beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'atlas-gov-')), 'data');
  const r = cli(['--out', out]);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

/** A small area's published value on an indicator (values files are in the areas file's order). */
function valueOf(indicator: string, vintage: 2011 | 2021, where: (k: number, areas: any) => boolean): number[] {
  const areas = read(`areas/lsoa-${vintage}.json`);
  const v = read(`values/${indicator}.json`);
  const out: number[] = [];
  areas.codes.forEach((_: string, k: number) => { if (where(k, areas)) out.push(v.values[k]); });
  return out;
}

describe('ward turnout, 2021 to 2024 (Local Elections Handbook)', () => {
  it("Claremont ward, Blackpool: the Handbook's 2023 ward sheet gives 19.2% of 4,805 electors; every small area of the ward has that figure, and the page's list names the ward and year", () => {
    // zcat LEH-Candidates-2023_Ward_Level-Table_1.csv.gz | grep ',Blackpool,Claremont,' -> Lancashire,Blackpool,Claremont,2,UAA,4805,19.2,...
    const sheet = rows('hocl-leh/LEH-Candidates-2023_Ward_Level-Table_1.csv.gz').filter((r) => r.DISTRICTNAME === 'Blackpool' && r.WARDNAME === 'Claremont');
    expect(sheet).toHaveLength(1);
    const [turnout, electorate] = [Number(sheet[0].TURNOUT), Number(sheet[0].ELECT)];
    expect([turnout, electorate]).toEqual([19.2, 4805]);
    // Blackpool elects all at once (2019, 2023): 2023 is the ward's latest 2021-2024 poll.
    const published = valueOf('leh-turnout-latest', 2021, (k, a) => a.ladNames[a.lad[k]] === 'Blackpool' && a.wardNames[a.ward[k]] === 'Claremont');
    expect(published.length).toBeGreaterThan(1);
    expect(new Set(published)).toEqual(new Set([turnout]));
    const list = read('governance.json').neighbourhoods.claremont['leh-ward-turnout'];
    const w = list.find((x: any) => x.name === 'Claremont');
    expect([Number(w.cells.latest_year), Number(w.cells.latest_turnout_pct), Number(w.cells.latest_electorate)]).toEqual([2023, turnout, electorate]);
  });

  it('the build report counts wards matched to small areas and wards without a contested poll (three Ribble Valley wards in the North West)', () => {
    const t = read('build-report.json').tables.find((x: any) => x.table === 'leh-ward-turnout').coarser;
    expect(t.wards).toBe(6784);
    expect(t.wardsMatched).toBe(6784);
    expect(t.wardsMatchedInScope).toBe(824);
    expect(t.wardsWithoutPoll.count).toBe(47);
    expect(t.wardsWithoutPoll.inScope).toBe(3);
    // Bowland (E05012002), a Ribble Valley ward with no contested poll: its small areas are missing, not zero.
    const areas = read('areas/lsoa-2021.json');
    const v = read('values/leh-turnout-latest.json');
    const ks = areas.codes.map((_: string, k: number) => k).filter((k: number) => areas.ward[k] === 'E05012002');
    expect(ks.length).toBeGreaterThan(0);
    for (const k of ks) { expect(v.values[k]).toBeNull(); expect(v.missing).toContain(k); }
  });
});

describe('ward contests, 2016 to 2019 (Local Elections Archive Project)', () => {
  it('a group\'s share of seats filled unopposed is its small areas\' ward shares averaged by residents, as its note says (the build had summed seats over small areas, counting a ward once per small area, while the note said "weighted by residents")', () => {
    const ind = JSON.parse(readFileSync(join(ROOT, 'data', 'config', 'indicators.json'), 'utf8')).indicators.find((i: { id: string }) => i.id === 'leap-uncontested-share');
    expect(ind.note).toMatch(/a neighbourhood's figure is the average of its small areas', weighted by residents/);
    // Allerdale (E07000026), recomputed from the published small-area shares and populations of 2011 (Cumberland's custom-area file holds its areas).
    const chunk = read('custom/E06000063.json');
    const v: (number | null)[] = chunk.values['leap-uncontested-share'].v;
    let num = 0, den = 0;
    chunk.a2011.codes.forEach((_: string, k: number) => { if (chunk.a2011.lad[k] === 'E07000026' && v[k] !== null) { num += chunk.a2011.pop[k] * v[k]!; den += chunk.a2011.pop[k]; } });
    expect(den).toBeGreaterThan(0);
    expect(read('comparators.json').lads[2011].E07000026.summaries['leap-uncontested-share'].mean).toBeCloseTo(num / den, 2);
    // Some of Allerdale's wards had every seat filled unopposed and most none: the average lies between.
    expect(num / den).toBeGreaterThan(0);
    expect(num / den).toBeLessThan(100);
  });

  it("Allerdale, 2 May 2019: the archive's candidate file gives 4 of 49 seats filled without a vote, in 3 wards; the published figures of Allerdale's wards agree (3 of those seats: one ward has no small area in the best-fit lookup)", () => {
    // The raw file has no header: council, council GSS, ward, ward GSS, candidate, party, votes, elected (1/0).
    const cand = rows('leap/leap-2019-05-02.csv.gz', false).filter((r) => r[0] === 'Allerdale');
    const wards = new Map<string, { candidates: number; seats: number }>();
    for (const r of cand) { const w = wards.get(r[3]) ?? { candidates: 0, seats: 0 }; w.candidates++; w.seats += Number(r[7]); wards.set(r[3], w); }
    const uncontested = [...wards.values()].filter((w) => w.candidates === w.seats);
    expect(uncontested.reduce((n, w) => n + w.seats, 0)).toBe(4);
    expect(uncontested).toHaveLength(3);
    expect([...wards.values()].reduce((n, w) => n + w.seats, 0)).toBe(49);
    // Allerdale elected all at once in 2019 (and 2015), on new wards: each ward's only 2016-2019 contest is 2019,
    // so its published share of seats filled unopposed is 100 or 0, and its candidates per seat is 2019's.
    const areas = read('areas/lsoa-2011.json');
    const share = read('values/leap-uncontested-share.json'), per = read('values/leap-candidates-per-seat.json');
    // The ONS LSOA 2011 to ward lookup is best fit: Allhallows and Waverton (E05011721, one seat, unopposed) is smaller than a
    // small area and has none (zcat lsoa11_ward19_lad19_ew.csv.gz | grep Allerdale: 22 of the 23 wards), so its seat is not counted.
    const withAreas = [...wards].filter(([code]) => areas.ward.includes(code));
    expect(wards.size - withAreas.length).toBe(1);
    expect(areas.ward.includes('E05011721')).toBe(false);
    let seatsUnopposed = 0;
    for (const [code, w] of withAreas) {
      const ks = areas.codes.map((_: string, k: number) => k).filter((k: number) => areas.ward[k] === code);
      for (const k of ks) {
        expect(share.values[k]).toBe(w.candidates === w.seats ? 100 : 0);
        expect(per.values[k]).toBeCloseTo(Math.round((w.candidates / w.seats) * 10) / 10, 5);
      }
      seatsUnopposed += (share.values[ks[0]] / 100) * w.seats;
    }
    expect(seatsUnopposed).toBe(3);
  });

  it('county divisions and contests on wards redrawn before December 2019 are excluded and counted, with the reason', () => {
    const t = read('build-report.json').tables.find((x: any) => x.table === 'leap-ward-contests').coarser;
    expect(t.notWards.count).toBe(1727);
    expect(t.wardsNotInLookup.count).toBe(446);
    expect(t.wardsNotInLookup.reason).toMatch(/redrawn/);
    expect(t.wardsNotInLookup.reason).toMatch(/smaller than a small area/);
    // One row of the tidy file (Weymouth and Portland, 2018) has no ward code and no seats: left out, with its line.
    expect(t.withoutCode).toEqual({ count: 1, rows: [expect.any(Number)] });
    expect(t.contests + t.notWards.count + t.withoutCode.count).toBe(t.rowsRead);
  });
});

describe('GP capacity (NHS Digital practice tables)', () => {
  it("Blackpool CCG (00R), 2018/19: 65 fully-qualified GPs for 160,775 patients in the workforce file = 4.04 per 10,000, re-derived from the payments table's practices and the workforce file", () => {
    const practices = rows('nhsd-gp/nhs_payments_to_general_practice_18-19.csv.gz').filter((r) => r['CCG Code'] === '00R' && Number(r['Number of Registered Patients (Last Known Figure)']) > 0).map((r) => r['Practice Code']);
    expect(practices).toHaveLength(18);
    // The workforce file's fiscal_year 19 is the September 2018 snapshot (2018/19).
    const wf = new Map(rows('nhsd-gp/HEEC_workforce_year_commit1e56c87.csv.gz').filter((r) => r.fiscal_year === '19').map((r) => [r['Practice.Code'], r]));
    let gps = 0, patients = 0;
    for (const p of practices) { const w = wf.get(p); if (w && w.TOTAL_GP_EXTGL_HC !== '' && w.TOTAL_GP_EXTGL_HC !== 'NA') { gps += Number(w.TOTAL_GP_EXTGL_HC); patients += Number(w.TOTAL_PATIENTS); } }
    expect([gps, patients]).toEqual([65, 160775]);
    const expected = Math.round((gps / patients) * 1e6) / 100;
    expect(expected).toBe(4.04);
    const pc = read('primary-care.json');
    expect(pc.ccgs['00R'].byYear['2018-19'].gpsPer10k).toBe(expected);
    // The staged per-CCG summary says the same.
    const summary = rows('nhsd-gp/ccg_gp_capacity_2014_15_to_2019_20.csv.gz').find((r) => r.fin_year === '2018-19' && r.ccg_code === '00R')!;
    expect(Number(summary.fq_gps_per_10k_patients)).toBeCloseTo(expected, 2); // 4.043
    expect(pc.neighbourhoods.claremont.ccg).toBe('00R');
  });

  it('England: the middle of the CCGs in 2018/19 is 5.66 GPs per 10,000, as the staged summary gives over 195 CCGs', () => {
    const pc = read('primary-care.json');
    expect(pc.england['2018-19'].gpsPer10k.median).toBe(5.66);
    expect(pc.england['2018-19'].gpsPer10k.n).toBe(195);
  });

  it('the build report counts practices matched to a postcode and those without; every practice near a neighbourhood has a North West postcode', () => {
    const r = read('build-report.json').primaryCare;
    expect(r.matchedToPostcode + r.notMatched.count).toBe(r.regionPractices);
    expect(r.matchedToPostcode).toBeGreaterThan(1000);
    expect(r.withoutPostcode.count).toBe(0);
    const pc = read('primary-care.json');
    for (const n of Object.values<any>(pc.neighbourhoods)) {
      expect(n.practices.length).toBeGreaterThan(0);
      for (const p of n.practices) expect(p.km).toBeLessThanOrEqual(pc.distanceKm);
    }
  });
});
