/**
 * zod compiles a fast path with `new Function` unless told not to; the site's CSP forbids eval
 * (and reports the attempt). Imported first, before any schema is made.
 */
import { z } from 'zod';

z.config({ jitless: true });
