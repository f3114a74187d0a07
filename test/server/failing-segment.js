// Fault injection for the browser tests: a fixture served normally, except that one file answers
// with an HTTP error a given number of times (or always). The failure is written in the path, so
// relative URLs in a playlist keep it:
//
//   /__fail__/<key>-<status>x<times>-<file name>/<path under test/fixtures>
//   /__fail__/a1-503x2-seg002.m4s/talk/audio/index.m3u8   → seg002.m4s fails twice with 503
//   /__fail__/b7-404xall-seg002.m4s/talk/audio/index.m3u8 → seg002.m4s always answers 404
//
// Failures are counted per key, so each test uses a key of its own.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fixtureFile, uncacheable } from './fixture-file.js';

const ROUTE = /^\/__fail__\/(\w+)-(\d{3})x(\d+|all)-([\w.-]+)\/(.+)$/;
const TYPES = { '.m3u8': 'application/vnd.apple.mpegurl', '.m4s': 'video/iso.segment', '.mp4': 'audio/mp4', '.m4a': 'audio/mp4' };
const failures = new Map();

export async function failingSegmentMiddleware(ctx, next) {
  const match = ROUTE.exec(ctx.path);
  if (!match) return next();
  const [, key, status, times, name, rest] = match;
  const file = fixtureFile(rest);
  if (!file) {
    ctx.status = 403;
    return undefined;
  }
  uncacheable(ctx);
  if (basename(file) === name) {
    const count = failures.get(key) ?? 0;
    if (times === 'all' || count < Number(times)) {
      failures.set(key, count + 1);
      ctx.status = Number(status);
      ctx.body = `injected ${status}`;
      return undefined;
    }
  }
  ctx.status = 200;
  ctx.type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
  ctx.body = await readFile(file);
  return undefined;
}

