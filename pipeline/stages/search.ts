import type { Problem } from '../errors.ts';
import type { Geographies } from '../schema.ts';
import { DISTRICT_INDEX, parsePostcode, shardPath, type DistrictIndex } from '../../src/lib/postcode.ts';
import type { AreaFrame } from './areas.ts';
import { columnIndex } from './join.ts';
import type { CsvTable } from './load.ts';
import { ladsOf, shapesOf, type BBox, type VintageGeometry } from './geometry.ts';
import type { ResolvedNeighbourhood } from './neighbourhoods.ts';
import { round } from '../round.ts';
import { bboxOf, contains } from '../../src/lib/planar.ts';
import { PLACE_RANK } from '../../src/lib/labels.ts';

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
  /** Each neighbourhood's name by its slug. */
  neighbourhoodNames: Map<string, string>;
  neighbourhoods: { slug: string; name: string; bbox: BBox; label: [number, number] }[];
  lads: Record<string, { name: string; bbox: BBox; label: [number, number] }>;
  /** The scope's local authorities' outlines: a named place is searchable only inside one. */
  ladShapes: GeoJSON.Geometry[];
  wardBoxes: Map<string, BBox>;
  /** The area mapped, as a sentence names it ("the North West", "England"). */
  regionName: string;
}

/**
 * What search covers. Postcodes and places outside the scope are left out and counted; the
 * coverage is the share of the scope's small areas that at least one postcode of the file falls in.
 */
export interface SearchReport {
  postcodes: number; postcodesOutsideScope: number; sectors: number; districts: number;
  coverage: { lsoas: number; withPostcodes: number; share: number; complete: boolean; words: string };
  places: number; placesOutsideScope: number; wards: number; parishes: number; rejected: { badPostcode: number };
}

/** What the search box says about itself: the postcode file, how much of the scope it covers, an example. */
export interface SearchSummary { edition: string; region: string; coverage: SearchReport['coverage']; example: { postcode: string | null; place: string | null } }

/** Plain words for the postcode file's coverage of the scope; `region` names it as a sentence does ("the North West", "England"). */
export function coverageWords(edition: string, region: string, lsoas: number, withPostcodes: number): string {
  if (withPostcodes === 0) return `The postcode file (${edition}) holds no postcode in ${region}, so postcodes cannot be found here; search for a place, ward or local authority instead.`;
  const share = withPostcodes / lsoas;
  if (withPostcodes === lsoas) return `Postcodes of ${region} can be found: the postcode file (${edition}) covers every one of its ${lsoas.toLocaleString('en-GB')} small areas.`;
  return `The postcode file (${edition}) covers only part of ${region}: ${withPostcodes.toLocaleString('en-GB')} of its ${lsoas.toLocaleString('en-GB')} small areas (${(100 * share).toFixed(0)}%). Postcodes elsewhere cannot be found; search for a place, ward or local authority instead.`;
}

const r3 = (x: number) => round(x, 3);

/** The search stage's inputs, from the build's frames, lookup, neighbourhoods and geometry. */
export function searchInputs(cfg: SearchInputs['cfg'], b: {
  csv: (file: string) => CsvTable; pairs: { from: string; to: string }[]; resolved: ResolvedNeighbourhood[]; geometry: VintageGeometry;
  /** The areas of each local authority in scope (frame indices). */
  ladMembers: Map<string, number[]>; frame: AreaFrame; wardBoxes: Map<string, BBox>; regionName: string;
}): SearchInputs {
  const lsoa11Of = new Map<string, string[]>();
  for (const p of b.pairs) lsoa11Of.set(p.to, [...(lsoa11Of.get(p.to) ?? []), p.from]);
  const neighbourhoodOf = new Map<string, string>();
  for (const n of b.resolved) for (const m of n.lsoas2021) neighbourhoodOf.set(m.code, n.config.slug);
  const placed = b.geometry.placements;
  return {
    cfg, postcodes: b.csv(cfg.postcodes.file), places: b.csv(cfg.places.file), names: b.csv(cfg.names.file),
    frame2021: b.frame, lsoa11Of, neighbourhoodOf, neighbourhoodNames: new Map(b.resolved.map((n) => [n.config.slug, n.config.name])),
    neighbourhoods: b.resolved.filter((n) => placed.neighbourhood[n.config.slug]).map((n) => ({ slug: n.config.slug, name: n.config.name, ...placed.neighbourhood[n.config.slug] })),
    lads: ladsOf(b.geometry, Object.fromEntries([...b.ladMembers].map(([code, idx]) => [code, { name: b.frame.ladName[idx[0]] }]))),
    wardBoxes: b.wardBoxes, regionName: b.regionName, ladShapes: shapesOf(b.geometry.topology, 'lad'),
  };
}

