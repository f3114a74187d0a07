// Locates the browsers the test suite runs in. Never downloads one.
import { existsSync } from 'node:fs';

const CHROMIUM = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const FIREFOX = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Returns the paths of the first Chromium and Firefox found, or undefined for each that is missing. */
export function findBrowsers() {
  const first = (list) => list.find((p) => p && existsSync(p));
  return { chromium: first(CHROMIUM), firefox: first(FIREFOX) };
}

/**
 * Flags for Debian's headless Chromium, shared by the browser tests and the benchmarks: root needs
 * --no-sandbox, media needs the autoplay policy, there is no GPU, and nothing phones home.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless=new',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Preferences for headless Firefox ESR, shared by the browser tests and the consumer-app tests:
 * unmuted `play()` is allowed, and audio goes to a mock device (there is no sound card, and
 * without one playback raises media errors).
 */
export const FIREFOX_PREFS = {
  'media.autoplay.default': 0,
  'media.cubeb.force_mock_context': true,
};
