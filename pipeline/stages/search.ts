import type { Problem } from '../errors.ts';
import type { Geographies } from '../schema.ts';
import { parsePostcode, shardName } from '../../src/lib/postcode.ts';
import type { AreaFrame } from './areas.ts';
import { columnIndex } from './join.ts';
import type { CsvTable } from './load.ts';
import type { BBox } from './geometry.ts';
import { round } from '../round.ts';

/**
 * The offline search index: postcodes sharded by postcode sector (a few hundred postcodes,
 * a few KB each), and one small index of places (neighbourhoods, local authorities, wards,
 * parishes, towns, villages and suburbs).
 */
export interface SearchInputs {
  cfg: NonNullable<Geographies['search']>;
  postcodes: CsvTable;
  places: CsvTable;
  names: CsvTable;
  frame2021: AreaFrame;
  /** For each LSOA 2021 code: the LSOA 2011 codes it comes from. */
  lsoa11Of: Map<string, string[]>;
  /** For each LSOA 2021 code: the neighbourhood it is in (by its 2021 list). */
  neighbourhoodOf: Map<string, string>;
  neighbourhoods: { slug: string; name: string; bbox: BBox; label: [number, number] }[];
  lads: Record<string, { name: string; bbox: BBox; label: [number, number] }>;
  wardBoxes: Map<string, BBox>;
}

export interface SearchReport { postcodes: number; sectors: number; lsoaNotInScope: number; places: number; wards: number; parishes: number; rejected: { badPostcode: number } }

const r3 = (x: number) => round(x, 3);

