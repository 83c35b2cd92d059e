import type { Topology, GeometryObject } from 'topojson-specification';
import type { Vintage } from './areas.ts';
import type { VintageLookup } from './neighbourhoods.ts';
import type { LoadedDataset } from './local.ts';
import type { AggregateInputs, Summary } from './aggregate.ts';
import { STATUS } from './values.ts';
import { json } from './serialize.ts';
import { councilMarks, type CustomChunkFile, type CustomIndex } from '../../src/lib/custom.ts';
import { latestWave } from '../../src/lib/local/waves.ts';

/** The aggregation's own inputs (indicators, vintages, frames, series, population weights), and what the page needs beside them. */
export interface CustomInputs extends Pick<AggregateInputs, 'indicators' | 'vintageOf' | 'frames' | 'series' | 'population'> {
  cuts: Map<string, number[]>;
  lookup: VintageLookup;
  comparators: {
    lads: Record<Vintage, Record<string, { name: string; summaries: Record<string, Summary> }>>;
    region: { code: string; name: string; summaries: Record<string, Summary> };
    england: { code: string; name: string; summaries: Record<string, Summary> };
  };
  /** change.json: each 2021 area in scope, its flag, parents and [decile, rank, lowest, highest parent rank] per edition. */
  change: { editions: string[]; codes: string[]; flag: string[]; parents: string[][]; values: (number[] | null)[][] } | null;
  local: LoadedDataset[];
  /** The 2021 topology of the scope: each council's part is written beside its chunk. */
  topology: Topology;
}

/** A number as JSON keeps it (every double round-trips), or null for none. */
const num = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * What the custom area page needs, in one small index and one chunk per council (2021): each
 * small area's population weight and figures on every indicator (counts where a percentage is
 * pooled), its 2011 parents with their figures, the council's own summaries, and its areas'
 * change across editions. A reader's selection fetches only the chunks of its councils.
 * Suppressed figures are never written: a chunk holds only what the values files publish.
 */
