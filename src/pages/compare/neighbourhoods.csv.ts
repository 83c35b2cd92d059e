import type { APIRoute } from 'astro';
import { compareTable } from '../../lib/compare.ts';
import { csvFile } from '../../lib/csv.ts';
import { englandWords } from '../../lib/plain.ts';
import { shareAlike } from '../../lib/data.ts';

/** The comparison page's table as CSV: one row per indicator and area, with where it falls in England. */
export const GET: APIRoute = () => {
  const { domains, change } = compareTable();
  const rows = domains.flatMap(({ domain, rows }) => rows.flatMap(({ ind, cells }) => cells.map((c) => [
    domain.name, ind.id, ind.label, ind.unit, ind.per ?? '', ind.polarity, c.key, c.label, c.summary?.mean ?? null,
    c.summary?.position ?? null, englandWords(ind, c.summary), ind.edition, ind.licence?.name ?? '', shareAlike(ind) ? 'yes' : 'no',
  ])));
  for (const { edition, cells } of change.editions) for (const c of cells) rows.push(['Change over time', edition.decile, `Small areas in England's most deprived 10% (${edition.name})`, 'percent', '', 'higher-worse', c.key, c.label, c.summary?.mostDeprived10 ? Math.round(c.summary.mostDeprived10.share * 1e4) / 100 : null, null, c.summary?.mostDeprived10 ? `${c.summary.mostDeprived10.areas} of ${c.summary.withValue} small areas` : '', edition.name, 'Open Government Licence v3.0', 'no']);
  for (const { ind, cells } of change.layers) for (const c of cells) rows.push(['Change over time', ind.id, ind.label, 'change', 'average of small areas, weighted by residents', 'neutral', c.key, c.label, c.summary?.mean ?? null, null, '', ind.edition, 'Open Government Licence v3.0', 'no']);
  const body = csvFile(['domain', 'indicator', 'indicator_label', 'unit', 'per', 'polarity', 'area', 'area_name', 'value', 'england_position', 'in_words', 'edition', 'licence', 'share_alike'], rows);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
