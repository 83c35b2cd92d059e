import type { Problem } from '../errors.ts';
import type { Finance } from '../schema.ts';
import { round } from '../round.ts';
import type { CsvTable } from './load.ts';
import { columnIndex } from './join.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import { perResident, readDeflator, readPopulation, type RealReport } from './finance-real.ts';
import { tierGroups, type Tier } from './finance-compare.ts';

/**
 * Council spending: MHCLG Revenue Outturn Summary (RS) returns, net current expenditure by
 * service, £ thousand in cash, one file per year (or a long panel with a year column). For
 * every council row: its cash figure per service and year as the files give it (a line the
 * year's file lacks, or a blank cell, is no figure: never estimated). Then each figure per
 * resident at constant prices (finance-real.ts), and the region's middle half and median and
 * England's median among councils of the same tier (finance-compare.ts).
 */
export interface FinanceInputs {
  cfg: Finance;
  /** Parsed tables by file (each file once, even when several years share it). */
  tables: Map<string, CsvTable>;
  /** Each neighbourhood with the council it lay in (the district or unitary of 2019). */
  neighbourhoods: { slug: string; lad2019: string }[];
  /** The programme's years, marked on the charts. */
  programme: [number, number];
  /** Local authority names by ONS code, from the areas' lookups: a council is called what the atlas calls it elsewhere. */
  ladNames: Map<string, string>;
}

/** Local authority names by ONS code, from the frames (the later vintage's name where both have the code). */
export function ladNamesOf(frames: readonly { lad: string[]; ladName: string[] }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of frames) f.lad.forEach((code, i) => { if (f.ladName[i] && !names.has(code)) names.set(code, f.ladName[i]); });
  return names;
}

export interface CouncilSeries { code: string; ecode: string; name: string; cls: string; tier: Tier; region: boolean; cash: Record<string, (number | null)[]>; rows: ({ file: string; line: number } | null)[] }
export interface FinanceReport {
  files: { file: string; years: string[]; rowsRead: number; classTotals: number; otherAuthorities: number; councils: number; inRegion: number; notAvailable: number }[];
  councils: number; inRegion: number;
  /** Per resident at constant prices: every council-year made, or missing and why. */
  perResident: RealReport | null;
}

/** The finance stage's inputs: each return file parsed once (several years may share one), and each neighbourhood's 2019 council. */
export function financeInputs(cfg: Finance, csv: (file: string) => CsvTable, programme: [number, number], resolved: ResolvedNeighbourhood[], ladNames: Map<string, string>): FinanceInputs {
  const files = [...new Set([...cfg.years.map((y) => y.file), ...cfg.codes.files, cfg.region.file, cfg.population.file, cfg.deflator.file])];
  return { cfg, tables: new Map(files.map((f) => [f, csv(f)])), programme, neighbourhoods: resolved.map((n) => ({ slug: n.config.slug, lad2019: n.lad[2011].code })), ladNames };
}

