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

/**
 * The region as a comparator, in a sentence: "the North West"; at England scope, where an area
 * anywhere in England is compared with it, why it is there ("the North West, where the
 * programme's neighbourhoods are").
 */
export const regionComparator = (s: ScopeLike): string => (s.mode === 'england' ? `the ${s.regionName}, where the programme's neighbourhoods are,` : `the ${s.regionName}`);

/** The region as a column heading: "North West", or "North West (the programme's region)" at England scope. */
export const regionHeading = (s: ScopeLike): string => (s.mode === 'england' ? `${s.regionName} (the programme's region)` : s.regionName);
