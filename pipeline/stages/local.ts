import { z } from 'zod';
import type { Problem } from '../errors.ts';
import type { AreaFrame, Vintage } from './areas.ts';
import { parseCsv } from './load.ts';
import { round } from '../round.ts';
import { poolLocal } from '../../src/lib/aggregate.ts';

/**
 * Locally gathered indicators: residents' and councils' own evidence, each value with who
 * collected it, when, how, from how many people and how sure it is. A dataset is a folder
 * data/local/<dataset>/ with dataset.json (metadata and indicators) and values.csv.
 */

const DOMAINS_NOTE = 'one of the domain ids in data/config/domains.json';
export const LocalDatasetSchema = z.object({
  title: z.string().min(1),
  synthetic: z.boolean().default(false),
  collectedBy: z.string().min(1),
  method: z.enum(['survey', 'resident enquiry', 'count', 'administrative']),
  period: z.string().min(1),
  licence: z.string().min(1),
  sourceUrl: z.string().url(),
  contact: z.string().min(1),
  notes: z.string().optional(),
  disclosureControl: z.object({ applies: z.boolean(), minCount: z.number().int().min(1).default(10), minDenominator: z.number().int().min(1).default(10), reason: z.string().optional() }).default({ applies: true, minCount: 10, minDenominator: 10 }),
  indicators: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase letters, digits and hyphens'),
    label: z.string().min(1),
    description: z.string().min(1),
    domain: z.string().min(1, DOMAINS_NOTE),
    level: z.enum(['lsoa', 'neighbourhood', 'programme']),
    vintage: z.union([z.literal(2011), z.literal(2021)]).optional(),
    unit: z.enum(['percent', 'rate', 'count', 'score', 'percentage points', 'text']),
    polarity: z.enum(['higher-worse', 'lower-worse', 'neutral']),
    denominator: z.string().optional(),
    decimals: z.number().int().min(0).max(4).default(1),
  }).refine((i) => i.level !== 'lsoa' || i.vintage !== undefined, { message: 'an LSOA-level indicator needs "vintage": 2011 or 2021' })).min(1),
});
export type LocalDataset = z.infer<typeof LocalDatasetSchema>;
export type LocalIndicator = LocalDataset['indicators'][number];

/** The columns of values.csv, in the template's order. */
export const LOCAL_COLUMNS = ['indicator', 'area_code', 'value', 'numerator', 'denominator', 'sample_size', 'lower_ci', 'upper_ci', 'status', 'note', 'source_url'] as const;

export type LocalStatus = 'value' | 'suppressed' | 'missing';
export interface LocalValue {
  indicator: string;
  area: string;
  /** A number, or text for text indicators; null unless status is value. */
  value: number | string | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  lower: number | null;
  upper: number | null;
  status: LocalStatus;
  /** Why a value was suppressed by this pipeline: 'primary' (small count) or 'secondary' (would reveal another). */
  suppressedBy: 'publisher' | 'primary' | 'secondary' | null;
  /** Precision worth flagging: a confidence interval wider than 20 points, or fewer than 30 responses. */
  lowPrecision: boolean;
  note: string;
  sourceUrl: string;
  row: number;
}

export interface LocalInput { dataset: string; metadata: string; values: string }
export interface LoadedDataset { id: string; meta: LocalDataset; values: LocalValue[]; files: { metadata: string; values: string } }

const num = (s: string) => (s.trim() === '' ? null : Number(s.trim()));
const isNum = (s: string) => s.trim() === '' || /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s.trim());

/**
 * Validates one dataset against the schema and the areas it names, collecting every problem:
 * file, row, column, what is wrong and how to fix it. Nothing is published from a dataset
 * with problems.
 */
