/**
 * The first steps `parseManifest` and `parseFeed` share: the base URL, JSON text, the top-level
 * object, and the hostile-input walk to plain JSON; and how a hostile object that threw is worded.
 */

import { describeValue, type IssueCollector, pathAndAncestors } from './issues.js';
import { readJsonText } from './json-text.js';
import { type PlainJsonOptions, toPlainJson } from './plain-json.js';
import { isAbsoluteUrl } from './url-rules.js';

type Fields = Record<string, unknown>;

/** What a thrown value says, even when reading its message throws too. */
export function describeThrown(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

/**
 * The top-level object of a `noun` ("manifest", "feed") given as an object or JSON text of at most
 * `maxTextLength` characters, after checking that `baseUrl` is absolute when given; or undefined
 * once the error is recorded at path `''`.
 */
export function readDocumentObject(input: unknown, baseUrl: string | URL | undefined, noun: string, maxTextLength: number, issues: IssueCollector): Fields | undefined {
  if (baseUrl !== undefined && !isAbsoluteUrl(baseUrl)) {
    issues.error('', `options.baseUrl ${describeValue(String(baseUrl))} is not an absolute URL`);
    return undefined;
  }
  let value = input;
  if (typeof input === 'string') {
    if (input.length > maxTextLength) {
      issues.error('', `${noun} text has ${input.length} characters, more than the ${maxTextLength} allowed`);
      return undefined;
    }
    const read = readJsonText(input);
    if (!read.ok) {
      issues.error('', read.message);
      return undefined;
    }
    value = read.value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.error('', `expected a ${noun} object (or its JSON text), got ${describeValue(value)}`);
    return undefined;
  }
  return value as Fields;
}

/** A fresh document read so far by the hostile-input walk. */
export interface PlainDocument {
  /** The document as plain JSON, arrays capped. */
  plain: Fields;
  /** Whether the walk already reported an error at `path` or around it (so a schema issue there would repeat it). */
  alreadyReported: (path: string) => boolean;
}

/** Copies `value` to plain JSON (see `toPlainJson`); undefined when the walk refused the document as a whole. */
export function toPlainDocument(value: object, issues: IssueCollector, options: PlainJsonOptions): PlainDocument | undefined {
  const plain = toPlainJson(value, issues, options);
  if (!plain) return undefined;
  const walkErrors = issues.errorPaths();
  const alreadyReported = (path: string): boolean => walkErrors.size > 0 && pathAndAncestors(path).some((p) => walkErrors.has(p));
  return { plain, alreadyReported };
}
