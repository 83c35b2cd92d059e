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
