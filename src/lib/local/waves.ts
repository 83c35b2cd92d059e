import { poolLocal } from '../aggregate.ts';
import type { LocalIndicator, LocalValue } from './schema.ts';

/**
 * Two waves of a local dataset (a survey before and after): the dates as people write them,
 * which wave is latest, and the change between them with its 95% interval. A change is shown
 * only where both waves are published: with one of them withheld, the change would give it away.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SEASONS: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

/** A wave's date as people write it: "2015", "May 2015", "Spring 2018", "2015-05", "05/2015", "15/05/2015", "15 May 2015", "2015/16". */
export function parseWhen(text: string): { key: number } | { error: string } {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const ym = (y: number, m: number, d = 1) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2100 ? { key: y * 10000 + m * 100 + d } : null);
  const month = (w: string) => { const k = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w))); return k < 0 ? 0 : k + 1; };
  let m: RegExpMatchArray | null;
  if (s === '') return { error: 'the wave is empty' };
  if (/^\d{5}$/.test(s)) return { error: 'this looks like a spreadsheet\'s date number, not a date' };
  if ((m = s.match(/^(\d{4})$/))) return ym(+m[1], 1) ?? { error: 'not a year between 1900 and 2100' };
  if ((m = s.match(/^(\d{4})[/-](\d{2})$/)) && +m[2] === (+m[1] + 1) % 100) return ym(+m[1], 4)!; // a financial or school year, 2015/16
  if ((m = s.match(/^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/))) return ym(+m[1], +m[2], m[3] ? +m[3] : 1) ?? { error: 'the month or day is out of range' };
  if ((m = s.match(/^(\d{1,2})[/.-](\d{4})$/))) return ym(+m[2], +m[1]) ?? { error: 'the month is out of range' };
  if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/))) {
    if (m[3].length !== 4) return { error: 'the year has two digits' };
    if (+m[2] > 12 && +m[1] <= 12) return { error: 'this reads as month first (American order), so the month would be ' + m[2] };
    return ym(+m[3], +m[2], +m[1]) ?? { error: 'the day or month is out of range' };
  }
  if ((m = s.match(/^(?:(\d{1,2}) )?([a-z]+),? (\d{4})$/))) {
    const k = SEASONS[m[2]] ?? month(m[2]);
    if (k) return ym(+m[3], k, m[1] ? +m[1] : 1) ?? { error: 'the day is out of range' };
  }
  return { error: 'the date is not in a form the atlas reads' };
}
export const WHEN_FIX = 'Write the wave\'s date as 2015, May 2015, Spring 2015, 2015/16, 05/2015 or 15/05/2015 (day first), with the year in full; in a spreadsheet, format the column as text.';

/** The values of one indicator's latest wave (all of them, when it has no waves). */
export function latestWave<T extends Pick<LocalValue, 'wave'>>(values: T[]): T[] {
  const waves = [...new Set(values.map((v) => v.wave ?? ''))];
  if (waves.length < 2) return values;
  const key = (w: string) => { const p = parseWhen(w); return 'key' in p ? p.key : 0; };
  const last = waves.sort((a, b) => key(a) - key(b))[waves.length - 1];
  return values.filter((v) => (v.wave ?? '') === last);
}

/** The two waves in order, earliest first, or null when there are not two. */
export function wavesOf(values: Pick<LocalValue, 'wave'>[]): [string, string] | null {
  const waves = [...new Set(values.map((v) => v.wave).filter((w): w is string => !!w))];
  if (waves.length !== 2) return null;
  const key = (w: string) => { const p = parseWhen(w); return 'key' in p ? p.key : 0; };
  return waves.sort((a, b) => key(a) - key(b)) as [string, string];
}

export interface LocalChange { from: string; to: string; status: 'value' | 'suppressed' | 'missing'; change: number | null; lower: number | null; upper: number | null }

type Figure = Pick<LocalValue, 'status' | 'value' | 'numerator' | 'denominator' | 'lower' | 'upper'>;
const Z = 1.959964;

/** The change from one wave's figure to the other's, with a 95% interval from their intervals (or, for a share, their counts). */
export function changeBetween(ind: LocalIndicator, from: string, to: string, a: Figure | undefined, b: Figure | undefined): LocalChange {
  const none = { from, to, change: null, lower: null, upper: null };
  if (a?.status === 'suppressed' || b?.status === 'suppressed') return { ...none, status: 'suppressed' };
  if (!a || !b || a.status !== 'value' || b.status !== 'value' || typeof a.value !== 'number' || typeof b.value !== 'number' || ind.unit === 'text') return { ...none, status: 'missing' };
  const r = (x: number) => Number(x.toFixed(ind.decimals));
  const change = b.value - a.value;
  const se = (f: Figure): number | null => {
    if (f.lower !== null && f.upper !== null) return (f.upper - f.lower) / (2 * Z);
    if (ind.unit === 'percent' && f.numerator !== null && f.denominator) { const p = f.numerator / f.denominator; return 100 * Math.sqrt((p * (1 - p)) / f.denominator); }
    return null;
  };
  const sa = se(a), sb = se(b);
  const half = sa !== null && sb !== null ? Z * Math.sqrt(sa * sa + sb * sb) : null;
  return { from, to, status: 'value', change: r(change), lower: half === null ? null : r(change - half), upper: half === null ? null : r(change + half) };
}

/** Each area's change between the two waves of an indicator (its own areas), and, for small areas, each neighbourhood's, from figures pooled per wave. */
export function changesOf(ind: LocalIndicator, values: LocalValue[], groups: Record<string, string[]> = {}): { byArea: Record<string, LocalChange>; byGroup: Record<string, LocalChange> } {
  const own = values.filter((v) => v.indicator === ind.id);
  const waves = wavesOf(own);
  if (!waves) return { byArea: {}, byGroup: {} };
  const [from, to] = waves;
  const at = (w: string) => new Map(own.filter((v) => v.wave === w).map((v) => [v.area, v]));
  const A = at(from), B = at(to);
  const byArea = Object.fromEntries([...new Set([...A.keys(), ...B.keys()])].sort().map((area) => [area, changeBetween(ind, from, to, A.get(area), B.get(area))]));
  const byGroup: Record<string, LocalChange> = {};
  for (const [slug, members] of Object.entries(groups)) {
    const pa = members.map((m) => A.get(m)).filter((v): v is LocalValue => !!v), pb = members.map((m) => B.get(m)).filter((v): v is LocalValue => !!v);
    if (pa.length === 0 && pb.length === 0) continue;
    const pool = (ps: LocalValue[]) => { if (ps.length === 0) return undefined; const { why: _w, ...p } = poolLocal(ind, ps); return { ...p, lower: null, upper: null }; };
    byGroup[slug] = changeBetween(ind, from, to, pool(pa), pool(pb));
  }
  return { byArea, byGroup };
}
