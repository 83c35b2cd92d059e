/** Download buttons on indicator pages: CSV and GeoJSON built from the map's own files. */
import { DataStore } from './explorer/data.ts';
import { indicatorCsv, indicatorGeojson, saveText } from '../lib/downloads.ts';

for (const box of document.querySelectorAll<HTMLElement>('[data-downloads]')) {
  const store = new DataStore(box.dataset.base ?? '/');
  const id = box.dataset.indicator!;
  const status = box.querySelector<HTMLElement>('[data-download-status]');
  box.hidden = false;
  const run = async (kind: 'csv' | 'geojson') => {
    try {
      const cat = await store.catalogue();
      const ind = cat.indicators.find((i) => i.id === id)!;
      const [values, areas] = await Promise.all([store.values(ind), store.areas(ind.vintage)]);
      if (kind === 'csv') saveText(`${id}.csv`, indicatorCsv(ind, values, areas), 'text/csv;charset=utf-8');
      else saveText(`${id}.geojson`, indicatorGeojson(ind, values, areas, (await store.geometry(ind.vintage)).lsoa.features), 'application/geo+json');
      if (status) status.textContent = `Downloaded ${id}.${kind}.`;
    } catch (e) {
      if (status) status.textContent = `The download could not be made: ${(e as Error).message}.`;
    }
  };
  box.querySelector('[data-download="csv"]')?.addEventListener('click', () => void run('csv'));
  box.querySelector('[data-download="geojson"]')?.addEventListener('click', () => void run('geojson'));
}
