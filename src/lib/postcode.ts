/**
 * Postcodes as people type them ("l36 9ud", "L369UD", " L36 9UD "), normalised to the ONS
 * single-space form, and the shard (postcode district) the atlas stores each one in.
 */
const FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})$/;
const OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

/** "FY1 2ES": area FY, district (outward code) FY1, sector FY1 2, inward code 2ES, unit ES. */
export interface Postcode { postcode: string; area: string; district: string; sector: string; inward: string; unit: string }

/** A full postcode in any common spelling, or null if it does not have a postcode's shape. */
export function parsePostcode(input: string): Postcode | null {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = FULL.exec(s);
  if (!m) return null;
  const [, district, digit, unit] = m;
  return { postcode: `${district} ${digit}${unit}`, area: district.replace(/[0-9].*$/, ''), district, sector: `${district} ${digit}`, inward: `${digit}${unit}`, unit };
}

/**
 * The district of a postcode still being typed, once it is certain: the outward code, a space,
 * and the sector digit ("FY1 2", "FY1 2E"), or a whole postcode. Without the space "FY12" could
 * be in FY1 or FY12, so it is not guessed.
 */
export function typedDistrict(input: string): string | null {
  const m = /^([A-Z]{1,2}[0-9][A-Z0-9]?) +[0-9][A-Z]{0,2}$/.exec(input.toUpperCase().trim());
  return m ? m[1] : parsePostcode(input)?.district ?? null;
}

/** True when the text looks like the start of a postcode, so the search box treats it as one. */
export function looksLikePostcode(input: string): boolean {
  const s = input.toUpperCase().replace(/\s+/g, ' ').trim();
  return /^[A-Z]{1,2}[0-9]/.test(s) && (FULL.test(s.replace(/ /g, '')) || OUTWARD.test(s.split(' ')[0]));
}

/** A ward's name as a sentence gives it: "Claremont ward" (a name that already says "ward" is left as it is). */
export const wardWords = (name: string): string => (/\bward$/i.test(name.trim()) ? name.trim() : `${name.trim()} ward`);

/** The index of postcode districts under the data folder: which districts and sectors have a shard, the postcode file's edition and its coverage of the area mapped. */
export const DISTRICT_INDEX = 'search/postcode-districts.json';
/** What {@link DISTRICT_INDEX} holds: each district with the digits of its sectors ("FY1": "12345"), and the file's edition, the area mapped as a sentence names it, and the share of its small areas covered. */
export interface DistrictIndex { edition: string; region: string; coverage: number; complete: boolean; districts: Record<string, string> }

/** Path of a district's shard under the data folder: "FY1" -> search/postcodes/FY1.json. */
export function shardPath(district: string): string {
  return `search/postcodes/${district}.json`;
}

/** One district's shard: its small areas and wards, then one row per postcode. */
export interface PostcodeShard {
  district: string;
  /** Code, name, 2011 codes, neighbourhood slug or null. */
  lsoas: [string, string, string[], string | null][];
  /** Code, name, council code, council name. */
  wards: [string, string, string, string][];
  /** The name of each programme neighbourhood the district's small areas are in, by slug. */
  neighbourhoods: Record<string, string>;
  /** Inward code ("2ES"), index into lsoas, index into wards. */
  postcodes: [string, number, number][];
}

/** A postcode's row in its district's shard, or undefined when the lookup does not have it. */
export function shardRow(shard: Pick<PostcodeShard, 'postcodes'>, p: Postcode): PostcodeShard['postcodes'][number] | undefined {
  return shard.postcodes.find((r) => r[0] === p.inward);
}

export interface PostcodeGroup { lsoa: PostcodeShard['lsoas'][number]; ward: PostcodeShard['wards'][number]; postcodes: string[] }

/**
 * A district's postcodes gathered by the small area and ward they lie in, each group's postcodes
 * in order and the groups in the order of their first postcode: a page lists a few dozen rows
 * rather than a row per postcode, and every postcode still appears once, beside its area.
 */
export function postcodeGroups(shard: PostcodeShard): PostcodeGroup[] {
  const groups = new Map<string, PostcodeGroup>();
  for (const [inward, l, w] of [...shard.postcodes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const key = `${shard.lsoas[l][0]} ${shard.wards[w][0]}`;
    const g = groups.get(key) ?? groups.set(key, { lsoa: shard.lsoas[l], ward: shard.wards[w], postcodes: [] }).get(key)!;
    g.postcodes.push(`${shard.district} ${inward}`);
  }
  return [...groups.values()];
}
