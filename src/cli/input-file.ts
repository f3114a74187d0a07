/** Reading a user-supplied input file, with a failure that names it and says why. */
import { readFile } from 'node:fs/promises';
import { fail, ok, type Outcome } from './outcome.js';

/** Reads a UTF-8 text file; failures read `label: cannot read file (ENOENT: no such file)`. */
export async function readInputText(path: string, label = path): Promise<Outcome<string>> {
  try {
    return ok(await readFile(path, 'utf8'));
  } catch (error) {
    return fail(`${label}: cannot read file (${describeFsError(error)})`);
  }
}

/** A short reason for a file-system error: `ENOENT: no such file`, `EISDIR: is a directory`, … */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent is not a directory',
  };
  if (code && reasons[code]) return `${code}: ${reasons[code]}`;
  return code ?? (error instanceof Error ? error.message : String(error));
}
