/**
 * Postcodes as people type them ("l36 9ud", "L369UD", " L36 9UD "), normalised to the ONS
 * single-space form, and the shard (postcode sector) the atlas stores each one in.
 */
const FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})$/;
const OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

export interface Postcode { postcode: string; area: string; district: string; sector: string; unit: string }

/** A full postcode in any common spelling, or null if it does not have a postcode's shape. */
export function parsePostcode(input: string): Postcode | null {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = FULL.exec(s);
  if (!m) return null;
  const [, district, digit, unit] = m;
  return { postcode: `${district} ${digit}${unit}`, area: district.replace(/[0-9].*$/, ''), district, sector: `${district} ${digit}`, unit };
}

/**
 * The sector of a postcode still being typed, once it is certain: the outward code, a space,
 * and the sector digit ("FY1 2", "FY1 2E"). Without the space "FY12" could be FY1 2 or FY12, so
 * it is not guessed.
 */
export function typedSector(input: string): string | null {
  const m = /^([A-Z]{1,2}[0-9][A-Z0-9]?) +([0-9])[A-Z]{0,2}$/.exec(input.toUpperCase().trim());
  return m ? `${m[1]} ${m[2]}` : parsePostcode(input)?.sector ?? null;
}

/** True when the text looks like the start of a postcode, so the search box treats it as one. */
export function looksLikePostcode(input: string): boolean {
  const s = input.toUpperCase().replace(/\s+/g, ' ').trim();
  return /^[A-Z]{1,2}[0-9]/.test(s) && (FULL.test(s.replace(/ /g, '')) || OUTWARD.test(s.split(' ')[0]));
}

/** File name of a sector's shard: "L36 9" -> "L36-9". */
export function shardName(sector: string): string {
  return sector.replace(' ', '-');
}

/** One sector's shard (data/search/postcodes/<sector>.json): its small areas and wards, then one row per postcode. */
export interface PostcodeShard {
  sector: string;
  /** Code, name, 2011 codes, neighbourhood slug or null. */
  lsoas: [string, string, string[], string | null][];
  /** Code, name, council code, council name. */
  wards: [string, string, string, string][];
  /** Unit (the last two letters), index into lsoas, index into wards. */
  postcodes: [string, number, number][];
}

export interface PostcodeGroup { lsoa: PostcodeShard['lsoas'][number]; ward: PostcodeShard['wards'][number]; postcodes: string[] }

/**
 * A district's postcodes gathered by the small area and ward they lie in, each group's postcodes
 * in order and the groups in the order of their first postcode: a page lists a few dozen rows
 * rather than a row per postcode, and every postcode still appears once, beside its area.
 */
export function postcodeGroups(shards: PostcodeShard[]): PostcodeGroup[] {
  const groups = new Map<string, PostcodeGroup>();
  for (const s of [...shards].sort((a, b) => a.sector.localeCompare(b.sector, 'en-GB', { numeric: true }))) {
    for (const [unit, l, w] of [...s.postcodes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const key = `${s.lsoas[l][0]} ${s.wards[w][0]}`;
      const g = groups.get(key) ?? groups.set(key, { lsoa: s.lsoas[l], ward: s.wards[w], postcodes: [] }).get(key)!;
      g.postcodes.push(`${s.sector}${unit}`);
    }
  }
  return [...groups.values()];
}