export function buildSearch(d: SearchInputs, problems: Problem[]): { files: Map<string, string>; report: SearchReport; summary: SearchSummary } {
  const files = new Map<string, string>();
  const c = d.cfg;
  const [pc, pLad, pWard, pLsoa] = [c.postcodes.postcode, c.postcodes.lad, c.postcodes.ward, c.postcodes.lsoa].map((x) => columnIndex(d.postcodes, x, problems, 'the postcode search'));
  const [nName, nType, nLat, nLon, nDistrict, nCounty] = [c.places.name, c.places.type, c.places.lat, c.places.lon, c.places.district, c.places.county].map((x) => columnIndex(d.places, x, problems, 'the place search'));
  const [aCode, aName, aParent] = [c.names.code, c.names.name, c.names.parent].map((x) => columnIndex(d.names, x, problems, 'the place search'));
  const report: SearchReport = { postcodes: 0, postcodesOutsideScope: 0, sectors: 0, districts: 0, coverage: { lsoas: 0, withPostcodes: 0, share: 0, complete: false, words: '' }, places: 0, placesOutsideScope: 0, wards: 0, parishes: 0, rejected: { badPostcode: 0 } };
  const example: SearchSummary['example'] = { postcode: null, place: null };
  const summary = (): SearchSummary => ({ edition: c.postcodes.edition, region: d.regionName, coverage: report.coverage, example });
  if (problems.length) return { files, report, summary: summary() };

  const f = d.frame2021;
  const inScope = new Set(f.scope.map((i) => f.codes[i]));
  const wardName = new Map<string, string>();
  for (const row of d.names.rows) if (/^E05/.test(row[aCode])) wardName.set(row[aCode], row[aName]);
  f.codes.forEach((code, i) => { if (f.ward[i] && !wardName.has(f.ward[i])) wardName.set(f.ward[i], f.wardName[i]); });
  const ladName = new Map(Object.entries(d.lads).map(([k, v]) => [k, v.name]));
  f.codes.forEach((_, i) => { if (f.lad[i] && !ladName.has(f.lad[i])) ladName.set(f.lad[i], f.ladName[i]); });

  // Shards by district: a dictionary of the LSOAs and wards the district's postcodes use, then one row per postcode.
  type Shard = { lsoas: string[]; lsoaIdx: Map<string, number>; wards: string[]; wardIdx: Map<string, number>; rows: unknown[][] };
  const shards = new Map<string, Shard>();
  const districts = new Map<string, Set<string>>();
  // ONS pcds is already "DISTRICT UNIT": split it directly; anything else goes through the full parser.
  const fast = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;
  const covered = new Set<string>();
  // Rows of one district come together in the file: its shard, and its last row's ward, are kept at hand.
  let s: Shard | undefined;
  let sDistrict = '';
  let lastWard = '', lastLad = '', lastWardAt = -1;
  d.postcodes.rows.forEach((row) => {
    const raw = row[pc];
    const sp = raw.indexOf(' ');
    const quick = fast.test(raw);
    const p = quick ? null : parsePostcode(raw);
    if (!quick && !p) { report.rejected.badPostcode++; return; }
    const postcode = p ? p.postcode : raw;
    const district = p ? p.district : raw.slice(0, sp);
    const inward = p ? p.inward : raw.slice(sp + 1);
    const lsoa = row[pLsoa].trim();
    if (!inScope.has(lsoa)) { report.postcodesOutsideScope++; return; }
    report.postcodes++;
    covered.add(lsoa);
    if (!example.postcode && d.neighbourhoodOf.has(lsoa)) example.postcode = postcode;
    if (!s || district !== sDistrict) {
      s = shards.get(district);
      if (!s) shards.set(district, (s = { lsoas: [], lsoaIdx: new Map(), wards: [], wardIdx: new Map(), rows: [] }));
      sDistrict = district;
      lastWardAt = -1;
    }
    let l = s.lsoaIdx.get(lsoa);
    if (l === undefined) { l = s.lsoas.length; s.lsoaIdx.set(lsoa, l); s.lsoas.push(lsoa); }
    const ward = row[pWard].trim(), lad = row[pLad].trim();
    if (lastWardAt < 0 || ward !== lastWard || lad !== lastLad) {
      const wardKey = `${ward}|${lad}`;
      let w = s.wardIdx.get(wardKey);
      if (w === undefined) { w = s.wards.length; s.wardIdx.set(wardKey, w); s.wards.push(wardKey); }
      lastWard = ward; lastLad = lad; lastWardAt = w;
    }
    s.rows.push([inward, l, lastWardAt]);
    let ds = districts.get(district);
    if (!ds) districts.set(district, (ds = new Set<string>()));
    ds.add(inward[0]);
  });
  for (const [district, s] of [...shards].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
    files.set(shardPath(district), JSON.stringify({
      district,
      lsoas: s.lsoas.map((code) => { const i = f.index.get(code); return [code, i === undefined ? '' : f.names[i], d.lsoa11Of.get(code) ?? [], d.neighbourhoodOf.get(code) ?? null]; }),
      wards: s.wards.map((k) => { const [w, l] = k.split('|'); return [w, wardName.get(w) ?? w, l, ladName.get(l) ?? l]; }),
      neighbourhoods: Object.fromEntries([...new Set(s.lsoas.map((code) => d.neighbourhoodOf.get(code)).filter((x): x is string => !!x))].map((slug) => [slug, d.neighbourhoodNames.get(slug) ?? slug])),
      postcodes: s.rows,
    }) + '\n');
  }
  report.sectors = [...districts.values()].reduce((n, digits) => n + digits.size, 0);
  report.districts = districts.size;
  report.coverage = { lsoas: inScope.size, withPostcodes: covered.size, share: inScope.size ? round(covered.size / inScope.size, 4) : 0, complete: covered.size === inScope.size, words: coverageWords(c.postcodes.edition, d.regionName, inScope.size, covered.size) };
  const index: DistrictIndex = { edition: c.postcodes.edition, region: d.regionName, coverage: report.coverage.share, complete: report.coverage.complete, districts: Object.fromEntries([...districts].sort(([a], [b]) => a.localeCompare(b, 'en-GB', { numeric: true })).map(([k, v]) => [k, [...v].sort().join('')])) };
  files.set(DISTRICT_INDEX, JSON.stringify(index) + '\n');

  // Places: [name, kind, lon, lat] or [name, kind, x0, y0, x1, y1, id]; kinds: N neighbourhood, L local authority, W ward, P parish, then OS types.
  const places: unknown[][] = [];
  for (const n of d.neighbourhoods) places.push([n.name, 'N', ...n.bbox.map(r3), n.slug]);
  for (const [code, l] of Object.entries(d.lads)) places.push([l.name, 'L', ...l.bbox.map(r3), code]);
  // Wards: every ward of the scope's small areas, named by the lookup (or the names file where it has them).
  // Two wards of the same name (Claremont in Blackpool and in Salford) are told apart by their council.
  const wardLad = new Map<string, string>();
  f.codes.forEach((_, i) => { if (f.ward[i]) wardLad.set(f.ward[i], f.lad[i]); });
  const nameCount = new Map<string, number>();
  for (const code of d.wardBoxes.keys()) { const n = wardName.get(code) ?? code; nameCount.set(n, (nameCount.get(n) ?? 0) + 1); }
  for (const [code, b] of [...d.wardBoxes].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))) {
    const name = wardName.get(code) ?? code;
    const lad = ladName.get(wardLad.get(code) ?? '');
    places.push([(nameCount.get(name) ?? 0) > 1 && lad ? `${name} (${lad})` : name, 'W', ...b.map(r3), code]);
    report.wards++;
  }
  for (const row of d.names.rows) {
    const code = row[aCode];
    if (/^E04/.test(code)) {
      const lad = d.lads[row[aParent]];
      if (lad) { places.push([row[aName], 'P', ...lad.bbox.map(r3), row[aParent]]); report.parishes++; }
    }
  }
  const labels: [string, string, number, number][] = [];
  const scopeLadNames = new Set(Object.values(d.lads).map((l) => l.name));
  const TYPES: Record<string, string> = { City: 'C', Town: 'T', Village: 'V', Hamlet: 'H', 'Suburban Area': 'S', 'Other Settlement': 'O' };
  const shapes = d.ladShapes.map((g) => ({ g, b: bboxOf([g]) }));
  const inShape = (lon: number, lat: number) => shapes.some(({ g, b }) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3] && contains(g, [lon, lat]));
  for (const row of d.places.rows) {
    const lat = Number(row[nLat]), lon = Number(row[nLon]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    // Named as in a scope council (coastal places the generalised outlines miss), or inside one's outline.
    if (!scopeLadNames.has(row[nDistrict]) && !scopeLadNames.has(row[nCounty]) && !inShape(lon, lat)) { report.placesOutsideScope++; continue; }
    if (!example.place && row[nType] === 'Town') example.place = row[nName];
    const kind = TYPES[row[nType]] ?? 'O';
    places.push([row[nName], kind, r3(lon), r3(lat), row[nDistrict] || row[nCounty] || '']);
    if (kind in PLACE_RANK) labels.push([row[nName], kind, round(lon, 4), round(lat, 4)]);
    report.places++;
  }
  places.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'en-GB') || String(a[1]).localeCompare(String(b[1]), 'en-GB'));
  // Map labels: cities, towns, suburbs and villages of the scope, most important first.
  labels.sort((a, b) => PLACE_RANK[a[1]] - PLACE_RANK[b[1]] || a[0].localeCompare(b[0], 'en-GB'));
  files.set('geo/places.json', JSON.stringify({ source: 'OS Open Names', kinds: { C: 'City', T: 'Town', S: 'Suburb', V: 'Village' }, places: labels }) + '\n');
  files.set('search/places.json', JSON.stringify({ kinds: { N: 'Neighbourhood', L: 'Local authority', W: 'Ward', P: 'Parish', C: 'City', T: 'Town', V: 'Village', H: 'Hamlet', S: 'Suburb', O: 'Place' }, places }) + '\n');
  example.place ??= d.neighbourhoods[0]?.name ?? null;
  return { files, report, summary: summary() };
}

export const searchCounts = ({ report: r }: { report: SearchReport }) => ({ postcodes: r.postcodes, outsideScope: r.postcodesOutsideScope, coverage: r.coverage.share, sectors: r.sectors, districts: r.districts, places: r.places, wards: r.wards, parishes: r.parishes });
