/**
 * The package as sites bundle it: production builds of a Vite + TypeScript, a Rollup and a webpack
 * app whose code is the README's `import 'space-replay'` (the Vite app also listens to the ready
 * event, type-checked against the packed types), made from the packed tarball. Each must register the
 * element and play a demo recording in every installed browser, with hls.js in a chunk of its own
 * that only a browser without native HLS (Firefox) fetches.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { buildWithRollup, buildWithVite, buildWithWebpack, entryScriptOf, holdsHlsJs, initialBytes, prepareApp, ROOT, scriptsOf } from './consumer-apps.js';
import { visit } from './play-in-browsers.js';

const BUILDERS = { vite: buildWithVite, rollup: buildWithRollup, webpack: buildWithWebpack };
const RECORDINGS = join(ROOT, 'demo', 'recordings');
const exec = promisify(execFile);

/** The suites; `setup` gives the packed tarball and the launched browsers once the file's `before` has run. */
export function describeBundlers(setup: () => { tarball: string; browsers: Map<string, Browser> }): void {
  for (const [name, build] of Object.entries(BUILDERS)) {
    describe(`a ${name} production build of import 'space-replay'`, () => {
      let app: string;
      let site: string;
      let scripts: Map<string, string>;
      let entry: string;

      before(async () => {
        app = await prepareApp(name, setup().tarball);
        site = await build(app);
        scripts = await scriptsOf(site);
        entry = await entryScriptOf(site);
      });

      if (name === 'vite') {
        test('type-checks against the packed types, which refuse a wrong detail or property value', async () => {
          await exec(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(app, 'tsconfig.json')]).catch((error: { stdout?: string }) => {
            assert.fail(`tsc reports:\n${error.stdout ?? error}`);
          });
        });
      }

      test('keeps the registration and puts hls.js in a chunk of its own', (t) => {
        const entryCode = scripts.get(entry);
        assert.ok(entryCode, `the page's script ${entry} is in the build`);
        assert.ok(/["'`]space-replay["'`]/.test(entryCode), 'the entry registers <space-replay>');
        assert.ok(!holdsHlsJs(entryCode), 'hls.js is not in the entry');
        assert.equal([...scripts.values()].filter(holdsHlsJs).length, 1, 'hls.js is in exactly one chunk');
        const bytes = initialBytes(scripts, entry);
        // The app's own code is a few lines, so its first load is what space-replay adds.
        t.diagnostic(`initial JavaScript: ${bytes} B gzip (${(bytes / 1024).toFixed(1)} KiB), all of it space-replay's`);
        assert.ok(bytes <= 35 * 1024, `at most 35 KiB gzip on first load (${bytes} B)`);
      });

      for (const browserName of ['chromium', 'firefox']) {
        test(`registers the element and plays in ${browserName}`, async (t) => {
          const browser = setup().browsers.get(browserName);
          if (!browser) return t.skip(`${browserName} is not installed`);
          const result = await visit(browser, site, RECORDINGS);
          assert.deepEqual(result.errors, [], 'no page errors');
          assert.ok(result.registered, "customElements.get('space-replay') is defined");
          assert.ok(result.currentTime > 0.5, 'the recording played');
          if (name === 'vite') assert.equal(result.readyTitle, 'Maintainers AMA: shipping a web component library', 'the typed ready listener got the manifest');
          const hlsChunk = [...scripts].find(([, code]) => holdsHlsJs(code))![0];
          const fetchedHls = result.scripts.some((path) => path.endsWith(`/${hlsChunk}`));
          if (browserName === 'chromium') {
            assert.equal(result.engine, 'native', 'Chromium plays HLS natively');
            assert.ok(!fetchedHls, `Chromium never fetches the hls.js chunk (fetched: ${result.scripts.join(', ')})`);
          } else {
            assert.equal(result.engine, 'hls.js', 'Firefox plays through hls.js');
            assert.ok(fetchedHls, `Firefox fetches the hls.js chunk ${hlsChunk} (fetched: ${result.scripts.join(', ')})`);
          }
        });
      }
    });
  }
}
