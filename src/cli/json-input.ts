/**
 * Checking a JSON input file (participants, chapters, clips) against a piece of the manifest
 * schema, with errors as `file: path: message` (the path as it appears in the manifest).
 */
import * as v from 'valibot';
import { issueMessage, issuePath } from '../manifest/valibot-issues.js';
import { readJsonFile } from './json-file.js';
import { fail, ok, type Outcome } from './outcome.js';

/**
 * Reads `path` as an array of items of `schema`, given either as a bare array or as `{ [key]: [...] }`.
 * Issues are reported under `key` (`participants[1].consent.clip`), the first few of them.
 */
export async function readSchemaList<S extends v.GenericSchema>(
  path: string,
  label: string,
  key: string,
  schema: S,
): Promise<Outcome<v.InferOutput<S>[]>> {
  const json = await readJsonFile(path, label);
  if (!json.ok) return json;
  let list: unknown = json.value;
  if (typeof list === 'object' && list !== null && !Array.isArray(list) && key in list) {
    list = (list as Record<string, unknown>)[key];
  }
  if (!Array.isArray(list)) return fail(`${label}: expected an array of ${key} (or {"${key}": [...]})`);
  return checkAgainst(v.array(schema), list, label, key);
}

/** Checks `value` against `schema`; failures list up to five `label: path: message` lines. */
export function checkAgainst<S extends v.GenericSchema>(schema: S, value: unknown, label: string, base = ''): Outcome<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  if (result.success) return ok(result.output);
  const lines = result.issues.slice(0, 5).map((issue) => {
    const where = issuePath(issue, base);
    return `${label}: ${where === '' ? '' : `${where}: `}${issueMessage(issue)}`;
  });
  if (result.issues.length > 5) lines.push(`${label}: … and ${result.issues.length - 5} more`);
  return fail(lines.join('\n'));
}
