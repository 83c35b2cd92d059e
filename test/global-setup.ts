/**
 * Browser tests run against the built site. `npm test` on a fresh clone builds it first
 * (data and site), so the README's two commands stand on their own.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  if (existsSync(join(root, 'dist', 'index.html')) && existsSync(join(root, 'public', 'data', 'manifest.json'))) return;
  console.log('No built site in dist/: running npm run build first');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
