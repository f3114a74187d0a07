/**
 * Rule 8 of the manifest: which URLs a manifest may hold. Relative references, `https:` URLs, and
 * `http:` URLs on the local machine only. Exported so the player can re-check a URL before it
 * loads or links it.
 */

import { MAX_URL_LENGTH } from './limits.js';

/** Outcome of {@link checkUrl}: `reason` says what is wrong, for an error message. */
export type UrlCheck = { ok: true } | { ok: false; reason: string };

/** Outcome of {@link resolveManifestUrl}: the absolute URL, or why there is none. */
export type UrlResolution = { ok: true; url: string } | { ok: false; reason: string };

/** Hosts (as `URL.hostname` spells them) on which plain `http:` is allowed. */
export const LOCAL_HTTP_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// Control characters and spaces are stripped or ignored by the WHATWG URL parser, so
// " javascript:" or "java\tscript:" would hide a scheme from a prefix test; backslashes act as
// slashes, so "\\evil.com" would be protocol-relative. None of them belongs in a written URL.
const FORBIDDEN_CHARACTER = /[\u0000-\u0020\u007f\\]/;

/**
 * The same rule as a JSON Schema `pattern` (ECMA-262). It approximates {@link checkUrl}, which
 * also parses the URL; the validator is authoritative.
 */
export const URL_PATTERN =
  '^(?![\\s\\S]*[\\u0000-\\u0020\\u007f\\\\])(?:[Hh][Tt][Tt][Pp][Ss]://[^/?#]' +
  '|[Hh][Tt][Tt][Pp]://(?:[^/?#@]*@)?(?:[Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt]|127\\.0\\.0\\.1|\\[::1\\])(?::[0-9]*)?(?:[/?#]|$)' +
  '|(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//))';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Checks a manifest URL against rule 8: relative, `https:`, or `http:` on localhost, 127.0.0.1
 * or [::1]. Protocol-relative (`//host`), `javascript:`, `data:`, `file:` and every other scheme
 * are refused, as are spaces, control characters and backslashes.
 */
export function checkUrl(value: unknown): UrlCheck {
  if (typeof value !== 'string') return { ok: false, reason: `expected a URL string, got ${describe(value)}` };
  if (value.length === 0) return { ok: false, reason: 'URL is empty' };
  if (value.length > MAX_URL_LENGTH) {
    return { ok: false, reason: `URL has ${value.length} characters, more than the ${MAX_URL_LENGTH} allowed` };
  }
  const bad = FORBIDDEN_CHARACTER.exec(value);
  if (bad) {
    const what = bad[0] === '\\' ? 'a backslash' : bad[0] === ' ' ? 'a space' : 'a control character';
    return { ok: false, reason: `URL contains ${what} at index ${bad.index} (percent-encode it)` };
  }
  if (value.startsWith('//')) {
    return { ok: false, reason: 'protocol-relative URL ("//host/…") is not allowed; write "https://host/…"' };
  }
  const scheme = SCHEME.exec(value);
  if (!scheme) return { ok: true };

  const name = scheme[1]!.toLowerCase();
  if (name !== 'https' && name !== 'http') {
    return { ok: false, reason: `scheme "${name}:" is not allowed (use https:, http: on localhost, or a relative URL)` };
  }
  const rest = value.slice(scheme[0].length);
  if (!rest.startsWith('//') || rest.length === 2 || '/?#'.includes(rest[2]!)) {
    return { ok: false, reason: `${name}: URL has no host (write "${name}://host/…")` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'URL does not parse' };
  }
  if (name === 'http' && !LOCAL_HTTP_HOSTS.includes(url.hostname)) {
    return { ok: false, reason: `http: is allowed on localhost only (host "${url.hostname}"); use https:` };
  }
  return { ok: true };
}

/**
 * Checks `value` with {@link checkUrl} and resolves it against `base` (the manifest's own URL,
 * which is trusted as given) to an absolute URL.
 */
export function resolveManifestUrl(value: unknown, base: string | URL): UrlResolution {
  const check = checkUrl(value);
  if (!check.ok) return check;
  try {
    return { ok: true, url: new URL(value as string, base).href };
  } catch {
    return { ok: false, reason: `cannot resolve against base URL "${String(base)}"` };
  }
}

/** Whether `base` is an absolute URL that relative manifest URLs can be resolved against. */
export function isAbsoluteUrl(base: string | URL): boolean {
  try {
    new URL(base);
    return true;
  } catch {
    return false;
  }
}