export function loadLocalDataset(input: LocalInput, ctx: { frames: Record<Vintage, AreaFrame>; neighbourhoods: Set<string>; domains: Set<string>; officialIds: Set<string> }): { dataset: LoadedDataset | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const metaFile = `local/${input.dataset}/dataset.json`;
  const csvFile = `local/${input.dataset}/values.csv`;
  let raw: unknown;
  try {
    raw = JSON.parse(input.metadata);
  } catch (e) {
    return { dataset: null, problems: [{ code: 'INVALID_JSON', file: metaFile, message: `not valid JSON: ${(e as Error).message}`, fix: 'Correct the JSON syntax; copy the template in the README.' }] };
  }
  const parsed = LocalDatasetSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push({ code: 'LOCAL_SCHEMA', file: metaFile, column: i.path.join('.') || '(top level)', message: i.message, fix: `Correct "${i.path.join('.')}"; see "Adding local data" in the README.` });
    return { dataset: null, problems };
  }
  const meta = parsed.data;
  if (input.dataset.includes('synthetic') !== meta.synthetic) problems.push({ code: 'SYNTHETIC_FLAG', file: metaFile, column: 'synthetic', message: 'a synthetic dataset must say "synthetic": true and have "synthetic" in its folder name, and a real one neither', fix: 'Mark test fixtures as synthetic in both places; never put invented values in a real dataset.' });
  const indicators = new Map<string, LocalIndicator>();
  meta.indicators.forEach((ind, k) => {
    if (indicators.has(ind.id) || ctx.officialIds.has(ind.id)) problems.push({ code: 'DUPLICATE_ID', file: metaFile, column: `indicators.${k}.id`, value: ind.id, message: 'this indicator id is already used', fix: 'Give each indicator an id no other indicator has.' });
    if (!ctx.domains.has(ind.domain)) problems.push({ code: 'UNKNOWN_DOMAIN', file: metaFile, column: `indicators.${k}.domain`, value: ind.domain, message: 'no such domain', fix: `Use one of: ${[...ctx.domains].join(', ')}.` });
    indicators.set(ind.id, ind);
  });

  const { table, problems: csvProblems } = parseCsv(csvFile, input.values.replace(/^\uFEFF/, ''));
  problems.push(...csvProblems);
  const col = new Map(table.header.map((h, i) => [h, i]));
  for (const c of LOCAL_COLUMNS) if (!col.has(c)) problems.push({ code: 'MISSING_COLUMN', file: csvFile, row: 1, column: c, message: `the header has no "${c}" column`, fix: `The header must be: ${LOCAL_COLUMNS.join(',')}` });
  if (problems.length) return { dataset: null, problems };

  const values: LocalValue[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, r) => {
    const line = table.lines[r];
    const get = (c: (typeof LOCAL_COLUMNS)[number]) => cells[col.get(c)!] ?? '';
    const bad = (column: string, value: string, message: string, fix: string, code = 'LOCAL_VALUE') => problems.push({ code, file: csvFile, row: line, column, value, message, fix });
    const id = get('indicator').trim();
    const ind = indicators.get(id);
    if (!ind) { bad('indicator', id, 'no indicator with this id in dataset.json', 'Use an indicator id declared in dataset.json.', 'UNKNOWN_INDICATOR'); return; }
    const area = get('area_code').trim();
    checkArea(ind, area, ctx, (m, f, code) => bad('area_code', area, m, f, code));
    const key = `${id} ${area}`;
    if (seen.has(key)) bad('area_code', area, `a second row for ${id} in ${area} (first on row ${seen.get(key)})`, 'Keep one row per indicator and area.', 'DUPLICATE_CODE');
    seen.set(key, line);
    const status = (get('status').trim() || 'value') as LocalStatus;
    if (!['value', 'suppressed', 'missing'].includes(status)) bad('status', status, 'status must be value, suppressed or missing', 'Write value, suppressed or missing (blank means value).');
    const rawValue = get('value').trim();
    if (status !== 'value' && rawValue !== '') bad('value', rawValue, `a ${status} row must leave the value empty`, 'Empty the value cell, or set status to value.');
    if (status === 'value' && rawValue === '') bad('value', rawValue, 'the value is empty but status is value', 'Fill in the value, or set status to missing (no figure) or suppressed (withheld).');
    for (const c of ['numerator', 'denominator', 'sample_size', 'lower_ci', 'upper_ci'] as const) if (!isNum(get(c))) bad(c, get(c), 'not a number', 'Write a plain number, without commas, units or %.');
    let value: number | string | null = null;
    if (status === 'value' && rawValue !== '') {
      if (ind.unit === 'text') value = rawValue;
      else if (!isNum(rawValue)) bad('value', rawValue, `${ind.unit} indicator needs a number`, 'Write a plain number (no commas, units or %); use status missing or suppressed for no figure.');
      else value = Number(rawValue);
    }
    const lower = isNum(get('lower_ci')) ? num(get('lower_ci')) : null;
    const upper = isNum(get('upper_ci')) ? num(get('upper_ci')) : null;
    if ((lower === null) !== (upper === null)) bad(lower === null ? 'lower_ci' : 'upper_ci', '', 'give both confidence limits or neither', 'Fill in both lower_ci and upper_ci, or leave both empty.');
    if (typeof value === 'number' && lower !== null && upper !== null && !(lower <= value && value <= upper)) bad('value', rawValue, `the value is outside its confidence interval (${lower} to ${upper})`, 'Check the value and the limits: lower_ci ≤ value ≤ upper_ci.');
    if (typeof value === 'number' && ind.unit === 'percent' && (value < 0 || value > 100)) bad('value', rawValue, 'a percentage must be between 0 and 100', 'Write percentages as 0 to 100 (not 0 to 1).');
    if (typeof value === 'number' && ind.unit === 'count' && (value < 0 || !Number.isInteger(value))) bad('value', rawValue, 'a count must be a whole number, 0 or more', 'Write a whole number.');
    const numerator = isNum(get('numerator')) ? num(get('numerator')) : null;
    const denominator = isNum(get('denominator')) ? num(get('denominator')) : null;
    if (numerator !== null && denominator !== null && numerator > denominator) bad('numerator', get('numerator'), 'the numerator is larger than the denominator', 'Check both counts.');
    const url = get('source_url').trim();
    if (url !== '' && !/^https?:\/\/[^\s"'<>]+$/.test(url)) bad('source_url', url, 'a source must be an http(s) address', 'Give the web address of the published source, starting https://.');
    const sampleSize = isNum(get('sample_size')) ? num(get('sample_size')) : null;
    values.push({
      indicator: id, area, value, numerator, denominator, sampleSize, lower, upper, status,
      suppressedBy: status === 'suppressed' ? 'publisher' : null,
      lowPrecision: (lower !== null && upper !== null && upper - lower > 20) || (sampleSize !== null && sampleSize < 30),
      note: get('note').trim(), sourceUrl: url || meta.sourceUrl, row: line,
    });
  });
  if (problems.length) return { dataset: null, problems };
  const controlled = meta.disclosureControl.applies ? applyDisclosureControl(values, indicators, meta.disclosureControl) : values;
  return { dataset: { id: input.dataset, meta, values: controlled, files: { metadata: input.metadata, values: input.values } }, problems };
}

