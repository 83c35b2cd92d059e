/**
 * Output Area tables summed straight from their bytes (finerSummer's `fromBytes`), on the
 * SYNTHETIC world: a plain file gives exactly what the CSV reader's rows give, and a file with
 * anything else in it (quotes, CR, a BOM, blank or ragged rows, rows out of the lookup's order,
 * unknown or repeated areas, cells that are not whole numbers, a title or a note) is left whole
 * to the CSV reader, which names what is wrong: the same series, reports and problems either way.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors.ts';
import type { Config } from '../schema.ts';
import { loadFrames } from '../stages/frames.ts';
import { rawReader, takeTableFiles } from '../stages/reader.ts';
import { readTables } from '../stages/tables.ts';
import { validateConfig } from '../stages/validate.ts';
import { STATUS } from '../stages/values.ts';
import { rawFiles, world } from './fixture.ts';

const FILE = 'synthetic/oa21_cars.csv';
const CLEAN = rawFiles()[FILE];
const [HEADER, ...ROWS] = CLEAN.trimEnd().split('\n');
const body = (rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;

/** The tables of a world whose Output Area table is `text`, read with the bytes path offered or not; whether it was taken. */
function tables(text: string, offer: boolean) {
  const w = world({ [FILE]: text });
  const cfg = validateConfig(w.inputs.config).config as Config;
  const problems: Problem[] = [];
  const { frames } = loadFrames(cfg, rawReader(cfg, w.inputs.files, problems), 'region');
  const read = rawReader(cfg, takeTableFiles(cfg, w.inputs.files), problems);
  const taken: boolean[] = [];
  const result = readTables(cfg, frames, (file, onRow, fromBytes) => read.csv(file, onRow, offer && fromBytes ? (b, keep) => { const t = fromBytes(b, keep); if (file === FILE) taken.push(t !== null); return t; } : undefined), problems);
  const series = Object.fromEntries([...result.series].map(([id, s]) => [id, { values: [...s.values], status: [...s.status], counts: s.counts && { num: [...s.counts.num], den: [...s.counts.den] } }]));
  return { taken, out: JSON.parse(JSON.stringify({ series, population: result.population, reports: result.reports, problems })) };
}

const CASES: [name: string, text: string, fast: boolean][] = [
  ['plain', CLEAN, true],
  ['no newline at the end', CLEAN.trimEnd(), true],
  ['a column no indicator reads', `${HEADER},Other\n${ROWS.map((r) => `${r},7`).join('\n')}\n`, true],
  ['a quoted header name holding a comma', `${HEADER},"Other, as published"\n${ROWS.map((r) => `${r},7`).join('\n')}\n`, true],
  ['a quoted header name holding a doubled quote', `${HEADER},"The ""other"" count"\n${ROWS.map((r) => `${r},7`).join('\n')}\n`, true],
  ['a header name quoted and not closed', `${HEADER},"Other\n${ROWS.map((r) => `${r},7`).join('\n')}\n`, false],
  ['a quoted cell in a column not read', `${HEADER},Other\n${ROWS.map((r, i) => `${r},${i === 2 ? '"a, b"' : 'x'}`).join('\n')}\n`, false],
  ['CRLF line ends', CLEAN.replace(/\n/g, '\r\n'), false],
  ['a BOM', `\uFEFF${CLEAN}`, false],
  ['a quoted count', body(ROWS.map((r, i) => (i === 2 ? r.replace(/,(\d+),/, ',"$1",') : r))), false],
  ['an empty count (missing)', body(ROWS.map((r, i) => (i === 2 ? r.replace(/,(\d+),/, ',,') : r))), false],
  ['a suppressed count', body(ROWS.map((r, i) => (i === 2 ? r.replace(/,(\d+),/, ',c,') : r))), false],
  ['a count with decimals', body(ROWS.map((r, i) => (i === 2 ? r.replace(/,(\d+),/, ',$1.5,') : r))), false],
  ['a negative count', body(ROWS.map((r, i) => (i === 2 ? r.replace(/,(\d+),/, ',-$1,') : r))), false],
  ['rows out of the lookup\'s order', body([ROWS[1], ROWS[0], ...ROWS.slice(2)]), false],
  ['an unknown area', body([...ROWS, 'E00900099,10,1']), false],
  ['a repeated area', body([...ROWS, ROWS[3]]), false],
  ['a missing area', body(ROWS.slice(0, -1)), true],
  ['a blank line inside', body([...ROWS.slice(0, 3), '', ...ROWS.slice(3)]), false],
  ['blank lines at the end', `${CLEAN}\n\n`, false],
  ['a ragged row', body(ROWS.map((r, i) => (i === 4 ? `${r},9` : r))), false],
  ['a code with spaces', body(ROWS.map((r, i) => (i === 1 ? ` ${r}` : r))), false],
  ['a title row', `Table TS045: cars,,\n${CLEAN}`, false],
  ['a note at the end', `${CLEAN}Source: ONS Census 2021,,\n`, false],
  ['a column missing', CLEAN.replace('No cars or vans in household', 'No car'), false],
  ['a repeated column name', CLEAN.replace('Total: All households', 'OA21CD'), false],
  ['a header only', `${HEADER}\n`, false],
];

describe('Output Area tables summed from their bytes', () => {
  it.for(CASES)('%s: the same series, reports and problems as from the CSV reader\'s rows', ([, text, fast]) => {
    const quick = tables(text, true);
    const rows = tables(text, false);
    expect(quick.taken).toEqual([fast]);
    expect(rows.taken).toEqual([]);
    expect(quick.out).toEqual(rows.out);
  });

  it('a suppressed or missing count makes its small area\'s share suppressed or missing; the others are the sums\' shares', () => {
    // E00900003 is the only Output Area of E01900002; E00900004 one of the two of E01900003.
    const text = CLEAN.replace('E00900003,100,5', 'E00900003,100,c').replace('E00900004,120,60', 'E00900004,120,');
    const { series } = tables(text, true).out;
    const s = series['synth-no-car'];
    const codes = ['E01800004', 'E01800005', 'E01900001', 'E01900002', 'E01900003'];
    expect(codes.map((_, i) => s.status[i])).toEqual([STATUS.value, STATUS.value, STATUS.value, STATUS.suppressed, STATUS.missing]);
    // (30 + 10) / (60 + 40); 50 / 100; 0 / 100.
    expect([s.values[2], s.values[0], s.values[1]]).toEqual([40, 50, 0]);
  });

  it('the plain file and its irregular forms do differ in what they give, so the comparison above can fail', () => {
    const plain = tables(CLEAN, true).out;
    expect(plain.problems).toEqual([]);
    expect(tables(body([...ROWS, 'E00900099,10,1']), true).out.problems.map((p: Problem) => p.code)).toEqual(['UNKNOWN_CODE']);
    expect(tables(body(ROWS.slice(0, -1)), true).out).not.toEqual(plain);
  });
});
