import { describe, expect, it } from 'vitest';
import { findEntries, type SearchEntry } from '../src/scripts/explorer/search.ts';

// Synthetic entries: the kinds are the search index's own.
const box: [number, number, number, number] = [0, 0, 1, 1];
const entry = (label: string, kind: string): SearchEntry => ({ label, kind, key: `${kind}:${label}`, bbox: box });

describe('place search ranking', () => {
  it('offers a neighbourhood matched at a word before places merely starting with the query (Enter on "Swan" went to the hamlet Swan Green)', () => {
    const entries = [entry('Swan Green, Cheshire West and Chester', 'Hamlet'), entry('Swanside, Knowsley', 'Suburb'), entry('Old Swan', 'Neighbourhood'), entry('Old Swan', 'Ward'), entry('Liverpool 027A', 'Small area')];
    expect(findEntries(entries, 'swan').map((e) => `${e.kind} ${e.label}`)).toEqual(['Neighbourhood Old Swan', 'Suburb Swanside, Knowsley', 'Hamlet Swan Green, Cheshire West and Chester', 'Ward Old Swan']);
  });
  it('still offers a town whose name starts with the query before a neighbourhood named after it', () => {
    const entries = [entry('Worsley (Haslingden)', 'Neighbourhood'), entry('Haslingden, Rossendale', 'Town'), entry('Haslingden Grane, Rossendale', 'Village')];
    expect(findEntries(entries, 'haslingd').map((e) => e.kind)).toEqual(['Town', 'Neighbourhood', 'Village']);
  });
  it('ranks kinds it does not list after those it does, never before them', () => {
    const entries = [entry('Blackpool', 'Something new'), entry('Blackpool', 'Local authority'), entry('Blackpool', 'Town')];
    expect(findEntries(entries, 'blackpool').map((e) => e.kind)).toEqual(['Local authority', 'Town', 'Something new']);
  });
});
