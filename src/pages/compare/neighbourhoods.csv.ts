import type { APIRoute } from 'astro';
import { compareTable } from '../../lib/compare.ts';
import { csvFile } from '../../lib/csv.ts';
import { englandWords } from '../../lib/plain.ts';

/** The comparison page's table as CSV: one row per indicator and area, with where it falls in England. */
export const GET: APIRoute = () => {
  const { domains } = compareTable();
  const rows = domains.flatMap(({ domain, rows }) => rows.flatMap(({ ind, cells }) => cells.map((c) => [
    domain.name, ind.id, ind.label, ind.unit, ind.per ?? '', ind.polarity, c.key, c.label, c.summary.mean ?? null,
    c.summary.position ?? null, englandWords(ind, c.summary.position), ind.edition,
  ])));
  const body = csvFile(['domain', 'indicator', 'indicator_label', 'unit', 'per', 'polarity', 'area', 'area_name', 'value', 'england_position', 'in_words', 'edition'], rows);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
