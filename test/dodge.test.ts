/** End labels placed near their lines (the slope chart), and the home page's finding counted from values. */
import { describe, expect, it } from 'vitest';
import { dodge } from '../src/lib/dodge.ts';
import { findingWords, homeFinding } from '../src/lib/finding.ts';

describe('dodge', () => {
  it('leaves labels that do not overlap where they are', () => {
    expect(dodge([10, 40, 25], 12)).toEqual([10, 40, 25]);
  });
  it('centres a block of labels for lines ending at the same height on that height, not below it', () => {
    const ys = dodge([100, 100, 100, 100, 100], 12);
    expect(ys).toEqual([76, 88, 100, 112, 124]);
  });
  it('keeps every label at least the gap from the next, in the order of their lines, and inside the bounds', () => {
    const targets = [5, 6, 6, 7, 50, 51, 200, 199, 198];
    const ys = dodge(targets, 12, 0, 205);
    const order = targets.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => ys[i]);
    for (let k = 1; k < order.length; k++) expect(order[k] - order[k - 1]).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(205);
  });
});

describe('the home page finding', () => {
  // Synthetic deciles for made-up codes (not real places).
  const deciles: Record<string, number | null> = { a: 1, b: 1, c: 2, d: 5, e: 1, f: null, g: 1 };
  const f = homeFinding([['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'a']], (c) => deciles[c] ?? null);
  it('counts each small area once, with a figure, in the most deprived tenth and fifth', () => {
    expect(f).toEqual({ areas: 7, withValue: 6, inTenth: 4, inFifth: 5, neighbourhoods: 3, mostlyInTenth: 2 });
  });
  it('says it in words first, then the figure', () => {
    expect(findingWords(f, 'IoD 2025').lead).toBe("About 7 in 10 of the three neighbourhoods' small areas are among England's 10% most deprived: 4 of 6.");
    expect(findingWords({ ...f, inTenth: 0 }, 'IoD 2025').lead).toMatch(/^None of the three/);
  });
});
