/**
 * A reader's own area: any set of 2021 small areas, profiled in the browser by the build's own
 * rules (the shared aggregation of `aggregate.ts`), from the chunks the pipeline writes per
 * council (`custom/<council>.json`) and its small index (`custom/index.json`).
 */
import { byCode, majorityOf, poolLocal, STATUS, summarise, type AreaSeries, type LocalPart, type LocalPooled, type Summary, type SummaryIndicator } from './aggregate.ts';
import { changesBySide, crossVintage, selfMembers, type MemberLsoa, type VintageLookup } from './vintages.ts';

type Vintage = 2011 | 2021;
/**
 * What the page and its CSV show of a council beside a custom area: its figure and where that
 * falls among England's small areas; for ranks and deciles (no figure of the whole) their range,
 * and how many of its small areas are in England's most deprived 10%.
 */
export type CouncilMark = Partial<Pick<Summary, 'mean' | 'position' | 'withValue' | 'min' | 'max'>> & { mostDeprived10?: { areas: number } };
type CouncilSummaries = { name: string; summaries: Record<string, CouncilMark> };

/** A council's summaries as a chunk carries them: each indicator's mark only. */
export const councilMarks = (c: { name: string; summaries: Record<string, Summary> }): CouncilSummaries => ({
  name: c.name,
  summaries: Object.fromEntries(Object.entries(c.summaries).map(([id, x]): [string, CouncilMark] => [id, x.mean !== undefined
    ? { mean: x.mean, position: x.position }
    : { withValue: x.withValue, min: x.min, max: x.max, ...(x.mostDeprived10 ? { mostDeprived10: { areas: x.mostDeprived10.areas } } : {}) }])),
});

export interface CustomIndex {
  editions: string[];
  /** England's 200 cut points per indicator that is placed among England's areas (see positionOf). */
  cuts: Record<string, number[]>;
  region: { code: string; name: string; summaries: Record<string, Summary> };
  england: { code: string; name: string; summaries: Record<string, Summary> };
  chunks: Record<string, { name: string; areas: number; path: string; geometry: string }>;
  /** [first 2021 code, how many consecutive code numbers, council]: which chunk holds a small area. */
  runs: [string, number, string][];
  /** The names of the ONS lookup's change indicators (geographies.json). */
  changeCodes: Record<string, string>;
  /** LSOA-level local indicators: their dataset, label, domain, vintage and unit. */
  local: { id: string; dataset: string; title: string; label: string; domain: string; vintage: Vintage; unit: string; decimals: number }[];
}

export interface CustomChunk {
  lad: string;
  name: string;
  a2021: { codes: string[]; names: string[]; ward: string[]; pop: (number | null)[]; parents: [string, string][][] };
  a2011: { codes: string[]; lad: string[]; pop: (number | null)[]; children: string[][] };
  /** Per indicator, in the order of its vintage's codes: values (or counts), null where none; `suppressed` lists positions withheld. */
  values: Record<string, { v?: (number | null)[]; n?: (number | null)[]; d?: (number | null)[]; suppressed: number[] }>;
  lads: { 2021: Record<string, CouncilSummaries>; 2011: Record<string, CouncilSummaries> };
  /** Each 2021 area's flag, 2011 parents and IMD decile in each edition (null where not comparable), as change.json carries them. */
  change: ({ flag: string; parents: string[]; deciles: (number | null)[] } | null)[] | null;
  local: Record<string, (LocalPart | null)[]>;
}

/** A chunk as written: an indicator whose denominators are another's in the same chunk names that indicator instead of repeating them. */
export interface CustomChunkFile extends Omit<CustomChunk, 'values'> {
  values: Record<string, { v?: (number | null)[]; n?: (number | null)[]; d?: (number | null)[] | string; suppressed: number[] }>;
}

