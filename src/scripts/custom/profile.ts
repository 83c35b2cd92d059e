/**
 * The custom area's profile, drawn in the browser as the neighbourhood pages are drawn at build
 * time: key figures in words, every domain led by its sentence and its measures in everyday
 * units, the spine chart and its table, then and now, the local evidence and every small area.
 * Text only, never markup.
 */
import type { Catalogue, IndicatorMeta } from '../../lib/data.ts';
import type { CouncilMark, CustomChunk, CustomIndex, CustomProfile } from '../../lib/custom.ts';
import { areaFigure, figuresNote } from '../../lib/custom.ts';
import { formatValue } from '../../lib/classes.ts';
import { domainSentence, englandWords, isProfileIndicator, isRealUnit, needsScoreWord, perNote, plainSentence, profileOrder, sharedNoteOpening, spineNote } from '../../lib/plain.ts';
import { andList, cap, changeSentence, count, headlineSentence, populationSentence } from '../../lib/words.ts';
import { COMPARABILITY, thenAndNowSentence, type Edition } from '../../lib/change-words.ts';
import { ENGLAND_COLUMN_NOTE, markPath, SPINE, SPINE_KEY, SPINE_KEY_BANDS, SPINE_MARKS, PILE_Y, spineCellParts, spineRow } from '../../lib/spine.ts';
import { el, svgEl, table } from '../dom.ts';
import { regionComparator, regionHeading } from '../../lib/scope-words.ts';

export interface ProfileContext {
  cat: Catalogue & { editions?: Edition[] };
  index: CustomIndex;
  chunks: CustomChunk[];
  profile: CustomProfile;
  /** The area's name, as the reader gave it ("Your area" until then). */
  name: string;
  base: string;
}

/** The name as a sentence uses it: "this area" until the reader names it. */
const inSentence = (name: string) => (name === 'Your area' ? 'this area' : name);

const pc = (v?: number) => (v === undefined ? '–' : `${Math.round(v * 100)}%`);

/** The whole profile, as a list of sections. */
export function profileSections(c: ProfileContext): HTMLElement[] {
  return [keyFigures(c), ...domains(c), thenAndNow(c), localEvidence(c), areasTable(c)].filter((x): x is HTMLElement => x !== null);
}

function section(id: string, heading: string, level: 'h2' | 'h3' = 'h2'): HTMLElement {
  const s = el('section');
  s.setAttribute('aria-labelledby', id);
  const h = el(level, heading);
  h.id = id;
  s.append(h);
  return s;
}

function keyFigures(c: ProfileContext): HTMLElement {
  const { profile: p, cat } = c;
  const head = cat.indicators.find((i) => i.id === cat.headline)!;
  const n = { name: inSentence(c.name), summaries: p.summaries };
  const s = section('profile-h', `Profile: ${c.name}`);
  const residents = sumPopulation(c);
  const where = p.councils.map((x) => `${x.name}${p.councils.length > 1 ? ` (${x.areas})` : ''}`).join(' and ');
  const box = el('div', undefined, 'key-figures');
  box.append(
    el('p', `${cap(count(p.lsoas2021.length))} small area${p.lsoas2021.length === 1 ? '' : 's'} of 2021 in ${where}, home to about ${residents.toLocaleString('en-GB')} people (${cat.vintages['2021'].population}).`),
    el('p', headlineSentence(n, head), 'headline'),
    el('p', populationSentence(n, head)),
  );
  const ch = changeSentence(n);
  if (ch) box.append(el('p', ch));
  s.append(box, el('p', `${figuresNote(p, regionComparator(cat.scope))} Each figure is placed among England's small areas exactly as the neighbourhood pages place theirs. ${ENGLAND_COLUMN_NOTE}`, 'muted small'));
  return s;
}

function sumPopulation(c: ProfileContext): number {
  const chosen = new Set(c.profile.lsoas2021.map((m) => m.code));
  let total = 0;
  for (const ch of c.chunks) ch.a2021.codes.forEach((code, k) => { if (chosen.has(code)) total += ch.a2021.pop[k] ?? 0; });
  return Math.round(total / 10) * 10;
}

