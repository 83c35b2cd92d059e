/** Keep it, share it, use it: the link, the downloads, print, and the entry for neighbourhoods.json. */
import type { Topology } from 'topojson-specification';
import { neighbourhoodEntry, outlineGeojson, profileCsv, slugOf } from '../../lib/custom-export.ts';
import { saveText } from '../../lib/downloads.ts';
import { el } from '../dom.ts';
import type { ProfileContext } from './profile.ts';

export function keepSection(c: ProfileContext & { topologies: Topology[]; onName: (name: string) => void }): HTMLElement {
  const s = el('section');
  s.setAttribute('aria-labelledby', 'keep-h');
  s.id = 'keep';
  const h = el('h2', 'Keep it, share it, use it');
  h.id = 'keep-h';
  const status = el('p', '', 'small');
  status.setAttribute('role', 'status');
  const link = location.href;
  const slug = slugOf(c.name);

  const nameRow = el('p');
  const nameLabel = el('label', 'Name your area (for the title, the files and the neighbourhood entry)');
  nameLabel.htmlFor = 'custom-name';
  const nameInput = el('input');
  nameInput.id = 'custom-name';
  nameInput.type = 'text';
  nameInput.value = c.name;
  nameInput.addEventListener('change', () => c.onName(nameInput.value.trim()));
  nameRow.append(nameLabel, el('br'), nameInput);

  const linkRow = el('p');
  const linkLabel = el('label', 'Link to this area');
  linkLabel.htmlFor = 'custom-link';
  const linkInput = el('input');
  Object.assign(linkInput, { id: 'custom-link', type: 'text', readOnly: true, value: link });
  linkInput.className = 'wide';
  const copy = el('button', 'Copy link', 'button secondary');
  copy.type = 'button';
  copy.addEventListener('click', () => void navigator.clipboard?.writeText(link).then(() => { status.textContent = 'Link copied.'; }, () => { linkInput.select(); status.textContent = 'Select the link and copy it.'; }));
  linkRow.append(linkLabel, el('br'), linkInput, ' ', copy);

  const buttons = el('p', undefined, 'download-buttons');
  const button = (text: string, act: () => void) => { const b = el('button', text, 'button secondary'); b.type = 'button'; b.addEventListener('click', act); buttons.append(b, ' '); return b; };
  button('Download the profile (CSV)', () => { saveText(`${slug}-profile.csv`, profileCsv(c.profile, c.cat.indicators.filter((i) => !i.local), { area: c.name, region: c.cat.scope.regionName, nation: c.cat.scope.nation }), 'text/csv;charset=utf-8'); status.textContent = `Downloaded ${slug}-profile.csv.`; });
  button('Download the outline (GeoJSON)', () => { saveText(`${slug}.geojson`, outlineGeojson(c.topologies, c.profile.lsoas2021.map((m) => m.code), { name: c.name, link }), 'application/geo+json'); status.textContent = `Downloaded ${slug}.geojson.`; });
  button('Print', () => print());

  const entry = JSON.stringify(neighbourhoodEntry(c.profile, c.name, link), null, 2);
  const use = el('details', undefined, 'custom-config');
  const sum = el('summary', 'Use this as a neighbourhood: the entry for data/config/neighbourhoods.json');
  const pre = el('pre', entry);
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', 'The neighbourhoods.json entry');
  const copyEntry = el('button', 'Copy the entry', 'button secondary');
  copyEntry.type = 'button';
  copyEntry.addEventListener('click', () => void navigator.clipboard?.writeText(entry).then(() => { status.textContent = 'Entry copied.'; }, () => { status.textContent = 'Select the entry and copy it.'; }));
  use.append(sum, el('p', "Paste it into the neighbourhoods list of data/config/neighbourhoods.json, complete its description and how the areas were chosen, and rebuild (npm run data): the atlas gives it a page of its own. Both lists of small areas are written as the build derives them, so its check passes as it is.", 'small'), copyEntry, pre);

  s.append(h, nameRow, linkRow, buttons, status, use, el('p', `This page: ${link}`, 'print-only'));
  return s;
}