/** A chunk as fetched, with every shared list of denominators in place. */
export function readChunk(file: CustomChunkFile): CustomChunk {
  const values: CustomChunk['values'] = {};
  for (const [id, x] of Object.entries(file.values)) {
    const d = typeof x.d === 'string' ? file.values[x.d]?.d : x.d;
    if (typeof d === 'string') throw new Error(`custom chunk ${file.lad}: ${id} names ${x.d} for its denominators, which names another in turn`);
    if (typeof x.d === 'string' && !d) throw new Error(`custom chunk ${file.lad}: ${id} names ${x.d} for its denominators, which has none`);
    values[id] = { ...x, d };
  }
  return { ...file, values };
}

/** What the profile needs of an indicator. */
export interface ProfileIndicator extends SummaryIndicator { id: string; vintage: Vintage }

export interface ProfileSummaries { neighbourhood: Summary; lad: CouncilMark; region: Summary; england: Summary }


/** The 2021 council holding a small area, from the index's runs; undefined outside the scope. */
export function councilOf(index: Pick<CustomIndex, 'runs'>, code: string): string | undefined {
  const n = Number(code.slice(3));
  if (!/^[EW]01\d{6}$/.test(code)) return undefined;
  let lo = 0, hi = index.runs.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const [start, len, lad] = index.runs[m];
    const cmp = start.slice(0, 3) === code.slice(0, 3) ? n - Number(start.slice(3)) : code.localeCompare(start, 'en-GB');
    if (cmp < 0) hi = m - 1;
    else if (cmp >= len) lo = m + 1;
    else return lad;
  }
  return undefined;
}

/** One vintage's areas of the loaded chunks, as one frame (a 2011 area two councils share appears once). */
interface Frame {
  codes: string[];
  at: Map<string, number>;
  pop: Float64Array;
  lad: string[];
  series: (id: string) => AreaSeries;
}

function frameOf(chunks: readonly CustomChunk[], vintage: Vintage): Frame {
  const codes: string[] = [], lad: string[] = [], pop: number[] = [], at = new Map<string, number>();
  const from: { chunk: CustomChunk; k: number }[] = [];
  for (const chunk of chunks) {
    const a = vintage === 2021 ? chunk.a2021 : chunk.a2011;
    a.codes.forEach((code, k) => {
      if (at.has(code)) return;
      at.set(code, codes.length);
      codes.push(code);
      lad.push(vintage === 2021 ? chunk.lad : chunk.a2011.lad[k]);
      pop.push(a.pop[k] ?? NaN);
      from.push({ chunk, k });
    });
  }
  const cache = new Map<string, AreaSeries>();
  const series = (id: string): AreaSeries => {
    const hit = cache.get(id);
    if (hit) return hit;
    const n = codes.length;
    const values = new Float64Array(n).fill(NaN), status = new Uint8Array(n).fill(STATUS.missing);
    const first = from[0]?.chunk.values[id];
    const counts = first?.n ? { num: new Float64Array(n).fill(NaN), den: new Float64Array(n).fill(NaN) } : undefined;
    const sup = new Map(chunks.map((c) => [c, new Set(c.values[id]?.suppressed ?? [])]));
    from.forEach(({ chunk, k }, i) => {
      const x = chunk.values[id];
      if (!x) return;
      if (sup.get(chunk)!.has(k)) { status[i] = STATUS.suppressed; return; }
      if (counts && x.n && x.d) {
        const nu = x.n[k], de = x.d[k];
        if (nu === null || de === null) return;
        counts.num[i] = nu; counts.den[i] = de;
        values[i] = (nu / de) * 100; // as the pipeline makes a percentage from its counts
        status[i] = STATUS.value;
      } else if (x.v && x.v[k] !== null) { values[i] = x.v[k]!; status[i] = STATUS.value; }
    });
    const s = { values, status, counts };
    cache.set(id, s);
    return s;
  };
  return { codes, at, pop: Float64Array.from(pop), lad, series };
}

