import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Indicator } from '../schema.ts';
import type { AreaFrame, Vintage } from './areas.ts';
import type { Breaks } from './derive.ts';
import { csvFile } from '../../src/lib/csv.ts';
import { STATUS, type Series } from './values.ts';
import type { Summary } from './aggregate.ts';
import { round } from '../round.ts';

/**
 * Files for people to take away: CSV (formula-like cells neutralised) and GeoJSON per
 * neighbourhood and per indicator, and the whole dataset as a Frictionless data package.
 */
export interface DownloadInputs {
  frames: Record<Vintage, AreaFrame>;
  topologies: Record<Vintage, Topology>;
  indicators: (Indicator & { vintage: Vintage; domain: string; source: string })[];
  series: Map<string, Series>;
  breaks: Map<string, Breaks>;
  neighbourhoods: { slug: string; name: string; lsoas: Record<Vintage, string[]>; summaries: Record<string, Record<'neighbourhood' | 'lad' | 'region' | 'england', Summary>> }[];
  sources: { id: string; title: string; url: string; licence: { name: string; id: string; url: string }; attribution: string }[];
  /** Each local dataset's CSV, with the optional columns it carries (wave, bound). */
  local: { id: string; title: string; path: string; extra: string[] }[];
  /** The per-area change table (every edition carried onto 2021 small areas), when change layers are configured: UTF-8 without a BOM. */
  change?: { csv: string; schema: object };
  /** The area mapped, as a sentence names it ("the North West", "England"). */
  regionName: string;
}

const cellOf = (s: Series, i: number): { value: number | null; status: string } => {
  const st = s.status[i];
  if (st === STATUS.value) return { value: round(s.values[i], s.indicator.decimals), status: 'value' };
  return { value: null, status: st === STATUS.suppressed ? 'suppressed' : 'missing' };
};

/** Share-alike licences (CC BY-SA): whatever carries figures from such a source is published under the same licence, and says so. */
export const isShareAlike = (licenceId: string) => /^CC-BY-SA/i.test(licenceId);

