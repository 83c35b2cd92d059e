import type { Problem } from '../errors.ts';
import type { Config, TableConfig } from '../schema.ts';
import { VINTAGES, type AreaFrame, type Vintage } from './areas.ts';
import { coarserTable, type CoarserTableReport, type WardRow } from './coarser.ts';
import { finerLookupReader, finerSummer, type FinerLookup, type FinerLookupReport } from './finer.ts';
import { columnIndex } from './join.ts';
import { parseCell, type BytesReader, type CsvTable, type RowSink } from './load.ts';
import { numberTable, type NumberTable } from './number-table.ts';
import { extractSeries, indicatorColumns, joinTable, type JoinedTable, type Series, type TableReport } from './values.ts';

export interface TablesResult {
  series: Map<string, Series>;
  population: Record<Vintage, Float64Array>;
  reports: TableReport[];
  finerLookups: FinerLookupReport[];
  /** Each ward table's rows by ward code, for the pages' lists of wards (tables with "coarser"). */
  wards: Map<string, Map<string, WardRow>>;
}

/** The value columns a table is read for: its indicators' columns and, for a population table, the population column. */
function usedColumns(cfg: Config, t: TableConfig): string[] {
  const used = new Set(cfg.indicators.indicators.filter((i) => i.table === t.id).flatMap(indicatorColumns));
  for (const g of Object.values(cfg.geographies.vintages)) if (g.population.table === t.id) used.add(g.population.column);
  return [...used];
}

/** The columns of each raw file that the tables stage reads (only those are kept in memory). */
export function tableColumns(cfg: Config): [file: string, columns: string[]][] {
  return [
    ...cfg.tables.tables.map((t): [string, string[]] => [t.file, [t.code, ...(t.coarser?.contests ? Object.values(t.coarser.contests) : [...usedColumns(cfg, t), ...t.coarser?.percent ?? [], ...t.coarser?.show ?? [], ...t.coarser?.noPoll ? [t.coarser.noPoll.column] : []])]]),
    ...Object.values(cfg.geographies.finer ?? {}).map((f): [string, string[]] => [f.file, [f.code, f.parent]]),
  ];
}

/**
 * Each table, one at a time so only one table's rows are in memory: a table of a finer
 * geography summed to LSOAs first, then joined onto its vintage's frame and reduced to its
 * indicators' series (and the population weights).
 */
export function readTables(cfg: Config, frames: Record<Vintage, AreaFrame>, csv: (file: string, onRow?: RowSink, fromBytes?: BytesReader) => CsvTable, problems: Problem[]): TablesResult {
  const geo = cfg.geographies;
  const series = new Map<string, Series>();
  const population = {} as Record<Vintage, Float64Array>;
  const reports: TableReport[] = [];
  const lookups = new Map<string, FinerLookup>();
  const lookup = (id: string) => {
    if (!lookups.has(id)) {
      const f = geo.finer![id];
      const reader = finerLookupReader(id, f, frames[f.vintage], problems);
      lookups.set(id, reader.finish(csv(f.file, reader.row)));
    }
    return lookups.get(id)!;
  };
  const vintages = VINTAGES;
  const wards = new Map<string, Map<string, WardRow>>();
  for (const t of cfg.tables.tables) {
    const other = frames[t.vintage === 2021 ? 2011 : 2021];
    let table: NumberTable;
    let finer: TableReport['finer'];
    let coarser: CoarserTableReport | undefined;
    if (t.coarser !== undefined) {
      const c = coarserTable(t, frames[t.vintage], csv(t.file), cfg.tables.defaults, problems);
      table = c.csv;
      coarser = c.report;
      wards.set(t.id, c.wards);
    } else if (t.finer !== undefined) {
      const summer = finerSummer(t, lookup(t.finer), frames[t.vintage], usedColumns(cfg, t), cfg.tables.defaults, problems);
      const summed = summer.finish(csv(t.file, summer.row, summer.fromBytes));
      table = summed.csv;
      finer = summed.report;
    } else {
      const markers = [...(t.missingMarkers ?? cfg.tables.defaults.missingMarkers), ...(t.suppressedMarkers ?? cfg.tables.defaults.suppressedMarkers)];
      table = csv(t.file, undefined, (bytes, keep) => numberTable(`raw/${t.file}`, bytes, keep, t.code, markers));
    }
    const joined = joinTable(frames[t.vintage], t, table, geo.nation.lsoaPrefix, problems, other);
    reports.push(finer ? { ...joined.report, finer } : coarser ? { ...joined.report, coarser } : joined.report);
    for (const ind of cfg.indicators.indicators) if (ind.table === t.id) series.set(ind.id, extractSeries(frames[t.vintage], joined, ind, cfg.tables.defaults, problems));
    for (const v of vintages) if (geo.vintages[v].population.table === t.id) population[v] = populationOf(frames[v], joined, geo.vintages[v].population.column, problems);
  }
  return { series, population, reports, finerLookups: [...lookups.values()].map((l) => l.report), wards };
}

function populationOf(frame: AreaFrame, joined: JoinedTable, column: string, problems: Problem[]): Float64Array {
  const c = columnIndex(joined.csv, column, problems, 'population weights');
  const out = new Float64Array(frame.codes.length).fill(NaN);
  if (c < 0) return out;
  const numbers = joined.csv.numbers?.values[c];
  joined.rowOf.forEach((r, i) => {
    if (r < 0) return;
    if (numbers) { out[i] = numbers[r]; return; }
    const cell = parseCell(joined.csv.rows[r][c] ?? '', [''], []);
    if (cell.status === 'value') out[i] = cell.value;
  });
  return out;
}

export const tablesCounts = (t: TablesResult) => ({ tables: t.reports.length, rows: t.reports.reduce((n, r) => n + (r.finer?.rowsRead ?? r.rowsRead), 0), matched: t.reports.reduce((n, r) => n + r.matched, 0), series: t.series.size });
