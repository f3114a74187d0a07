// Shared by the fault-injection routes (slow-file.js, faults.js).
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** `rest` (URL-encoded, relative to test/fixtures/) as a path inside test/fixtures/, or null when it would lead outside. */
export function fixtureFile(rest) {
  const file = normalize(join(FIXTURES, decodeURIComponent(rest)));
  return file.startsWith(FIXTURES) ? file : null;
}

/**
 * Makes the answer one no cache may reuse. The test runner stamps every path with an extension
 * `Cache-Control: public, max-age=31536000` on the way out, so no-store set here would be
 * overwritten: a retry would get a cached error, and a second test on the same slow file would get
 * it at once from the cache. `Vary: *` cannot be overwritten that way.
 */
export function uncacheable(ctx) {
  ctx.set('Vary', '*');
}
