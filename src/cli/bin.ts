#!/usr/bin/env node
/**
 * The `space-replay` executable: runs the CLI on the process's arguments and streams. The first
 * Ctrl-C aborts the running command (which removes its partial output and exits 130); a second
 * one exits at once.
 */
import { run } from './main.js';

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
  signal: controller.signal,
});
process.exitCode = code;
