/** The explorer's controls: the indicator menu, search, downloads (CSV, GeoJSON, PNG) and the link. */
import { legendItems } from '../../lib/classes.ts';
import { mountSearchBox } from '../search/search-box.ts';
import { fitTo, padBox, type Ctx } from './context.ts';
import { changeIndicator } from './indicator.ts';
import { selectArea } from './selection.ts';
import { writeState } from './state.ts';
import { refreshTable } from './table.ts';

export function wireControls(ctx: Ctx) {
  const select = ctx.root.querySelector<HTMLSelectElement>('[data-indicator-select]');
  if (select) {
    select.value = ctx.ind.id;
    select.addEventListener('change', () => void changeIndicator(ctx, select.value));
  }
  const form = ctx.root.querySelector<HTMLFormElement>('form[data-place-search]');
  if (form) {
    mountSearchBox(form, {
      // Small areas by code or name: the explorer already has their names and boxes.
      extra: async () => {
        const [areas, box] = await Promise.all([ctx.store.areas(2021), ctx.store.boxes(2021)]);
        return areas.codes.map((c, i) => ({ label: `${areas.names[i]} (${c})`, kind: 'Small area', key: `a:${c}`, bbox: box(i)?.bbox ?? [0, 0, 0, 0] }));
      },
      onPlace: (entry) => {
        if (entry.key.startsWith('a:')) {
          if (ctx.ind.vintage !== 2021) void changeIndicator(ctx, ctx.cat.headline).then(() => selectArea(ctx, entry.key.slice(2), true, true));
          else selectArea(ctx, entry.key.slice(2), true, true);
          return;
        }
        fitTo(ctx, padBox(entry.bbox, 0.15));
        if (entry.key.startsWith('N:')) { ctx.state.n = entry.key.slice(2); refreshTable(ctx); if (ctx.urlState) history.pushState(null, '', writeState(ctx.state)); }
      },
      onPostcode: (r) => {
        const go = () => selectArea(ctx, r.lsoa.code, true, true);
        if (ctx.ind.vintage !== 2021) void changeIndicator(ctx, ctx.cat.headline).then(go);
        else go();
      },
    });
  }
  const dl = ctx.root.querySelector<HTMLElement>('[data-explorer-downloads]');
  if (dl) {
    dl.hidden = false;
    const status = dl.querySelector<HTMLElement>('[data-explorer-download-status]');
    dl.addEventListener('click', async (e) => {
      const kind = (e.target as HTMLElement).dataset.explorerDownload;
      if (!kind) return;
      try {
        const [{ indicatorCsv, indicatorGeojson, saveBlob, saveText }, values, areas] = await Promise.all([import('../../lib/downloads.ts'), ctx.store.values(ctx.ind), ctx.store.areas(ctx.ind.vintage)]);
        if (kind === 'csv') saveText(`${ctx.ind.id}.csv`, indicatorCsv(ctx.ind, values, areas), 'text/csv;charset=utf-8');
        else if (kind === 'geojson') saveText(`${ctx.ind.id}.geojson`, indicatorGeojson(ctx.ind, values, areas, (await ctx.store.geometry(ctx.ind.vintage)).lsoa.features), 'application/geo+json');
        else saveBlob(`${ctx.ind.id}.png`, await mapImage(ctx));
        if (status) status.textContent = `Downloaded ${ctx.ind.id}.${kind}.`;
      } catch (err) {
        if (status) status.textContent = `The download could not be made: ${(err as Error).message}.`;
      }
    });
  }
  // Choosing areas for a profile of one's own: its code loads only when the reader starts.
  const choose = ctx.root.querySelector<HTMLButtonElement>('[data-choose]');
  const panel = ctx.root.querySelector<HTMLElement>('[data-choose-panel]');
  if (choose && panel) {
    choose.hidden = false;
    choose.addEventListener('click', () => {
      if (ctx.choosing) return;
      // Choosing from this click on: a click on the map while the code loads does not open a popup instead.
      ctx.choosing = true;
      panel.hidden = false;
      panel.textContent = 'Loading the tools for choosing areas…';
      import('./choose.ts').then((m) => m.startChoosing(ctx, panel), (e: Error) => { ctx.choosing = false; panel.textContent = `Choosing could not start: ${e.message}.`; });
    });
  }
  const share = ctx.root.querySelector<HTMLButtonElement>('[data-share]');
  share?.addEventListener('click', async () => {
    const url = location.href;
    const status = ctx.root.querySelector<HTMLElement>('[data-share-status]');
    try {
      await navigator.clipboard.writeText(url);
      if (status) status.textContent = 'Link copied.';
    } catch {
      if (status) status.textContent = `Copy this link: ${url}`;
    }
  });
}

/** The current view as a PNG: the map, its title, legend, attribution and permalink, drawn on one canvas. */
export function mapImage(ctx: Ctx): Promise<Blob> {
  return new Promise((ok, fail) => {
    ctx.map.once('render', () => {
      try {
        const src = ctx.map.getCanvas();
        const scale = src.width / src.clientWidth || 1;
        const legendW = 300 * scale, head = 48 * scale, foot = 44 * scale;
        const c = document.createElement('canvas');
        c.width = src.width + legendW;
        c.height = src.height + head + foot;
        const g = c.getContext('2d')!;
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, c.width, c.height);
        g.drawImage(src, 0, head);
        g.fillStyle = '#1b1f24';
        g.font = `600 ${18 * scale}px system-ui, sans-serif`;
        g.fillText(ctx.ind.label, 12 * scale, 30 * scale);
        let y = head + 10 * scale;
        g.font = `${13 * scale}px system-ui, sans-serif`;
        for (const item of legendItems(ctx.ind.classes, ctx.ind.unit, ctx.ind.decimals)) {
          g.fillStyle = item.colour;
          g.fillRect(src.width + 12 * scale, y, 18 * scale, 14 * scale);
          g.fillStyle = '#1b1f24';
          g.fillText(item.label, src.width + 38 * scale, y + 12 * scale);
          y += 22 * scale;
        }
        g.fillStyle = '#737373';
        g.fillText('Hatched: no data', src.width + 12 * scale, y + 12 * scale);
        g.font = `${11 * scale}px system-ui, sans-serif`;
        g.fillStyle = '#505a66';
        g.fillText('Contains OS data © Crown copyright and database right 2024; ONS, MHCLG (Open Government Licence v3.0). Outlines approximate.', 12 * scale, c.height - 26 * scale);
        g.fillText(location.href, 12 * scale, c.height - 10 * scale);
        c.toBlob((b) => (b ? ok(b) : fail(new Error('the browser could not make the image'))), 'image/png');
      } catch (e) {
        fail(e as Error);
      }
    });
    ctx.map.triggerRepaint();
  });
}

