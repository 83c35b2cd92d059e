import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from '../../src/lib/csv.ts';

describe('CSV exports', () => {
  const hostile = ['=HYPERLINK("https://example.org","x")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '<img src=x onerror=alert(1)>', 'plain, with "quotes"'];
  it('round-trips: every formula-like text cell comes back prefixed, numbers stay numbers', () => {
    const text = csvFile(['text', 'number'], hostile.map((h, i) => [h, i === 2 ? -2.5 : i]));
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    rows.forEach(([cell, n], i) => {
      expect(/^[=+\-@\t\r]/.test(cell), `row ${i}: ${cell}`).toBe(false);
      expect(cell.replace(/^'/, '')).toBe(hostile[i]);
      expect(Number(n)).toBe(i === 2 ? -2.5 : i);
    });
  });
  it('leaves empty and missing cells empty, never 0', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
  });
});

import { countsGivenAway, recoverableByDifference } from './disclosure.ts';
describe('the disclosure check itself', () => {
  it('finds a suppressed part recoverable from a total, and a neighbourhood figure built over a suppressed area', () => {
    const leaky = {
      indicators: [{ id: 'c', unit: 'count', level: 'neighbourhood' }, { id: 'p', unit: 'percent', level: 'lsoa', vintage: 2021 }],
      values: {
        c: { values: [{ area: 'a', status: 'value', value: 20 }, { area: 'b', status: 'suppressed', value: null }, { area: 'total', status: 'value', value: 24 }], byNeighbourhood: {} },
        p: { values: [{ area: 'E01000001', status: 'suppressed', value: null }], byNeighbourhood: { hood: { status: 'value' } } },
      },
    };
    expect(recoverableByDifference(leaky, { hood: { 2011: [], 2021: ['E01000001'] } })).toHaveLength(2);
  });
});

describe('the check for counts given away other ways', () => {
  it('finds a share that with its denominator is a small count, a suppressed row with its denominator, a change over a withheld wave', () => {
    const leaky = {
      datasets: [{ id: 'd', disclosureControl: { applies: true, minCount: 10 } }],
      indicators: [{ id: 'p', unit: 'percent', level: 'neighbourhood', dataset: 'd' }],
      values: { p: { values: [{ area: 'a', status: 'value', value: 5, denominator: 100, sampleSize: null }, { area: 'b', status: 'suppressed', value: null, denominator: 8, sampleSize: 8 }, { area: 'c', status: 'value', value: 50, denominator: 100, sampleSize: 100 }], byNeighbourhood: {}, changes: { b: { status: 'value', to: '2018' } } } },
    };
    expect(countsGivenAway(leaky)).toEqual(['p a: 5% of 100 gives away a count of 5', 'p b: suppressed but publishes denominator 8']);
    expect(recoverableByDifference(leaky)).toEqual(["p: b's change is published though one of its waves is suppressed"]);
  });
});
