/**
 * axe-core with the WCAG 2.2 AA rules, run in a page through the devtools protocol (so the page's
 * CSP does not block it). One runner for every browser test that checks accessibility.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The long lists of a page (every small area's row, thousands of place and postcode links) repeat
 * one template; `sample` keeps the first 40 of each and removes the rest before axe runs, which
 * takes a long page from about 8 s to 1 s. Removal, not axe's `exclude` (which is slower than
 * checking everything). The page is for checking only afterwards. a11y.test.ts checks whole pages.
 */
export const REPEATS = ['tbody tr:nth-child(n+41)', '.place-list li:nth-child(n+41)', '.district-list a:nth-child(n+41)'];

export interface AxeOptions {
  /** A selector for the part of the page to check (default: the whole document). */
  scope?: string;
  /** Keep only the first 40 of each long list (see REPEATS). */
  sample?: boolean;
}

/** axe's WCAG 2.2 AA violations on the page, as "rule (impact): first targets". */
export async function axe(page: Page, options: AxeOptions = {}): Promise<string[]> {
  if (options.sample) await page.evaluate((sels) => document.querySelectorAll(sels.join(', ')).forEach((e) => e.remove()), REPEATS);
  await page.evaluate(axeSource);
  const result = await page.evaluate(([scope, tags]) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(scope ? document.querySelector(scope as string) : document, { runOnly: { type: 'tag', values: tags } }), [options.scope ?? null, TAGS] as const);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
