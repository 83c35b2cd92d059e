/**
 * Council spending as the pipeline publishes it (finance.json): each council's cash by service
 * and year, and the same per resident at constant prices; the region's middle half and median
 * and England's median among councils of the same tier. Words and figures for the
 * neighbourhood pages and the councils page.
 */
import { catalogue, readData } from './data.ts';
import { andList } from './words.ts';

export type Tier = 'single' | 'county' | 'district';
export interface RegionStats { n: number[]; q1: (number | null)[]; median: (number | null)[]; q3: (number | null)[] }
export interface NationStats { n: number[]; median: (number | null)[] }
export interface Council { code: string; ecode: string; name: string; cls: string; tier: Tier; region: boolean; cash: Record<string, (number | null)[]>; population: (number | null)[]; real: Record<string, (number | null)[]> }
export interface Service { id: string; label: string; who: 'county' | 'district' | 'both'; note?: string; /** Said only for a county or a district. */ twoTierNote?: string; /** The total of all services (exactly one is). */ total: boolean; lead: boolean; less: string[]; breaks: { year: string; why: string }[] }
export interface FinanceData {
  unit: string; years: string[]; programme: [number, number]; missing: string; notes: string[];
  /** The base year of the prices, the deflator and population in words, and the price index of each year (base = 100). */
  prices: { base: string; deflator: string; population: string; index: number[] };
  services: Service[]; classes: Record<string, string>;
  councils: Record<string, Council>;
  groups: Record<Tier, { region: Record<string, RegionStats>; england: Record<string, NationStats>; regionCount: number; englandCount: number }>;
  neighbourhoods: Record<string, string[]>;
}

export const financeData = (): FinanceData | null => (catalogue().finance ? readData<FinanceData>('finance.json') : null);

/** The service that is the total of all the others, and the one the pages lead with (all services except education). */
export const totalService = (f: FinanceData) => f.services.find((s) => s.total)!;
export const leadService = (f: FinanceData) => f.services.find((s) => s.lead) ?? totalService(f);

/** "£283.0m" from £ thousand. */
export const money = (thousands: number | null) => (thousands === null ? 'no figure' : Math.abs(thousands) >= 1000 ? `${thousands < 0 ? '−' : ''}£${(Math.abs(thousands) / 1000).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m` : `${thousands < 0 ? '−' : ''}£${Math.round(Math.abs(thousands)).toLocaleString('en-GB')}k`);

/** "£1,225" per resident (pence below £10: "£0.21"); "−£12" below zero. */
export const pounds = (v: number | null) => (v === null ? 'no figure' : `${v < 0 ? '−' : ''}£${Math.abs(v).toLocaleString('en-GB', Math.abs(v) < 10 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 0 })}`);

export const signed = (p: number | null) => (p === null ? 'no figure' : `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)}%`);

/** The first and last years of a series with a figure (public health: 2013-14). */
export function ends(series: (number | null)[]): [number, number] | null {
  const a = series.findIndex((x) => x !== null);
  if (a < 0) return null;
  const b = series.length - 1 - [...series].reverse().findIndex((x) => x !== null);
  return a === b ? null : [a, b];
}

/**
 * A change as a percentage only where a percentage means something: both ends above zero, and
 * the first at least a tenth of the reference (England's median council of the tier that year,
 * or £1 per resident). Otherwise the reason, in words.
 */
export function percentChange(a: number, b: number, reference: number | null): { p: number } | { why: string } {
  if (a <= 0 || b < 0) return { why: a < 0 || b < 0 ? 'it crosses zero, so no percentage is given' : 'it starts from zero, so no percentage is given' };
  if (a < Math.max(1, Math.abs(reference ?? 0) / 10)) return { why: 'it starts from a sum too near zero for a percentage to mean anything' };
  return { p: Math.round((100 * (b - a)) / a) };
}

/** The years with no figure between a series' first and last years with one (where its line stops). */
export function missingBetween(years: string[], series: (number | null)[]): string[] {
  const e = ends(series);
  return e ? years.filter((_, i) => i > e[0] && i < e[1] && series[i] === null) : [];
}

/**
 * "fell from £1,225 to £975 per resident (−20%)", over the series' first and last years with a
 * figure. The years between with no figure are named, unless `gapSaid` (a chart that says them
 * under itself).
 */
