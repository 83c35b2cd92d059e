import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Build-time access to the pipeline's output in public/data. Pages read it once per build;
 * the browser fetches the same files only for the interactive map.
 */
const DATA_DIR = process.env.ATLAS_DATA_DIR ?? join(process.cwd(), 'public', 'data');
/** Where the pipeline's output is read from at build time. */
export const dataDir = () => DATA_DIR;
/** Whether the pipeline wrote an output file (optional parts such as the search index). */
export const hasData = (path: string) => existsSync(join(DATA_DIR, path));

const cache = new Map<string, unknown>();
/** Parsed JSON of one output file, read once per build. */
export function readData<T>(path: string): T {
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(join(DATA_DIR, path), 'utf8')));
  return cache.get(path) as T;
}

export type { DeprivedShare, Summary } from './aggregate.ts';
import type { Summary } from './aggregate.ts';
export type { MemberLsoa } from './vintages.ts';
import type { MemberLsoa } from './vintages.ts';
export interface Distribution { areas: number; p5: number; p10: number; p25: number; p50: number; p75: number; p90: number; p95: number }
export interface Neighbourhood {
  slug: string; name: string; council: string; description: string; sourceUrl: string;
  derivation: { method: 'wards'; wardVintage: number; wards: { code: string; name: string; part: boolean }[] } | { method: 'lsoas'; lsoaVintage: number; lsoas: string[]; how: string };
  approximate: true; fitNotes: string;
  lad: Record<'2011' | '2021', { code: string; name: string }>;
  lsoas2011: MemberLsoa[]; lsoas2021: MemberLsoa[];
  placement: Record<'2011' | '2021', { label: [number, number]; bbox: [number, number, number, number] } | null>;
  summaries: Record<string, { neighbourhood: Summary; lad: Summary; region: Summary; england: Summary }>;
}
export interface Classes { method: 'decile' | 'quantile'; breaks: number[]; classes: number; worse: 'high' | 'low' | null; over: string; floor?: number }
export interface IndicatorMeta {
  id: string; label: string; shortLabel: string; description: string; unit: string; decimals: number;
  polarity: 'higher-worse' | 'lower-worse' | 'neutral'; edition: string; vintage: 2011 | 2021; source: string;
  sourceFile: string; domain: string; domainReason: string; values: string; classes: Classes; family: string;
  column?: string; numerator?: string[]; denominator?: string; table: string;
  /** Real-unit measures: the figure in words ("{share} households have no car or van"), what it counts after the number, a caveat. */
  plain?: string; per?: string; note?: string;
  /** Why the indicator's family matters for resilience (domains.json). */
  why?: string;
  /** Set when the table was published for a finer geography and summed to small areas (e.g. "Output Area"). */
  finer?: string;
  columns?: string[];
  /** England's small areas on this indicator (official indicators only). */
  england?: Distribution;
  /** Set for locally gathered indicators mapped at LSOA level. */
  local?: { dataset: string; synthetic: boolean };
  /** The source's licence (official indicators): a share-alike one (CC BY-SA) is marked wherever the figures are shown or downloaded. */
  licence?: { id: string; name: string; url: string };
}
/** Whether an indicator's figures are share-alike (CC BY-SA): then every view and download of them says so. */
export const shareAlike = (ind: { licence?: { id: string } }) => /^CC-BY-SA/i.test(ind.licence?.id ?? '');
/** The words that mark share-alike figures. */
export const SHARE_ALIKE_WORDS = 'Share-alike: reuse these figures under the same licence, with credit.';
/**
 * A licence's name and a source's attribution as one credit: where the attribution already names
 * the licence ("… licensed under the Open Government Licence v.3.0"), the name is linked there
 * rather than said twice; otherwise the name comes first, then the attribution.
 */
export function licenceCredit(name: string, attribution: string | undefined): { before: string; name: string; after: string } {
  const text = attribution?.trim() ?? '';
  const pattern = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/v(?=\d)/g, 'v\\.?'));
  const m = pattern.exec(text);
  if (m) return { before: text.slice(0, m.index), name: m[0], after: text.slice(m.index + m[0].length) };
  return { before: '', name, after: text ? `. ${text}` : '.' };
}
/** A source's attribution, or '' where it only repeats the publisher's name (said beside it already). */
export const ownAttribution = (s: { publisher: string; attribution?: string }): string => (s.attribution?.trim().replace(/\.$/, '') === s.publisher.trim() ? '' : s.attribution?.trim() ?? '');
/**
 * What a list of sources adds after a source's title and publisher: its attribution unless that is
 * only the publisher's name again, and its licence unless the attribution already names it.
 */
