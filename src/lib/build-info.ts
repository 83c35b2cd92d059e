import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { andList } from './words.ts';

/**
 * Version and date of the build, for "cite this" and printed pages. The date is the date of
 * the commit built (not the clock), so two builds of the same commit are identical.
 */
export function buildInfo(): { version: string; date: string } {
  const version = (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;
  let date = process.env.ATLAS_BUILD_DATE ?? '';
  if (!date) {
    try {
      date = execFileSync('git', ['log', '-1', '--format=%cs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      date = 'undated';
    }
  }
  return { version, date: date || 'undated' };
}

/** What a citation needs of a source. */
type Credited = { publisher: string; licence: { id: string; name: string } };

/** A publisher as a citation names it: its acronym where it gives one ("(ONS)"), else its name up to any ";". */
const publisherName = (p: string) => /\(([A-Z]{2,})[,)]/.exec(p)?.[1] ?? p.split(';')[0].trim();

/** A licence as a citation names it: "CC BY-SA 3.0" for Creative Commons, "public domain", else its own name. */
const licenceName = (l: Credited['licence']) => (/^CC-/.test(l.id) ? l.id.replace(/^CC-/, 'CC ').replace(/-(\d)/, ' $1') : l.id === 'public-domain' ? 'public domain' : l.name);

/**
 * Every source's publisher, grouped by licence in the order the sources list them:
 * "MHCLG, ONS and NHS Digital (Open Government Licence v3.0); Andrew Teale, ... (CC BY-SA 3.0)".
 * A share-alike or attribution licence is named with the publisher it binds, so a reuser of the
 * citation's figures knows what they owe.
 */
export function dataCredits(sources: readonly Credited[]): string {
  const byLicence = new Map<string, string[]>();
  for (const s of sources) {
    const l = licenceName(s.licence), who = publisherName(s.publisher);
    const list = byLicence.get(l) ?? [];
    if (!list.includes(who)) list.push(who);
    byLicence.set(l, list);
  }
  return [...byLicence].map(([l, who]) => `${andList(who)} (${l})`).join('; ');
}

/** The citation of the atlas, in words; the site's address only when the build knows it (ATLAS_SITE), never a bare path. */
export function citation(url: string | undefined, title: string, sources: readonly Credited[], { version, date } = buildInfo()): string {
  const at = url && /^https?:\/\//.test(url) ? ` ${url}.` : '';
  return `${title} contributors (${date.slice(0, 4)}). ${title}, version ${version} (built ${date}).${at} Data: ${dataCredits(sources)}.`;
}
