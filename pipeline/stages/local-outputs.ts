import type { Problem } from '../errors.ts';
import type { AreaFrame, Vintage } from './areas.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import { loadLocalDataset, localBreaks, localNeighbourhoodValue, localValuesFile, type LoadedDataset, type LocalInput } from './local.ts';
import { json } from './serialize.ts';
import { csvFile } from '../../src/lib/csv.ts';
import { changesOf } from '../../src/lib/local/waves.ts';

/**
 * Every local dataset, in name order, checked against the areas and the neighbourhoods; a
 * dataset with problems publishes nothing, and no indicator id may be used twice.
 */
export function loadLocalDatasets(inputs: LocalInput[], ctx: { frames: Record<Vintage, AreaFrame>; neighbourhoods: ResolvedNeighbourhood[]; officialIds: Set<string>; domains: Set<string> }, problems: Problem[]): LoadedDataset[] {
  const datasets: LoadedDataset[] = [];
  const ids = new Set(ctx.officialIds);
  const slugs = new Set(ctx.neighbourhoods.map((n) => n.config.slug));
  for (const input of [...inputs].sort((a, b) => a.dataset.localeCompare(b.dataset, 'en-GB'))) {
    const r = loadLocalDataset(input, { frames: ctx.frames, neighbourhoods: slugs, domains: ctx.domains, officialIds: ids });
    problems.push(...r.problems);
    if (!r.dataset) continue;
    for (const i of r.dataset.meta.indicators) if (ids.has(i.id)) problems.push({ code: 'DUPLICATE_ID', file: `local/${input.dataset}/dataset.json`, value: i.id, message: 'indicator id used by another dataset', fix: 'Give each indicator an id no other indicator has.' });
    r.dataset.meta.indicators.forEach((i) => ids.add(i.id));
    datasets.push(r.dataset);
  }
  return datasets;
}

/**
 * What the local datasets publish: a values file and a catalogue entry for each LSOA-level
 * indicator (mapped like an official one, with its uncertainty), each dataset as CSV, and
 * local.json with every value and the neighbourhoods' pooled figures.
 */
export function localOutputs(datasets: LoadedDataset[], frames: Record<Vintage, AreaFrame>, neighbourhoods: ResolvedNeighbourhood[]) {
  const files = new Map<string, string>();
  const mapped: Record<string, unknown>[] = [];
  for (const ds of datasets) for (const ind of ds.meta.indicators) {
    if (ind.level !== 'lsoa' || ind.unit === 'text') continue;
    const scopeCodes = frames[ind.vintage!].scope.map((i) => frames[ind.vintage!].codes[i]);
    const draft = localValuesFile(ds, ind, scopeCodes, []);
    const b = localBreaks(draft.values, ind.decimals);
    files.set(`values/${ind.id}.json`, json({ ...draft, breaks: b }));
    mapped.push({
      id: ind.id, label: `${ind.label} (local)`, shortLabel: ind.label, description: ind.description, table: `local:${ds.id}`, unit: ind.unit, decimals: ind.decimals, polarity: ind.polarity,
      edition: `${ds.meta.collectedBy}, ${ds.meta.period}`, family: ind.id, vintage: ind.vintage, source: `local:${ds.id}`, sourceFile: `local/${ds.id}/values.csv`, domain: ind.domain,
      domainReason: `Placed by ${ds.meta.collectedBy} in dataset.json.`, values: `values/${ind.id}.json`, local: { dataset: ds.id, synthetic: ds.meta.synthetic },
      classes: { method: 'quantile', breaks: b, classes: b.length + 1, worse: ind.polarity === 'higher-worse' ? 'high' : ind.polarity === 'lower-worse' ? 'low' : null, over: 'scope' },
    });
  }
  for (const ds of datasets) {
    const meta = ds.meta;
    const indicatorOf = new Map(meta.indicators.map((i) => [i.id, i]));
    const extra = localExtraColumns(ds);
    files.set(`downloads/local/${ds.id}.csv`, csvFile(
      ['dataset', 'dataset_title', 'collected_by', 'method', 'period', 'indicator', 'indicator_label', 'unit', 'level', 'area_code', 'status', 'suppressed_by', 'value', 'numerator', 'denominator', 'sample_size', 'lower_ci', 'upper_ci', 'low_precision', 'note', 'source_url', 'licence', ...extra],
      ds.values.map((v) => [ds.id, meta.title, meta.collectedBy, meta.method, meta.period, v.indicator, indicatorOf.get(v.indicator)!.label, indicatorOf.get(v.indicator)!.unit, indicatorOf.get(v.indicator)!.level, v.area, v.status, v.suppressedBy ?? '', v.value, v.numerator, v.denominator, v.sampleSize, v.lower, v.upper, v.lowPrecision ? 'yes' : 'no', v.note, v.sourceUrl, meta.licence, ...extra.map((c) => (c === 'wave' ? v.wave : v.bound) ?? '')]),
      { bom: false }, // a resource of the data package: read by tools, so no BOM
    ));
  }
  files.set('local.json', json({
    datasets: datasets.map((ds) => ({ id: ds.id, ...Object.fromEntries(Object.entries(ds.meta).filter(([k]) => k !== 'indicators')), indicators: ds.meta.indicators.map((i) => i.id) })),
    indicators: datasets.flatMap((ds) => ds.meta.indicators.map((i) => ({ ...i, dataset: ds.id }))),
    values: Object.fromEntries(datasets.flatMap((ds) => ds.meta.indicators.map((ind) => {
      const own = ds.values.filter((v) => v.indicator === ind.id).map(({ row: _row, ...v }) => v);
      const byNeighbourhood = ind.level === 'lsoa' ? Object.fromEntries(neighbourhoods.map((n) => [n.config.slug, localNeighbourhoodValue(ds, ind, (ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code))]).filter(([, v]) => v !== null)) : {};
      if (!ds.meta.design || ds.meta.design === 'one-wave') return [ind.id, { values: own, byNeighbourhood }];
      // Two waves: the change in each area and, from small areas, each neighbourhood (pooled per wave).
      const groups = ind.level === 'lsoa' ? Object.fromEntries(neighbourhoods.map((n) => [n.config.slug, (ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code)])) : {};
      const { byArea, byGroup } = changesOf(ind, ds.values, groups);
      return [ind.id, { values: own, byNeighbourhood, changes: byArea, changesByNeighbourhood: byGroup }];
    }))),
  }));
  return { files, mapped };
}

export const localCounts = (datasets: LoadedDataset[]) => ({ datasets: datasets.length, values: datasets.reduce((n, d) => n + d.values.length, 0), suppressed: datasets.reduce((n, d) => n + d.values.filter((v) => v.suppressedBy === 'primary' || v.suppressedBy === 'secondary').length, 0) });

/** The optional columns a local dataset's CSV download carries after the template's: its waves, its bounds. */
export const localExtraColumns = (ds: { values: { wave?: string; bound?: string }[] }): string[] => [...(ds.values.some((v) => v.wave) ? ['wave'] : []), ...(ds.values.some((v) => v.bound) ? ['bound'] : [])];
