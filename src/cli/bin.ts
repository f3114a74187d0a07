#!/usr/bin/env node
/**
 * The `space-replay` executable: runs the CLI on the process's arguments and streams. SIGINT
 * (Ctrl-C), SIGTERM (`timeout`, `docker stop`, CI cancellation) and SIGHUP (a closed terminal)
 * abort the running command, which stops ffmpeg, removes its partial output and returns; the
 * process then exits 128 + the signal's number (130, 143, 129), as shells report a process killed
 * by it. A second signal exits at once (the partial output is still removed, on `exit`).
 */
import { constants } from 'node:os';
import { ExitCode } from './cli-io.js';
import { run } from './main.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const controller = new AbortController();
let received: NodeJS.Signals | undefined;
const exitCodeFor = (signal: NodeJS.Signals): number => 128 + constants.signals[signal];
for (const signal of STOP_SIGNALS) {
  process.on(signal, () => {
    if (received) process.exit(exitCodeFor(received));
    received = signal;
    controller.abort(new Error(`stopped by ${signal}`));
  });
}
// Once the terminal is gone (SIGHUP) or a reader closed the pipe, writes fail with EIO or EPIPE.
// Nothing can be shown any more; the command must still get to remove its partial output.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
  columns: () => process.stderr.columns,
  signal: controller.signal,
});
process.exitCode = received && code !== ExitCode.ok ? exitCodeFor(received) : code;
