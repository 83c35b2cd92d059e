import { poolLocal } from '../aggregate.ts';
import type { LocalDatasetMeta, LocalIndicator as PublishedIndicator, LocalValue as PublishedValue } from '../data.ts';
import { localValueText } from '../local-words.ts';
import type { CheckedDataset } from './check.ts';
import type { LocalValue } from './schema.ts';
import { changesOf, latestWave } from './waves.ts';
import { changeText } from './change-words.ts';

/**
 * How a checked dataset's figures would read on the neighbourhood pages, in the words the
 * pages use (localValueText): per indicator, each neighbourhood (or the programme) with its
 * figure, interval and sample size, or why there is none. An LSOA-level indicator is pooled
 * over each neighbourhood's small areas by the rule the build uses (poolLocal).
 */
export interface PreviewItem { indicator: string; label: string; scope: string; place: string; text: string; lowPrecision: boolean; synthetic: boolean; change?: string }

export function previewItems(ds: CheckedDataset, neighbourhoods: { slug: string; name: string; lsoas2011: { code: string }[]; lsoas2021: { code: string }[] }[]): PreviewItem[] {
  const meta: LocalDatasetMeta = { id: ds.id, ...ds.meta, indicators: ds.meta.indicators.map((i) => i.id) };
  const items: PreviewItem[] = [];
  for (const raw of ds.meta.indicators) {
    const ind: PublishedIndicator = { ...raw, dataset: ds.id };
    const all = ds.values.filter((v) => v.indicator === ind.id);
    const own = latestWave(all);
    const waved = !!ds.meta.design && ds.meta.design !== 'one-wave';
    const groups = Object.fromEntries(neighbourhoods.map((n) => [n.slug, (ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code)]));
    const changes = waved ? changesOf(raw, all, ind.level === 'lsoa' ? groups : {}) : null;
    const slugOf = new Map(neighbourhoods.map((n) => [n.name, n.slug]));
    const push = (place: string, scope: string, v: PublishedValue | undefined) => {
      const area = ind.level === 'programme' ? 'programme' : slugOf.get(place)!;
      const change = changes ? changeText(ind, (ind.level === 'lsoa' ? changes.byGroup : changes.byArea)[area], ds.meta.design) : undefined;
      items.push({ indicator: ind.id, label: ind.label, scope, place, text: `${v?.wave ? `In ${v.wave}: ` : ''}${localValueText(ind, v, meta)}`, lowPrecision: !!v && v.status === 'value' && v.lowPrecision, synthetic: ds.meta.synthetic, ...(change ? { change } : {}) });
    };
    if (ind.level === 'programme') push('All the programme’s neighbourhoods', 'All the programme’s neighbourhoods', published(own.find((v) => v.area === 'programme')));
    else if (ind.level === 'neighbourhood') {
      for (const n of neighbourhoods) { const v = own.find((x) => x.area === n.slug); if (v) push(n.name, 'This neighbourhood', published(v)); }
    } else {
      for (const n of neighbourhoods) {
        const members = new Set((ind.vintage === 2011 ? n.lsoas2011 : n.lsoas2021).map((m) => m.code));
        const parts = own.filter((v) => members.has(v.area));
        if (parts.length === 0) continue;
        const { why, ...p } = poolLocal(ind, parts);
        push(n.name, 'This neighbourhood, from its small areas', {
          indicator: ind.id, area: n.slug, lower: null, upper: null, sourceUrl: ds.meta.sourceUrl, lowPrecision: parts.some((v) => v.lowPrecision),
          suppressedBy: p.status === 'suppressed' ? 'secondary' : null, note: why ? 'The small areas do not all give numerator and denominator, so no pooled figure can be made.' : `From ${parts.length} of its ${members.size} small areas.`, ...p,
        } as PublishedValue);
      }
    }
  }
  return items;
}

const published = (v: LocalValue | undefined): PublishedValue | undefined => {
  if (!v) return undefined;
  const { row: _row, ...rest } = v;
  return rest as PublishedValue;
};
