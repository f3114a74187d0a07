#!/usr/bin/env node
// Runs the browser suite. Finds Chromium (and Firefox ESR); when Chromium is missing it says how to
// install it, and as root with apt-get available it installs Debian's packages itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowsers } from './find-browsers.js';

const APT_PACKAGES = ['chromium', 'firefox-esr', 'ffmpeg'];

let found = findBrowsers();
if (!found.chromium) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt && process.env.SPACE_REPLAY_NO_APT !== '1') {
    console.log(`No Chromium found; installing Debian packages: ${APT_PACKAGES.join(' ')}`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = findBrowsers();
  }
  if (!found.chromium) {
    console.error(
      'No Chromium found. Install one and run again:\n' +
        '  Debian/Ubuntu: sudo apt-get install chromium firefox-esr ffmpeg\n' +
        '  or point CHROME_PATH at a Chromium or Chrome binary.\n' +
        'The test suite never downloads a browser.',
    );
    process.exit(1);
  }
}
if (!found.firefox) {
  console.warn('Firefox ESR not found (FIREFOX_PATH, /usr/bin/firefox-esr): running in Chromium only.');
}

// The long-recording tests read a generated 4-hour recording (git-ignored, about a minute to make once).
if (!existsSync('.cache/long/manifest.json') && process.env.SPACE_REPLAY_SKIP_LONG !== '1') {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0) {
    console.log('Generating the 4-hour test recording in .cache/long (once; SPACE_REPLAY_SKIP_LONG=1 skips)…');
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-long-recording.ts'], { stdio: 'inherit' });
    if (made.status !== 0) process.exit(made.status ?? 1);
  } else {
    console.warn('ffmpeg not found: the 4-hour recording cannot be made, so its tests are skipped (apt-get install ffmpeg).');
  }
}

const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
});
process.exit(result.status ?? 1);
