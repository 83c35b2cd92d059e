/**
 * The explorer page's entry. Its SVG first view is what people see first, so nothing competes
 * with it: once it is painted (the frame after first render), the map library, its worker's start
 * and the boundaries and values all load at once, in parallel, rather than after the page's load.
 * (A dynamic import, so that a library that cannot load leaves a message, not a silent page.)
 */
import { boot } from './boot.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer="eager"]')) boot(root, 'eager', () => import('./app.ts'));
