// `/__ssr__/player?src=<manifest URL>`: a page with `<space-replay src>` rendered on the server
// (scripts/ssr-render.ts: @lit-labs/ssr in a Node child process, from the sources), for
// test/ssr/. Around the player, text above and below it; right after it, a classic script that
// records the placeholder as the browser first lays it out, before any module runs; last, the
// module that hydrates it (test/ssr/hydrate-page.ts). Each src is rendered once per test run.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uncacheable } from './fixture-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rendered = new Map();

/** The server-rendered HTML of `<space-replay src>`. */
function renderPlayer(src) {
  if (!rendered.has(src)) {
    rendered.set(
      src,
      new Promise((done, failed) => {
        execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'ssr-render.ts'), src], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
          error ? failed(new Error(`server rendering failed: ${err || error.message}`)) : done(out),
        );
      }),
    );
  }
  return rendered.get(src);
}

// Reads the placeholder's box before hydration: the element is not defined yet, its shadow root is the server's.
const BEFORE = `<script>
  (() => {
    const player = document.querySelector('space-replay');
    const status = player.shadowRoot && player.shadowRoot.querySelector('space-replay-status');
    const skeleton = status && status.shadowRoot && status.shadowRoot.querySelector('[part~="skeleton"]');
    const wave = skeleton && skeleton.querySelector('.wave');
    const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, left: r.left, width: r.width, height: r.height }; };
    window.ssrErrors = [];
    addEventListener('error', (e) => ssrErrors.push(String(e.message)));
    addEventListener('unhandledrejection', (e) => ssrErrors.push(String(e.reason && e.reason.message || e.reason)));
    window.ssrPlayerBox = player.shadowRoot && player.shadowRoot.querySelector('.player');
    window.ssrBefore = {
      defined: Boolean(customElements.get('space-replay')),
      player: box(player),
      skeleton: skeleton ? box(skeleton) : null,
      wave: wave ? box(wave) : null,
      below: box(document.getElementById('below')),
    };
  })();
</script>`;

/** Koa middleware of the route. */
export async function ssrPagesMiddleware(ctx, next) {
  if (ctx.path !== '/__ssr__/player') return next();
  const src = ctx.query.src;
  if (typeof src !== 'string' || !src.startsWith('/')) return void (ctx.status = 400);
  try {
    const player = await renderPlayer(src);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server-rendered player</title>
<style>body { margin: 8px; font: 16px/1.4 system-ui, sans-serif; } space-replay { width: 720px; } #below { height: 600px; background: #eee; }</style></head>
<body><p id="above">A page with a server-rendered player.</p>
${player}
<p id="below">Below the player.</p>
${BEFORE}
<script type="module" src="/test/ssr/hydrate-page.ts"></script>
</body></html>`;
    uncacheable(ctx);
  } catch (error) {
    ctx.status = 500;
    ctx.body = String(error?.message ?? error);
  }
  return undefined;
}