export function buildDownloads(d: DownloadInputs): Map<string, string> {
  const files = new Map<string, string>();
  const byVintage = (v: Vintage) => d.indicators.filter((i) => i.vintage === v);
  const sourceOf = new Map(d.sources.map((s) => [s.id, s]));
  const licenceOf = (i: { source: string }) => sourceOf.get(i.source)?.licence;
  const OGL = { name: 'OGL-UK-3.0', title: 'Open Government Licence v3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' };
  /** The licences of the indicators a file carries, for the data package (OGL always: boundaries and codes). */
  const licencesOf = (inds: { source: string }[]) => {
    const out = new Map([[OGL.name, OGL]]);
    for (const i of inds) { const l = licenceOf(i); if (l && l.id !== OGL.name) out.set(l.id, { name: l.id, title: l.name, path: l.url }); }
    return [...out.values()];
  };
  const shareAlike = (inds: { source: string }[]) => inds.some((i) => isShareAlike(licenceOf(i)?.id ?? ''));
  const SA_NOTE = 'Share-alike: figures from the Local Elections Archive Project (Andrew Teale, https://www.andrewteale.me.uk/leap/) are licensed CC BY-SA 3.0, and so are the columns and files derived from them.';

  // Per indicator, the CSV and GeoJSON are made in the browser from the values and geometry files
  // (src/lib/downloads.ts); the data package's wide tables hold every indicator for readers without JavaScript.
  // Per neighbourhood: its LSOAs with every indicator (long CSV) and a GeoJSON of its 2021 LSOAs with the 2021 values.
  for (const n of d.neighbourhoods) {
    const rows: unknown[][] = [];
    for (const v of [2021, 2011] as Vintage[]) {
      const f = d.frames[v];
      for (const code of n.lsoas[v]) {
        const i = f.index.get(code);
        if (i === undefined) continue;
        for (const ind of byVintage(v)) { const c = cellOf(d.series.get(ind.id)!, i); rows.push([n.slug, v, code, f.names[i], ind.id, ind.label, c.value, c.status, ind.unit, ind.edition, licenceOf(ind)?.name ?? '']); }
      }
    }
    files.set(`downloads/neighbourhoods/${n.slug}.csv`, csvFile(['neighbourhood', 'lsoa_vintage', 'lsoa_code', 'lsoa_name', 'indicator', 'indicator_label', 'value', 'status', 'unit', 'edition', 'licence'], rows));
    files.set(`downloads/neighbourhoods/${n.slug}.geojson`, geojsonOf(d, 2021, n.lsoas[2021], { neighbourhood: n.slug, name: n.name }));
  }

  // The data package: wide tables per LSOA vintage, neighbourhood summaries, local datasets. Its
  // CSVs are for tools (UTF-8, no BOM, as Frictionless readers expect); the per-neighbourhood
  // CSVs above and the comparison table are for spreadsheets (with a BOM, so Excel reads UTF-8).
  const wide = (v: Vintage) => {
    const f = d.frames[v];
    const inds = byVintage(v);
    return csvFile(['lsoa_code', 'lsoa_name', 'ward_code', 'lad_code', ...inds.map((i) => i.id)], f.scope.map((i) => [f.codes[i], f.names[i], f.ward[i], f.lad[i], ...inds.map((ind) => { const c = cellOf(d.series.get(ind.id)!, i); return c.status === 'suppressed' ? 'c' : c.value; })]), { bom: false });
  };
  files.set('downloads/lsoa-2021.csv', wide(2021));
  files.set('downloads/lsoa-2011.csv', wide(2011));
  const summaryRows: unknown[][] = [];
  for (const n of d.neighbourhoods) for (const ind of d.indicators) for (const level of ['neighbourhood', 'lad', 'region', 'england'] as const) {
    const s = n.summaries[ind.id]?.[level];
    if (s) summaryRows.push([n.slug, ind.id, level, s.areas, s.withValue, s.mean ?? null, s.min ?? null, s.max ?? null, s.mostDeprived10?.areas ?? null, s.mostDeprived10?.populationShare ?? null]);
  }
  if (d.change) files.set('downloads/change-lsoa-2021.csv', d.change.csv);
  files.set('downloads/neighbourhood-summaries.csv', csvFile(['neighbourhood', 'indicator', 'comparator', 'lsoas', 'lsoas_with_value', 'mean', 'min', 'max', 'lsoas_in_most_deprived_decile', 'population_share_in_most_deprived_decile'], summaryRows, { bom: false }));

  const field = (name: string, type: 'string' | 'number' | 'integer', description: string) => ({ name, type, description });
  const lsoaSchema = (v: Vintage) => ({
    fields: [field('lsoa_code', 'string', `ONS code of the Lower layer Super Output Area (${v})`), field('lsoa_name', 'string', 'ONS name of the area'), field('ward_code', 'string', 'Ward (ONS best fit)'), field('lad_code', 'string', 'Local authority district'),
      ...byVintage(v).map((i) => field(i.id, 'number', `${i.label}. ${i.description} Unit: ${i.unit}. Source: ${i.source}. Licence: ${licenceOf(i)?.name ?? 'see sources'}${isShareAlike(licenceOf(i)?.id ?? '') ? ' (share-alike)' : ''}.`))],
    primaryKey: 'lsoa_code',
    missingValues: ['', 'c'],
  });
  files.set('downloads/datapackage.json', JSON.stringify({
    profile: 'tabular-data-package',
    name: 'neighbourhood-resilience-atlas',
    title: 'Neighbourhood Resilience Atlas: small-area statistics for the Neighbourhood Resilience Programme',
    description: `Published deprivation and Census statistics for the LSOAs of ${d.regionName}, the programme's neighbourhoods and their comparators, and locally gathered evidence. Empty cells: no figure published; "c": suppressed.${shareAlike(d.indicators) ? ` ${SA_NOTE} The resources that carry them (${[...(shareAlike(byVintage(2021)) ? ['lsoa-2021'] : []), ...(shareAlike(byVintage(2011)) ? ['lsoa-2011'] : []), 'neighbourhood-summaries'].join(', ')}) list CC-BY-SA-3.0 among their licenses; their other columns stay under their own licences.` : ''}`,
    licenses: licencesOf(d.indicators),
    sources: d.sources.map((s) => ({ title: s.title, path: s.url, attribution: s.attribution, license: s.licence.name })),
    resources: [
      { name: 'lsoa-2021', path: 'lsoa-2021.csv', profile: 'tabular-data-resource', format: 'csv', encoding: 'utf-8', licenses: licencesOf(byVintage(2021)), schema: lsoaSchema(2021) },
      { name: 'lsoa-2011', path: 'lsoa-2011.csv', profile: 'tabular-data-resource', format: 'csv', encoding: 'utf-8', licenses: licencesOf(byVintage(2011)), schema: lsoaSchema(2011) },
      { name: 'neighbourhood-summaries', path: 'neighbourhood-summaries.csv', profile: 'tabular-data-resource', format: 'csv', encoding: 'utf-8', licenses: licencesOf(d.indicators), schema: { fields: [field('neighbourhood', 'string', 'Neighbourhood slug'), field('indicator', 'string', 'Indicator id'), field('comparator', 'string', 'neighbourhood, lad (its local authority), region or england'), field('lsoas', 'integer', 'Small areas in the group'), field('lsoas_with_value', 'integer', 'Small areas with a figure'), field('mean', 'number', 'Population-weighted mean, or pooled percentage'), field('min', 'number', 'Lowest small-area value'), field('max', 'number', 'Highest small-area value'), field('lsoas_in_most_deprived_decile', 'integer', "Small areas in England's most deprived tenth (decile indicators)"), field('population_share_in_most_deprived_decile', 'number', 'Share of residents living in them')], missingValues: [''] } },
      ...(d.change ? [{ name: 'change-lsoa-2021', path: 'change-lsoa-2021.csv', profile: 'tabular-data-resource', format: 'csv', encoding: 'utf-8', title: 'IMD rank and decile of every edition on 2021 small areas, carried across the 2011 to 2021 change, with how each was carried', schema: d.change.schema }] : []),
      ...d.local.map((l) => ({ name: `local-${l.id}`, path: l.path.replace(/^downloads\//, ''), profile: 'tabular-data-resource', format: 'csv', encoding: 'utf-8', title: l.title, schema: localSchema(l.extra) })),
    ],
  }, null, 2) + '\n');
  return files;
}

/** The columns of a local dataset's CSV (written by stages/local-outputs.ts), with its optional ones. A value may be text, so it is a string here. */
const localSchema = (extra: string[]) => ({
  fields: [
    ...['dataset', 'dataset_title', 'collected_by', 'method', 'period', 'indicator', 'indicator_label', 'unit', 'level', 'area_code', 'status', 'suppressed_by', 'value'].map((name) => ({ name, type: 'string' })),
    ...['numerator', 'denominator', 'sample_size', 'lower_ci', 'upper_ci'].map((name) => ({ name, type: 'number' })),
    { name: 'low_precision', type: 'boolean', trueValues: ['yes'], falseValues: ['no'] },
    ...['note', 'source_url', 'licence'].map((name) => ({ name, type: 'string' })),
    ...extra.map((name) => ({ name, type: 'string', description: name === 'bound' ? 'For a figure published only as a bound: more than, at least, fewer than or at most the value' : "The wave's date, as written" })),
  ],
  missingValues: [''],
});

/** A GeoJSON FeatureCollection of some LSOAs of a vintage, with every indicator of that vintage as a property. */
function geojsonOf(d: DownloadInputs, v: Vintage, codes: string[], meta: Record<string, string>): string {
  const t = d.topologies[v];
  const all = feature(t, t.objects.lsoa as never) as unknown as GeoJSON.FeatureCollection;
  const want = new Set(codes);
  const f = d.frames[v];
  const inds = d.indicators.filter((i) => i.vintage === v);
  const features = all.features.filter((x) => want.has(String(x.id))).map((x) => {
    const i = f.index.get(String(x.id))!;
    const props: Record<string, unknown> = { lsoa_code: String(x.id), lsoa_name: f.names[i] };
    for (const ind of inds) {
      const c = cellOf(d.series.get(ind.id)!, i);
      props[ind.id] = c.value;
      if (c.status !== 'value') props[`${ind.id}_status`] = c.status;
    }
    return { type: 'Feature', id: String(x.id), properties: props, geometry: x.geometry };
  });
  const names = [...new Set(inds.map((i) => d.sources.find((s) => s.id === i.source)?.licence.name).filter((n): n is string => !!n && !/^Open Government/.test(n)))];
  return JSON.stringify({ type: 'FeatureCollection', ...meta, licence: `Open Government Licence v3.0; contains OS data © Crown copyright and database right 2024${names.length ? `; some properties: ${names.join('; ')} (see the data package)` : ''}`, features }) + '\n';
}
