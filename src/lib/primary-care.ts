/**
 * NHS primary care around each neighbourhood, as the pipeline publishes it (primary-care.json):
 * fully-qualified GPs per 10,000 registered patients and patients per practice, by financial
 * year, for the practices in or near each neighbourhood, its CCG, and England's CCGs.
 */
import { hasData, readData } from './data.ts';

export interface CapacityFigures { practices: number; patients: number; gps: number | null; gpsPer10k: number | null; patientsPerPractice: number | null }
export interface Spread { n: number; q1: number; median: number; q3: number }
export interface NearPractice { code: string; name: string; postcode: string; ccg: string; inside: boolean; km: number; patients: Record<string, number | null>; gps: Record<string, number | null> }
export interface PrimaryCareFile {
  years: string[];
  distanceKm: number;
  notes: string[];
  /** An indicator on the neighbourhood page that also counts patients per GP, and why it differs ("{value}" its figure). */
  otherFigure?: { indicator: string; note: string };
  england: Record<string, { gpsPer10k: Spread | null; patientsPerPractice: Spread | null }>;
  ccgs: Record<string, { name: string; byYear: Record<string, CapacityFigures | null> }>;
  neighbourhoods: Record<string, { ccg: string | null; byYear: Record<string, CapacityFigures>; practices: NearPractice[] }>;
}

export const primaryCareData = (): PrimaryCareFile | null => (hasData('primary-care.json') ? readData<PrimaryCareFile>('primary-care.json') : null);

/** "5.7" GPs per 10,000 patients, or "no figure". */
export const per10k = (v: number | null) => (v === null ? 'no figure' : v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
/** "7,412" patients. */
export const whole = (v: number | null) => (v === null ? 'no figure' : Math.round(v).toLocaleString('en-GB'));
/** "about one GP for every 1,800 patients", from GPs per 10,000. */
export const gpWords = (v: number | null) => (v === null || v <= 0 ? 'no figure' : `about one fully-qualified GP for every ${(Math.round(10000 / v / 100) * 100).toLocaleString('en-GB')} patients`);
