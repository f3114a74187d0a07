#!/usr/bin/env node
// Runs the browser suite in Debian's Chromium and Firefox ESR (scripts/system-packages.js says how a
// machine gets them; nothing downloads a browser), after making the 4-hour test recording if needed.
import { spawnSync } from 'node:child_process';
import { ensureLongRecording } from './long-recording.js';
import { ensureSystemPackages } from './system-packages.js';

ensureSystemPackages('The browser tests');

// The long-recording tests read a generated 4-hour recording (SPACE_REPLAY_SKIP_LONG=1 skips them).
if (process.env.SPACE_REPLAY_SKIP_LONG !== '1') ensureLongRecording();

const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
