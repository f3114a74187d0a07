/**
 * Turns valibot issues into manifest issues: a path like `participants[1].consent.clip` and a
 * message that says what was expected and what was found.
 */

import type * as v from 'valibot';
import { childPath, describeValue, type IssueCollector } from './issues.js';

// Validations whose message is improved by the value found; the others already say it.
const SHOW_RECEIVED = new Set(['min_value', 'gt_value', 'integer', 'regex', 'check', 'min_length']);
const TYPE_NAMES: Record<string, string> = { Object: 'an object', Array: 'an array' };
const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);

/** The manifest path of a valibot issue, below `base`. */
export function issuePath(issue: v.BaseIssue<unknown>, base = ''): string {
  let path = base;
  for (const item of issue.path ?? []) path = childPath(path, item.key as string | number);
  return path;
}

/** The message for a valibot issue (all validation messages are set in schema.ts). */
export function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema') {
    if (OBJECT_TYPES.has(issue.type) && issue.received === 'undefined' && issue.expected !== 'Object') return 'required';
    // A custom schema's message says what it expected (events.data: "expected an array").
    if (issue.type === 'custom') return `${issue.message}, got ${describeValue(issue.input)}`;
    if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'strict_tuple') {
      return `${issue.message}, got ${describeValue(issue.input)}`;
    }
    const expected = issue.expected ?? 'something else';
    return `expected ${TYPE_NAMES[expected] ?? expected}, got ${describeValue(issue.input)}`;
  }
  return SHOW_RECEIVED.has(issue.type) ? `${issue.message} (got ${describeValue(issue.input)})` : issue.message;
}

/**
 * Records valibot issues as errors below `base`, except those inside a value that already has an
 * error (the hostile-input walk refused it, so the schema's complaint would repeat it).
 */
export function reportValibotIssues(
  issues: readonly v.BaseIssue<unknown>[],
  collector: IssueCollector,
  alreadyReported: (path: string) => boolean,
  base = '',
): void {
  for (const issue of issues) {
    const path = issuePath(issue, base);
    if (alreadyReported(path)) continue;
    collector.error(path, issueMessage(issue));
  }
}