/** The frames of a set of chunks, made once per set (a selection changes far more often than its councils). */
const frameCache = new WeakMap<CustomChunk, { key: string; frames: Record<Vintage, Frame> }>();
function framesOf(chunks: readonly CustomChunk[]): Record<Vintage, Frame> {
  const key = chunks.map((c) => c.lad).join(',');
  const hit = chunks[0] && frameCache.get(chunks[0]);
  if (hit && hit.key === key) return hit.frames;
  const frames = { 2021: frameOf(chunks, 2021), 2011: frameOf(chunks, 2011) };
  if (chunks[0]) frameCache.set(chunks[0], { key, frames });
  return frames;
}

/**
 * The ONS lookup's pairs that touch the loaded chunks' areas: each 2021 area with its 2011 parents
 * (and their change), and each of those parents with its other 2021 areas, which is all that
 * carrying a selection back needs to tell whether a parent is partial.
 */
function lookupOf(index: Pick<CustomIndex, 'changeCodes'>, chunks: readonly CustomChunk[]): VintageLookup {
  const pairs: VintageLookup['pairs'] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, change: string) => { const k = `${from}|${to}`; if (!seen.has(k)) { seen.add(k); pairs.push({ from, to, change }); } };
  for (const c of chunks) c.a2021.codes.forEach((code, k) => { for (const [p, ch] of c.a2021.parents[k]) add(p, code, ch); });
  // A parent's other areas, in chunks not loaded: their change is never read (they are not in the selection).
  for (const c of chunks) c.a2011.codes.forEach((code, k) => { for (const child of c.a2011.children[k]) add(code, child, ''); });
  return { pairs, changeCodes: index.changeCodes };
}

export interface CustomProfile {
  lsoas2021: MemberLsoa[];
  lsoas2011: MemberLsoa[];
  /** The council most of its areas lie in, per vintage: the comparator a neighbourhood's profile uses. */
  lad: Record<Vintage, { code: string; name: string }>;
  /** Every council (2021) it touches, with how many of its areas lie there. */
  councils: { code: string; name: string; areas: number }[];
  summaries: Record<string, ProfileSummaries>;
  /** Each council's own summaries, per vintage, for areas across councils. */
  councilSummaries: Record<Vintage, Record<string, CouncilSummaries>>;
  local: Record<string, LocalPooled>;
}

/**
 * The profile of a set of 2021 small areas: every indicator summarised over its areas of that
 * indicator's vintage (2011 areas carried back through the lookup), beside the council most of
 * them lie in, the region and England, exactly as the pipeline profiles a neighbourhood.
 */
export function customProfile(index: CustomIndex, chunks: readonly CustomChunk[], indicators: readonly ProfileIndicator[], codes: readonly string[]): CustomProfile {
  // Both vintages' lists as the pipeline derives a neighbourhood's from an LSOA list of 2021 (src/lib/vintages.ts).
  const lookup = lookupOf(index, chunks);
  const chosen = [...new Set(codes)];
  const lsoas2021 = selfMembers(chosen, changesBySide(lookup, 'to'), lookup);
  const lsoas2011 = crossVintage(new Set(chosen), lookup, 'backward');
  const frames = framesOf(chunks);
  const membersOf = (v: Vintage) => (v === 2021 ? lsoas2021 : lsoas2011).map((m) => frames[v].at.get(m.code)).filter((i): i is number => i !== undefined);
  const idx = { 2021: membersOf(2021), 2011: membersOf(2011) };
  const councilSummaries = { 2021: {}, 2011: {} } as CustomProfile['councilSummaries'];
  for (const c of chunks) for (const v of [2021, 2011] as const) Object.assign(councilSummaries[v], c.lads[v]);
  const lad = Object.fromEntries(([2021, 2011] as const).map((v) => {
    const code = majorityOf(idx[v].map((i) => frames[v].lad[i]));
    return [v, { code, name: councilSummaries[v][code]?.name ?? '' }];
  })) as CustomProfile['lad'];
  const summaries: Record<string, ProfileSummaries> = {};
  for (const ind of indicators) {
    const f = frames[ind.vintage];
    summaries[ind.id] = {
      neighbourhood: summarise(ind, f.series(ind.id), idx[ind.vintage], f.pop, index.cuts[ind.id]),
      lad: councilSummaries[ind.vintage][lad[ind.vintage].code]?.summaries[ind.id] ?? {},
      region: index.region.summaries[ind.id],
      england: index.england.summaries[ind.id],
    };
  }
  const count = new Map<string, number>();
  for (const i of idx[2021]) count.set(frames[2021].lad[i], (count.get(frames[2021].lad[i]) ?? 0) + 1);
  const councils = [...count].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0])).map(([code, areas]) => ({ code, name: councilSummaries[2021][code]?.name ?? code, areas }));
  const local: Record<string, LocalPooled> = {};
  for (const li of index.local) {
    const mine = new Set((li.vintage === 2011 ? lsoas2011 : lsoas2021).map((m) => m.code));
    const parts: LocalPart[] = [];
    const seen = new Set<string>();
    for (const c of chunks) (li.vintage === 2011 ? c.a2011.codes : c.a2021.codes).forEach((code, k) => {
      const p = c.local[li.id]?.[k];
      if (mine.has(code) && !seen.has(code) && p) { seen.add(code); parts.push(p); }
    });
    local[li.id] = poolLocal(li, parts);
  }
  return { lsoas2021, lsoas2011, lad, councils, summaries, councilSummaries, local };
}

