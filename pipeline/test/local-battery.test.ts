/**
 * Bad and benign local data (SYNTHETIC, on the synthetic world), through the pipeline's run()
 * and the contribute page's check alike: files as people save them from spreadsheets are read
 * (a BOM, semicolons, CRLF) or refused with the reason (a workbook, a web page, another
 * encoding, a huge file); hostile cells, duplicate areas, codes of the wrong vintage, negative
 * counts and a numerator over its denominator are named with row and column.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { run } from '../run.ts';
import { world } from './fixture.ts';
import { checkLocalDataset, MAX_LOCAL_BYTES } from '../../src/lib/local/check.ts';
import { contextFromPublished } from '../../src/lib/local/context.ts';

const META = JSON.stringify({
  title: 'Synthetic battery', synthetic: true, collectedBy: 'Test fixture (SYNTHETIC)', method: 'survey', period: '2026', licence: 'Test fixture', sourceUrl: 'https://example.org/synthetic', contact: 'nobody@example.org',
  indicators: [
    { id: 'syn-share', label: 'Share', description: 'SYNTHETIC.', domain: 'living-environment', level: 'lsoa', vintage: 2021, unit: 'percent', polarity: 'lower-worse', decimals: 1 },
    { id: 'syn-count', label: 'Count', description: 'SYNTHETIC.', domain: 'social-relationships', level: 'neighbourhood', unit: 'count', polarity: 'neutral', decimals: 0 },
  ],
});
const H = 'indicator,area_code,value,numerator,denominator,sample_size,lower_ci,upper_ci,status,note,source_url';
const GOOD = ['syn-share,E01900001,62.5,50,80,80,51.9,73.1,value,,', 'syn-count,ward-hood,25,,,,,,value,"a note, with a comma",'];
const csv = (...rows: string[]) => [H, ...rows].join('\n') + '\n';

const pageCtx = await (async () => {
  const files = (await run({ ...world().inputs, local: [] }, { scope: 'region' })).files;
  const get = (p: string) => JSON.parse(files.get(p)!);
  return contextFromPublished({ areas2011: get('areas/lsoa-2011.json'), areas2021: get('areas/lsoa-2021.json'), neighbourhoods: get('neighbourhoods.json').neighbourhoods, domains: get('catalogue.json').domains, indicatorIds: get('catalogue.json').indicators.map((i: { id: string }) => i.id) });
})();

/** Problems as "CODE row column", from the pipeline and from the page's check; both must agree. */
async function verdict(values: string, metadata = META): Promise<{ problems: string[]; local: string | null }> {
  const input = { dataset: 'battery-synthetic', metadata, values };
  let problems: string[] = [];
  let local: string | null = null;
  try { local = (await run({ ...world().inputs, local: [input] }, { scope: 'region' })).files.get('local.json')!; } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems = e.problems.map((p) => [p.code, p.row ?? '-', p.column ?? '-'].join(' '));
  }
  const page = checkLocalDataset(input, pageCtx).problems.map((p) => [p.code, p.row ?? '-', p.column ?? '-'].join(' '));
  expect(page).toEqual(problems);
  return { problems, local };
}

