/**
 * The manifest's `license`: an SPDX license identifier (`CC-BY-4.0`) or a simple SPDX expression
 * (`MIT OR Apache-2.0`), or the URL of the license text. A value holding `/` or `:` is a URL (SPDX
 * identifiers never contain them) and follows rule 8; anything else must read as SPDX.
 */

import { checkUrl } from './url-rules.js';

/** Longest `license` value, characters. */
export const MAX_LICENSE_LENGTH = 500;

/** SPDX identifiers (`LicenseRef-…` included, `+` for "or later") joined by AND, OR or WITH; no parentheses. */
export const SPDX_EXPRESSION_PATTERN = '^[A-Za-z0-9][A-Za-z0-9.-]*\\+?(?: (?:AND|OR|WITH) [A-Za-z0-9][A-Za-z0-9.-]*\\+?)*$';
const SPDX_EXPRESSION = new RegExp(SPDX_EXPRESSION_PATTERN);

/** Whether a `license` value is a URL (relative or absolute) rather than an SPDX identifier. */
export function isLicenseUrl(value: string): boolean {
  return /[/:]/.test(value);
}

/** Checks a `license` value: undefined when valid, else the reason. */
export function checkLicense(value: string): string | undefined {
  if (value === '') return undefined; // the schema's minLength reports it
  if (isLicenseUrl(value)) {
    const url = checkUrl(value);
    return url.ok ? undefined : url.reason;
  }
  if (SPDX_EXPRESSION.test(value)) return undefined;
  return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}" is neither an SPDX license identifier like "CC-BY-4.0" (or an expression like "MIT OR Apache-2.0") nor a URL`;
}
