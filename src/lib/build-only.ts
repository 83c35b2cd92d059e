/**
 * Files of the pipeline's output that the pages read while the site is built and that no page
 * links and no script fetches: they stay in public/data (and in the manifest, marked
 * `"site": false`) but are not copied to the hosted site.
 */
export const BUILD_ONLY = ['change.json', 'comparators.json', 'profiles.json'] as const;

export const isBuildOnly = (path: string) => (BUILD_ONLY as readonly string[]).includes(path);