function domains(c: ProfileContext): HTMLElement[] {
  const { cat, profile: p } = c;
  return cat.domains.map((d) => {
    const inds = profileOrder(cat.indicators.filter((i) => i.domain === d.id && isProfileIndicator(i)));
    const s = section(`d-${d.id}`, d.name, 'h3');
    s.className = 'domain';
    s.append(el('p', d.description, 'muted'));
    const rows = inds.map((ind) => ({ ind, s: p.summaries[ind.id] })).filter((r) => r.s);
    const lead = domainSentence(inSentence(c.name), d.name, rows.map((r) => ({ ind: r.ind, summary: r.s.neighbourhood })));
    if (lead) s.append(el('p', lead, 'domain-lead'));
    const real = rows.filter((r) => isRealUnit(r.ind));
    if (real.length) {
      const ul = el('ul', undefined, 'plain-list');
      const notes = sharedNoteOpening(real.map((r) => r.ind.note));
      real.forEach(({ ind, s: x }, i) => {
        const li = el('li');
        li.dataset.indicator = ind.id;
        li.append(el('strong', plainSentence(ind, x.neighbourhood.mean) ?? ind.shortLabel), x.neighbourhood.position !== undefined ? `: ${englandWords(ind, x.neighbourhood)}.` : '.', el('span', `Why it matters: ${ind.why ?? ''}${notes.notes[i] ? ` Note: ${notes.notes[i]}` : ''}`, 'why'));
        ul.append(li);
      });
      s.append(ul);
      if (notes.shared) s.append(el('p', notes.shared, 'muted small shared-note'));
    }
    if (rows.length === 0) s.append(el('p', 'No published small-area statistic measures this domain.'));
    else s.append(spineTable(c, d.name, rows));
    return s;
  });
}

/** A cell's figure, and its decile in a span that goes on a line of its own when the table stacks on a phone (global.css). */
function spineCell(ind: IndicatorMeta, v: Parameters<typeof spineCellParts>[1], decile = true): HTMLElement {
  const p = spineCellParts(ind, v, decile);
  const out = el('span', p.figure);
  if (p.decile !== null) out.append(' ', el('span', p.decile, 'decile'));
  return out;
}

function spineTable(c: ProfileContext, domainName: string, rows: { ind: IndicatorMeta; s: CustomProfile['summaries'][string] }[]): HTMLElement {
  const { profile: p, cat } = c;
  const others = p.councils.slice(1);
  const heads = ['Indicator', c.name, p.lad[2021].name, ...others.map((x) => x.name), regionHeading(cat.scope), 'England', "Among England's small areas (worse to the left)"];
  const numeric = heads.map((_, k) => k > 0 && k < heads.length - 1);
  const body = rows.map(({ ind, s }) => {
    const label = el('span');
    const a = el('a', ind.shortLabel);
    a.href = `${c.base}indicators/${ind.id}/`;
    label.append(a);
    const per = perNote(ind);
    if (per) label.append(el('span', ` (${per})`, 'muted small'));
    if (needsScoreWord(ind)) label.append(el('span', ' score', 'muted small'));
    label.append(el('span', spineNote(ind, s.neighbourhood), 'small muted block'));
    const other = (code: string): CouncilMark | undefined => (ind.vintage === 2021 ? p.councilSummaries[2021][code]?.summaries[ind.id] : undefined);
    return [label, spineCell(ind, s.neighbourhood), spineCell(ind, s.lad), ...others.map((x) => (ind.vintage === 2021 ? spineCell(ind, other(x.code)) : 'not shown (2011 areas)')), spineCell(ind, s.region), spineCell(ind, s.england, false), spineSvg(ind, s)];
  });
  const wrap = el('div');
  wrap.append(spineKey({ neighbourhood: c.name, lad: p.lad[2021].name, region: regionHeading(cat.scope) }), table(`${domainName}: ${c.name} compared with ${p.lad[2021].name}, ${regionComparator(cat.scope)} and England`, heads, body, { numeric }));
  const t = wrap.querySelector('table')!;
  t.classList.add('spine-table');
  // On a phone each row stacks (global.css): every figure carries its column's name, and the
  // explicit roles keep it a table for screen readers whatever its display.
  t.setAttribute('role', 'table');
  t.querySelectorAll('thead, tbody').forEach((g) => g.setAttribute('role', 'rowgroup'));
  t.querySelectorAll('tr').forEach((tr) => {
    tr.setAttribute('role', 'row');
    [...tr.children].forEach((cell, k) => {
      cell.setAttribute('role', tr.parentElement?.tagName === 'THEAD' ? 'columnheader' : k === 0 ? 'rowheader' : 'cell');
      if (cell.tagName !== 'TD') return;
      if (k === heads.length - 1) cell.classList.add('spine-cell');
      else (cell as HTMLElement).dataset.label = heads[k];
    });
  });
  return wrap;
}