const CASES: [string, string, string[]][] = [
  ['a spreadsheet workbook saved as .csv', '\u0000PK\u0003\u0004 binary', ['NOT_A_CSV - -']],
  ['a web page', '<!DOCTYPE html><html><body>Not found</body></html>\n', ['NOT_A_CSV - -']],
  ['another encoding (Windows-1252 read as UTF-8)', csv('syn-count,ward-hood,25,,,,,,value,caf\ufffd,'), ['ENCODING_ERROR 2 -']],
  ['a file over the size limit', `${H}\n${'x'.repeat(MAX_LOCAL_BYTES)}`, ['TOO_LARGE - -']],
  ['hostile cells: a formula and markup where codes and numbers go', csv('=HYPERLINK("https://example.org"),ward-hood,1,,,,,,value,,', 'syn-count,<script>alert(1)</script>,1,,,,,,value,,', 'syn-count,list-hood,=1+1,,,,,,value,,'), ['UNKNOWN_INDICATOR 2 indicator', 'UNKNOWN_CODE 3 area_code', 'LOCAL_VALUE 4 value']],
  ['a duplicate area', csv(...GOOD, 'syn-count,ward-hood,26,,,,,,value,,'), ['DUPLICATE_CODE 4 area_code']],
  ['a code of the wrong vintage', csv('syn-share,E01800001,50,10,20,20,,,value,,'), ['MIXED_VINTAGE 2 area_code']],
  ['negative counts', csv('syn-count,ward-hood,-4,,,,,,value,,', 'syn-share,E01900001,50,-10,20,20,,,value,,'), ['LOCAL_VALUE 2 value', 'LOCAL_VALUE 3 numerator']],
  ['a numerator over its denominator', csv('syn-share,E01900001,50,30,20,20,,,value,,'), ['LOCAL_VALUE 2 numerator']],
  ['numbers written with units or separators', csv('syn-share,E01900001,50%,10,20,20,,,value,,', 'syn-count,ward-hood,"1,200",,,,,,value,,'), ['LOCAL_VALUE 2 value', 'LOCAL_VALUE 3 value']],
];

const clean = (await verdict(csv(...GOOD))).local;

describe('local data as people hold it: the same verdict through the pipeline and the page', () => {
  for (const [name, values, expected] of CASES) {
    it(`${name}: ${expected.join('; ')}`, async () => expect((await verdict(values)).problems).toEqual(expected));
  }

  it('a clean file builds', () => expect(clean).not.toBeNull());
  for (const [name, values] of [
    ['with a byte-order mark (Excel\'s "CSV UTF-8")', `\uFEFF${csv(...GOOD)}`],
    ['with Windows line ends', csv(...GOOD).replace(/\n/g, '\r\n')],
    ['with semicolons between cells', `${H.replace(/,/g, ';')}\n${GOOD[0].replace(/,/g, ';')}\nsyn-count;ward-hood;25;;;;;;value;a note, with a comma;\n`],
    ['as cells pasted from a spreadsheet (tabs)', `${H.replace(/,/g, '\t')}\n${GOOD[0].replace(/,/g, '\t')}\nsyn-count\tward-hood\t25\t\t\t\t\t\tvalue\ta note, with a comma\t\n`],
  ] as const) {
    it(`a file ${name} publishes what the clean file does`, async () => {
      const r = await verdict(values);
      expect(r.problems).toEqual([]);
      expect(JSON.parse(r.local!).values).toEqual(JSON.parse(clean!).values);
    });
  }
});

describe('two waves: dates as people write them, through the pipeline and the page', () => {
  const META2 = JSON.stringify({ ...JSON.parse(META), design: 'before-and-after' });
  const H2 = `${H},wave`;
  const rows = (...r: string[]) => [H2, ...r].join('\n') + '\n';
  it('reads "Spring 2015" and "15/05/2018" and publishes the change', async () => {
    const r = await verdict(rows('syn-count,ward-hood,25,,,,,,value,,,Spring 2015', 'syn-count,ward-hood,31,,,,,,value,,,15/05/2018'), META2);
    expect(r.problems).toEqual([]);
    expect(JSON.parse(r.local!).values['syn-count'].changes['ward-hood']).toMatchObject({ from: 'Spring 2015', to: '15/05/2018', change: 6, status: 'value' });
  });
  it('names a date written month first, a two-digit year and a spreadsheet date number, by row', async () => {
    expect((await verdict(rows('syn-count,ward-hood,25,,,,,,value,,,05/15/2015', 'syn-count,list-hood,25,,,,,,value,,,1/5/18', 'syn-count,ward-hood,31,,,,,,value,,,43235'), META2)).problems).toEqual(['WAVE 2 wave', 'WAVE 3 wave', 'WAVE 4 wave']);
  });
  it('names three waves where two are declared, and a wave in a dataset of one', async () => {
    expect((await verdict(rows('syn-count,ward-hood,25,,,,,,value,,,2015', 'syn-count,ward-hood,31,,,,,,value,,,2018', 'syn-count,ward-hood,33,,,,,,value,,,2020'), META2)).problems).toEqual(['WAVE - wave']);
    expect((await verdict(rows('syn-count,ward-hood,25,,,,,,value,,,2015'))).problems).toEqual(['WAVE 2 wave']);
  });
});