export function buildSearch(d: SearchInputs, problems: Problem[]): { files: Map<string, string>; report: SearchReport } {
  const files = new Map<string, string>();
  const c = d.cfg;
  const [pc, pLad, pWard, pLsoa] = [c.postcodes.postcode, c.postcodes.lad, c.postcodes.ward, c.postcodes.lsoa].map((x) => columnIndex(d.postcodes, x, problems, 'the postcode search'));
  const [nName, nType, nLat, nLon, nDistrict, nCounty] = [c.places.name, c.places.type, c.places.lat, c.places.lon, c.places.district, c.places.county].map((x) => columnIndex(d.places, x, problems, 'the place search'));
  const [aCode, aName, aParent] = [c.names.code, c.names.name, c.names.parent].map((x) => columnIndex(d.names, x, problems, 'the place search'));
  const report: SearchReport = { postcodes: 0, sectors: 0, lsoaNotInScope: 0, places: 0, wards: 0, parishes: 0, rejected: { badPostcode: 0 } };
  if (problems.length) return { files, report };

  const f = d.frame2021;
  const inScope = new Set(f.scope.map((i) => f.codes[i]));
  const wardName = new Map<string, string>();
  for (const row of d.names.rows) if (/^E05/.test(row[aCode])) wardName.set(row[aCode], row[aName]);
  f.codes.forEach((code, i) => { if (f.ward[i] && !wardName.has(f.ward[i])) wardName.set(f.ward[i], f.wardName[i]); });
  const ladName = new Map(Object.entries(d.lads).map(([k, v]) => [k, v.name]));
  f.codes.forEach((_, i) => { if (f.lad[i] && !ladName.has(f.lad[i])) ladName.set(f.lad[i], f.ladName[i]); });

  // Shards by sector: a dictionary of the LSOAs and wards the sector's postcodes use, then one row per postcode.
  const sectors = new Map<string, { lsoas: string[]; lsoaIdx: Map<string, number>; wards: string[]; wardIdx: Map<string, number>; rows: unknown[][] }>();
  const districts = new Map<string, Set<string>>();
  // ONS pcds is already "DISTRICT UNIT": split it directly; anything else goes through the full parser.
  const fast = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;
  d.postcodes.rows.forEach((row) => {
    const raw = row[pc];
    const sp = raw.indexOf(' ');
    const p = fast.test(raw) ? { postcode: raw, district: raw.slice(0, sp), sector: raw.slice(0, sp + 2), unit: raw.slice(sp + 2) } : parsePostcode(raw);
    if (!p) { report.rejected.badPostcode++; return; }
    report.postcodes++;
    const lsoa = row[pLsoa].trim();
    if (!inScope.has(lsoa)) { report.lsoaNotInScope++; }
    let s = sectors.get(p.sector);
    if (!s) sectors.set(p.sector, (s = { lsoas: [], lsoaIdx: new Map(), wards: [], wardIdx: new Map(), rows: [] }));
    if (!s.lsoaIdx.has(lsoa)) { s.lsoaIdx.set(lsoa, s.lsoas.length); s.lsoas.push(lsoa); }
    const ward = row[pWard].trim();
    const wardKey = `${ward}|${row[pLad].trim()}`;
    if (!s.wardIdx.has(wardKey)) { s.wardIdx.set(wardKey, s.wards.length); s.wards.push(wardKey); }
    s.rows.push([p.unit, s.lsoaIdx.get(lsoa), s.wardIdx.get(wardKey)]);
    const ds = districts.get(p.district) ?? new Set<string>();
    ds.add(p.sector.slice(-1));
    districts.set(p.district, ds);
  });
  for (const [sector, s] of [...sectors].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
    files.set(`search/postcodes/${shardName(sector)}.json`, JSON.stringify({
      sector,
      lsoas: s.lsoas.map((code) => { const i = f.index.get(code); return [code, i === undefined ? '' : f.names[i], d.lsoa11Of.get(code) ?? [], d.neighbourhoodOf.get(code) ?? null]; }),
      wards: s.wards.map((k) => { const [w, l] = k.split('|'); return [w, wardName.get(w) ?? w, l, ladName.get(l) ?? l]; }),
      postcodes: s.rows,
    }) + '\n');
  }
  report.sectors = sectors.size;
  files.set('search/postcode-districts.json', JSON.stringify({ edition: c.postcodes.edition, districts: Object.fromEntries([...districts].sort(([a], [b]) => a.localeCompare(b, 'en-GB')).map(([k, v]) => [k, [...v].sort().join('')])) }) + '\n');

  // Places: [name, kind, lon, lat] or [name, kind, x0, y0, x1, y1, id]; kinds: N neighbourhood, L local authority, W ward, P parish, then OS types.
  const places: unknown[][] = [];
  for (const n of d.neighbourhoods) places.push([n.name, 'N', ...n.bbox.map(r3), n.slug]);
  for (const [code, l] of Object.entries(d.lads)) places.push([l.name, 'L', ...l.bbox.map(r3), code]);
  for (const row of d.names.rows) {
    const code = row[aCode];
    if (/^E05/.test(code)) {
      const b = d.wardBoxes.get(code);
      if (b) { places.push([row[aName], 'W', ...b.map(r3), code]); report.wards++; }
    } else if (/^E04/.test(code)) {
      const lad = d.lads[row[aParent]];
      if (lad) { places.push([row[aName], 'P', ...lad.bbox.map(r3), row[aParent]]); report.parishes++; }
    }
  }
  const TYPES: Record<string, string> = { City: 'C', Town: 'T', Village: 'V', Hamlet: 'H', 'Suburban Area': 'S', 'Other Settlement': 'O' };
  for (const row of d.places.rows) {
    const lat = Number(row[nLat]), lon = Number(row[nLon]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    places.push([row[nName], TYPES[row[nType]] ?? 'O', r3(lon), r3(lat), row[nDistrict] || row[nCounty] || '']);
    report.places++;
  }
  places.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'en-GB') || String(a[1]).localeCompare(String(b[1]), 'en-GB'));
  files.set('search/places.json', JSON.stringify({ kinds: { N: 'Neighbourhood', L: 'Local authority', W: 'Ward', P: 'Parish', C: 'City', T: 'Town', V: 'Village', H: 'Hamlet', S: 'Suburb', O: 'Place' }, places }) + '\n');
  return { files, report };
}
