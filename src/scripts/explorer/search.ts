import type { BBox } from '../../lib/planar.ts';

/** One thing the search box can find: a neighbourhood, local authority, ward or small area. */
export interface SearchEntry { label: string; kind: string; key: string; bbox: BBox; extra?: string }

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** Ranks entries for a query: whole-label and word-start matches first, neighbourhoods before small areas. */
export function findEntries(entries: SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = norm(query);
  if (q.length < 2) return [];
  const order = ['Neighbourhood', 'Local authority', 'Ward', 'Small area'];
  const scored: [number, SearchEntry][] = [];
  for (const e of entries) {
    const l = norm(e.label);
    const i = l.indexOf(q);
    if (i < 0) continue;
    const score = (l === q ? 0 : i === 0 ? 1 : l.includes(` ${q}`) ? 2 : 3) * 10 + order.indexOf(e.kind);
    scored.push([score, e]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label, 'en-GB'));
  return scored.slice(0, limit).map(([, e]) => e);
}
