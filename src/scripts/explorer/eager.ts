/**
 * The explorer page's entry: the map library starts loading as soon as this runs, beside the
 * data preloaded from the head, and the map starts once the SVG first view is painted. (A
 * dynamic import, so that a library that cannot load leaves a message, not a silent page.)
 */
import { boot } from './boot.ts';

const app = import('./app.ts');
app.catch(() => {}); // reported by boot, where it is awaited
for (const root of document.querySelectorAll<HTMLElement>('[data-explorer="eager"]')) boot(root, 'eager', () => app);
