/**
 * Council spending as the pipeline publishes it (finance.json): each council's cash by service
 * and year, its index of the first year, and the region's and England's councils of the same
 * tier. Words and figures for the neighbourhood pages and the councils page.
 */
import { catalogue, readData } from './data.ts';

export type Tier = 'single' | 'county' | 'district';
export interface GroupStats { n: (number | null)[]; median: (number | null)[]; min: (number | null)[]; max: (number | null)[] }
export interface Council { code: string; ecode: string; name: string; cls: string; tier: Tier; region: boolean; cash: Record<string, (number | null)[]>; index: Record<string, (number | null)[]> }
export interface Service { id: string; label: string; who: 'county' | 'district' | 'both'; note?: string; /** The total of all services (exactly one is). */ total: boolean }
export interface FinanceData {
  unit: string; years: string[]; programme: [number, number]; missing: string; notes: string[];
  services: Service[]; classes: Record<string, string>;
  councils: Record<string, Council>;
  groups: Record<Tier, { region: Record<string, GroupStats>; england: Record<string, GroupStats>; regionCount: number; englandCount: number }>;
  neighbourhoods: Record<string, string[]>;
}

export const financeData = (): FinanceData | null => (catalogue().finance ? readData<FinanceData>('finance.json') : null);

/** The service that is the total of all the others. */
export const totalService = (f: FinanceData) => f.services.find((s) => s.total)!;

/** "£283.0m" from £ thousand. */
export const money = (thousands: number | null) => (thousands === null ? 'no figure' : Math.abs(thousands) >= 1000 ? `${thousands < 0 ? '−' : ''}£${(Math.abs(thousands) / 1000).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m` : `${thousands < 0 ? '−' : ''}£${Math.round(Math.abs(thousands)).toLocaleString('en-GB')}k`);

/** The first year a series has a figure (public health: 2013-14). */
export const firstYear = (f: FinanceData, series: (number | null)[]) => f.years[Math.max(0, series.findIndex((x) => x !== null))];
/** The change from the first year with a figure to the last year, as a signed percentage ("−34%"), or null where either has no figure. */
export function changePercent(series: (number | null)[]): number | null {
  const [a, b] = [series.find((x) => x !== null) ?? null, series.at(-1) ?? null];
  if (a === null || b === null || a <= 0) return null;
  return Math.round((100 * (b - a)) / a);
}
export const signed = (p: number | null) => (p === null ? 'no figure' : `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)}%`);

export const TIER_WORDS: Record<Tier, { one: string; many: string }> = {
  single: { one: 'single-tier council', many: 'single-tier councils (unitary and metropolitan)' },
  county: { one: 'county council', many: 'county councils' },
  district: { one: 'district council', many: 'district councils' },
};

/** Which tier runs a service, in words, for a council of a two-tier area (this council's services only: the other tier's are named apart). */
export function whoRuns(s: Service, tier: Tier): string | null {
  if (tier === 'single' || s.total) return null;
  return s.who === 'both' ? 'run partly by the county, partly by the district' : `run by the ${tier}`;
}

/** Whether a service is run by the other tier of a two-tier area (its chart is not drawn for this council). */
export const otherTier = (s: Service, tier: Tier) => tier !== 'single' && !s.total && s.who !== 'both' && s.who !== tier;

/**
 * One sentence on a council's spending on all services: the cash change from the first year to
 * the last, then where the change sits among the region's councils of its tier. Cash, and said so.
 */
export function spendingSentence(f: FinanceData, c: Council, regionName: string): string {
  const total = totalService(f);
  const cash = c.cash[total.id];
  const [first, last] = [f.years[0], f.years.at(-1)!];
  const p = changePercent(cash);
  if (p === null) return `${c.name}: no comparable figures for ${first} and ${last}.`;
  const g = f.groups[c.tier].region[total.id];
  const k = f.years.length - 1;
  const direction = p < 0 ? 'fell' : p > 0 ? 'rose' : 'went';
  const among = g.median[k] === null ? '' : ` Among the ${regionName}'s ${g.n[k]} ${TIER_WORDS[c.tier].many}, the middle change was ${signed(Math.round((g.median[k] as number) - 100))} (from ${signed(Math.round((g.min[k] as number) - 100))} to ${signed(Math.round((g.max[k] as number) - 100))}).`;
  return `Between ${first} and ${last}, ${c.name}'s spending on its services ${direction} from ${money(cash[0])} to ${money(cash[k])} in cash (${signed(p)}), before any allowance for rising prices.${among}`;
}
