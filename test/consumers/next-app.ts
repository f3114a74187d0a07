/**
 * A Next.js (App Router) app of `space-replay/react` built from the packed tarball: `next build`
 * type-checks it and renders its page on the server (a static export, `output: 'export'`); the
 * exported page must hold the server-rendered `<space-replay>` tag, keep hls.js out of the scripts
 * it loads at first, and play in Chromium once hydrated, with its `onSpaceReplayReady` prop called.
 * Next.js builds offline here: its compiler (@next/swc) is an installed package.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { holdsHlsJs, prepareApp, ROOT, scriptsOf } from './consumer-apps.js';
import { visit } from './play-in-browsers.js';

const exec = promisify(execFile);

export function describeNextApp(setup: () => { tarball: string; browsers: Map<string, Browser> }): void {
  describe('a Next.js App Router app of space-replay/react (next build, static export)', () => {
    let site: string;
    let html: string;
    let scripts: Map<string, string>;

    before(async () => {
      const app = await prepareApp('next', setup().tarball);
      await exec(process.execPath, [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
        cwd: app,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string }) => assert.fail(`next build failed:\n${error.stdout}\n${error.stderr}`));
      site = join(app, 'out');
      html = await readFile(join(site, 'index.html'), 'utf8');
      scripts = await scriptsOf(site);
    });

    test('renders <space-replay> on the server and keeps hls.js out of the first load', (t) => {
      assert.match(html, /<main data-ready-title=""><space-replay[ >]/, 'the prerendered page holds the element');
      const first = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
      assert.ok(first.length > 0);
      for (const path of first) assert.ok(!holdsHlsJs(scripts.get(path) ?? ''), `${path}, loaded at first, has no hls.js`);
      assert.equal([...scripts.values()].filter(holdsHlsJs).length, 1, 'hls.js is in exactly one chunk');
      const bytes = first.reduce((sum, path) => sum + gzipSync(scripts.get(path) ?? '').length, 0);
      t.diagnostic(`the page's first-load scripts (Next.js, React and space-replay): ${bytes} B gzip (${(bytes / 1024).toFixed(1)} KiB)`);
    });

    test('hydrates and plays in Chromium with onSpaceReplayReady called', async (t) => {
      const browser = setup().browsers.get('chromium');
      if (!browser) return t.skip('chromium is not installed');
      const result = await visit(browser, site, join(ROOT, 'demo', 'recordings'));
      assert.deepEqual(result.errors, [], 'no page errors');
      assert.ok(result.currentTime > 0.5, 'the recording played');
      assert.equal(result.readyTitle, 'Maintainers AMA: shipping a web component library');
    });
  });
}
