// The generated 4-hour test recording (.cache/long/, git-ignored): the browser tests and the
// benchmarks read it, and whichever runs first makes it (about a minute with ffmpeg, once).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the 4-hour recording lives. */
export const LONG_RECORDING_DIR = join(ROOT, '.cache', 'long');

/** Makes the 4-hour recording unless it is there; exits the process if making it fails. */
export function ensureLongRecording() {
  if (existsSync(join(LONG_RECORDING_DIR, 'manifest.json'))) return;
  console.log('Generating the 4-hour test recording in .cache/long (once, about a minute)…');
  const made = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'make-long-recording.ts')], { stdio: 'inherit', cwd: ROOT });
  if (made.status !== 0) process.exit(made.status ?? 1);
}
