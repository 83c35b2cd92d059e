import type { ChangeConfig, Config, Indicator } from '../schema.ts';
import type { AreaFrame, Vintage } from './areas.ts';
import { carryForward, changeIndicator, changeSeries, figures, FLAGS, type Carried, type Crosswalk } from './change.ts';
import { STATUS, type Series } from './values.ts';
import { csvFile } from '../../src/lib/csv.ts';

export interface ChangeLayer {
  config: ChangeConfig;
  indicator: Indicator;
  /** Whether the earlier edition was carried from 2011 to 2021 areas (so each value has a flag). */
  carried: boolean;
}

const vintageOf = (cfg: Config, id: string): Vintage => {
  const ind = cfg.indicators.indicators.find((i) => i.id === id)!;
  return cfg.tables.tables.find((t) => t.id === ind.table)!.vintage;
};

/**
 * The change layers of indicators.json (added to the config's indicators, so they are
 * aggregated, classed, mapped and downloaded like any other), and every edition of the Indices
 * carried onto the 2021 small areas for the slope charts and the change table.
 */
export function buildChanges(cfg: Config, frames: Record<Vintage, AreaFrame>, cw: Crosswalk, series: Map<string, Series>, population2011: Float64Array) {
  const carried = new Map<string, Carried>();
  const carry = (rankId: string, decileId: string) => {
    const key = `${rankId}|${decileId}`;
    if (!carried.has(key)) carried.set(key, carryForward(cw, series.get(rankId)!, series.get(decileId)!, population2011));
    return carried.get(key)!;
  };
  /** The earlier edition's deciles on the later edition's areas: carried from 2011 to 2021 areas, or as published when both use the same areas. */
  const earlier = (l: { config: ChangeConfig; carried: boolean }) => (l.carried ? carry(l.config.fromRank, l.config.from).decile : figures(series.get(l.config.from)!));
  const layers: ChangeLayer[] = [];
  for (const c of cfg.indicators.changes ?? []) {
    const later = cfg.indicators.indicators.find((i) => i.id === c.to)!;
    const layer = { config: c, indicator: changeIndicator(c, later), carried: vintageOf(cfg, c.from) === 2011 && vintageOf(cfg, c.to) === 2021 };
    series.set(c.id, changeSeries(layer.indicator, series.get(c.to)!, earlier(layer)));
    cfg.indicators.indicators.push(layer.indicator);
    layers.push(layer);
  }
  const editions = cfg.indicators.editions ?? [];

  /** A change layer's values file gains the positions of areas carried as split, merged or redrawn. */
  const flagged = <T extends object>(id: string, vf: T, scope: readonly number[]): T => {
    const layer = layers.find((l) => l.config.id === id);
    if (!layer) return vf;
    const edition = (ind: string) => cfg.indicators.indicators.find((i) => i.id === ind)!.edition;
    const [from, to] = [earlier(layer), figures(series.get(layer.config.to)!)];
    const orNull = (a: Float64Array, i: number) => (Number.isFinite(a[i]) ? a[i] : null);
    const editions = { from: edition(layer.config.from), to: edition(layer.config.to), fromValues: scope.map((i) => orNull(from, i)), toValues: scope.map((i) => orNull(to, i)) };
    if (!layer.carried) return { ...vf, editions };
    const at: Record<string, number[]> = { split: [], merged: [], redrawn: [] };
    scope.forEach((i, k) => { const f = FLAGS[cw.flag[i]]; if (f !== 'unchanged') at[f].push(k); });
    return { ...vf, carried: at, editions };
  };

  /** Every 2021 small area in scope: its flag, its 2011 parents where it changed, each edition's rank and decile (carried where earlier). */
  const editionValues = (i: number) => editions.map((e) => {
    if (vintageOf(cfg, e.decile) === 2021) {
      const [r, d] = [series.get(e.rank)!, series.get(e.decile)!];
      return r.status[i] === STATUS.value && d.status[i] === STATUS.value ? { rank: r.values[i], decile: d.values[i], low: r.values[i], high: r.values[i] } : null;
    }
    const c = carry(e.rank, e.decile);
    return Number.isFinite(c.rank[i]) ? { rank: c.rank[i], decile: c.decile[i], low: c.low[i], high: c.high[i] } : null;
  });
  const [f21, f11] = [frames[2021], frames[2011]];
  const areas = () => ({
    editions: editions.map((e) => e.id),
    codes: f21.scope.map((i) => f21.codes[i]),
    flag: f21.scope.map((i) => FLAGS[cw.flag[i]]),
    parents: f21.scope.map((i) => (FLAGS[cw.flag[i]] === 'unchanged' ? [] : cw.parents[i].map((p) => f11.codes[p]))),
    values: f21.scope.map((i) => editionValues(i).map((v) => (v ? [v.decile, v.rank, v.low, v.high] : null))),
  });

  /** The per-area change table of the data package: every 2021 small area in scope, every edition, its flag and parents. */
  const table = () => {
    const head = ['lsoa21_code', 'lsoa21_name', 'carried_as', 'lsoa11_parents', ...editions.flatMap((e) => [`${e.id}_imd_rank`, `${e.id}_imd_decile`, `${e.id}_parent_rank_low`, `${e.id}_parent_rank_high`]), ...layers.filter((l) => l.carried).map((l) => l.config.id)];
    const rows = f21.scope.map((i) => [
      f21.codes[i], f21.names[i], FLAGS[cw.flag[i]], cw.parents[i].map((p) => f11.codes[p]).join(' '),
      ...editionValues(i).flatMap((v) => (v ? [v.rank, v.decile, v.low, v.high] : [null, null, null, null])),
      ...layers.filter((l) => l.carried).map((l) => { const s = series.get(l.config.id)!; return s.status[i] === STATUS.value ? s.values[i] : null; }),
    ]);
    const fields = head.map((name) => ({ name, type: /rank|decile|change/.test(name) ? 'integer' : 'string' }));
    return { csv: csvFile(head, rows, { bom: false }), schema: { fields, missingValues: [''] } };
  };
  return { layers, flagged, areas, table };
}