/** What the spine chart's bands and marks are, in the words and shapes of the neighbourhood pages' key (SpineChart.astro). */
function spineKey(names: Record<(typeof SPINE_MARKS)[number], string>): HTMLElement {
  const key = el('ul', undefined, 'spine-key small');
  const icon = (w: number, ...parts: SVGElement[]) => { const svg = svgEl('svg', { viewBox: `0 0 ${w} 14`, width: w, height: 14, 'aria-hidden': 'true', class: 'spine' }); svg.append(...parts); return svg; };
  const item = (cls: string | undefined, ...parts: (Node | string)[]) => { const li = el('li', undefined, cls); li.append(...parts); key.append(li); };
  item(undefined, icon(40, svgEl('rect', { class: 'band90', ...SPINE_KEY_BANDS.band90 }), svgEl('rect', { class: 'band50', ...SPINE_KEY_BANDS.band50 }), svgEl('line', { class: 'median', ...SPINE_KEY_BANDS.median })), ` ${SPINE_KEY.bands}`);
  for (const k of SPINE_MARKS) item('mark', icon(14, markShape(k, 7, 7)), ` ${names[k]}`);
  item('worse', SPINE_KEY.worse);
  return key;
}

function spineSvg(ind: IndicatorMeta, s: CustomProfile['summaries'][string]): SVGSVGElement {
  const r = spineRow(ind, s);
  const svg = svgEl('svg', { class: 'spine', viewBox: `0 0 ${SPINE.width} ${SPINE.height}`, width: SPINE.width, height: SPINE.height, 'aria-hidden': 'true' });
  svg.append(
    svgEl('rect', { class: 'band90', x: r.band90[0].toFixed(1), y: 9, width: r.band90[1].toFixed(1), height: 12 }),
    svgEl('rect', { class: 'band50', x: r.band50[0].toFixed(1), y: 9, width: r.band50[1].toFixed(1), height: 12 }),
    svgEl('line', { class: 'median', x1: r.median.toFixed(1), x2: r.median.toFixed(1), y1: 6, y2: 24 }),
  );
  if (r.pile) { const t = svgEl('text', { class: 'pile', x: r.pile.x.toFixed(1), y: PILE_Y, 'text-anchor': r.pile.anchor }); t.textContent = r.pile.text; svg.append(t); }
  for (const { k, at, y } of r.marks) svg.append(markShape(k, at, y));
  return svg;
}

/** A mark's shape as an element: the area a circle, its council a diamond, the region a triangle. */
function markShape(k: (typeof SPINE_MARKS)[number], at: number, y: number): SVGElement {
  const m = markPath(k, at, y);
  return 'circle' in m ? svgEl('circle', { class: 'm-n', cx: m.circle[0], cy: m.circle[1], r: m.circle[2] }) : svgEl('path', { class: k === 'lad' ? 'm-lad' : 'm-region', d: m.d });
}

function thenAndNow(c: ProfileContext): HTMLElement | null {
  const eds = c.cat.editions ?? [];
  if (eds.length === 0) return null;
  const { profile: p } = c;
  const s = section('change-h', `Then and now: the Indices of ${andList(eds.map((e) => e.name.replace('IoD ', '')))}`);
  s.id = 'then-and-now';
  s.append(el('p', thenAndNowSentence({ summaries: p.summaries }, eds), 'domain-lead'), el('p', COMPARABILITY, 'comparability'));
  const rows = eds.map((e) => {
    const x = p.summaries[e.decile]?.neighbourhood;
    return [`${e.name} (${e.published})`, e.dataYears, e.lsoas, x ? `${x.mostDeprived10?.areas} of ${x.withValue} (${pc(x.mostDeprived10?.share)})` : '–', pc(x?.mostDeprived10?.populationShare), x ? `${x.mostDeprived20?.areas} of ${x.withValue} (${pc(x.mostDeprived20?.share)})` : '–', pc(x?.mostDeprived20?.populationShare)];
  });
  s.append(table(`${c.name}: small areas and residents in England's most deprived 10% and 20%, by edition of the Indices`, ['Edition', 'Years its data describe', 'Small areas', 'Small areas in the most deprived 10%', 'Residents in the most deprived 10%', 'Small areas in the most deprived 20%', 'Residents in the most deprived 20%'], rows, { numeric: [false, false, false, true, true, true, true], id: 'custom-then-now', stack: true }));
  // Each small area across the editions, as change.json carries it.
  const chosen = new Set(p.lsoas2021.map((m) => m.code));
  const areaRows: string[][] = [];
  for (const ch of c.chunks) ch.a2021.codes.forEach((code, k) => {
    const x = ch.change?.[k];
    if (!chosen.has(code) || !x) return;
    const d = x.deciles;
    const last = d[d.length - 1], prev = d[d.length - 2];
    areaRows.push([`${ch.a2021.names[k]} ${code}`, x.flag === 'unchanged' ? 'unchanged' : `${x.flag === 'redrawn' ? 'redrawn (not comparable)' : x.flag} from ${x.parents.join(', ')}`, ...d.map((v) => (v === null ? 'not comparable' : String(v))), last === null || prev === null || prev === undefined ? '–' : formatValue(last - prev, 'change', 0)]);
  });
  if (areaRows.length) s.append(table(`Each 2021 small area of ${c.name}: its IMD decile in each edition`, ['Small area (2021)', 'Since 2011', ...eds.map((e) => `Decile, ${e.name}`), `Change, ${eds[eds.length - 2]?.name.replace('IoD ', '')} to ${eds[eds.length - 1]?.name.replace('IoD ', '')}`], areaRows, { numeric: [false, false, ...eds.map(() => true), true], id: 'custom-change' }));
  s.append(el('p', 'Earlier editions use the small areas of 2011 your 2021 areas were made from; a 2011 area that also made areas outside your selection is counted whole.', 'muted small'));
  return s;
}

