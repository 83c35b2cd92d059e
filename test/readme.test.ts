import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every source of data/sources.json', () => {
    const { sources } = JSON.parse(readFileSync(join(ROOT, 'data/sources.json'), 'utf8')) as { sources: { id: string }[] };
    for (const s of sources) expect(readme, s.id).toContain(`\`${s.id}\``);
  });
  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