export function buildFinance(d: FinanceInputs, problems: Problem[]) {
  const c = d.cfg;
  const years = c.years.map((y) => y.year);
  const report: FinanceReport = { files: [], councils: 0, inRegion: 0, perResident: null };
  const start = problems.length;

  // Years in order: each "YYYY-YY" one after the other.
  c.years.forEach((y, i) => {
    const m = /^(\d{4})-(\d{2})$/.exec(y.year);
    const prev = i > 0 ? /^(\d{4})/.exec(c.years[i - 1].year) : null;
    if (!m || Number(m[2]) !== (Number(m[1]) + 1) % 100) problems.push({ code: 'BAD_YEAR', file: 'config/finance.json', column: `years[${i}].year`, value: y.year, message: 'a financial year is written as 2010-11', fix: 'Write each year as YYYY-YY, the second part the next year.' });
    else if (prev && Number(m[1]) !== Number(prev[1]) + 1) problems.push({ code: 'YEAR_OUT_OF_ORDER', file: 'config/finance.json', column: `years[${i}].year`, value: y.year, message: `follows ${c.years[i - 1].year}: the years must run one after the other, earliest first`, fix: 'List the years in order, with none missing (a year with no file cannot be drawn as a gap).' });
  });

  // ONS codes of the councils, by the RS files' own code (E-code), from the files that give both.
  const onsOf = new Map<string, string>();
  for (const f of c.codes.files) {
    const t = d.tables.get(f)!;
    const [ec, oc] = [columnIndex(t, c.columns.code, problems, 'council codes'), columnIndex(t, c.codes.column, problems, 'council codes')];
    if (ec < 0 || oc < 0) continue;
    for (const r of t.rows) if (/^E\d{8}$/.test(r[oc]?.trim() ?? "")) onsOf.set(r[ec].trim(), r[oc].trim());
  }
  // The region, from the file that has a region column.
  const inRegion = new Set<string>();
  {
    const t = d.tables.get(c.region.file)!;
    const [ec, rc] = [columnIndex(t, c.columns.code, problems, 'the region column'), columnIndex(t, c.region.column, problems, 'the region column')];
    if (ec >= 0 && rc >= 0) for (const r of t.rows) if (r[rc]?.trim() === c.region.value) inRegion.add(r[ec].trim());
  }

  const councils = new Map<string, CouncilSeries>();
  const fileReports = new Map<string, FinanceReport['files'][number]>();
  c.years.forEach((y, yi) => {
    const t = d.tables.get(y.file)!;
    const fr = fileReports.get(y.file) ?? { file: `raw/${y.file}`, years: [], rowsRead: 0, classTotals: 0, otherAuthorities: 0, councils: 0, inRegion: 0, notAvailable: 0 };
    fileReports.set(y.file, fr);
    fr.years.push(y.year);
    const [ec, nc, cc] = [c.columns.code, c.columns.name, c.columns.class].map((x) => columnIndex(t, x, problems, `council spending ${y.year}`));
    const yc = y.yearColumn ? columnIndex(t, y.yearColumn, problems, `council spending ${y.year}`) : -1;
    if (ec < 0 || nc < 0 || cc < 0) return;
    // Each service: the first set of columns the file has, summed.
    const cols = c.services.map((s) => s.columns.map((alt) => alt.map((name) => t.header.indexOf(name))).find((alt) => alt.every((i) => i >= 0)) ?? null);
    const totalAt = c.services.findIndex((s) => s.total);
    // A long file serves several years: its year column is checked for order once, with its first year.
    if (yc >= 0 && fr.years.length === 1) {
      let lastYear = '';
      t.rows.forEach((r, i) => {
        const ry = r[yc].trim();
        if (ry < lastYear) problems.push({ code: 'YEAR_OUT_OF_ORDER', file: `raw/${y.file}`, row: t.lines[i], column: y.yearColumn, value: ry, message: `comes after rows of ${lastYear}: the file's years must run earliest first`, fix: 'Sort the file by year, as it was published, or check that the year column was not shifted.' });
        else lastYear = ry;
      });
    }
    t.rows.forEach((r, i) => {
      const line = t.lines[i];
      if (yc >= 0 && r[yc].trim() !== y.year) return;
      fr.rowsRead++;
      const ecode = r[ec].trim();
      const cls = r[cc].trim();
      if (ecode === '') { fr.classTotals++; return; }
      const k = c.classes[cls];
      if (!k) { problems.push({ code: 'NOT_A_COUNCIL', file: `raw/${y.file}`, row: line, column: c.columns.class, value: cls, message: `"${cls}" is not a class of authority the RS returns use (${Object.keys(c.classes).join(', ')})`, fix: 'Check the class column; a row of another kind of body does not belong in these files.' }); return; }
      if (!k.tier) { fr.otherAuthorities++; return; }
      const code = onsOf.get(ecode);
      if (!code) { problems.push({ code: 'UNKNOWN_CODE', file: `raw/${y.file}`, row: line, column: c.columns.code, value: ecode, message: `no file listed under "codes" gives this council's ONS code`, fix: `Check the code; a council new since then needs its ONS code in one of ${c.codes.files.map((f) => `raw/${f}`).join(', ')}.` }); return; }
      fr.councils++;
      if (inRegion.has(ecode)) fr.inRegion++;
      const s = councils.get(code) ?? { code, ecode, name: d.ladNames.get(code) ?? r[nc].trim().replace(/ UA$/, ''), cls, tier: k.tier, region: inRegion.has(ecode), cash: Object.fromEntries(c.services.map((x) => [x.id, years.map(() => null)])), rows: years.map(() => null) };
      councils.set(code, s);
      s.rows[yi] = { file: `raw/${y.file}`, line };
      c.services.forEach((svc, si) => {
        const at = cols[si];
        if (!at) return; // no such line this year
        let sum = 0;
        for (const ci of at) {
          const v = r[ci]?.trim() ?? '';
          if (v === '') return; // not in this extract
          if (c.notAvailable.includes(v)) { fr.notAvailable++; return; } // the publisher's "not available"
          const n = Number(v);
          if (!Number.isFinite(n)) { problems.push({ code: 'NOT_A_NUMBER', file: `raw/${y.file}`, row: line, column: t.header[ci], value: v, message: 'not a number', fix: 'Amounts are plain numbers in £ thousand, without commas or symbols.' }); return; }
          sum += n;
        }
        if (si === totalAt && sum < 0 && !c.acceptedNegativeTotals.some((a) => a.code === code && a.year === y.year)) { problems.push({ code: 'NEGATIVE_TOTAL', file: `raw/${y.file}`, row: line, column: at.map((ci) => t.header[ci]).join(' + '), value: String(sum), message: 'a council\'s total service expenditure below zero', fix: 'Check the row: a column may have shifted, or a sign been lost. If the publisher\'s figure really is below zero (income above spending), list it under "acceptedNegativeTotals" in config/finance.json with the reason.' }); return; }
        s.cash[svc.id][yi] = round(sum, 3);
      });
      // A service less others (e.g. all services less education): a figure only where each part has one.
      c.services.forEach((svc) => {
        if (!svc.less) return;
        const parts = svc.less.map((id) => s.cash[id]?.[yi] ?? null);
        const own = s.cash[svc.id][yi];
        s.cash[svc.id][yi] = own === null || parts.some((p) => p === null) ? null : round(own - parts.reduce((a, b) => a! + b!, 0)!, 3);
      });
    });
  });
  report.files = [...fileReports.values()];
  report.councils = councils.size;
  report.inRegion = [...councils.values()].filter((x) => x.region).length;

  // Each neighbourhood's councils: its own (the 2019 district or unitary), and a county where two-tier.
  const areas: Record<string, string[]> = {};
  for (const n of d.neighbourhoods) {
    const given = c.neighbourhoods[n.slug];
    if (!given) continue;
    const list = given.map((code) => councils.get(code));
    given.forEach((code, i) => { if (!list[i]) problems.push({ code: 'UNKNOWN_CODE', file: 'config/finance.json', column: `neighbourhoods.${n.slug}`, value: code, message: 'no council row of the RS files has this ONS code', fix: 'Use the ONS code of the council of that time (the RS files give it beside the E-code).' }); });
    if (list.some((x) => !x)) continue;
    const tiers = list.map((x) => x!.tier);
    const ok = (tiers.length === 1 && tiers[0] === 'single') || (tiers.length === 2 && tiers.includes('county') && tiers.includes('district'));
    if (!ok) problems.push({ code: 'MIXED_TIERS', file: 'config/finance.json', column: `neighbourhoods.${n.slug}`, value: given.join(', '), message: `a neighbourhood has one single-tier council, or one district and its county; these are ${tiers.join(' and ')}`, fix: 'Never add a county to a unitary: list the unitary alone, or the district with its county.' });
    if (!given.includes(n.lad2019)) problems.push({ code: 'COUNCIL_MISMATCH', file: 'config/finance.json', column: `neighbourhoods.${n.slug}`, value: given.join(', '), message: `the neighbourhood lies in ${n.lad2019} (2019), which is not listed`, fix: 'List the council the neighbourhood lay in, with its county where two-tier.' });
    areas[n.slug] = given;
  }
  if (problems.length > start) return null;

  // Per resident at constant prices, then the comparators of each tier.
  const popTable = d.tables.get(c.population.file)!, defTable = d.tables.get(c.deflator.file)!;
  const pop = readPopulation(c.population, popTable, problems);
  const prices = readDeflator(c.deflator, defTable, years, problems);
  const all = [...councils.values()];
  const real = perResident(c, years, all, pop, prices, `raw/${c.population.file}`, problems);
  if (problems.length > start) return null;
  report.perResident = {
    population: { file: `raw/${c.population.file}`, vintage: c.population.vintage, rowsRead: popTable.rows.length },
    deflator: { file: `raw/${c.deflator.file}`, vintage: c.deflator.vintage, base: c.deflator.base, index: Object.fromEntries([...prices].map(([y, v]) => [y, round(v, 3)])) },
    ...real.report,
  };
  const members = all.map((s) => ({ ...s, ...real.series.get(s.code)! }));
  const groups = tierGroups(members, c.services.map((x) => x.id), years.length);
  const regional = members.filter((s) => s.region).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return {
    report,
    data: {
      unit: c.unit, years, programme: d.programme, missing: c.missing, notes: c.notes,
      prices: { base: c.deflator.base, deflator: c.deflator.vintage, population: c.population.vintage, index: years.map((y) => round(prices.get(y)!, 3)) },
      services: c.services.map(({ id, label, who, note, twoTierNote, total, lead, less, breaks }) => ({ id, label, who, note, twoTierNote, total: total ?? false, lead: lead ?? false, less: less ?? [], breaks: breaks ?? [] })),
      classes: Object.fromEntries(Object.entries(c.classes).filter(([, k]) => k.tier).map(([id, k]) => [id, k.name])),
      councils: Object.fromEntries(regional.map(({ rows: _rows, ...s }) => [s.code, s])),
      groups,
      neighbourhoods: areas,
    },
  };
}

