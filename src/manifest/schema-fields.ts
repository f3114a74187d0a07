/**
 * The field schemas the manifest's schemas share (ids, texts, times, dates, languages, URLs) and
 * the messages of their caps: one definition each for schema.ts and events-schema.ts.
 */
import * as v from 'valibot';
import { DATE_TIME_PATTERN, parseDateTime } from './date-time.js';
import { checkUrl, URL_PATTERN } from './url-rules.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Whether `value` is a well-formed BCP 47 language tag (checked by `Intl` where it exists). */
export function isLanguageTag(value: string): boolean {
  if (!LANGUAGE_TAG.test(value)) return false;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false;
  }
}

/** Messages of the length and count caps, naming what was received. */
export const tooLong = (max: number) => (issue: { received: string }) => `${issue.received} characters, more than the ${max} allowed`;
export const tooMany = (max: number) => (issue: { received: string }) => `${issue.received} items, more than the ${max} allowed`;

export const Id = v.pipe(v.string(), v.regex(ID, 'must be 1 to 64 letters, digits, "_" or "-"'));
export const Text = (max: number) => v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, tooLong(max)));
export const Time = v.pipe(v.number(), v.minValue(0, 'must be 0 or more'), v.description('Seconds from the first audio sample.'));
export const DateTime = v.pipe(
  v.string(),
  v.check((s) => parseDateTime(s) !== undefined, 'must be an RFC 3339 date-time like "2024-05-01T18:00:00Z"'),
  v.metadata({ format: 'date-time', pattern: DATE_TIME_PATTERN }),
);
export const Language = v.pipe(
  v.string(),
  v.check(isLanguageTag, 'must be a BCP 47 language tag like "en" or "pt-BR"'),
  v.metadata({ pattern: LANGUAGE_TAG.source }),
  v.description('BCP 47 language tag.'),
);
/** A URL field: rule 8 (relative, https:, or http: on localhost). */
export const UrlSchema = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const check = checkUrl(dataset.value);
    if (!check.ok) addIssue({ message: check.reason });
  }),
  v.metadata({ format: 'uri-reference', pattern: URL_PATTERN }),
  v.description('Relative (to the manifest URL), https:, or http: on localhost only.'),
);
export const Integer = (min: number) => v.pipe(v.number(), v.integer('must be an integer'), v.minValue(min, `must be ${min} or more`));
// Rule 9 as JSON Schema: a reference has exactly one of url and data.
export const URL_OR_DATA = { oneOf: [{ required: ['url'] }, { required: ['data'] }] };
