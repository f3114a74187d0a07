// Real-browser tests: Debian Chromium (native HLS) and Firefox ESR (hls.js + MSE).
// Browsers are found by scripts/find-browsers.js; nothing here downloads one.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteerCore from 'puppeteer-core';
import { CHROMIUM_FLAGS, FIREFOX_PREFS, findBrowsers } from './scripts/find-browsers.js';
import { faultCommandsPlugin, faultsMiddleware } from './test/server/faults.js';
import { blockUrlsCommandPlugin } from './test/server/block-urls-command.js';
import { slowFileMiddleware } from './test/server/slow-file.js';
import { trustedTypesPageMiddleware } from './test/server/trusted-types-page.js';
import { cspPagesMiddleware } from './test/server/csp-pages.js';
import { ssrPagesMiddleware } from './test/server/ssr-pages.js';
import { liveRoomMiddleware } from './test/server/live-room.js';

const found = findBrowsers();
const wanted = (process.env.SPACE_REPLAY_BROWSERS ?? 'chromium,firefox').split(',');

const browsers = [];
if (wanted.includes('chromium') && found.chromium) {
  browsers.push(
    chromeLauncher({
      // Each test file gets its own window: Chromium does not load media or run animation frames in a
      // tab that was never shown, which is what a background tab is when two files run at once.
      createPage: ({ browser }) => browser.newPage({ type: 'window' }),
      launchOptions: {
        executablePath: found.chromium,
        headless: true,
        args: [...CHROMIUM_FLAGS, '--disable-quic'],
      },
    }),
  );
}
if (wanted.includes('firefox') && found.firefox) {
  browsers.push(
    // Firefox through puppeteer-core (WebDriver BiDi) and the installed firefox-esr: the `puppeteer`
    // package is not a dependency, because its install script downloads a browser.
    chromeLauncher({
      puppeteer: puppeteerCore,
      // Windows here too: in a background tab Firefox gives a cross-origin iframe no layout size
      // (its content reports 0 × 0 until the tab is shown), and throttles the tab's timers.
      createPage: ({ browser }) => browser.newPage({ type: 'window' }),
      launchOptions: {
        browser: 'firefox',
        executablePath: found.firefox,
        headless: true,
        extraPrefsFirefox: FIREFOX_PREFS,
      },
    }),
  );
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/consumers/**'],
  nodeResolve: true,
  // /__slow__/<fixture>: a slow server without byte ranges; /__fail__/…: one file of a fixture
  // answering an HTTP error, never answering or garbled, and a log of the requests
  // (test/server/faults.js). Fault injection for the media tests.
  // /__csp__/…: pages and the built CDN modules under a strict CSP (test/server/csp-pages.js).
  // /__ssr__/player: a page with a server-rendered player to hydrate (test/server/ssr-pages.js).
  // /__live__/<token>/: a room still being recorded (test/server/live-room.js).
  middleware: [slowFileMiddleware, faultsMiddleware, trustedTypesPageMiddleware, cspPagesMiddleware, ssrPagesMiddleware, liveRoomMiddleware],
  // Fixtures (MPEG-TS segments would end in .ts) are never compiled.
  // `block-urls`: requests that fail in Chromium as with no network (test/server/block-urls-command.js).
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json', exclude: ['test/fixtures/**', 'demo/recordings/**'] }),
    blockUrlsCommandPlugin(),
    faultCommandsPlugin(),
  ],
  browsers,
  concurrency: 2,
  testFramework: {
    config: { timeout: 20000 },
  },
  testsFinishTimeout: 300000,
};
