/**
 * Words for the area the atlas maps, from its scope: the configured region (`--scope region`,
 * "the North West") or all of the nation (`--scope england`, "England"). Every sentence that
 * names what the maps, tables and search cover takes it from here, in the build and the browser
 * alike; sentences about the region as a comparator keep the region's own name.
 */
export interface ScopeLike { regionName: string; mode: string; nation: string }

/** "the North West", or "England" when the atlas maps the whole nation. */
export const mappedArea = (s: ScopeLike): string => (s.mode === 'england' ? s.nation : `the ${s.regionName}`);

/** "the 4,567 small areas of the North West" / "the 33,755 small areas of England". */
export const smallAreasOf = (s: ScopeLike, count: number): string => `the ${count.toLocaleString('en-GB')} small areas of ${mappedArea(s)}`;
