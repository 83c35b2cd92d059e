import type { APIRoute } from 'astro';
import { csvFile } from '../../lib/csv.ts';
import { financeData } from '../../lib/finance.ts';
import { neighbourhoods } from '../../lib/data.ts';

/**
 * Every council of the region, every service and year: cash as the RS returns give it, the
 * council's mid-year population, the figure per resident at the base year's prices, and the
 * region's and England's median councils of the same tier on the same basis.
 */
export const GET: APIRoute = () => {
  const f = financeData() ?? { councils: {}, services: [], years: [], neighbourhoods: {}, classes: {}, prices: { base: '2017-18', index: [] }, groups: {} } as unknown as NonNullable<ReturnType<typeof financeData>>;
  const nbs = neighbourhoods();
  const of = (code: string) => nbs.filter((n) => (f.neighbourhoods[n.slug] ?? []).includes(code)).map((n) => n.name).join('; ');
  const base = f.prices.base.replace('-', '_');
  const rows = Object.values(f.councils).flatMap((c) => f.services.flatMap((s) => f.years.map((y, i) => [c.code, c.ecode, c.name, f.classes[c.cls], c.tier, of(c.code), s.id, s.label, y, c.cash[s.id][i], c.population[i], f.prices.index[i], c.real[s.id][i], f.groups[c.tier].region[s.id].median[i], f.groups[c.tier].england[s.id].median[i]])));
  const body = csvFile(['council_code', 'rs_code', 'council', 'class', 'tier', 'programme_neighbourhoods', 'service', 'service_label', 'year', 'net_current_expenditure_gbp_thousand_cash', 'population_mid_year', `gdp_deflator_${base}_100`, `gbp_per_resident_${base}_prices`, `region_median_same_tier_gbp_per_resident_${base}_prices`, `england_median_same_tier_gbp_per_resident_${base}_prices`], rows, { bom: true });
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
