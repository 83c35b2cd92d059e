import { InputError, type Problem } from '../errors.ts';
import type { Config } from '../schema.ts';
import { VINTAGES } from './areas.ts';
import { inflate, parseCsv, parseGeoJson, text, type BytesReader, type CsvTable, type LazyFeature, type RowSink } from './load.ts';
import { tableColumns } from './tables.ts';

/**
 * Reads the raw files the config refers to, each decoded as often as the config refers to it
 * and then let go (the map is the caller's, handed over), so the largest inputs do not stay in
 * memory to the end. Only the columns some stage uses are kept of each CSV. A file that cannot
 * be decoded (too large, not gzip) is a problem like any other: collected into `problems` and
 * read as empty, so the stage that asked reports it with everything else.
 */
export interface RawReader {
  /** A CSV file, its rows kept or each handed to `onRow`; `fromBytes` may read it first without parsing it (see {@link BytesReader}). */
  csv: (file: string, onRow?: RowSink, fromBytes?: BytesReader) => CsvTable;
  geojson: (file: string) => LazyFeature[];
  /** Every problem found while reading, and by the stages that share this list. */
  problems: Problem[];
}

/** The columns of each raw file that some stage reads. */
function usedColumns(cfg: Config): Map<string, Set<string>> {
  const keep = new Map<string, Set<string>>();
  const use = (file: string, ...cols: string[]) => { const k = keep.get(file) ?? new Set<string>(); cols.forEach((c) => k.add(c)); keep.set(file, k); };
  const geo = cfg.geographies;
  for (const [file, cols] of tableColumns(cfg)) use(file, ...cols);
  for (const v of VINTAGES) {
    const g = geo.vintages[v];
    use(g.areaLookup.file, g.areaLookup.code, g.areaLookup.ward, g.areaLookup.wardName, g.areaLookup.lad, g.areaLookup.ladName);
    use(g.regionLookup.file, g.regionLookup.lad, g.regionLookup.region, g.regionLookup.regionName);
  }
  use(geo.vintageLookup.file, geo.vintageLookup.from, geo.vintageLookup.to, geo.vintageLookup.change);
  if (geo.search) {
    const sc = geo.search;
    use(sc.postcodes.file, sc.postcodes.postcode, sc.postcodes.lad, sc.postcodes.ward, sc.postcodes.lsoa);
    use(sc.places.file, sc.places.name, sc.places.type, sc.places.lat, sc.places.lon, sc.places.district, sc.places.county);
    use(sc.names.file, sc.names.code, sc.names.name, sc.names.parent);
  }
  return keep;
}

/** How many times the config refers to each raw file (tables, and every `file` in geographies). */
function references(cfg: Config): Map<string, number> {
  const refs = new Map<string, number>();
  const refer = (f: string) => refs.set(f, (refs.get(f) ?? 0) + 1);
  cfg.tables.tables.forEach((t) => refer(t.file));
  (function walk(o: unknown): void { if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (k === 'file' && typeof v === 'string') refer(v); else walk(v); })([cfg.geographies, cfg.primaryCare]);
  return refs;
}

export function rawReader(cfg: Config, files: Map<string, Uint8Array>, problems: Problem[]): RawReader {
  const keep = usedColumns(cfg);
  const refs = references(cfg);
  /** Tables parsed whole that another stage reads again (the postcode file: search and GP practices), until that last read. */
  const parsed = new Map<string, CsvTable>();
  /** Counts one read of a file; after its last, its bytes (and any parsed table) are let go. */
  const consume = (file: string) => {
    const left = (refs.get(file) ?? 1) - 1;
    refs.set(file, left);
    if (left <= 0) { files.delete(file); parsed.delete(file); }
  };
  /** A file's bytes, inflated, and counted as read; null when it cannot be (too large, not gzip), its problem collected. */
  const inflated = (file: string): Uint8Array | null => {
    const bytes = files.get(file);
    if (!bytes) throw new Error(`raw/${file} was read more often than the config refers to it`);
    consume(file);
    try {
      return inflate(`raw/${file}`, bytes);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
      return null;
    }
  };
  return {
    problems,
    csv: (file, onRow, fromBytes) => {
      const again = parsed.get(file);
      if (again && !onRow) { consume(file); return again; }
      const bytes = inflated(file);
      if (bytes === null) return { file: `raw/${file}`, header: [], rows: [], lines: [] };
      const quick = fromBytes?.(bytes, keep.get(file) ?? new Set());
      if (quick) return quick;
      const r = parseCsv(`raw/${file}`, text(bytes), keep.get(file), onRow);
      problems.push(...r.problems);
      if (!onRow && (refs.get(file) ?? 0) > 0) parsed.set(file, r.table);
      return r.table;
    },
    geojson: (file) => {
      const t = inflated(file);
      if (t === null) return [];
      const r = parseGeoJson(`raw/${file}`, t);
      problems.push(...r.problems);
      return r.features ?? [];
    },
  };
}

/** Lazy features as a plain FeatureCollection (features without a geometry left out). */
export function collection(features: LazyFeature[]): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature' as const, properties: f.properties, geometry: f.geometry()! })).filter((f) => f.geometry) };
}

/**
 * The raw files the tables stage reads (its tables' and finer lookups'), taken out of the input
 * map, or copied when another stage reads the same file too.
 */
export function takeTableFiles(cfg: Config, all: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const ownRefs = new Map<string, number>();
  for (const [file] of tableColumns(cfg)) ownRefs.set(file, (ownRefs.get(file) ?? 0) + 1);
  const refs = references(cfg);
  const taken = new Map<string, Uint8Array>();
  for (const [file, own] of ownRefs) {
    const b = all.get(file);
    if (!b) continue;
    if ((refs.get(file) ?? 0) > own) taken.set(file, b.slice());
    else { taken.set(file, b); all.delete(file); }
  }
  return taken;
}

/** Takes the named raw files out of the input map (so their bytes are held only by what uses them). */
export function takeFiles(all: Map<string, Uint8Array>, paths: string[]): Map<string, Uint8Array> {
  const taken = new Map<string, Uint8Array>();
  for (const p of paths) { const b = all.get(p); if (b) { taken.set(p, b); all.delete(p); } }
  return taken;
}
