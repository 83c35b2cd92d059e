/**
 * The range a spending chart draws, fitted to what it compares: the council's own line, the
 * region's middle half and median, and England's median; never to the region's extremes, so
 * one council far out cannot flatten everyone else's chart. Councils of the same tier whose
 * figures fall outside the range drawn are named in words instead. Zero is drawn when a figure
 * is below it (net income) or when the range already comes near it.
 */
import { pounds } from './finance.ts';

export interface Range { lo: number; hi: number; ticks: number[]; outside: { name: string; value: number; year: string }[] }

const niceStep = (span: number, target: number) => {
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
};

export function chartRange(drawn: (number | null)[][], others: { name: string; values: (number | null)[] }[], years: string[]): Range {
  const vals = drawn.flat().filter((v): v is number => v !== null);
  if (!vals.length) return { lo: 0, hi: 1, ticks: [0, 1], outside: [] };
  let lo = Math.min(...vals), hi = Math.max(...vals);
  if (lo > 0 && lo < hi / 3) lo = 0;
  if (hi < 0) hi = 0;
  if (hi === lo) { hi = hi === 0 ? 1 : hi * 1.1; lo = lo > 0 ? lo * 0.9 : lo; }
  const step = niceStep(hi - lo, 4);
  lo = Math.floor(lo / step) * step; hi = Math.ceil(hi / step) * step;
  if (hi === lo) hi += step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 1e6; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  const outside = others.flatMap((o) => {
    // The figure furthest outside the range, with its year.
    let best: { value: number; year: string; by: number } | null = null;
    o.values.forEach((v, i) => {
      if (v === null) return;
      const by = v > hi ? v - hi : v < lo ? lo - v : 0;
      if (by > 0 && (!best || by > best.by)) best = { value: v, year: years[i], by };
    });
    return best ? [{ name: o.name, value: (best as { value: number }).value, year: (best as { year: string }).year }] : [];
  });
  return { lo, hi, ticks, outside };
}

/** "Outside the range drawn: Wigan (£0.21 per resident in 2010-11)." or null. */
export function outsideWords(r: Range): string | null {
  if (!r.outside.length) return null;
  return `Outside the range drawn: ${r.outside.map((o) => `${o.name} (${pounds(o.value)} per resident in ${o.year})`).join('; ')}.`;
}

/** Tick label: "£1,200", "£2.5", "−£20". */
export const tickLabel = (t: number) => `${t < 0 ? '−' : ''}£${Math.abs(t).toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
