/** The search box on pages without an interactive map: a choice opens the explorer or the neighbourhood page. */
import { mountSearchBox, viewOf } from './search-box.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-place-search]')) {
  if (form.dataset.placeSearch === 'explorer') continue;
  const base = form.dataset.base ?? '/';
  const headline = form.dataset.indicator ?? '';
  mountSearchBox(form, {
    onPlace: (e) => {
      if (e.key.startsWith('N:')) location.assign(`${base}neighbourhoods/${e.key.slice(2)}/`);
      else location.assign(`${base}explore/?i=${headline}&v=${viewOf(e.bbox)}`);
    },
    onPostcode: (r) => {
      const links = form.querySelector<HTMLElement>('[data-search-links]');
      if (!links) return;
      const a = document.createElement('a');
      a.href = `${base}explore/?i=${headline}&a=${r.lsoa.code}`;
      a.textContent = `See ${r.lsoa.name} on the map`;
      const items: HTMLElement[] = [a];
      if (r.neighbourhood) {
        const b = document.createElement('a');
        b.href = `${base}neighbourhoods/${r.neighbourhood.slug}/`;
        b.textContent = `Open ${r.neighbourhood.name}`;
        items.push(document.createTextNode(' · ') as unknown as HTMLElement, b);
      }
      links.replaceChildren(...items);
    },
  });
}
