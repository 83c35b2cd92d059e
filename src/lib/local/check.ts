import Papa from 'papaparse';
import type { Problem } from '../problem.ts';
import { isPlainNumber, parseCsv } from '../csv-read.ts';
import { disclose, withhold, type Withheld } from './disclosure.ts';
import { parseWhen, WHEN_FIX } from './waves.ts';
import { BOUND_COLUMN, BOUNDS, LOCAL_COLUMNS, LocalDatasetSchema, WAVE_COLUMN, type Bound, type LocalContext, type LocalDataset, type LocalIndicator, type LocalStatus, type LocalValue } from './schema.ts';

/**
 * Checks one local dataset against the schema and the areas it names, collecting every
 * problem (file, row, column, value, what is wrong and how to fix it), then applies disclosure
 * control. The pipeline and the contribute page both call this, so they give the same verdict.
 */
export interface LocalInput { dataset: string; metadata: string; values: string }
export interface CheckedDataset { id: string; meta: LocalDataset; values: LocalValue[]; files: { metadata: string; values: string } }
export interface CheckResult {
  dataset: CheckedDataset | null;
  problems: Problem[];
  /** The rows as read, before disclosure control, and why each withheld one was (same order as dataset.values). */
  read: LocalValue[];
  why: (Withheld | null)[];
}

