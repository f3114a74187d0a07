// The system programs that `npm test` and `npm run bench` drive, and how a machine gets them.
// On Debian or Ubuntu, run as root with apt-get, the missing ones are installed before the first
// step that needs them; anywhere else the run stops at once with one message naming the packages
// and the command that installs them. Nothing here, or anywhere in the project, downloads a browser.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowsers } from './find-browsers.js';

const onPath = (command) => spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;

/**
 * Each Debian package, what it is for, and how to tell it is there. `optional` ones only narrow
 * the run when missing (Firefox ESR: the browser suite then runs in Chromium alone).
 */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', why: 'browser tests and benchmarks (native HLS)', present: () => Boolean(findBrowsers().chromium) },
  { name: 'firefox-esr', why: 'browser tests through hls.js', optional: true, present: () => Boolean(findBrowsers().firefox) },
  { name: 'ffmpeg', why: 'the CLI tests, the 4-hour test recording, hls.js in Firefox (AAC)', present: () => onPath('ffmpeg') && onPath('ffprobe') },
];

/** The command a person runs to install `names`. */
export function installCommand(names) {
  return `sudo apt-get install ${names.join(' ')}`;
}

/** Whether this process may install Debian packages itself: root, with apt-get, not forbidden. */
function canInstall(env = process.env) {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && env.SPACE_REPLAY_NO_APT !== '1';
}

/**
 * Makes sure every package is there: installs the missing ones when it may (all of them, optional
 * ones included, in one apt-get call), otherwise exits 1 with one message when a required one is
 * missing, or warns about a missing optional one. `purpose` names the command in the messages.
 */
export function ensureSystemPackages(purpose, packages = SYSTEM_PACKAGES) {
  let missing = packages.filter((p) => !p.present());
  if (missing.length === 0) return;
  if (canInstall()) {
    const names = missing.map((p) => p.name);
    console.log(`${purpose} needs Debian packages that are missing; installing: ${names.join(' ')}`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...names], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    missing = packages.filter((p) => !p.present());
  }
  const required = missing.filter((p) => !p.optional);
  if (required.length > 0) {
    const names = missing.map((p) => p.name);
    console.error(
      `${purpose} needs programs this machine lacks:\n` +
        missing.map((p) => `  ${p.name}: ${p.why}${p.optional ? ' (optional)' : ''}\n`).join('') +
        `Install them and run again:\n  ${installCommand(names)}\n` +
        'Elsewhere, install Chromium (or point CHROME_PATH at a Chromium or Chrome binary) and ffmpeg with ffprobe on PATH.\n' +
        'Run as root with apt-get available, this command installs them itself (SPACE_REPLAY_NO_APT=1 forbids that).',
    );
    process.exit(1);
  }
  for (const p of missing) console.warn(`${p.name} not found (${installCommand([p.name])}): running without ${p.why}.`);
}