export function changeWords(f: FinanceData, series: (number | null)[], reference: (number | null)[], gapSaid = false): string | null {
  const e = ends(series);
  if (!e) return null;
  const [a, b] = [series[e[0]]!, series[e[1]]!];
  const c = percentChange(a, b, reference[e[0]]);
  const [y0, y1] = [f.years[e[0]], f.years[e[1]]];
  // Years between the ends with no figure are named: the change is then over a break in the accounts, not year on year.
  const gap = missingBetween(f.years, series);
  const gapWords = gap.length && !gapSaid ? `no figures for ${andList(gap)}` : null;
  const bracket = ['p' in c ? signed(c.p) : null, gapWords].filter(Boolean);
  const pct = `${bracket.length ? ` (${bracket.join('; ')})` : ''}${'why' in c ? `; ${c.why}` : ''}`;
  // Two ends that read the same once rounded are not a rise or a fall ("fell from £24 to £24"), nor is a change under half a per cent.
  if (pounds(a) === pounds(b)) return a === 0 && b === 0 ? `was £0 per resident in both ${y0} and ${y1}${gapWords ? ` (${gapWords})` : ''}` : `was about ${pounds(a)} per resident in both ${y0} and ${y1}${pct}`;
  if ('p' in c && c.p === 0) return `changed little, from ${pounds(a)} in ${y0} to ${pounds(b)} in ${y1} per resident${pct}`;
  return `${b < a ? 'fell' : 'rose'} from ${pounds(a)} in ${y0} to ${pounds(b)} in ${y1} per resident${pct}`;
}

export const TIER_WORDS: Record<Tier, { one: string; many: string }> = {
  single: { one: 'single-tier council', many: 'single-tier councils (unitary and metropolitan)' },
  county: { one: 'county council', many: 'county councils' },
  district: { one: 'district council', many: 'district councils' },
};

/** Which tier runs a service, in words, for a council of a two-tier area (this council's services only: the other tier's are named apart). */
export function whoRuns(s: Service, tier: Tier): string | null {
  if (tier === 'single' || s.total || s.lead) return null;
  return s.who === 'both' ? 'run partly by the county, partly by the district' : `run by the ${tier}`;
}

/** A service's note for a council of this tier: the two-tier words only where there are two tiers. */
export const serviceNote = (s: Service, tier: Tier): string | null => [s.note, tier === 'single' ? undefined : s.twoTierNote].filter(Boolean).join(' ') || null;

/** Whether a service is run by the other tier of a two-tier area (its chart is not drawn for this council). */
export const otherTier = (s: Service, tier: Tier) => tier !== 'single' && !s.total && !s.lead && s.who !== 'both' && s.who !== tier;

/**
 * A two-tier area's spending per resident: the county's per county resident plus the
 * district's per district resident, each year both have a figure. Every resident of the
 * district is a resident of the county, so this is what is spent on a resident of the area.
 */
export function wholeArea(councils: Council[], svc: string): (number | null)[] {
  const [first, ...rest] = councils;
  return first.real[svc].map((v, i) => (v === null || rest.some((c) => c.real[svc][i] === null) ? null : Math.round(100 * (v + rest.reduce((a, c) => a + c.real[svc][i]!, 0))) / 100));
}

/** Fewer councils of a tier in the region than make a middle half (the North West has 2 county councils): each is named with its figure instead. */
export const fewInRegion = (f: FinanceData, tier: Tier) => f.groups[tier].regionCount < 4;

/** "£680 (Lancashire) and £713 (Cumbria)": each of the region's councils of a tier with a figure for a service in year k, lowest first. */
export function regionFigures(f: FinanceData, tier: Tier, svc: string, k: number): string {
  const cs = Object.values(f.councils).filter((c) => c.region && c.tier === tier && c.real[svc][k] !== null).sort((a, b) => a.real[svc][k]! - b.real[svc][k]!);
  return andList(cs.map((c) => `${pounds(c.real[svc][k])} (${c.name})`));
}

/**
 * The lead sentence of a council's (or a two-tier area's) spending: per resident, real terms,
 * services other than education, beside the region's middle half and England's median.
 * `whose` is the possessive subject: "Blackpool's", "Rossendale's and Lancashire's combined".
 */
export function leadSentence(f: FinanceData, whose: string, series: (number | null)[], tier: Tier | null, regionName: string, nationName: string): string {
  const s = leadService(f);
  const label = s.less.length ? `services other than ${s.less.map((id) => f.services.find((x) => x.id === id)!.label.toLowerCase()).join(' and ')}` : 'all its services';
  const eng = tier ? f.groups[tier].england[s.id].median : series.map(() => null);
  const ch = changeWords(f, series, eng);
  if (!ch) return `${whose[0].toUpperCase()}${whose.slice(1)} spending on ${label}: no comparable figures per resident.`;
  const e = ends(series)!;
  const k = e[1];
  const g = tier ? f.groups[tier].region[s.id] : null;
  const spent = !g || g.median[k] === null ? null
    : fewInRegion(f, tier!) ? `the ${regionName}'s ${g.n[k]} ${TIER_WORDS[tier!].many} spent ${regionFigures(f, tier!, s.id, k)}`
      : `the middle half of the ${regionName}'s ${g.n[k]} ${TIER_WORDS[tier!].many} spent ${pounds(g.q1[k])} to ${pounds(g.q3[k])}`;
  const among = spent ? ` In ${f.years[k]} ${spent} per resident, and ${nationName}'s median ${TIER_WORDS[tier!].one} ${pounds(eng[k])}.` : '';
  return `${whose[0].toUpperCase()}${whose.slice(1)} spending on ${label} ${ch}, at ${f.prices.base} prices.${among}`;
}
