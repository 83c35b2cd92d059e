/**
 * The contribute page's results, drawn with DOM text only (no markup from the data): the
 * problems, what would be published and what withheld cell by cell, the preview in the
 * neighbourhood pages' words, and the hand-in files.
 */
import type { Problem } from '../../lib/problem.ts';
import type { CheckResult } from '../../lib/local/check.ts';
import type { PreviewItem } from '../../lib/local/preview.ts';
import { el, table } from '../dom.ts';

const where = (p: Problem) => [p.file.split('/').pop(), p.row !== undefined ? `row ${p.row}` : '', p.column ? `column "${p.column}"` : ''].filter(Boolean).join(', ');

export function problemsList(problems: Problem[]): HTMLElement {
  if (problems.length === 0) return el('p', 'No problems: the figures and their description pass every check the build makes.', 'ok');
  const box = el('div');
  box.append(el('p', `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix. Nothing is published from a dataset with problems.`));
  const list = el('ol', undefined, 'contribute-problems');
  for (const p of problems) {
    const li = el('li');
    li.dataset.code = p.code;
    li.append(el('strong', `${where(p)}: `), document.createTextNode(p.message));
    if (p.value !== undefined && p.value !== '') li.append(document.createTextNode(' (the cell holds: '), el('code', p.value.length > 80 ? `${p.value.slice(0, 80)}…` : p.value), document.createTextNode(')'));
    li.append(el('br'), el('span', `How to fix it: ${p.fix}`, 'small'));
    list.append(li);
  }
  box.append(list);
  return box;
}

const fmt = (x: number | string | null) => (x === null ? '' : String(x));
const WHY: Record<string, string> = {
  'small-count': 'a small count could identify people',
  'small-denominator': 'too few people answered',
  'small-numerator': 'a small number of people could be identified',
  'implied-count': 'the share and how many answered give away a small count',
  secondary: 'to protect another withheld figure',
};

export function publishedTable(r: CheckResult): HTMLElement {
  if (!r.dataset) return el('p', 'Fix the problems above first: a dataset with problems publishes nothing.');
  const rows = r.dataset.values.map((v, k) => {
    const given = r.read[k];
    const w = r.why[k];
    const verdict = v.status === 'value' ? 'Published' : v.status === 'missing' ? 'No figure (missing)' : 'Withheld';
    const why = w ? `${WHY[w.reason]}: ${w.detail}` : v.suppressedBy === 'publisher' ? 'withheld by you (status suppressed)' : v.status === 'value' ? (v.lowPrecision ? 'published, flagged as low precision (fewer than 30 responses or a wide interval)' : '') : '';
    return [String(given.row), given.indicator, given.wave ? `${given.area} (${given.wave})` : given.area, fmt(given.value), fmt(given.numerator), fmt(given.denominator), fmt(given.sampleSize), verdict, why];
  });
  const box = el('div');
  const withheld = r.dataset.values.filter((v) => v.status === 'suppressed').length;
  box.append(el('p', `${r.dataset.values.length - withheld} of ${r.dataset.values.length} rows would be published; ${withheld} withheld. A withheld row publishes no figure, numerator, interval, denominator or sample size. A neighbourhood's or custom area's figure pooled from small areas is withheld where any of its small areas is, so no hidden figure can be worked out by difference.`));
  box.append(table('What would be published, row by row', ['Row', 'Measure', 'Area', 'Value given', 'Numerator', 'Denominator', 'Responses', 'Verdict', 'Why'], rows, { numeric: [true, false, false, true, true, true, true, false, false] }));
  return box;
}

export function previewList(items: PreviewItem[]): HTMLElement {
  if (items.length === 0) return el('p', 'No figure names a neighbourhood, its small areas or the programme, so none would show on a neighbourhood page.');
  const list = el('ul', undefined, 'local-list');
  for (const it of items) {
    const li = el('li', undefined, 'local-item');
    li.dataset.localIndicator = it.indicator;
    const head = el('p', undefined, 'local-head');
    head.append(el('span', 'local', 'badge local'), document.createTextNode(' '), el('strong', it.label), document.createTextNode(' '), el('span', `${it.place}: ${it.scope.toLowerCase()}${it.synthetic ? ' (synthetic test data)' : ''}`, 'muted small'));
    li.append(head, el('p', it.text, 'local-value'));
    if (it.change) li.append(el('p', it.change, 'local-change'));
    if (it.lowPrecision) li.append(el('p', 'Low precision: few responses or a wide interval. Treat with caution.', 'low-precision'));
    list.append(li);
  }
  return list;
}

export function handIn(id: string, ready: boolean, save: (which: 'dataset.json' | 'values.csv') => void): HTMLElement {
  const box = el('div');
  if (!ready) { box.append(el('p', 'When there are no problems left, the two files to hand in appear here.')); return box; }
  const p = el('p', undefined, 'download-buttons');
  for (const which of ['dataset.json', 'values.csv'] as const) {
    const b = el('button', `Download ${which}`, 'button secondary');
    b.type = 'button';
    b.dataset.download = which;
    b.addEventListener('click', () => save(which));
    p.append(b, document.createTextNode(' '));
  }
  box.append(el('p', `Put both files in a folder data/local/${id}/ of the atlas's code, then build from its top folder with this one line:`), el('pre', `npm run data`, 'command'), p);
  box.append(el('p', 'The build checks them again by these same rules and stops, naming the file, row and column, if anything is wrong.', 'small muted'));
  return box;
}
