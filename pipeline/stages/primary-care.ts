import { quantileSorted } from 'simple-statistics';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { Problem } from '../errors.ts';
import type { PrimaryCare } from '../schema.ts';
import { columnIndex } from './join.ts';
import type { CsvTable } from './load.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import { bboxOf } from '../../src/lib/planar.ts';
import type { PrimaryCareFile, CapacityFigures, Spread } from '../../src/lib/primary-care.ts';

/**
 * NHS primary care around each neighbourhood (config/primary-care.json): every GP practice of
 * England by financial year, with its postcode, commissioning area (CCG), registered patients and
 * fully-qualified GP headcount. For each neighbourhood: the practices whose postcode lies in it or
 * near it (the postcode's small area, by the centre of that area), pooled; its CCG; and England's
 * CCGs' median and middle half. Pure: the CLI reads the files.
 */

export interface PrimaryCareInputs {
  cfg: PrimaryCare;
  practices: CsvTable;
  postcodes: CsvTable;
  /** Centre of each 2021 small area in scope (longitude, latitude), from the 2021 topology. */
  centres: Map<string, [number, number]>;
  neighbourhoods: { slug: string; lsoas: string[] }[];
}

export interface PrimaryCareReport {
  file: string;
  rows: number;
  practices: number;
  /** Practices of the region's CCGs (those with a practice whose postcode is in the postcode file). */
  regionPractices: number;
  matchedToPostcode: number;
  /** The region's practices whose postcode is not in the postcode file (moved, closed, or a postcode newer than the file). */
  notMatched: { count: number; samples: string[] };
  /** Rows with no postcode at all: named here, used for their CCG's figures only. */
  withoutPostcode: { count: number; samples: string[] };
  ccgs: number;
}

export function primaryCareInputs(cfg: PrimaryCare, csv: (file: string) => CsvTable, topology: Topology, resolved: ResolvedNeighbourhood[]): PrimaryCareInputs {
  const centres = new Map<string, [number, number]>();
  const fc = feature(topology, topology.objects.lsoa as never) as unknown as GeoJSON.FeatureCollection;
  for (const f of fc.features) {
    const [x0, y0, x1, y1] = bboxOf([f.geometry]);
    centres.set(String(f.id), [(x0 + x1) / 2, (y0 + y1) / 2]);
  }
  return { cfg, practices: csv(cfg.file), postcodes: csv(cfg.postcodes.file), centres, neighbourhoods: resolved.map((n) => ({ slug: n.config.slug, lsoas: n.lsoas2021.map((m) => m.code) })) };
}

/** Distance in km between two points (longitude, latitude), on a sphere; plenty for a few km. */
export function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return 6371 * Math.hypot(x, y);
}

const norm = (pc: string) => pc.replace(/\s+/g, '').toUpperCase();
/** A postcode in one form whatever its spacing and case: upper case, one space before the last three characters (the inward code). */
const spaced = (pc: string) => { const n = norm(pc); return n.length > 3 ? `${n.slice(0, -3)} ${n.slice(-3)}` : n; };
const SPACED = /^[A-Z0-9]+ [A-Z0-9]{3}$/;

interface Row { year: string; code: string; name: string; postcode: string; ccg: string; ccgName: string; patients: number; gps: number; wfPatients: number }

/** Pools practices: GPs per 10,000 patients over the practices with a workforce figure; patients per practice over practices with patients. */
export function pool(rows: Row[]): CapacityFigures {
  const withPatients = rows.filter((r) => r.patients > 0);
  const wf = withPatients.filter((r) => Number.isFinite(r.gps) && r.wfPatients > 0);
  const gps = wf.reduce((n, r) => n + r.gps, 0), wfp = wf.reduce((n, r) => n + r.wfPatients, 0);
  const patients = withPatients.reduce((n, r) => n + r.patients, 0);
  return {
    practices: withPatients.length,
    patients,
    gps: wf.length ? gps : null,
    gpsPer10k: wfp > 0 ? Math.round((gps / wfp) * 1e6) / 100 : null,
    patientsPerPractice: withPatients.length ? Math.round(patients / withPatients.length) : null,
  };
}

