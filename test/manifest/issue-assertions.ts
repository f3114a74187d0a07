/** Assertions on parse results, shared by the manifest tests. */

import { expect } from '@esm-bundle/chai';
import type { ManifestIssue, ParseResult } from '../../src/manifest/index.js';

function list(issues: ManifestIssue[]): string {
  return issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n') || '  (none)';
}

/** The errors of a failed parse (fails the test when the parse succeeded). */
export function errorsOf(result: ParseResult): ManifestIssue[] {
  if (result.ok) expect.fail('expected the parse to fail, but it succeeded');
  return result.errors;
}

/** Asserts that `issues` has one at exactly `path` whose message contains `part`. */
export function expectIssue(issues: ManifestIssue[], path: string, part: string): void {
  const found = issues.some((i) => i.path === path && i.message.includes(part));
  if (!found) expect.fail(`no issue at "${path}" containing "${part}"; got:\n${list(issues)}`);
}

/** Asserts the parse succeeded and returns it. */
export function okOf(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) expect.fail(`expected the parse to succeed; errors:\n${list(result.errors)}`);
  return result;
}
