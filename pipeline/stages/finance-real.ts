import type { Problem } from '../errors.ts';
import type { Finance } from '../schema.ts';
import { round } from '../round.ts';
import type { CsvTable } from './load.ts';
import { columnIndex } from './join.ts';

/**
 * Council spending per resident at constant prices: each council's cash (£ thousand) for a
 * financial year N/N+1, divided by its mid-year N population estimate, times the price index
 * of the base year over that year's. A council-year gets a figure only where the council made
 * a return that year and its population is known: a council the population file lacks is
 * missing (if declared absent, with its reason) or stops the build (if not), never estimated.
 */
export interface RealSeries { code: string; name: string; cash: Record<string, (number | null)[]>; rows: ({ file: string; line: number } | null)[] }

export interface RealReport {
  population: { file: string; vintage: string; rowsRead: number };
  deflator: { file: string; vintage: string; base: string; index: Record<string, number> };
  /** Every council-year of the returns: made, no return that year, or no population (declared absent). */
  councilYears: number; made: number; noReturn: number;
  noPopulation: { code: string; name: string; years: string[]; reason: string }[];
}

/** Financial year "2010-11" → mid-year 2010. */
const midYear = (fy: string) => Number(fy.slice(0, 4));

/** Reads the population file: code → mid-year → persons. Every row must hold a whole number above zero. */
export function readPopulation(cfg: Finance['population'], t: CsvTable, problems: Problem[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const [cc, yc, vc] = [cfg.columns.code, cfg.columns.year, cfg.columns.value].map((c) => columnIndex(t, c, problems, 'council population'));
  if (cc < 0 || yc < 0 || vc < 0) return out;
  t.rows.forEach((r, i) => {
    const [code, ys, vs] = [r[cc].trim(), r[yc].trim(), r[vc].trim()];
    const y = Number(ys);
    if (!/^\d{4}$/.test(ys)) { problems.push({ code: 'BAD_YEAR', file: t.file, row: t.lines[i], column: cfg.columns.year, value: ys, message: 'a mid-year is written as four digits (2010)', fix: 'Check the year column; a shifted column or a title row can put other text here.' }); return; }
    if (!/^\d+$/.test(vs) || Number(vs) <= 0) {
      problems.push({ code: vs !== '' && Number(vs) === 0 ? 'ZERO_POPULATION' : 'NOT_A_NUMBER', file: t.file, row: t.lines[i], column: cfg.columns.value, value: vs, message: Number(vs) === 0 && vs !== '' ? 'a population of zero: no figure per resident can be made from it' : 'a population is a whole number of people, above zero', fix: 'Copy the estimate from the publisher\'s workbook as a plain whole number, without commas, spaces or notes.' });
      return;
    }
    const m = out.get(code) ?? new Map<number, number>();
    if (m.has(y)) { problems.push({ code: 'DUPLICATE_CODE', file: t.file, row: t.lines[i], column: cfg.columns.code, value: `${code} ${ys}`, message: 'a second population for the same council and mid-year', fix: 'Keep one row per council and mid-year.' }); return; }
    m.set(y, Number(vs));
    out.set(code, m);
  });
  return out;
}

/** Reads the price index: financial year → index, rebased to the base year = 100. Each year of the returns must have one. */
export function readDeflator(cfg: Finance['deflator'], t: CsvTable, years: string[], problems: Problem[]): Map<string, number> {
  const raw = new Map<string, number>();
  const [yc, vc] = [columnIndex(t, cfg.columns.year, problems, 'the price index'), columnIndex(t, cfg.columns.value, problems, 'the price index')];
  if (yc < 0 || vc < 0) return new Map();
  t.rows.forEach((r, i) => {
    const [y, vs] = [r[yc].trim(), r[vc].trim()];
    const v = Number(vs);
    if (vs === '' || !Number.isFinite(v) || v <= 0) { problems.push({ code: 'NOT_A_NUMBER', file: t.file, row: t.lines[i], column: cfg.columns.value, value: vs, message: 'a price index is a number above zero', fix: 'Copy the index as published, a plain number.' }); return; }
    raw.set(y, v);
  });
  for (const y of [...years, cfg.base]) {
    if (!raw.has(y)) problems.push({ code: 'NO_DEFLATOR', file: t.file, column: cfg.columns.year, value: y, message: `no price index for ${y}${y === cfg.base ? ', the base year' : ''}: its spending cannot be put at ${cfg.base} prices`, fix: `Add the financial year ${y} to the price index file (a newer release of the series), or leave the year out of config/finance.json.` });
  }
  const base = raw.get(cfg.base);
  return new Map(years.filter((y) => raw.has(y) && base).map((y) => [y, (100 * raw.get(y)!) / base!]));
}

/**
 * £ per resident at base-year prices, for every council, service and year with a cash figure
 * and a population; rounded to the penny.
 */
export function perResident(cfg: Finance, years: string[], councils: RealSeries[], pop: Map<string, Map<number, number>>, index: Map<string, number>, popFile: string, problems: Problem[]) {
  const absent = new Map(cfg.population.absent.map((a) => [a.code, a.reason]));
  const report: Omit<RealReport, 'population' | 'deflator'> = { councilYears: 0, made: 0, noReturn: 0, noPopulation: [] };
  const out = new Map<string, { population: (number | null)[]; real: Record<string, (number | null)[]> }>();
  for (const s of councils) {
    const p = years.map((y) => pop.get(s.code)?.get(midYear(y)) ?? null);
    const gone: string[] = [];
    years.forEach((y, yi) => {
      report.councilYears++;
      const where = s.rows[yi];
      if (!where) { report.noReturn++; return; }
      if (p[yi] !== null) { report.made++; return; }
      gone.push(y);
      if (!absent.has(s.code)) problems.push({ code: 'NO_POPULATION', file: where.file, row: where.line, column: cfg.columns.code, value: `${s.code} ${s.name}`, message: `this council has spending in ${y} but ${popFile} has no population for it at mid-${midYear(y)}`, fix: `Add its mid-${midYear(y)} estimate to the population file, check that its ONS code matches, or, if the population file cannot have it (a council since abolished), list it under population.absent in config/finance.json with the reason.` });
    });
    if (gone.length) report.noPopulation.push({ code: s.code, name: s.name, years: gone, reason: absent.get(s.code) ?? 'not declared' });
    const real = Object.fromEntries(Object.entries(s.cash).map(([svc, v]) => [svc, v.map((x, yi) => {
      const d = index.get(years[yi]);
      return x === null || p[yi] === null || d === undefined ? null : round(((x * 1000) / p[yi]!) * (100 / d), 2);
    })]));
    out.set(s.code, { population: p, real });
  }
  return { series: out, report };
}