function localEvidence(c: ProfileContext): HTMLElement {
  const s = section('local-h', 'Local evidence');
  const shown = Object.entries(c.profile.local);
  if (shown.length === 0) {
    s.append(el('p', "The programme's own evidence (its enquiries and surveys) is published for whole neighbourhoods or the whole programme, not for small areas, so none of it can be shown for an area of your choosing. It is on each neighbourhood's page."));
    return s;
  }
  const ul = el('ul', undefined, 'local-list');
  for (const [id, v] of shown) {
    const meta = c.index.local.find((l) => l.id === id)!;
    const li = el('li', undefined, 'local-item');
    li.dataset.localIndicator = id;
    const text = v.status === 'value' ? `${formatValue(v.value, meta.unit, meta.decimals)}${v.denominator ? ` (${v.numerator} of ${v.denominator})` : ''}` : v.status === 'suppressed' ? 'not shown: one or more of its small areas is suppressed to protect privacy, and a figure for the rest would let the hidden value be worked out.' : 'no figure: its small areas do not give one.';
    li.append(el('span', 'local', 'badge local'), ' ', el('strong', meta.label), `: ${text} `, el('span', `${meta.title}${v.sampleSize ? `, ${v.sampleSize} responses` : ''}.`, 'muted small'));
    ul.append(li);
  }
  s.append(ul, el('p', "A figure is made only from small areas whose own figures are published; an area with a suppressed one has none, so no two selections can be subtracted to reveal it. The methods page explains the rule.", 'muted small'));
  return s;
}

function areasTable(c: ProfileContext): HTMLElement {
  const { profile: p, cat } = c;
  const s = section('table-h', 'Every small area');
  const inds = cat.neighbourhoodTable.map((id) => cat.indicators.find((i) => i.id === id)!).filter((i) => i && i.vintage === 2021);
  const info = new Map(c.chunks.flatMap((ch) => ch.a2021.codes.map((code, k) => [code, { name: ch.a2021.names[k], ward: ch.a2021.ward[k], council: ch.name }] as const)));
  const rows = p.lsoas2021.map((m) => {
    const a = info.get(m.code);
    return [`${a?.name ?? ''} ${m.code}${m.change !== 'unchanged' ? ` (${m.change} since 2011)` : ''}`, a?.ward ?? '', a?.council ?? '', ...inds.map((i) => {
      const f = areaFigure(c.chunks, i.id, 2021, m.code);
      return f.status === 'suppressed' ? 'suppressed' : f.value === null ? 'no data' : formatValue(f.value, i.unit, i.decimals);
    })];
  });
  s.append(table(`Small areas (LSOA 2021) of ${c.name} with their values`, ['Small area', 'Ward (2024)', 'Council', ...inds.map((i) => i.shortLabel)], rows, { numeric: [false, false, false, ...inds.map(() => true)], id: 'custom-lsoa-table' }));
  s.append(el('p', `Figures for 2019 and 2015 use the ${p.lsoas2011.length} small areas of 2011 these were made from (${p.lad[2011].name}).`, 'muted small'));
  return s;
}
