/**
 * Writing an output folder all-or-nothing: everything goes into a hidden staging folder beside the
 * target (same file system, so the final step is a rename), which is swapped into place at the end
 * and removed on any failure or interruption.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';

/** A staging folder for `target`; `commit` moves it into place, `discard` removes it. */
export interface StagingDir {
  /** Absolute path of the staging folder, to write into. */
  path: string;
  /** Renames the staging folder to the target (replacing an old target when `force` was given). */
  commit(): Promise<Outcome<void>>;
  /** Removes the staging folder (no-op after a commit); synchronous so a signal handler can call it. */
  discard(): void;
}

/**
 * Checks that `target` may be written (absent, an empty folder, or `force`) and creates the
 * staging folder beside it. `label` is the path as the user typed it.
 */
export async function createStagingDir(target: string, force: boolean, label = target): Promise<Outcome<StagingDir>> {
  const existing = await targetState(target);
  if (existing === 'file') return fail(`${label}: exists and is not a folder`);
  if (existing === 'non-empty' && !force) {
    return fail(`${label}: folder exists and is not empty (use --force to replace it)`);
  }
  let path = '';
  // Parent folders made here are removed again on failure, so nothing is left behind.
  let createdParent: string | undefined;
  try {
    createdParent = await mkdir(dirname(target), { recursive: true });
    // Synchronous from here until the exit handler below is registered: a signal handled in between
    // (a second Ctrl-C exits at once) would otherwise leave the new folder behind.
    path = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
    // mkdtemp makes the folder private (0700); the output is meant to be served by a web server.
    chmodSync(path, 0o755);
  } catch (error) {
    if (path) rmSync(path, { recursive: true, force: true });
    if (createdParent) rmSync(createdParent, { recursive: true, force: true });
    return fail(`${label}: cannot create a folder beside it (${describeFsError(error)})`);
  }
  let discarded = false;
  let committed = false;
  const discard = () => {
    process.off('exit', discard);
    if (discarded || committed) return;
    discarded = true;
    rmSync(path, { recursive: true, force: true });
    if (createdParent) rmSync(createdParent, { recursive: true, force: true });
  };
  // Also on a hard exit (a second Ctrl-C calls process.exit before the command unwinds).
  process.on('exit', discard);
  const commit = async (): Promise<Outcome<void>> => {
    try {
      const state = await targetState(target);
      if (state === 'absent') {
        await rename(path, target);
        committed = true;
        process.off('exit', discard);
        return ok(undefined);
      }
      // Keep the old folder until the new one is in place, so a failure leaves one of them intact.
      const aside = `${path}.old`;
      await rename(target, aside);
      try {
        await rename(path, target);
      } catch (error) {
        await rename(aside, target);
        throw error;
      }
      committed = true;
      process.off('exit', discard);
      await rm(aside, { recursive: true, force: true });
      return ok(undefined);
    } catch (error) {
      discard();
      return fail(`${label}: cannot move the output into place (${describeFsError(error)})`);
    }
  };
  return ok({ path, commit, discard });
}

async function targetState(target: string): Promise<'absent' | 'empty' | 'non-empty' | 'file'> {
  try {
    const info = await stat(target);
    if (!info.isDirectory()) return 'file';
    return (await readdir(target)).length === 0 ? 'empty' : 'non-empty';
  } catch {
    return 'absent';
  }
}
