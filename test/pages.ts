import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST } from './browser.ts';

/** Every page of the built site, as a path. */
export function allPages(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((n) => {
    const p = join(d, n);
    if (statSync(p).isDirectory()) { if (n !== 'data' && n !== '_astro' && n !== 'vendor') walk(p); }
    else if (n === 'index.html') out.push('/' + relative(dir, d).split('\\').join('/') + (d === dir ? '' : '/'));
  });
  walk(dir);
  return out.map((p) => p.replace(/^\/\//, '/')).sort();
}

