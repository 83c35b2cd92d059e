import type { Problem } from '../errors.ts';
import type { AreaFrame, Vintage } from './areas.ts';
import { round } from '../round.ts';
import { poolLocal } from '../../src/lib/aggregate.ts';
import { checkLocalDataset, type CheckedDataset, type LocalInput } from '../../src/lib/local/check.ts';
import type { LocalIndicator, LocalValue } from '../../src/lib/local/schema.ts';
import { latestWave } from '../../src/lib/local/waves.ts';

/**
 * Locally gathered indicators: residents' and councils' own evidence. A dataset is a folder
 * data/local/<dataset>/ with dataset.json (metadata and indicators) and values.csv; the schema,
 * the checks and disclosure control live in src/lib/local/, which the contribute page runs too.
 */
export { LOCAL_COLUMNS, LocalDatasetSchema, type LocalDataset, type LocalIndicator, type LocalStatus, type LocalValue } from '../../src/lib/local/schema.ts';
export { additiveGroups, applyDisclosureControl } from '../../src/lib/local/disclosure.ts';
export type { LocalInput } from '../../src/lib/local/check.ts';
export type LoadedDataset = CheckedDataset;

/** Checks one dataset against the areas of England and the neighbourhoods (see checkLocalDataset). */
export function loadLocalDataset(input: LocalInput, ctx: { frames: Record<Vintage, AreaFrame>; neighbourhoods: Set<string>; domains: Set<string>; officialIds: Set<string> }): { dataset: LoadedDataset | null; problems: Problem[] } {
  const { dataset, problems } = checkLocalDataset(input, { lsoas: { 2011: ctx.frames[2011].index, 2021: ctx.frames[2021].index }, lsoaScope: 'England', neighbourhoods: ctx.neighbourhoods, domains: ctx.domains, officialIds: ctx.officialIds });
  return { dataset, problems };
}

/** A local LSOA-level indicator's values for the areas in scope, in geometry order, with their uncertainty (the latest wave's, in a dataset of two). */
export function localValuesFile(ds: LoadedDataset, ind: LocalIndicator, scopeCodes: string[], breaks: number[]) {
  const byArea = new Map(latestWave(ds.values.filter((v) => v.indicator === ind.id)).map((v) => [v.area, v]));
  const values: (number | null)[] = [], lower: (number | null)[] = [], upper: (number | null)[] = [], n: (number | null)[] = [];
  const missing: number[] = [], suppressed: number[] = [], lowPrecision: number[] = [];
  scopeCodes.forEach((code, k) => {
    const v = byArea.get(code);
    const x = v && v.status === 'value' && typeof v.value === 'number' ? v.value : null;
    values.push(x);
    lower.push(v?.status === 'value' ? v.lower : null);
    upper.push(v?.status === 'value' ? v.upper : null);
    n.push(v?.sampleSize ?? null);
    if (x === null) (v?.status === 'suppressed' ? suppressed : missing).push(k);
    if (v?.lowPrecision) lowPrecision.push(k);
  });
  return { id: ind.id, geometry: `geo/lsoa-${ind.vintage}.topo.json`, decimals: ind.decimals, breaks, values, missing, suppressed, lower, upper, n, lowPrecision };
}

/** Quantile breaks (up to five classes) over the values a local LSOA indicator has in scope. */
export function localBreaks(values: (number | null)[], decimals: number): number[] {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length < 2) return [];
  const k = Math.min(5, xs.length);
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const b = round(xs[Math.floor((i * xs.length) / k)], decimals);
    if (b > (out[out.length - 1] ?? -Infinity) && b > xs[0]) out.push(b);
  }
  return out;
}

/**
 * A local LSOA-level indicator summed or pooled over a neighbourhood's LSOAs, by the rule
 * custom areas follow too (`poolLocal`): any suppressed member suppresses the whole.
 */
export function localNeighbourhoodValue(ds: LoadedDataset, ind: LocalIndicator, members: string[]): Omit<LocalValue, 'row'> | null {
  const vs = latestWave(ds.values.filter((v) => v.indicator === ind.id)).filter((v) => members.includes(v.area));
  if (vs.length === 0) return null;
  const base = { indicator: ind.id, area: 'neighbourhood', lower: null, upper: null, note: `From ${vs.length} of its ${members.length} small areas.`, sourceUrl: ds.meta.sourceUrl, lowPrecision: vs.some((v) => v.lowPrecision) };
  const { why, ...p } = poolLocal(ind, vs);
  return { ...base, ...p, suppressedBy: p.status === 'suppressed' ? 'secondary' : null, ...(why ? { note: 'The small areas do not all give numerator and denominator, so no pooled figure can be made.' } : {}) };
}
