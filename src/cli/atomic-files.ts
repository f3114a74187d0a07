/**
 * Writing a few files into a folder that holds other things (a recording folder, a folder of share
 * pages): each file is written beside its target under a temporary name and renamed over it only
 * once every file is written, so readers see the old files or the new ones, never half a file.
 * (A whole output folder swapped into place is atomic-dir.ts; that would replace the neighbours.)
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';

/** One file to write: its name inside the folder and its text. */
export interface OutputFile {
  name: string;
  text: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `files` into `dir` (created when missing). Without `force` an existing file is an error
 * and nothing is written. On any failure the temporary files are removed. `label` is `dir` as the
 * user typed it.
 */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[], force: boolean, label = dir): Promise<Outcome<void>> {
  if (!force) {
    for (const file of files) {
      if (await exists(join(dir, file.name))) return fail(`${join(label, file.name)}: exists (use --force to replace it)`);
    }
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    return fail(`${label}: cannot create the folder (${describeFsError(error)})`);
  }
  const suffix = `.tmp-${randomBytes(4).toString('hex')}`;
  const temps = files.map((file) => join(dir, `.${file.name}${suffix}`));
  try {
    for (let i = 0; i < files.length; i++) await writeFile(temps[i]!, files[i]!.text, { mode: 0o644 });
    for (let i = 0; i < files.length; i++) await rename(temps[i]!, join(dir, files[i]!.name));
    return ok(undefined);
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    return fail(`${label}: cannot write the files (${describeFsError(error)})`);
  }
}
