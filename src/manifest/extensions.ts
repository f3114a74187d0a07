/**
 * Unknown keys: `x-…` keys are extensions, kept in the result without a word; any other key this
 * version does not define gives a warning and is dropped (a newer 1.x may define it). The walk
 * follows the valibot schema, so it knows each object's keys without a second list of them.
 */

import type * as v from 'valibot';
import { childPath, type IssueCollector } from './issues.js';

type AnySchema = v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>> & {
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  wrapped?: AnySchema;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Warns about unknown keys in `input` (the sanitized manifest) and copies its `x-` keys into
 * `output` (the schema's result) at the same place. Objects the schema declares loose (foreign
 * formats such as Podcasting 2.0 chapters) keep their keys and give no warnings.
 */
export function applyExtensions(schema: AnySchema, input: unknown, output: unknown, path: string, issues: IssueCollector): void {
  while (schema.type === 'optional' && schema.wrapped) schema = schema.wrapped;
  if (schema.type === 'array' && schema.item && Array.isArray(input)) {
    const out = Array.isArray(output) ? output : undefined;
    for (let i = 0; i < input.length; i++) applyExtensions(schema.item, input[i], out?.[i], childPath(path, i), issues);
    return;
  }
  if ((schema.type !== 'object' && schema.type !== 'loose_object') || !schema.entries || !isObject(input)) return;
  const strict = schema.type === 'object';
  const out = isObject(output) ? output : undefined;
  for (const key of Object.keys(input)) {
    const entry = schema.entries[key];
    if (entry) applyExtensions(entry, input[key], out?.[key], childPath(path, key), issues);
    else if (!strict) continue;
    else if (key.startsWith('x-')) {
      if (out) out[key] = input[key];
    } else issues.warn(childPath(path, key), `unknown key "${key}" (ignored)`);
  }
}