/** Sorts out what a reader typed or pasted: codes and postcodes, one per line or comma-separated. */
export function splitInput(text: string): string[] {
  return text.split(/[\n,;\t]+/).map((s) => s.trim()).filter(Boolean);
}

/** One small area's published figure on one indicator, from the loaded chunks. */
const positions = new WeakMap<string[], Map<string, number>>();
const positionIn = (codes: string[], code: string) => {
  let m = positions.get(codes);
  if (!m) positions.set(codes, (m = new Map(codes.map((c, k) => [c, k]))));
  return m.get(code) ?? -1;
};

export function areaFigure(chunks: readonly CustomChunk[], id: string, vintage: Vintage, code: string): { status: 'value' | 'missing' | 'suppressed'; value: number | null } {
  for (const c of chunks) {
    const k = positionIn(vintage === 2021 ? c.a2021.codes : c.a2011.codes, code);
    const x = c.values[id];
    if (k < 0 || !x) continue;
    if (x.suppressed.includes(k)) return { status: 'suppressed', value: null };
    const v = x.v ? x.v[k] : x.n?.[k] != null && x.d?.[k] != null ? (x.n[k]! / x.d[k]!) * 100 : null;
    return v === null ? { status: 'missing', value: null } : { status: 'value', value: v };
  }
  return { status: 'missing', value: null };
}

/** How a group's figures are made from its small areas: said on each neighbourhood page and for a custom area of several. */
export const WHOLE_AREA_FIGURES = 'Each figure is for the whole area: a population-weighted average of its small areas, or for Census and fuel poverty percentages the share of all its households or residents.';

/**
 * How a custom area's figures are made and what they are set beside, in the words of its size:
 * one small area's figures are its own; several are combined, and compared with the council they
 * lie in, or where they span councils, the one most of them lie in.
 */
export function figuresNote(p: Pick<CustomProfile, 'lsoas2021' | 'lad' | 'councils'>, region: string): string {
  const one = p.lsoas2021.length === 1;
  const made = one
    ? "Each figure is the small area's own: for Census and fuel poverty percentages, the share of its households or residents."
    : WHOLE_AREA_FIGURES;
  const council = p.councils.length > 1
    ? `${p.lad[2021].name}, where most of its small areas lie (the table gives ${p.councils.slice(1).map((x) => x.name).join(' and ')} too)`
    : `${p.lad[2021].name}, the council ${one ? 'it lies' : 'they lie'} in`;
  return `${made} It is compared with ${council}, ${region} and England.`;
}

