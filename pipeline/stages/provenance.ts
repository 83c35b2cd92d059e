import { createHash } from 'node:crypto';
import type { Problem } from '../errors.ts';
import type { Sources } from '../schema.ts';

/** sha256 of some bytes, as lowercase hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Checks every raw file listed in sources.json against its recorded size and sha256.
 * `files` holds the bytes read from data/raw, keyed by path; a missing key is a missing file.
 */
export function verifySources(sources: Sources, files: ReadonlyMap<string, Uint8Array>): Problem[] {
  const problems: Problem[] = [];
  for (const s of sources.sources) {
    for (const f of s.files) {
      const file = `raw/${f.path}`;
      const bytes = files.get(f.path);
      if (!bytes) {
        problems.push({ code: 'MISSING_FILE', file, message: `raw file of source "${s.id}" is not there`, fix: `Restore data/raw/${f.path} from the repository (git checkout -- data/raw), or fetch it from ${s.url}.` });
        continue;
      }
      const actual = sha256(bytes);
      if (actual !== f.sha256 || bytes.byteLength !== f.bytes) {
        problems.push({
          code: 'HASH_MISMATCH',
          file,
          value: actual,
          message: `the file has changed since it was recorded: sha256 ${actual.slice(0, 12)}… and ${bytes.byteLength} bytes, but sources.json records ${f.sha256.slice(0, 12)}… and ${f.bytes} bytes`,
          fix: `If the change is a deliberate new edition, record its provenance and the new sha256 and bytes for "${f.path}" in data/sources.json; otherwise restore the original file.`,
        });
      }
    }
  }
  return problems;
}
