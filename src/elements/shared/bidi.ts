/**
 * Text of either direction side by side: times and ranges ("0:12–0:21") are left-to-right runs,
 * kept whole and in order inside right-to-left text (`<bdi dir="ltr">`: an isolate, so the words
 * around them keep their own order too). Where markup cannot go (an `<option>`), the same is done
 * with Unicode's isolate characters.
 */

import { html, type TemplateResult } from 'lit';

/** `text` as a left-to-right run of its own (a time, a range). */
export function ltr(text: string): TemplateResult {
  return html`<bdi dir="ltr">${text}</bdi>`;
}

// A private-use character: never in a message or a time.
const MARK = '\u{E000}';
const SLOT = new RegExp(`${MARK}(\\d+)${MARK}`);

/**
 * `message(...args)` with each argument shown as a left-to-right run (see {@link ltr}), the
 * message's own words around them as text. Messages stay plain strings (no markup in the tables).
 */
export function withLtrArgs<A extends string[]>(message: (...args: A) => string, ...args: A): (string | TemplateResult)[] {
  const text = message(...(args.map((_, i) => `${MARK}${i}${MARK}`) as A));
  return text.split(SLOT).map((piece, i) => (i % 2 === 1 ? ltr(args[Number(piece)] ?? '') : piece));
}

/** `text` isolated as a left-to-right run in plain text (U+2066 … U+2069), for `<option>`s and titles. */
export function ltrText(text: string): string {
  return `\u2066${text}\u2069`;
}

/** `text` isolated in plain text with its direction from its first strong character (U+2068 … U+2069). */
export function autoText(text: string): string {
  return `\u2068${text}\u2069`;
}