export function buildCustom(c: CustomInputs): Map<string, string> {
  const files = new Map<string, string>();
  const f21 = c.frames[2021], f11 = c.frames[2011];
  const byLad = new Map<string, number[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => { const a = m.get(k); if (a) a.push(v); else m.set(k, [v]); };
  for (const i of f21.scope) push(byLad, f21.lad[i], i);
  const parents = new Map<string, { code: string; change: string }[]>();
  const children = new Map<string, string[]>();
  for (const p of c.lookup.pairs) {
    push(parents, p.to, { code: p.from, change: p.change });
    push(children, p.from, p.to);
  }
  const changeAt = new Map((c.change?.codes ?? []).map((code, k) => [code, k]));
  const lsoaLocal = c.local.flatMap((ds) => ds.meta.indicators.filter((i) => i.level === 'lsoa' && i.unit !== 'text').map((ind) => ({ ds, ind })));
  const chunks: CustomIndex['chunks'] = {};
  for (const [lad, idx21] of [...byLad].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
    const codes21 = idx21.map((i) => f21.codes[i]);
    const codes11 = [...new Set(codes21.flatMap((code) => (parents.get(code) ?? []).map((p) => p.code)))].filter((code) => f11.index.has(code)).sort((a, b) => a.localeCompare(b, 'en-GB'));
    const idx11 = codes11.map((code) => f11.index.get(code)!);
    const at = { 2021: idx21, 2011: idx11 } as const;
    const values: CustomChunkFile['values'] = {};
    // Many indicators share a denominator (all residents, all households): each distinct list is written once, the others name its indicator.
    const denominators = new Map<string, string>();
    for (const ind of c.indicators) {
      const s = c.series.get(ind.id)!;
      const idx = at[c.vintageOf(ind)];
      const isValue = (i: number) => s.status[i] === STATUS.value;
      const suppressed = idx.flatMap((i, k) => (s.status[i] === STATUS.suppressed ? [k] : []));
      if (!s.counts) { values[ind.id] = { v: idx.map((i) => (isValue(i) ? num(s.values[i]) : null)), suppressed }; continue; }
      const d = idx.map((i) => (isValue(i) ? s.counts!.den[i] : null));
      const key = JSON.stringify(d);
      const same = denominators.get(key);
      if (same === undefined) denominators.set(key, ind.id);
      values[ind.id] = { n: idx.map((i) => (isValue(i) ? s.counts!.num[i] : null)), d: same ?? d, suppressed };
    }
    const lads11 = [...new Set(idx11.map((i) => f11.lad[i]))].sort();
    const chunk: CustomChunkFile = {
      lad, name: f21.ladName[idx21[0]],
      a2021: { codes: codes21, names: idx21.map((i) => f21.names[i]), ward: idx21.map((i) => f21.wardName[i]), pop: idx21.map((i) => num(c.population[2021][i])),
        parents: codes21.map((code) => (parents.get(code) ?? []).map((p) => [p.code, p.change] as [string, string])) },
      a2011: { codes: codes11, lad: idx11.map((i) => f11.lad[i]), pop: idx11.map((i) => num(c.population[2011][i])), children: codes11.map((code) => children.get(code) ?? []) },
      values,
      lads: {
        2021: { [lad]: councilMarks(c.comparators.lads[2021][lad]) },
        2011: Object.fromEntries(lads11.map((l) => [l, councilMarks(c.comparators.lads[2011][l] ?? { name: f11.ladName[f11.lad.indexOf(l)], summaries: {} })])),
      },
      change: c.change ? codes21.map((code) => { const k = changeAt.get(code); return k === undefined ? null : { flag: c.change!.flag[k], parents: c.change!.parents[k], deciles: c.change!.values[k].map((e) => e?.[0] ?? null) }; }) : null,
      local: Object.fromEntries(lsoaLocal.map(({ ds, ind }) => {
        const codes = ind.vintage === 2011 ? codes11 : codes21;
        const by = new Map(latestWave(ds.values.filter((v) => v.indicator === ind.id)).map((v) => [v.area, v]));
        // Published parts only: a suppressed figure is sent as "suppressed", with no numbers.
        return [ind.id, codes.map((code) => {
          const v = by.get(code);
          if (!v || v.status === 'missing') return null;
          if (v.status === 'suppressed') return { status: 'suppressed' as const, value: null, numerator: null, denominator: null, sampleSize: null };
          return { status: 'value' as const, value: v.value, numerator: v.numerator, denominator: v.denominator, sampleSize: v.sampleSize };
        })];
      })),
    };
    const path = `custom/${lad}.json`;
    files.set(path, json(chunk));
    const geometry = `custom/geo/${lad}.topo.json`;
    files.set(geometry, json(subTopology(c.topology, new Set(codes21), lad)));
    chunks[lad] = { name: chunk.name, areas: codes21.length, path, geometry };
  }
  const index: CustomIndex = {
    editions: c.change?.editions ?? [],
    changeCodes: c.lookup.changeCodes,
    cuts: Object.fromEntries(c.cuts),
    region: c.comparators.region,
    england: c.comparators.england,
    chunks,
    // Which chunk holds each small area of 2021: runs of consecutive code numbers in one council.
    runs: runsOf(f21.scope.map((i) => [f21.codes[i], f21.lad[i]] as [string, string])),
    local: lsoaLocal.map(({ ds, ind }) => ({ id: ind.id, dataset: ds.id, title: ds.meta.title, label: ind.label, domain: ind.domain, vintage: ind.vintage as Vintage, unit: ind.unit, decimals: ind.decimals })),
  };
  files.set('custom/index.json', json(index));
  return files;
}

/** Codes with their council as runs: [first code, how many consecutive numbers, council]. */
function runsOf(pairs: [string, string][]): [string, number, string][] {
  const runs: [string, number, string][] = [];
  const n = (code: string) => Number(code.slice(3));
  for (const [code, lad] of [...pairs].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
    const last = runs[runs.length - 1];
    if (last && last[2] === lad && last[0].slice(0, 3) === code.slice(0, 3) && n(last[0]) + last[1] === n(code)) last[1]++;
    else runs.push([code, 1, lad]);
  }
  return runs;
}

/** One council's part of a topology: its small areas (object `lsoa`) and its outline (`lad`), with only the arcs they use. */
export function subTopology(t: Topology, codes: ReadonlySet<string>, lad: string): Topology {
  const remap = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const arc = (i: number) => {
    const k = i < 0 ? ~i : i;
    let j = remap.get(k);
    if (j === undefined) { j = arcs.length; remap.set(k, j); arcs.push(t.arcs[k]); }
    return i < 0 ? ~j : j;
  };
  const walk = (a: unknown): unknown => (Array.isArray(a) ? a.map(walk) : arc(a as number));
  const pick = (name: string, keep: (g: GeometryObject) => boolean) => {
    const o = t.objects[name] as { type: 'GeometryCollection'; geometries: GeometryObject[] };
    return { type: 'GeometryCollection' as const, geometries: o.geometries.filter(keep).map((g) => ({ ...g, arcs: walk((g as { arcs: unknown }).arcs) })) as GeometryObject[] };
  };
  const objects = { lsoa: pick('lsoa', (g) => codes.has(String(g.id))), lad: pick('lad', (g) => g.id === lad) };
  return { type: 'Topology', ...(t.transform ? { transform: t.transform } : {}), objects, arcs } as Topology;
}
