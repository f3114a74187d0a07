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

test('a missing system package stops the run at once with one message naming it and its install command', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `import('./scripts/system-packages.js').then((m) => m.ensureSystemPackages('npm test', [
    { name: 'present-one', why: 'x', present: () => true },
    { name: 'missing-one', why: 'the CLI tests', present: () => false },
    { name: 'missing-optional', why: 'the Firefox tests', optional: true, present: () => false },
  ]))`;
  // SPACE_REPLAY_NO_APT=1 stands for a machine where this process may not install (not root).
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, SPACE_REPLAY_NO_APT: '1' } });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /missing-one: the CLI tests\n/);
  assert.match(run.stderr, /missing-optional: the Firefox tests \(optional\)/);
  assert.match(run.stderr, /sudo apt-get install missing-one missing-optional\n/);
  assert.doesNotMatch(run.stderr, /present-one/);
});

test('a missing optional package alone is a warning, and the run goes on', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `import('./scripts/system-packages.js').then((m) => { m.ensureSystemPackages('npm test', [
    { name: 'missing-optional', why: 'the Firefox tests', optional: true, present: () => false },
  ]); console.log('went on'); })`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, SPACE_REPLAY_NO_APT: '1' } });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /went on/);
  assert.match(run.stderr, /missing-optional not found/);
});
