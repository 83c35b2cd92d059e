/**
 * The explorer page's entry. Its SVG first view is what people see first, so the map starts once
 * it is painted (at once if it is already, else the frame after first render); the map library's
 * module, the boundaries and the values load at once, in parallel, rather than after the page's load.
 * (A dynamic import, so that a library that cannot load leaves a message, not a silent page.)
 */
import { boot } from './boot.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer="eager"]')) boot(root, 'eager', () => import('./app.ts'));
