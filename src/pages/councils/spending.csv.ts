import type { APIRoute } from 'astro';
import { csvFile } from '../../lib/csv.ts';
import { financeData } from '../../lib/finance.ts';
import { neighbourhoods } from '../../lib/data.ts';

/** Every council of the region: cash by service and year as the RS returns give it, and its index of the first year. */
export const GET: APIRoute = () => {
  const f = financeData() ?? { councils: {}, services: [], years: [], neighbourhoods: {}, classes: {} } as unknown as NonNullable<ReturnType<typeof financeData>>;
  const nbs = neighbourhoods();
  const of = (code: string) => nbs.filter((n) => (f.neighbourhoods[n.slug] ?? []).includes(code)).map((n) => n.name).join('; ');
  const rows = Object.values(f.councils).flatMap((c) => f.services.flatMap((s) => f.years.map((y, i) => [c.code, c.ecode, c.name, f.classes[c.cls], c.tier, of(c.code), s.id, s.label, y, c.cash[s.id][i], c.index[s.id][i]])));
  const body = csvFile(['council_code', 'rs_code', 'council', 'class', 'tier', 'programme_neighbourhoods', 'service', 'service_label', 'year', 'net_current_expenditure_gbp_thousand_cash', 'index_first_year_100'], rows, { bom: true });
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
