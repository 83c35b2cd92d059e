import { quantileSorted } from 'simple-statistics';
import { round } from '../round.ts';

/**
 * Comparators that one council cannot hijack: for each tier, service and year, the region's
 * councils' middle half (lower and upper quartiles) and median, and England's median, all per
 * resident at constant prices. No minimum or maximum is published: a single council far out
 * moves a quartile little, and the page names it in words instead.
 */
export type Tier = 'single' | 'county' | 'district';
export interface RegionStats { n: number[]; q1: (number | null)[]; median: (number | null)[]; q3: (number | null)[] }
export interface NationStats { n: number[]; median: (number | null)[] }
export interface TierGroups { region: Record<string, RegionStats>; england: Record<string, NationStats>; regionCount: number; englandCount: number }

interface Member { tier: Tier; region: boolean; real: Record<string, (number | null)[]> }

const sortedAt = (list: Member[], svc: string, yi: number) => list.map((m) => m.real[svc]?.[yi] ?? null).filter((x): x is number => x !== null).sort((a, b) => a - b);
const q = (v: number[], p: number) => (v.length ? round(quantileSorted(v, p), 2) : null);

export function tierGroups(members: Member[], services: string[], years: number): Record<Tier, TierGroups> {
  const tiers: Tier[] = ['single', 'county', 'district'];
  return Object.fromEntries(tiers.map((tier) => {
    const all = members.filter((m) => m.tier === tier);
    const reg = all.filter((m) => m.region);
    const ys = [...Array(years).keys()];
    return [tier, {
      region: Object.fromEntries(services.map((svc) => {
        const per = ys.map((yi) => sortedAt(reg, svc, yi));
        return [svc, { n: per.map((v) => v.length), q1: per.map((v) => q(v, 0.25)), median: per.map((v) => q(v, 0.5)), q3: per.map((v) => q(v, 0.75)) }];
      })),
      england: Object.fromEntries(services.map((svc) => {
        const per = ys.map((yi) => sortedAt(all, svc, yi));
        return [svc, { n: per.map((v) => v.length), median: per.map((v) => q(v, 0.5)) }];
      })),
      regionCount: reg.length, englandCount: all.length,
    }];
  })) as Record<Tier, TierGroups>;
}
