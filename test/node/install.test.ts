// What `npm ci` installs: no package whose install script downloads a browser or a browser driver
// (there may be no network, and the tests drive Debian's Chromium and Firefox ESR anyway).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

/** Packages that fetch a browser or a driver binary from their install script. */
const DOWNLOADERS = ['puppeteer', 'playwright', 'playwright-chromium', 'playwright-firefox', 'playwright-webkit', 'chromedriver', 'geckodriver', 'electron', '@puppeteer/browsers-cli'];

test('the lockfile holds no package that downloads a browser when installed', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
  const names = Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, ''));
  assert.deepEqual(names.filter((name) => DOWNLOADERS.includes(name)), []);
});

test('the packages with an install script are known not to download a browser', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
  const withScripts = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
  // esbuild's checks its platform binary (from its optional dependency); rs-module-lexer's does the same.
  assert.deepEqual([...new Set(withScripts)].sort(), ['esbuild', 'rs-module-lexer']);
});