export function sourceCredit(s: Pick<Source, 'publisher' | 'attribution' | 'licence'>): string {
  const attribution = ownAttribution(s);
  const c = licenceCredit(s.licence.name, attribution);
  const named = attribution !== '' && c.before + c.name + c.after === attribution;
  return `${attribution ? ` ${attribution}` : ''}${named ? '' : ` Licence: ${s.licence.name}${shareAlike(s) ? ' (share-alike)' : ''}.`}`;
}
export interface Domain { id: string; name: string; summary: string; description: string; colour: string; number?: number; systemProperty?: string; indicators: string[] }
/** A source; `files` lists each file, or none for a source of many files (then `fileCount` and `bytes` say how many and how large). */
export interface Source { id: string; title: string; publisher: string; edition: string; url: string; retrieved: string; licence: { name: string; id: string; url: string }; attribution: string; via?: string; fileCount: number; bytes: number; files: { path: string; sha256: string; bytes: number }[] }
/** The site's own words (data/config/site.json). */
export interface Site { title: string; description: string; programme: { name: string; years: [number, number] }; home: { lede: string; intro: string[] }; limits: string[] }
export interface Catalogue {
  /** `nationBox`, at England scope only: the box the interactive map may be moved within. */
  scope: { regionCode: string; regionName: string; mode: string; nation: string; nationBox?: [number, number, number, number] };
  headline: string;
  neighbourhoodTable: string[];
  lads: Record<string, { name: string; label: [number, number]; bbox: [number, number, number, number] }>;
  vintages: Record<'2011' | '2021', { label: string; geometry: string; areas: string; boundary: { source: string; generalisation: string }; wardEdition: string; ladEdition: string; population: string; count: number }>;
  site: Site;
  /** Council spending (finance.json), or null when the build has none. */
  finance: { path: string; source: string } | null;
  /** The street basemap: attribution and note, or null when the build has none. */
  streets: { attribution: string; age: string; note: string } | null;
  search: { edition: string; region: string; coverage: { lsoas: number; withPostcodes: number; share: number; complete: boolean; words: string }; example: { postcode: string | null; place: string | null } } | null;
  framework: { name: string; note: string };
  finer: Record<string, { level: string; vintage: number; note: string; source: string }>;
  domains: Domain[];
  indicators: IndicatorMeta[];
  sources: Source[];
}
export interface ValuesFile { id: string; geometry: string; decimals: number; breaks: number[]; values: (number | null)[]; missing: number[]; suppressed: number[] }
export interface AreasFile { vintage: number; codes: string[]; names: string[]; ward: string[]; lad: string[]; wardNames: Record<string, string>; ladNames: Record<string, string> }

export const catalogue = () => readData<Catalogue>('catalogue.json');
/** The neighbourhoods with their profiles (summaries beside their comparators). */
export const neighbourhoods = (): Neighbourhood[] => {
  const profiles = readData<Record<string, Neighbourhood['summaries']>>('profiles.json');
  return readData<{ neighbourhoods: Omit<Neighbourhood, 'summaries'>[] }>('neighbourhoods.json').neighbourhoods.map((n) => ({ ...n, summaries: profiles[n.slug] }));
};
export const valuesOf = (id: string) => readData<ValuesFile>(`values/${id}.json`);
export const areasOf = (vintage: 2011 | 2021) => readData<AreasFile>(`areas/lsoa-${vintage}.json`);
export const indicator = (id: string) => {
  const i = catalogue().indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id} in catalogue.json`);
  return i;
};

import type { LocalChange } from './local/waves.ts';
import type { Bound } from './local/schema.ts';
import type { Design } from './local/change-words.ts';
export type LocalStatus = 'value' | 'suppressed' | 'missing';
export interface LocalValue {
  indicator: string; area: string; value: number | string | null; numerator: number | null; denominator: number | null; sampleSize: number | null;
  lower: number | null; upper: number | null; status: LocalStatus; suppressedBy: 'publisher' | 'primary' | 'secondary' | null; lowPrecision: boolean; note: string; sourceUrl: string; wave?: string;
  /** A figure published only as a bound ('more than' 40). */
  bound?: Bound;
}
export interface LocalIndicator { id: string; label: string; description: string; domain: string; level: 'lsoa' | 'neighbourhood' | 'programme'; vintage?: 2011 | 2021; unit: string; polarity: string; denominator?: string; decimals: number; dataset: string }
export interface LocalDatasetMeta { id: string; title: string; synthetic: boolean; collectedBy: string; method: string; period: string; licence: string; sourceUrl: string; contact: string; notes?: string; design?: Design; comparison?: string; disclosureControl: { applies: boolean; minCount: number; minDenominator: number; reason?: string }; indicators: string[] }
export interface LocalData { datasets: LocalDatasetMeta[]; indicators: LocalIndicator[]; values: Record<string, { values: LocalValue[]; byNeighbourhood: Record<string, LocalValue>; changes?: Record<string, LocalChange>; changesByNeighbourhood?: Record<string, LocalChange> }> }
export const localData = () => readData<LocalData>('local.json');

/** Static paths of the per-neighbourhood and per-indicator pages (full pages and embeds alike). */
export const neighbourhoodPaths = () => neighbourhoods().map((n) => ({ params: { slug: n.slug }, props: { n } }));
export const indicatorPaths = () => catalogue().indicators.map((i) => ({ params: { id: i.id }, props: { ind: i } }));
