import type { BBox } from '../../lib/planar.ts';

/** One thing the search box can find: a neighbourhood, local authority, ward or small area. */
export interface SearchEntry { label: string; kind: string; key: string; bbox: BBox; extra?: string }

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** The order kinds are offered in, for matches alike: the atlas's own places first, then by size; any other kind after these. */
const KIND_ORDER = ['Neighbourhood', 'Local authority', 'Ward', 'City', 'Town', 'Suburb', 'Village', 'Parish', 'Hamlet', 'Place', 'Small area'];

/**
 * Ranks entries for a query: whole-label, then label-start, then word-start, then any matches;
 * within each, neighbourhoods first and small areas last. A neighbourhood matched at the start of
 * a later word ranks with the label-start matches, after towns and before suburbs, villages and
 * hamlets ("swan" finds Old Swan before the hamlet Swan Green; "haslingd" the town Haslingden
 * before the neighbourhood Worsley (Haslingden)).
 */
export function findEntries(entries: SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = norm(query);
  if (q.length < 2) return [];
  const scored: [number, SearchEntry][] = [];
  for (const e of entries) {
    const l = norm(e.label);
    const i = l.indexOf(q);
    if (i < 0) continue;
    const match = l === q ? 0 : i === 0 ? 1 : l.includes(` ${q}`) ? 2 : 3;
    const kind = KIND_ORDER.indexOf(e.kind);
    // A neighbourhood matched at a later word ranks with the names that start with the query, after the towns.
    const promoted = match === 2 && e.kind === 'Neighbourhood';
    scored.push([promoted ? 100 + KIND_ORDER.indexOf('Town') + 0.5 : match * 100 + (kind < 0 ? KIND_ORDER.length : kind), e]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label, 'en-GB'));
  return scored.slice(0, limit).map(([, e]) => e);
}
