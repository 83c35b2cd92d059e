import type { LocalContext } from './schema.ts';

/**
 * What a contributed dataset is checked against, built from the atlas's published files (the
 * small areas of each vintage, the neighbourhoods, the domains, the indicator ids already in
 * use). The contribute page builds its context so; the parity test builds it the same way and
 * compares the verdict with the pipeline's, which checks against the areas of all England.
 */
export interface Published {
  areas2011: { codes: string[] };
  areas2021: { codes: string[] };
  neighbourhoods: { slug: string; name: string; lsoas2011: { code: string }[]; lsoas2021: { code: string }[] }[];
  domains: { id: string; name: string }[];
  indicatorIds: string[];
}

export function contextFromPublished(p: Published): LocalContext {
  return {
    lsoas: { 2011: new Set(p.areas2011.codes), 2021: new Set(p.areas2021.codes) },
    lsoaScope: 'the atlas’s region',
    neighbourhoods: new Set(p.neighbourhoods.map((n) => n.slug)),
    domains: new Set(p.domains.map((d) => d.id)),
    officialIds: new Set(p.indicatorIds),
  };
}
