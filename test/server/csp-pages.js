// Pages under a strict Content-Security-Policy, for test/csp/: the policy banks and newsrooms ship
// (no inline script or style, Trusted Types required for every DOM-injection sink).
// - `/__csp__/page/<file>`: test/csp/pages/<file>, an HTML page answered with the policy.
// - `/__csp__/build/<file>`: the built CDN modules and embed page (dist/cdn/*, dist/embed.html,
//   dist/embed/*) as `npm run build` makes them: dist/ itself when it is newer than the sources
//   (`npm test` has built it by then), else rollup.config.js's CDN and embed configs built into
//   .cache/csp-build/ (test/server/csp-build.config.js), so the tests never load a stale dist/.
// - `/__csp__/built`: answers once the build is there. HTML is answered with the policy, with the
//   violation recorder (test/csp/pages/violations.js) as its first script.
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uncacheable } from './fixture-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = join(ROOT, 'test', 'csp', 'pages');
const BUILD = join(ROOT, '.cache', 'csp-build');

/** The policy under test, as a strict site sends it, with Trusted Types policy names limited to Lit's (docs/deploying.md). */
export const STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html; object-src 'none'; base-uri 'none'";

const RECORDER = '<script src="/test/csp/pages/violations.js"></script>';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

let building;

/** The newest modification time of the files under `dir` (recursively), in ms. */
async function newest(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of await readdir(path)) latest = Math.max(latest, await newest(join(path, entry)));
  return latest;
}

/**
 * Where the built files are: dist/ when `npm run build` made it after the last change to the
 * sources and build configs (as `npm test` has done by then), else .cache/csp-build/, built once in
 * a child process (the test server keeps answering while terser works).
 */
function build() {
  building ??= (async () => {
    const sources = Math.max(...(await Promise.all(['src', 'rollup.config.js', 'scripts/rollup-embed.js', 'package-lock.json', 'node_modules/wavesurfer.js/package.json'].map((p) => newest(join(ROOT, p))))));
    for (const dir of [join(ROOT, 'dist'), BUILD]) {
      const built = await Promise.all(BUILT_FILES.map((f) => stat(join(dir, f)).then((s) => s.mtimeMs, () => 0)));
      if (Math.min(...built) > sources) return dir;
    }
    await new Promise((done, failed) => {
      execFile(process.execPath, [join(ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c', 'test/server/csp-build.config.js'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, _out, err) =>
        error ? failed(new Error(`building the CDN modules failed: ${err || error.message}`)) : done(),
      );
    });
    return BUILD;
  })();
  return building;
}

/** What the pages load from the build. */
const BUILT_FILES = ['cdn/space-replay.js', 'cdn/space-replay-list.js', 'cdn/space-replay-parts.js', 'embed.html', 'embed.css', 'embed/embed.js'];

function inside(base, rest) {
  const file = normalize(join(base, decodeURIComponent(rest)));
  return file.startsWith(base) ? file : null;
}

async function answer(ctx, file) {
  let body;
  try {
    body = await readFile(file);
  } catch {
    ctx.status = 404;
    return;
  }
  const type = extname(file);
  ctx.status = 200;
  ctx.type = TYPES[type] ?? 'application/octet-stream';
  if (type === '.html') {
    // The recorder goes first, so a violation during parsing is counted too.
    ctx.body = String(body).replace(/<head>/i, `<head>${RECORDER}`);
    ctx.set('Content-Security-Policy', STRICT_POLICY);
  } else ctx.body = body;
  uncacheable(ctx);
}

/** Koa middleware of the two routes. */
export async function cspPagesMiddleware(ctx, next) {
  if (ctx.path.startsWith('/__csp__/page/')) {
    const file = inside(PAGES, ctx.path.slice('/__csp__/page/'.length));
    if (!file) return void (ctx.status = 403);
    return answer(ctx, file);
  }
  if (ctx.path === '/__csp__/built' || ctx.path.startsWith('/__csp__/build/')) {
    let dir;
    try {
      dir = await build();
    } catch (error) {
      ctx.status = 500;
      ctx.body = String(error?.message ?? error);
      return undefined;
    }
    // `/__csp__/built` answers once the build is there (the tests wait on it before loading a page).
    if (ctx.path === '/__csp__/built') {
      ctx.body = dir === BUILD ? 'built into .cache/csp-build' : 'dist is up to date';
      uncacheable(ctx);
      return undefined;
    }
    const file = inside(dir, ctx.path.slice('/__csp__/build/'.length));
    if (!file) return void (ctx.status = 403);
    return answer(ctx, file);
  }
  return next();
}
