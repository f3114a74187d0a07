/** Reading a user-supplied input file, with a failure that names it and says why. */
import { readFile } from 'node:fs/promises';
import { decodeText } from '../model/transcript/text-encoding.js';
import { fail, ok, type Outcome } from './outcome.js';

/**
 * Reads a text file: UTF-8, or UTF-16/UTF-32 with a byte order mark (`text-encoding.ts`).
 * Failures read `label: cannot read file (ENOENT: no such file)` or, for bytes that are not
 * UTF-8, `label: not UTF-8 (looks like windows-1252?): byte 0xE9 on line 3; save the file as UTF-8`.
 */
export async function readInputText(path: string, label = path): Promise<Outcome<string>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return fail(`${label}: cannot read file (${describeFsError(error)})`);
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? ok(decoded.text) : fail(`${label}: ${decoded.error}`);
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
