// Fault injection for the browser tests: `/__slow__/<path under test/fixtures>` serves the fixture
// the way a plain server without byte ranges does (200, no Accept-Ranges) and slowly (20 chunks,
// 100 ms apart), so a media element has metadata long before it can seek anywhere.
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const PREFIX = '/__slow__/';

export async function slowFileMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const file = normalize(join(FIXTURES, decodeURIComponent(ctx.path.slice(PREFIX.length))));
  if (!file.startsWith(FIXTURES)) {
    ctx.status = 403;
    return undefined;
  }
  const body = await readFile(file);
  const step = Math.ceil(body.length / 20);
  ctx.status = 200;
  ctx.type = file.endsWith('.m4a') ? 'audio/mp4' : 'application/octet-stream';
  ctx.set('Cache-Control', 'no-store');
  ctx.length = body.length;
  ctx.body = Readable.from(
    (async function* chunks() {
      for (let i = 0; i < body.length; i += step) {
        yield body.subarray(i, i + step);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })(),
  );
  return undefined;
}