function spread(values: number[]): Spread | null {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return null;
  const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return { n: s.length, q1: r(quantileSorted(s, 0.25), 2), median: r(quantileSorted(s, 0.5), 2), q3: r(quantileSorted(s, 0.75), 2) };
}

export function buildPrimaryCare(d: PrimaryCareInputs, problems: Problem[]): { data: PrimaryCareFile; report: PrimaryCareReport } {
  const { cfg, practices: t } = d;
  const c = cfg.columns;
  const report: PrimaryCareReport = { file: t.file, rows: t.rows.length, practices: 0, regionPractices: 0, matchedToPostcode: 0, notMatched: { count: 0, samples: [] }, withoutPostcode: { count: 0, samples: [] }, ccgs: 0 };
  const idx = Object.fromEntries(Object.entries(c).map(([k, col]) => [k, columnIndex(t, col, problems, 'primary care (config/primary-care.json)')])) as Record<keyof typeof c, number>;
  const pc = d.postcodes;
  const [pp, pl] = [columnIndex(pc, cfg.postcodes.postcode, problems, 'primary care postcodes'), columnIndex(pc, cfg.postcodes.lsoa, problems, 'primary care postcodes')];
  const empty: PrimaryCareFile = { years: cfg.years, distanceKm: cfg.distanceKm, notes: cfg.notes, ...(cfg.otherFigure ? { otherFigure: cfg.otherFigure } : {}), england: {}, ccgs: {}, neighbourhoods: {} };
  if (Object.values(idx).some((i) => i < 0) || pp < 0 || pl < 0) return { data: empty, report };

  const years = new Set(cfg.years);
  const rows: Row[] = [];
  const noPostcode = new Set<string>();
  t.rows.forEach((r, k) => {
    const line = t.lines[k];
    const year = r[idx.year] ?? '';
    const code = r[idx.practice] ?? '';
    const num = (col: keyof typeof c) => { const s = (r[idx[col]] ?? '').trim(); return s === '' ? NaN : Number(s); };
    const patients = num('patients'), gps = num('gps'), wfPatients = num('wfPatients');
    for (const [col, v] of [['patients', patients], ['gps', gps], ['wfPatients', wfPatients]] as const) {
      if (Number.isNaN(v) && (r[idx[col]] ?? '').trim() !== '') problems.push({ code: 'NOT_A_NUMBER', file: t.file, row: line, column: c[col], value: r[idx[col]], message: `practice ${code}: a count of patients or GPs is a number`, fix: 'Write a plain number, or leave the cell empty where there is no figure.' });
      else if (v < 0) problems.push({ code: 'OUT_OF_RANGE', file: t.file, row: line, column: c[col], value: r[idx[col]], message: `practice ${code} in ${year}: a list size or GP headcount cannot be below zero`, fix: 'Check the row against NHS Digital\'s practice table; a shifted column is the usual cause.' });
    }
    const postcode = (r[idx.postcode] ?? '').trim();
    if (!postcode) noPostcode.add(code);
    if (!years.has(year)) return;
    rows.push({ year, code, name: r[idx.name] ?? '', postcode, ccg: r[idx.ccg] ?? '', ccgName: r[idx.ccgName] ?? '', patients, gps, wfPatients });
  });
  report.withoutPostcode = { count: noPostcode.size, samples: [...noPostcode].sort().slice(0, 5) };

  // Each practice's small area (from its latest postcode) and the region's CCGs.
  const latest = new Map<string, Row>();
  for (const r of rows) { const l = latest.get(r.code); if (!l || r.year > l.year) latest.set(r.code, r); }
  report.practices = latest.size;
  // Only the practices' postcodes are looked up: most of the lookup's rows are already in the spaced form, and are matched without being rewritten.
  const want = new Set([...latest.values()].map((r) => spaced(r.postcode)));
  const lsoaOf = new Map<string, string>();
  for (const r of pc.rows) { const raw = r[pp] ?? ''; const k = SPACED.test(raw) ? raw : spaced(raw); if (want.has(k)) lsoaOf.set(k, r[pl] ?? ''); }
  const lsoa = new Map<string, string>();
  const regionCcgs = new Set<string>();
  for (const [code, r] of latest) { const l = lsoaOf.get(spaced(r.postcode)); if (l && d.centres.has(l)) { lsoa.set(code, l); regionCcgs.add(r.ccg); } }
  const notMatched: string[] = [];
  for (const [code, r] of latest) if (regionCcgs.has(r.ccg)) { report.regionPractices++; if (lsoa.has(code)) report.matchedToPostcode++; else notMatched.push(code); }
  report.notMatched = { count: notMatched.length, samples: notMatched.sort().slice(0, 5) };

  // CCGs: every CCG each year, pooled from its practices; England's spread over CCGs.
  const byCcgYear = new Map<string, Row[]>();
  for (const r of rows) { const k = `${r.ccg}|${r.year}`; const a = byCcgYear.get(k); if (a) a.push(r); else byCcgYear.set(k, [r]); }
  const ccgFigures = new Map<string, Map<string, CapacityFigures>>();
  const ccgName = new Map<string, string>();
  for (const [k, rs] of byCcgYear) {
    const [ccg, year] = k.split('|');
    ccgName.set(ccg, rs[0].ccgName);
    const m = ccgFigures.get(ccg) ?? new Map<string, CapacityFigures>();
    m.set(year, pool(rs));
    ccgFigures.set(ccg, m);
  }
  report.ccgs = ccgFigures.size;
  const england: PrimaryCareFile['england'] = {};
  for (const y of cfg.years) {
    const fs = [...ccgFigures.values()].map((m) => m.get(y)).filter((f): f is CapacityFigures => !!f && f.practices > 0);
    england[y] = { gpsPer10k: spread(fs.map((f) => f.gpsPer10k ?? NaN)), patientsPerPractice: spread(fs.map((f) => f.patientsPerPractice ?? NaN)) };
  }

  // Each neighbourhood: the practices in or near it, and its CCG (the one most of those practices' patients are registered with).
  const out: PrimaryCareFile['neighbourhoods'] = {};
  const usedCcgs = new Set<string>();
  for (const n of d.neighbourhoods) {
    const inside = new Set(n.lsoas);
    const centres = n.lsoas.map((l) => d.centres.get(l)).filter((x): x is [number, number] => !!x);
    const near = new Map<string, { inside: boolean; km: number }>();
    for (const [code, l] of lsoa) {
      const at = d.centres.get(l)!;
      const dist = Math.min(...centres.map((c0) => km(c0, at)));
      if (inside.has(l) || dist <= cfg.distanceKm) near.set(code, { inside: inside.has(l), km: Math.round(dist * 10) / 10 });
    }
    const nearRows = rows.filter((r) => near.has(r.code));
    const ccgPatients = new Map<string, number>();
    for (const r of nearRows) if (r.year === cfg.years[cfg.years.length - 1]) ccgPatients.set(r.ccg, (ccgPatients.get(r.ccg) ?? 0) + (r.patients || 0));
    const ccg = [...ccgPatients].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    if (ccg) usedCcgs.add(ccg);
    out[n.slug] = {
      ccg,
      byYear: Object.fromEntries(cfg.years.map((y) => [y, pool(nearRows.filter((r) => r.year === y))])),
      practices: [...near].map(([code, w]) => {
        const l = latest.get(code)!;
        return { code, name: l.name, postcode: l.postcode, ccg: l.ccg, inside: w.inside, km: w.km, patients: Object.fromEntries(cfg.years.map((y) => [y, nearRows.find((r) => r.code === code && r.year === y)?.patients ?? null])), gps: Object.fromEntries(cfg.years.map((y) => [y, nearRows.find((r) => r.code === code && r.year === y)?.gps ?? null])) };
      }).map((p) => ({ ...p, gps: Object.fromEntries(Object.entries(p.gps).map(([y, g]) => [y, g === null || Number.isNaN(g) ? null : g])) }))
        .sort((a, b) => Number(b.inside) - Number(a.inside) || a.km - b.km || (a.name < b.name ? -1 : 1)),
    };
  }
  const ccgs: PrimaryCareFile['ccgs'] = {};
  for (const code of [...usedCcgs].sort()) ccgs[code] = { name: ccgName.get(code)!, byYear: Object.fromEntries(cfg.years.map((y) => [y, ccgFigures.get(code)!.get(y) ?? null])) };
  return { data: { ...empty, england, ccgs, neighbourhoods: out }, report };
}
