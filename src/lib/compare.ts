import { catalogue, neighbourhoods, type IndicatorMeta, type Summary } from './data.ts';
import { profileIndicators } from './map-data.ts';
import { profileOrder } from './plain.ts';
import { editions } from './change.ts';

/** One row of the comparison of every neighbourhood: an indicator, each neighbourhood's figure, the region's and England's. */
export interface CompareRow { ind: IndicatorMeta; cells: { key: string; label: string; summary: Summary | undefined }[] }

/** The neighbourhoods side by side, by domain: real-unit measures first, then scores. Shared by the page and its CSV. */
export function compareTable() {
  const cat = catalogue();
  const list = neighbourhoods();
  const columns = [...list.map((n) => ({ key: n.slug, label: n.name })), { key: 'region', label: cat.scope.regionName }, { key: 'england', label: 'England' }];
  /** One indicator's figure for each neighbourhood, the region and England, in column order. */
  const summaryOf = (id: string) => [...list.map((n) => ({ key: n.slug, label: n.name, summary: n.summaries[id]?.neighbourhood })), { key: 'region', label: cat.scope.regionName, summary: list[0].summaries[id]?.region }, { key: 'england', label: 'England', summary: list[0].summaries[id]?.england }];
  const domains = cat.domains.map((d) => ({ domain: d, rows: profileOrder(profileIndicators(d.id)).map((ind): CompareRow => ({ ind, cells: summaryOf(ind.id) })) }));
  // Change over time: each edition's share of small areas in England's most deprived tenth, and the average change in IMD decile.
  const change = {
    editions: editions().map((e) => ({ edition: e, cells: summaryOf(e.decile) })),
    layers: cat.indicators.filter((i) => i.unit === 'change' && i.vintage === 2021).map((ind) => ({ ind, cells: summaryOf(ind.id) })),
  };
  return { columns, domains, change };
}
