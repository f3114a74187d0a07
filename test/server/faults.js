// Fault injection for the browser tests: a fixture served normally, except that one file fails a
// given number of times (or always). The fault is written in the path, so relative URLs in a
// manifest or playlist keep it, and a whole recording plays through it:
//
//   /__fail__/<key>-<fault>x<times>-<file name>/<path under test/fixtures>
//   /__fail__/<key>/<path under test/fixtures>              → nothing fails; the requests are logged
//
// <fault> is one of
//   an HTTP status  the file answers it:    a1-503x2-seg002.m4s/talk/audio/index.m3u8
//   hang            the file never answers (the connection stays open until the browser gives up,
//                   or 60 s, then it is cut with no answer): a2-hangxall-index.m3u8/talk/audio/index.m3u8
//   corrupt         the file answers 200 with its bytes garbled past the first box header (an MP4
//                   segment keeps its size and its first box's type; what follows is noise, as on a
//                   disk or proxy that damages data): a3-corruptxall-seg002.m4s/talk/audio/index.m3u8
//   truncate        the file answers 200 with only its first half, as a download cut short:
//                   a4-truncatex1-waveform.json/talk/manifest.json
//   slow            the file answers 200 in 20 chunks 100 ms apart (as /__slow__/ does): something
//                   to remove a player during: a5-slowx1-manifest.json/talk/manifest.json
// and <times> a count or `all` ("fails twice, then works" is `x2`). Faults and the request log are
// counted per key, so each test uses a key of its own.
//
// `?cors` on any of these URLs adds `Access-Control-Allow-Origin: *` to the answer, as a CDN that
// allows reads from other sites does (the server under its other name then stands for such a CDN).
//
// The server command `fault-clear` ({key}) ends the faults of a key: from then on its files are
// served as they are (the server is back).
//
// The server command `fault-requests` ({key}) returns what the browser asked for under a key:
// [{file, referer, at}] in order (`file` the path under test/fixtures, `referer` the Referer
// header or null, `at` the server's Date.now()), so a test can count requests made after a
// moment, or check that a request carried no Referer.
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const log = await executeServerCommand('fault-requests', { key: 'a1' });
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fixtureFile, uncacheable } from './fixture-file.js';
import { slowly } from './slow-file.js';

const ROUTE = /^\/__fail__\/(\w+)(?:-(\d{3}|hang|corrupt|truncate|slow)x(\d+|all)-([\w.-]+))?\/(.+)$/;
const TYPES = { '.m3u8': 'application/vnd.apple.mpegurl', '.m4s': 'video/iso.segment', '.mp4': 'audio/mp4', '.m4a': 'audio/mp4', '.json': 'application/json', '.vtt': 'text/vtt', '.png': 'image/png', '.jsonl': 'application/jsonl' };
const HANG_MS = 60_000;
const failures = new Map();
const requests = new Map();
const cleared = new Set();

export async function faultsMiddleware(ctx, next) {
  const match = ROUTE.exec(ctx.path);
  if (!match) return next();
  const [, key, fault, times, name, rest] = match;
  const file = fixtureFile(rest);
  if (!file) {
    ctx.status = 403;
    return undefined;
  }
  const log = requests.get(key) ?? [];
  requests.set(key, log);
  log.push({ file: rest, referer: ctx.get('Referer') || null, at: Date.now() });
  uncacheable(ctx);
  let damage = null;
  if (fault && basename(file) === name && !cleared.has(key)) {
    const count = failures.get(key) ?? 0;
    if (times === 'all' || count < Number(times)) {
      failures.set(key, count + 1);
      if (fault === 'hang') return hang(ctx);
      if (fault === 'corrupt' || fault === 'truncate' || fault === 'slow') damage = fault;
      else {
        ctx.status = Number(fault);
        ctx.body = `injected ${fault}`;
        return undefined;
      }
    }
  }
  const body = await readFile(file).catch(() => null);
  if (!body) {
    ctx.status = 404;
    return undefined;
  }
  ctx.status = 200;
  ctx.type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
  if ('cors' in ctx.query) ctx.set('Access-Control-Allow-Origin', '*');
  if (damage === 'slow') {
    ctx.length = body.length;
    ctx.body = slowly(body);
  } else {
    ctx.body = damage === 'corrupt' ? garble(body) : damage === 'truncate' ? body.subarray(0, body.length >> 1) : body;
  }
  return undefined;
}

/** Holds the request open with no answer until the browser drops it (or HANG_MS, then cuts it). */
function hang(ctx) {
  // The response is written by hand (and never), so Koa leaves it alone; 200 only for the runner's log.
  ctx.status = 200;
  ctx.respond = false;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ctx.req.socket.destroy();
      resolve();
    }, HANG_MS);
    ctx.req.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** `bytes` with everything after its first box header (8 bytes) replaced by deterministic noise. */
function garble(bytes) {
  const out = Buffer.from(bytes);
  let x = 0x2545f491;
  for (let i = 8; i < out.length; i++) {
    // xorshift32: the same noise every run.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The `fault-requests` and `fault-clear` server commands. */
export function faultCommandsPlugin() {
  return {
    name: 'fault-commands',
    executeCommand({ command, payload }) {
      if (command === 'fault-requests') return requests.get(String(payload?.key)) ?? [];
      if (command === 'fault-clear') {
        cleared.add(String(payload?.key));
        return true;
      }
      return undefined;
    },
  };
}