describe('a figure published only as a bound ("more than 40"), through the pipeline and the page', () => {
  const HB = `${H},bound`;
  const rows = (...r: string[]) => [HB, ...r].join('\n') + '\n';
  it('keeps the bound with the figure in local.json and the download, and says it in words', async () => {
    const r = await verdict(rows('syn-count,ward-hood,40,,,,,,value,,,more than', 'syn-count,list-hood,12,,,,,,value,,,'));
    expect(r.problems).toEqual([]);
    const values = JSON.parse(r.local!).values['syn-count'].values as { area: string; value: number; bound?: string }[];
    expect(values.find((v) => v.area === 'ward-hood')).toMatchObject({ value: 40, bound: 'more than' });
    expect(values.find((v) => v.area === 'list-hood')).not.toHaveProperty('bound');
    const { localValueText } = await import('../../src/lib/local-words.ts');
    const ind = { ...JSON.parse(META).indicators[1], dataset: 'battery-synthetic' };
    expect(localValueText(ind, values.find((v) => v.area === 'ward-hood') as never)).toBe('More than 40');
    expect(localValueText(ind, values.find((v) => v.area === 'list-hood') as never)).toBe('12');
    const files = (await run({ ...world().inputs, local: [{ dataset: 'battery-synthetic', metadata: META, values: rows('syn-count,ward-hood,40,,,,,,value,,,more than') }] }, { scope: 'region' })).files;
    const download = files.get('downloads/local/battery-synthetic.csv')!.trim().split(/\r?\n/);
    expect(download[0].endsWith(',licence,bound')).toBe(true);
    expect(download[1].endsWith(',more than')).toBe(true);
    const resource = JSON.parse(files.get('downloads/datapackage.json')!).resources.find((x: { name: string }) => x.name === 'local-battery-synthetic');
    expect(resource.schema.fields.map((f: { name: string }) => f.name).slice(-2)).toEqual(['licence', 'bound']);
  });
  it('names a bound that is not one of the four, one on a row with no figure, on small areas, and in a dataset of two waves', async () => {
    expect((await verdict(rows('syn-count,ward-hood,40,,,,,,value,,,>', 'syn-count,list-hood,,,,,,,missing,,,more than', 'syn-share,E01900001,62.5,50,80,80,,,value,,,at least'))).problems)
      .toEqual(['LOCAL_VALUE 2 bound', 'LOCAL_VALUE 3 bound', 'LOCAL_VALUE 4 bound']);
    const META2 = JSON.stringify({ ...JSON.parse(META), design: 'before-and-after' });
    expect((await verdict([`${HB},wave`, 'syn-count,ward-hood,40,,,,,,value,,,more than,2015', 'syn-count,ward-hood,45,,,,,,value,,,,2018'].join('\n') + '\n', META2)).problems).toEqual(['LOCAL_VALUE 2 bound']);
  });
  it('publishes no bound for a figure withheld by disclosure control', async () => {
    const META3 = JSON.stringify({ ...JSON.parse(META), disclosureControl: { applies: true, minCount: 10, minDenominator: 10 } });
    const r = await verdict(rows('syn-count,ward-hood,5,,,,,,value,,,more than'), META3);
    expect(r.problems).toEqual([]);
    const v = JSON.parse(r.local!).values['syn-count'].values[0];
    expect(v).toMatchObject({ status: 'suppressed', value: null });
    expect(v).not.toHaveProperty('bound');
  });
});
