// Fault injection for the browser tests: `/__slow__/<path under test/fixtures>` serves the fixture
// the way a plain server without byte ranges does (200, no Accept-Ranges) and slowly (20 chunks,
// 100 ms apart), so a media element has metadata long before it can seek anywhere.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fixtureFile, uncacheable } from './fixture-file.js';

const PREFIX = '/__slow__/';

export async function slowFileMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const file = fixtureFile(ctx.path.slice(PREFIX.length));
  if (!file) {
    ctx.status = 403;
    return undefined;
  }
  const body = await readFile(file);
  ctx.status = 200;
  ctx.type = file.endsWith('.m4a') ? 'audio/mp4' : 'application/octet-stream';
  uncacheable(ctx);
  ctx.length = body.length;
  ctx.body = slowly(body);
  return undefined;
}

/** `body` as a stream of 20 chunks, 100 ms apart (also the `slow` fault of faults.js). */
export function slowly(body) {
  const step = Math.ceil(body.length / 20);
  return Readable.from(
    (async function* chunks() {
      for (let i = 0; i < body.length; i += step) {
        yield body.subarray(i, i + step);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })(),
  );
}