function checkArea(ind: LocalIndicator, area: string, ctx: { frames: Record<Vintage, AreaFrame>; neighbourhoods: Set<string> }, bad: (message: string, fix: string, code: string) => void) {
  if (ind.level === 'programme') {
    if (area !== 'programme') bad('a programme-level value takes the area code "programme"', 'Write programme in area_code.', 'BAD_CODE');
  } else if (area === 'total' && ind.unit === 'count') {
    return; // the dataset's own total of its parts: checked by secondary suppression
  } else if (ind.level === 'neighbourhood') {
    if (!ctx.neighbourhoods.has(area)) bad('no neighbourhood has this slug', `Use a slug from data/config/neighbourhoods.json: ${[...ctx.neighbourhoods].join(', ')}.`, 'UNKNOWN_CODE');
  } else {
    const v = ind.vintage!;
    const other: Vintage = v === 2021 ? 2011 : 2021;
    if (!/^E01\d{6}$/.test(area)) bad(/^[WSN]\d{8}$/.test(area) ? 'this is not an English LSOA code (another nation)' : 'not an LSOA code (E01 and six digits)', 'Use the ONS LSOA code of the area.', 'BAD_CODE');
    else if (ctx.frames[v].index.has(area)) return;
    else if (ctx.frames[other].index.has(area)) bad(`${area} is an LSOA of ${other}, but this indicator is declared on LSOAs of ${v}: mixed vintages`, `Convert the codes to ${v} with the ONS LSOA 2011 to 2021 lookup, or declare "vintage": ${other}.`, 'MIXED_VINTAGE');
    else bad(`no LSOA of ${v} in England has this code`, 'Check the code against the ONS lookup.', 'UNKNOWN_CODE');
  }
}

/**
 * Disclosure control. Primary: a count below `minCount`, or a percentage or rate whose
 * denominator (or sample) is below `minDenominator`, is suppressed. Secondary: wherever a
 * total is published with its parts (an indicator's neighbourhood or programme value, and
 * its LSOA or neighbourhood values below it), one suppressed part could be recovered by
 * subtraction, so the smallest other part is suppressed too.
 */
