/**
 * Reading JSON input files (participants, chapters, clips) with syntax errors that name the file,
 * line and column; the position comes from the manifest module's scanner because V8's messages
 * often omit it.
 */
import { findJsonSyntaxError } from '../manifest/json-text.js';
import { readInputText } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';

/** Reads and parses a JSON file; failures name `label` (the path as the user typed it). */
export async function readJsonFile(path: string, label = path): Promise<Outcome<unknown>> {
  const text = await readInputText(path, label);
  return text.ok ? parseJsonText(text.value, label) : text;
}

/** Parses JSON text; a syntax error is reported as `label:line:column: invalid JSON: …`. */
export function parseJsonText(text: string, label: string): Outcome<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return ok(JSON.parse(body));
  } catch (error) {
    const found = findJsonSyntaxError(body);
    if (!found) return fail(`${label}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    return fail(`${label}:${found.line}:${found.column}: invalid JSON: ${found.message}`);
  }
}
