/**
 * Per-indicator downloads made in the browser from the files the map already uses, so the
 * site does not ship a CSV and a GeoJSON for every indicator. Same neutralised CSV as the
 * pipeline's (src/lib/csv.ts).
 */
import { classOf } from './classes.ts';
import { csvFile } from './csv.ts';
import type { AreasFile, IndicatorMeta, ValuesFile } from './data.ts';

const statusAt = (v: ValuesFile, k: number) => (v.suppressed.includes(k) ? 'suppressed' : v.missing.includes(k) ? 'missing' : 'value');

export function indicatorCsv(ind: IndicatorMeta, values: ValuesFile, areas: AreasFile): string {
  return csvFile(
    ['lsoa_code', 'lsoa_name', 'ward_code', 'ward_name', 'lad_code', 'lad_name', 'indicator', 'value', 'status', 'map_class', 'unit', 'edition', 'licence'],
    areas.codes.map((code, k) => {
      const v = values.values[k];
      return [code, areas.names[k], areas.ward[k], areas.wardNames[areas.ward[k]] ?? '', areas.lad[k], areas.ladNames[areas.lad[k]] ?? '', ind.id, v, statusAt(values, k), v === null ? null : classOf(v, ind.classes.breaks) + 1, ind.unit, ind.edition, ind.licence?.name ?? ''];
    }),
  );
}

export function indicatorGeojson(ind: IndicatorMeta, values: ValuesFile, areas: AreasFile, features: GeoJSON.Feature[]): string {
  const index = new Map(areas.codes.map((c, k) => [c, k]));
  return JSON.stringify({
    type: 'FeatureCollection',
    indicator: { id: ind.id, label: ind.label, unit: ind.unit, edition: ind.edition, source: ind.source },
    licence: `${ind.licence && !/^OGL/.test(ind.licence.id) ? `Values: ${ind.licence.name}${/^CC-BY-SA/i.test(ind.licence.id) ? ' (share-alike: reuse under the same licence, with credit)' : ''}; boundaries: ` : ''}Open Government Licence v3.0; contains OS data © Crown copyright and database right 2024`,
    features: features.map((f) => {
      const k = index.get(String(f.id))!;
      return { type: 'Feature', id: f.id, properties: { lsoa_code: String(f.id), lsoa_name: areas.names[k], value: values.values[k], status: statusAt(values, k) }, geometry: f.geometry };
    }),
  });
}

/** Offers text as a file download. */
export function saveText(name: string, text: string, type: string): void {
  saveBlob(name, new Blob([text], { type }));
}

export function saveBlob(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
