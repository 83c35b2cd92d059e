import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** The citation of the atlas, in words; the site's address only when the build knows it (ATLAS_SITE), never a bare path. */
export function citation(url: string | undefined, title: string, { version, date } = buildInfo()): string {
  const at = url && /^https?:\/\//.test(url) ? ` ${url}.` : '';
  return `${title} contributors (${date.slice(0, 4)}). ${title}, version ${version} (built ${date}).${at} Data: MHCLG English Indices of Deprivation 2025, 2019, 2015; ONS Census 2021 (Open Government Licence v3.0).`;
}
