/**
 * A spending chart's range on SYNTHETIC councils (invented names and amounts): one council
 * whose single service jumps from £50k to £6m cannot set the range every other council's chart
 * is drawn on; it is named in words instead. Every figure below is worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { tierGroups } from '../pipeline/stages/finance-compare.ts';
import { chartRange, outsideWords } from '../src/lib/spending-chart.ts';
import { percentChange } from '../src/lib/finance.ts';

const years = ['2010-11', '2011-12', '2012-13'];
// Seven synthetic single-tier councils of 100,000 residents each; culture per resident £18 to £24, steady.
const steady = [18, 19, 20, 21, 22, 23, 24].map((v, i) => ({ name: `Synthetic ${String.fromCharCode(65 + i)}`, tier: 'single' as const, region: true, real: { cultural: [v, v, v] } }));
// Jumpton (synthetic): £50k, then £6m, on 100,000 residents: £0.50, then £60 per resident.
const jumper = { name: 'Jumpton (synthetic)', tier: 'single' as const, region: true, real: { cultural: [0.5, 60, 60] } };

describe('a spending chart cannot be hijacked by one council', () => {
  const all = [...steady, jumper];
  const g = tierGroups(all, ['cultural'], 3).single.region.cultural;

  it('the region is compared by its middle half and median, which the jump moves little', () => {
    // 2011-12 sorted: 18 19 20 21 22 23 24 60 (n = 8). Median (21 + 22) / 2 = 21.5; quartiles interpolated between ranks (simple-statistics' rule, position (n − 1)·p from 0): 1.75 → 19 + 0.75 = 19.75, 5.25 → 23 + 0.25 = 23.25.
    expect([g.q1[1], g.median[1], g.q3[1]]).toEqual([19.75, 21.5, 23.25]);
    expect(g).not.toHaveProperty('max');
  });

  it('another council\'s chart is fitted to its own line, the middle half and England\'s median, ignores the jump and names it', () => {
    const own = steady[3].real.cultural; // Synthetic D, £21
    const england = [20, 20, 20];
    const r = chartRange([own, g.q1, g.q3, g.median, england], all.filter((c) => c !== steady[3]).map((c) => ({ name: c.name, values: c.real.cultural })), years);
    expect(r.hi).toBeLessThan(60);
    expect(r.hi).toBeGreaterThanOrEqual(24); // the whole middle half is drawn
    expect(r.outside.map((o) => o.name)).toEqual(['Jumpton (synthetic)']);
    expect(outsideWords(r)).toBe('Outside the range drawn: Jumpton (synthetic) (£60 per resident in 2011-12).');
  });

  it('the jump is not printed as a percentage: its base is too near zero', () => {
    // £0.50 is less than a tenth of the £20 median: no "+11,900%".
    expect(percentChange(0.5, 60, 20)).toEqual({ why: 'it starts from a sum too near zero for a percentage to mean anything' });
    expect(percentChange(20, 15, 20)).toEqual({ p: -25 });
    expect(percentChange(10, -5, 20)).toEqual({ why: 'it crosses zero, so no percentage is given' });
  });
});