/** The largest values.csv read (5 MB): a local dataset is a few thousand rows at most; a bigger file is refused unread. */
export const MAX_LOCAL_BYTES = 5 * 1024 * 1024;
export const tooLarge = (file: string, bytes: number): Problem => ({ code: 'TOO_LARGE', file, message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a local dataset's values.csv may be at most ${MAX_LOCAL_BYTES / 1024 / 1024} MB`, fix: 'Check that this is the right file: one row per indicator and area, with only the columns of the template. Split a very large survey into datasets, or give figures for areas, not answers of people.' });

const num = (s: string) => (s.trim() === '' ? null : Number(s.trim()));
const isNum = (s: string) => s.trim() === '' || isPlainNumber(s.trim());

/**
 * values.csv as comma-separated text. A spreadsheet saved with semicolons (as in much of Europe,
 * where the comma is the decimal mark), or cells pasted from a spreadsheet (tabs), are read too,
 * when the header is plainly so separated (and has no comma).
 */
export function asCommaSeparated(text: string): string {
  const t = text.replace(/^\uFEFF/, '');
  const header = t.slice(0, Math.max(0, t.indexOf('\n'))) || t;
  const delimiter = header.includes('\t') ? '\t' : ';';
  if (header.includes(',') || !header.includes(delimiter) || !header.includes('indicator')) return t;
  const parsed = Papa.parse<string[]>(t, { delimiter, header: false, skipEmptyLines: false });
  return Papa.unparse(parsed.data, { delimiter: ',', newline: '\n', quotes: false });
}

export function checkLocalDataset(input: LocalInput, ctx: LocalContext): CheckResult {
  const problems: Problem[] = [];
  const none = (ps: Problem[]): CheckResult => ({ dataset: null, problems: ps, read: [], why: [] });
  const metaFile = `local/${input.dataset}/dataset.json`;
  const csvFile = `local/${input.dataset}/values.csv`;
  let raw: unknown;
  try {
    raw = JSON.parse(input.metadata.replace(/^\uFEFF/, ''));
  } catch (e) {
    return none([{ code: 'INVALID_JSON', file: metaFile, message: `not valid JSON: ${(e as Error).message}`, fix: 'Correct the JSON syntax; copy the template in the README.' }]);
  }
  const parsed = LocalDatasetSchema.safeParse(raw);
  if (!parsed.success) {
    // The figures' file is still read, so a file that is no CSV at all is named in the same round.
    const schema = parsed.error.issues.map((i) => ({ code: 'LOCAL_SCHEMA', file: metaFile, column: i.path.join('.') || '(top level)', message: plainIssue(i), fix: `Correct "${i.path.join('.')}"; see "Adding local data" in the README.` }));
    return none([...schema, ...(input.values.length > MAX_LOCAL_BYTES ? [tooLarge(csvFile, input.values.length)] : readValues(csvFile, input.values).problems)]);
  }
  const meta = parsed.data;
  if (input.dataset.includes('synthetic') !== meta.synthetic) problems.push({ code: 'SYNTHETIC_FLAG', file: metaFile, column: 'synthetic', message: 'a synthetic dataset must say "synthetic": true and have "synthetic" in its folder name, and a real one neither', fix: 'Mark test fixtures as synthetic in both places; never put invented values in a real dataset.' });
  const indicators = new Map<string, LocalIndicator>();
  meta.indicators.forEach((ind, k) => {
    if (indicators.has(ind.id) || ctx.officialIds.has(ind.id)) problems.push({ code: 'DUPLICATE_ID', file: metaFile, column: `indicators.${k}.id`, value: ind.id, message: 'this indicator id is already used', fix: 'Give each indicator an id no other indicator has.' });
    if (!ctx.domains.has(ind.domain)) problems.push({ code: 'UNKNOWN_DOMAIN', file: metaFile, column: `indicators.${k}.domain`, value: ind.domain, message: 'no such domain', fix: `Use one of: ${[...ctx.domains].join(', ')}.` });
    indicators.set(ind.id, ind);
  });

  if (input.values.length > MAX_LOCAL_BYTES) return none([...problems, tooLarge(csvFile, input.values.length)]);
  const { table, col, problems: csvProblems } = readValues(csvFile, input.values);
  problems.push(...csvProblems);
  if (problems.length) return none(problems);

  const values: LocalValue[] = [];
  const seen = new Map<string, number>();
  const waves = new Map<number, { text: string; line: number }>();
  table.rows.forEach((cells, r) => {
    const line = table.lines[r];
    const get = (c: (typeof LOCAL_COLUMNS)[number]) => cells[col.get(c)!] ?? '';
    const bad = (column: string, value: string, message: string, fix: string, code = 'LOCAL_VALUE') => problems.push({ code, file: csvFile, row: line, column, value, message, fix });
    const id = get('indicator').trim();
    const ind = indicators.get(id);
    if (!ind) { bad('indicator', id, 'no indicator with this id in dataset.json', 'Use an indicator id declared in dataset.json.', 'UNKNOWN_INDICATOR'); return; }
    const area = get('area_code').trim();
    checkArea(ind, area, ctx, (m, f, code) => bad('area_code', area, m, f, code));
    const wave = col.has(WAVE_COLUMN) ? (cells[col.get(WAVE_COLUMN)!] ?? '').trim() : '';
    if ((meta.design ?? 'one-wave') === 'one-wave' && wave !== '') bad(WAVE_COLUMN, wave, 'a wave is given but dataset.json declares one wave (no "design")', 'Set "design" in dataset.json to "before-and-after" or "difference-in-differences", or empty the wave column.', 'WAVE');
    if ((meta.design ?? 'one-wave') !== 'one-wave') {
      const when = parseWhen(wave);
      if ('error' in when) bad(WAVE_COLUMN, wave, `${when.error}: every row of a dataset of two waves needs its wave's date`, WHEN_FIX, 'WAVE');
      else {
        const first = waves.get(when.key);
        if (!first) waves.set(when.key, { text: wave, line });
        else if (first.text !== wave) bad(WAVE_COLUMN, wave, `the same wave as "${first.text}" on row ${first.line}, written another way`, 'Write each wave the same way on every row.', 'WAVE');
      }
    }
    const key = `${id} ${area}${wave ? ` ${wave}` : ''}`;
    if (seen.has(key)) bad('area_code', area, `a second row for ${id} in ${area}${wave ? ` in wave ${wave}` : ''} (first on row ${seen.get(key)})`, 'Keep one row per indicator and area (and wave).', 'DUPLICATE_CODE');
    seen.set(key, line);
    const status = (get('status').trim() || 'value') as LocalStatus;
    if (!['value', 'suppressed', 'missing'].includes(status)) bad('status', status, 'status must be value, suppressed or missing', 'Write value, suppressed or missing (blank means value).');
    const rawValue = get('value').trim();
    if (status !== 'value' && rawValue !== '') bad('value', rawValue, `a ${status} row must leave the value empty`, 'Empty the value cell, or set status to value.');
    if (status === 'value' && rawValue === '') bad('value', rawValue, 'the value is empty but status is value', 'Fill in the value, or set status to missing (no figure) or suppressed (withheld).');
    for (const c of ['numerator', 'denominator', 'sample_size', 'lower_ci', 'upper_ci'] as const) if (!isNum(get(c))) bad(c, get(c), 'not a number', 'Write a plain number, without commas, units or %.');
    for (const c of ['numerator', 'denominator', 'sample_size'] as const) {
      const x = isNum(get(c)) ? num(get(c)) : null;
      if (x !== null && (x < 0 || !Number.isInteger(x))) bad(c, get(c), `a ${c.replace('_', ' ')} counts people, so it must be a whole number, 0 or more`, 'Write a whole number of people (or responses), 0 or more.');
    }
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
    if (numerator !== null && denominator !== null && numerator > denominator) bad('numerator', get('numerator'), `the numerator (${numerator}) is larger than the denominator (${denominator})`, 'Check both counts: the numerator is the people counted, out of the denominator.');
    const url = get('source_url').trim();
    if (url !== '' && !/^https?:\/\/[^\s"'<>]+$/.test(url)) bad('source_url', url, 'a source must be an http(s) address', 'Give the web address of the published source, starting https://.');
    const bound = col.has(BOUND_COLUMN) ? (cells[col.get(BOUND_COLUMN)!] ?? '').trim().toLowerCase() : '';
    if (bound !== '') {
      const how = 'A bound is for a figure published only as one ("more than 40"), quoted whole for a neighbourhood or the programme.';
      if (!(BOUNDS as readonly string[]).includes(bound)) bad(BOUND_COLUMN, bound, `a bound must be one of: ${BOUNDS.join(', ')}`, `Write the words as published (${BOUNDS.join(', ')}), or leave the cell empty for an exact figure.`);
      else if (status !== 'value' || ind.unit === 'text') bad(BOUND_COLUMN, bound, status !== 'value' ? `a ${status} row has no figure to bound` : 'a text indicator has no number to bound', 'Empty the bound cell.');
      else if (ind.level === 'lsoa') bad(BOUND_COLUMN, bound, 'small areas\' figures are added up and mapped, and a bound cannot be', `${how} Give small areas exact figures.`);
      else if ((meta.design ?? 'one-wave') !== 'one-wave') bad(BOUND_COLUMN, bound, 'a change between two waves cannot be worked out from a bound', `${how} Give both waves exact figures, or publish the dataset as one wave.`);
    }
    const sampleSize = isNum(get('sample_size')) ? num(get('sample_size')) : null;
    values.push({
      indicator: id, area, value, numerator, denominator, sampleSize, lower, upper, status,
      suppressedBy: status === 'suppressed' ? 'publisher' : null,
      lowPrecision: (lower !== null && upper !== null && upper - lower > 20) || (sampleSize !== null && sampleSize < 30),
      note: get('note').trim(), sourceUrl: url || meta.sourceUrl, ...(wave ? { wave } : {}), ...(bound ? { bound: bound as Bound } : {}), row: line,
    });
  });
  if ((meta.design ?? 'one-wave') !== 'one-wave' && waves.size !== 2 && !problems.some((p) => p.code === 'WAVE')) problems.push({ code: 'WAVE', file: csvFile, column: WAVE_COLUMN, value: [...waves.values()].map((w) => w.text).join(', '), message: `a dataset of two waves must have exactly two (found ${waves.size})`, fix: 'Give each row the date of its wave: one date for the first wave, one for the second.' });
  if (problems.length) return none(problems);
  const controlled = meta.disclosureControl.applies
    ? disclose(values, indicators, meta.disclosureControl)
    : { values: values.map((v) => (v.status === 'suppressed' ? withhold(v, 'publisher') : v)), why: values.map(() => null) };
  return { dataset: { id: input.dataset, meta, values: controlled.values, files: { metadata: input.metadata, values: input.values } }, problems, read: values, why: controlled.why };
}

/** A schema issue in plain words: what the field needs. */
function plainIssue(i: { code: string; message: string; origin?: string; minimum?: unknown; format?: string; values?: unknown[] }): string {
  if (i.code === 'too_small' && i.origin === 'string') return 'this must be filled in';
  if (i.code === 'too_small' && i.origin === 'array') return `at least ${String(i.minimum)} needed`;
  if (i.code === 'invalid_format' && i.format === 'url') return 'this must be a web address, starting https://';
  if (i.code === 'invalid_value' && i.values) return `this must be one of: ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'invalid_type' && /undefined/.test(i.message)) return 'this is missing';
  return i.message;
}

/** values.csv read as a table, with its header checked against the template's columns. */
function readValues(csvFile: string, text: string) {
  const { table, problems } = parseCsv(csvFile, asCommaSeparated(text));
  const col = new Map(table.header.map((h, i) => [h, i]));
  if (table.header.length) for (const c of LOCAL_COLUMNS) if (!col.has(c)) problems.push({ code: 'MISSING_COLUMN', file: csvFile, row: 1, column: c, message: `the header has no "${c}" column`, fix: `The header must be: ${LOCAL_COLUMNS.join(',')}` });
  return { table, col, problems };
}

function checkArea(ind: LocalIndicator, area: string, ctx: LocalContext, bad: (message: string, fix: string, code: string) => void) {
  if (ind.level === 'programme') {
    if (area !== 'programme') bad('a programme-level value takes the area code "programme"', 'Write programme in area_code.', 'BAD_CODE');
  } else if (area === 'total' && ind.unit === 'count') {
    return; // the dataset's own total of its parts: checked by secondary suppression
  } else if (ind.level === 'neighbourhood') {
    if (!ctx.neighbourhoods.has(area)) bad('no neighbourhood has this slug', `Use a slug from data/config/neighbourhoods.json: ${[...ctx.neighbourhoods].join(', ')}.`, 'UNKNOWN_CODE');
  } else {
    const v = ind.vintage!;
    const other = v === 2021 ? 2011 : 2021;
    if (!/^E01\d{6}$/.test(area)) bad(/^[WSN]\d{8}$/.test(area) ? 'this is not an English LSOA code (another nation)' : 'not an LSOA code (E01 and six digits)', 'Use the ONS LSOA code of the area.', 'BAD_CODE');
    else if (ctx.lsoas[v].has(area)) return;
    else if (ctx.lsoas[other].has(area)) bad(`${area} is an LSOA of ${other}, but this indicator is declared on LSOAs of ${v}: mixed vintages`, `Convert the codes to ${v} with the ONS LSOA 2011 to 2021 lookup, or declare "vintage": ${other}.`, 'MIXED_VINTAGE');
    else bad(`no LSOA of ${v} in ${ctx.lsoaScope} has this code`, 'Check the code against the ONS lookup.', 'UNKNOWN_CODE');
  }
}
