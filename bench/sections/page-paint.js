// First paint of a page with the player on the 4-hour recording, from navigation start: the
// placeholder on screen, (a) when a server rendered `<space-replay src>` into the page's HTML
// (scripts/ssr-render.ts with the built package: declarative shadow DOM, painted before any
// script runs) and (b) when the browser creates it from the CDN module (the placeholder waits for
// the module and its first render). Each run is a fresh browser context (a first visit), the CPU
// throttled from the first byte; the pages are written to .cache/bench/pages/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../lib/figure.js';
import { LONG_MANIFEST, VIEWPORT } from '../lib/bench-page.js';

const page = (body) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>space-replay page paint</title>
    <link rel="icon" href="data:," />
    <style>body { margin: 0; padding: 8px; font-family: system-ui, sans-serif; }</style>
    <script src="/pages/page-paint.js"></script>
    <script type="module" src="/cdn/space-replay.js"></script>
  </head>
  <body>
    <h1>A recording</h1>
    ${body}
  </body>
</html>
`;

/** Writes the two pages into `dir`: the server-rendered one from the library build in `dist`. */
export function writePaintPages({ root, dist, dir }) {
  mkdirSync(dir, { recursive: true });
  const rendered = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'ssr-render.ts'), LONG_MANIFEST, join(dist, 'index.js')], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).toString();
  writeFileSync(join(dir, 'server.html'), page(rendered));
  writeFileSync(join(dir, 'client.html'), page(`<space-replay src="${LONG_MANIFEST}"></space-replay>`));
}

async function paintOnce(browser, url, throttle) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.setViewport(VIEWPORT);
    const cdp = await tab.createCDPSession();
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForFunction('window.pagePaint && window.pagePaint.skeleton !== null', { timeout: 60_000, polling: 50 });
    return await tab.evaluate('window.pagePaint.skeleton');
  } finally {
    await context.close().catch(() => {});
  }
}

/** Runs each page `runs` times at each throttle. */
export async function benchPagePaint(browser, serverUrl, { runs, throttles = [1, 4], log }) {
  const figures = [];
  for (const throttle of throttles) {
    const at = `${throttle}×`;
    for (const [id, name] of [
      ['server', 'server-rendered'],
      ['client', 'client-rendered'],
    ]) {
      const values = [];
      for (let i = 0; i < runs; i++) values.push(await paintOnce(browser, `${serverUrl}/paint/${id}.html`, throttle));
      log?.(`page paint ${id} ${at}: ${values.map((v) => v.toFixed(0)).join(', ')} ms`);
      figures.push(figure('paint', `paint.${throttle}x.${id}`, `placeholder painted, navigation → frame, ${name} page, ${at}`, 'ms', values));
    }
  }
  return { figures };
}
