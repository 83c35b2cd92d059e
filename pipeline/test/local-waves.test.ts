/**
 * Two waves of local data: dates as people write them read or refused with the reason; the
 * change and its 95% interval worked out by hand here; and the words never suggest the
 * programme caused a change unless the design (difference in differences) supports it.
 */
import { describe, expect, it } from 'vitest';
import { changeBetween, parseWhen } from '../../src/lib/local/waves.ts';
import { changeText } from '../../src/lib/local/change-words.ts';

const share = { id: 'x', label: 'x', description: 'x', domain: 'x', level: 'neighbourhood' as const, unit: 'percent' as const, polarity: 'lower-worse' as const, decimals: 1 };
const fig = (value: number, numerator: number | null, denominator: number | null, lower: number | null = null, upper: number | null = null) => ({ status: 'value' as const, value, numerator, denominator, lower, upper });

describe('wave dates as people write them', () => {
  const order = ['2014', 'Spring 2015', '2015/16', 'May 2015', '2015-06', '07/2015', '15/08/2015', '15 September 2015', '1.1.2017', 'Autumn 2018']; // 2015/16 starts in April
  it('reads years, seasons, months and day-first dates, in order', () => {
    const keys = order.map((s) => { const p = parseWhen(s); expect(p, s).toHaveProperty('key'); return (p as { key: number }).key; });
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });
  for (const [text, why] of [['05/15/2015', /month first/], ['15/05/15', /two digits/], ['42139', /date number/], ['last year', /not in a form/], ['', /empty/], ['13/2015', /month is out of range/]] as const) {
    it(`refuses "${text}" with the reason`, () => expect((parseWhen(text) as { error: string }).error).toMatch(why));
  }
});

describe('the change between two waves', () => {
  it('from two shares with counts: the difference, with the interval of two independent proportions', () => {
    // 20 of 80 then 35 of 100: 10 points; standard errors sqrt(.25 x .75 / 80) and sqrt(.35 x .65 / 100).
    const half = 1.959964 * 100 * Math.sqrt((0.25 * 0.75) / 80 + (0.35 * 0.65) / 100);
    const c = changeBetween(share, '2015', '2018', fig(25, 20, 80), fig(35, 35, 100));
    expect(c).toEqual({ from: '2015', to: '2018', status: 'value', change: 10, lower: Number((10 - half).toFixed(1)), upper: Number((10 + half).toFixed(1)) });
    expect([c.lower, c.upper]).toEqual([-3.3, 23.3]);
  });
  it('from two confidence intervals: their standard errors combined', () => {
    const c = changeBetween(share, 'a', 'b', fig(40, null, null, 36.08, 43.92), fig(46, null, null, 42.08, 49.92)); // each ±3.92, so se 2
    expect([c.change, c.lower, c.upper]).toEqual([6, Number((6 - 1.959964 * Math.sqrt(8)).toFixed(1)), Number((6 + 1.959964 * Math.sqrt(8)).toFixed(1))]);
  });
  it('withheld where either wave is, missing where either has no figure', () => {
    expect(changeBetween(share, 'a', 'b', { ...fig(0, null, null), status: 'suppressed' }, fig(46, 46, 100)).status).toBe('suppressed');
    expect(changeBetween(share, 'a', 'b', undefined, fig(46, 46, 100)).status).toBe('missing');
  });
});

describe('the change in words', () => {
  const c = { from: 'Spring 2015', to: 'May 2018', status: 'value' as const, change: 7.5, lower: 1.6, upper: 13.5 };
  it('a before-and-after comparison says it does not show the cause, and never names the programme as one', () => {
    const t = changeText(share, c, 'before-and-after');
    expect(t).toContain('Up 7.5 percentage points between Spring 2015 and May 2018 (95% confidence interval +1.6 to +13.5)');
    expect(t).toContain('does not show what caused the change');
    expect(t).not.toMatch(/programme|effect|because|due to|led to|improved/i);
  });
  it('a difference-in-differences design may speak of the programme’s effect, and only of the difference between changes', () => {
    expect(changeText(share, c, 'difference-in-differences')).toMatch(/comparison areas.*difference between the two changes.*programme’s effect/);
  });
  it('an interval that includes no change says it may be chance', () => {
    expect(changeText(share, { ...c, lower: -3.3, upper: 23.3, change: 10 }, 'before-and-after')).toContain('may be chance');
  });
});
