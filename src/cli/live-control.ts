/**
 * `live --end`: a live run writes its pid beside the folder it fills, and `--end` signals that
 * process as Ctrl-C would, then waits for it to close the room. POSIX only (signals by pid).
 */
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliIo } from './cli-io.js';
import { fail, ok, type Outcome } from './outcome.js';

/** The file beside a live folder that names the process writing it (for `--end`). */
export function controlFile(out: string): string {
  return join(dirname(out), `.${basename(out)}.live`);
}

/** Ends the live room being written to `out` and waits for its process to finish closing it. */
export async function endLive(out: string, label: string, io: CliIo): Promise<Outcome<void>> {
  let pid: number;
  try {
    pid = Number(JSON.parse(await readFile(controlFile(out), 'utf8')).pid);
  } catch {
    return fail(`${label}: no live room is being written there (no ${basename(controlFile(out))} beside it)`);
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) {
    await rm(controlFile(out), { force: true });
    return fail(`${label}: the process that wrote this live room (pid ${pid}) is gone; the folder keeps its last live manifest`);
  }
  process.kill(pid, 'SIGTERM');
  io.stderr.write(`ending the live room in ${label} (pid ${pid})…\n`);
  // Closing writes the progressive file and the final manifest; wait for the process to finish.
  const deadline = Date.now() + 10 * 60_000;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return fail(`${label}: pid ${pid} is still running after 10 minutes`);
    await new Promise((done) => setTimeout(done, 200));
  }
  return ok(undefined);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