export function applyDisclosureControl(values: LocalValue[], indicators: Map<string, LocalIndicator>, rule: { minCount: number; minDenominator: number }): LocalValue[] {
  const out = values.map((v) => ({ ...v }));
  const suppress = (v: LocalValue, by: 'primary' | 'secondary') => Object.assign(v, { status: 'suppressed' as const, suppressedBy: by, value: null, numerator: null, lower: null, upper: null });
  for (const v of out) {
    if (v.status !== 'value') continue;
    const ind = indicators.get(v.indicator)!;
    const small = (x: number | null) => x !== null && x < rule.minCount && x > 0;
    if (ind.unit === 'count' && typeof v.value === 'number' && v.value > 0 && v.value < rule.minCount) suppress(v, 'primary');
    else if ((ind.unit === 'percent' || ind.unit === 'rate') && ((v.denominator !== null && v.denominator < rule.minDenominator) || (v.sampleSize !== null && v.sampleSize < rule.minDenominator))) suppress(v, 'primary');
    else if (small(v.numerator)) suppress(v, 'primary');
  }
  // Secondary suppression within each group of parts that sum to a published total.
  for (const group of additiveGroups(out, indicators)) {
    const hidden = group.parts.filter((p) => p.status === 'suppressed');
    if (hidden.length !== 1 || group.total.status !== 'value') continue;
    const candidates = group.parts.filter((p) => p.status === 'value').sort((a, b) => (numberOf(a) - numberOf(b)) || a.area.localeCompare(b.area, 'en-GB'));
    if (candidates[0]) suppress(candidates[0], 'secondary');
  }
  return out;
}

const numberOf = (v: LocalValue) => (typeof v.value === 'number' ? v.value : v.numerator ?? 0);

/** Groups of values that add up to a published total: a count indicator's parts and its `total` row. */
export function additiveGroups(values: LocalValue[], indicators: Map<string, LocalIndicator>): { total: LocalValue; parts: LocalValue[] }[] {
  const groups: { total: LocalValue; parts: LocalValue[] }[] = [];
  const byIndicator = new Map<string, LocalValue[]>();
  for (const v of values) byIndicator.set(v.indicator, [...(byIndicator.get(v.indicator) ?? []), v]);
  for (const [id, vs] of byIndicator) {
    const ind = indicators.get(id)!;
    if (ind.unit !== 'count') continue;
    const total = vs.find((v) => v.area === 'total');
    const parts = vs.filter((v) => v !== total);
    if (total && parts.length > 1) groups.push({ total, parts });
  }
  return groups;
}

/** A local LSOA-level indicator's values for the areas in scope, in geometry order, with their uncertainty. */
export function localValuesFile(ds: LoadedDataset, ind: LocalIndicator, scopeCodes: string[], breaks: number[]) {
  const byArea = new Map(ds.values.filter((v) => v.indicator === ind.id).map((v) => [v.area, v]));
  const values: (number | null)[] = [], lower: (number | null)[] = [], upper: (number | null)[] = [], n: (number | null)[] = [];
  const missing: number[] = [], suppressed: number[] = [], lowPrecision: number[] = [];
  scopeCodes.forEach((code, k) => {
    const v = byArea.get(code);
    const x = v && v.status === 'value' && typeof v.value === 'number' ? v.value : null;
    values.push(x);
    lower.push(v?.status === 'value' ? v.lower : null);
    upper.push(v?.status === 'value' ? v.upper : null);
    n.push(v?.sampleSize ?? null);
    if (x === null) (v?.status === 'suppressed' ? suppressed : missing).push(k);
    if (v?.lowPrecision) lowPrecision.push(k);
  });
  return { id: ind.id, geometry: `geo/lsoa-${ind.vintage}.topo.json`, decimals: ind.decimals, breaks, values, missing, suppressed, lower, upper, n, lowPrecision };
}

/** Quantile breaks (up to five classes) over the values a local LSOA indicator has in scope. */
export function localBreaks(values: (number | null)[], decimals: number): number[] {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length < 2) return [];
  const k = Math.min(5, xs.length);
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const b = round(xs[Math.floor((i * xs.length) / k)], decimals);
    if (b > (out[out.length - 1] ?? -Infinity) && b > xs[0]) out.push(b);
  }
  return out;
}

/**
 * A local LSOA-level indicator summed or pooled over a neighbourhood's LSOAs, by the rule
 * custom areas follow too (`poolLocal`): any suppressed member suppresses the whole.
 */
export function localNeighbourhoodValue(ds: LoadedDataset, ind: LocalIndicator, members: string[]): Omit<LocalValue, 'row'> | null {
  const vs = ds.values.filter((v) => v.indicator === ind.id && members.includes(v.area));
  if (vs.length === 0) return null;
  const base = { indicator: ind.id, area: 'neighbourhood', lower: null, upper: null, note: `From ${vs.length} of its ${members.length} small areas.`, sourceUrl: ds.meta.sourceUrl, lowPrecision: vs.some((v) => v.lowPrecision) };
  const { why, ...p } = poolLocal(ind, vs);
  return { ...base, ...p, suppressedBy: p.status === 'suppressed' ? 'secondary' : null, ...(why ? { note: 'The small areas do not all give numerator and denominator, so no pooled figure can be made.' } : {}) };
}
