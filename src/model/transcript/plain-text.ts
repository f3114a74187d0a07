/**
 * Plain-text hygiene for cue text and speaker labels coming from files: control characters go,
 * whitespace runs become one space. Bidi marks and overrides (U+200E/F, U+202A–E, U+2066–9) are
 * kept as they are, so right-to-left text survives; they are format characters, not controls.
 */

// C0 and C1 controls that JavaScript's `\s` does not already treat as whitespace.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const WHITESPACE = /\s+/;

/** Removes control characters (keeping whitespace, which separates words). */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** Splits text into whitespace-separated tokens after removing control characters. */
export function splitWords(text: string): string[] {
  const words = stripControls(text).split(WHITESPACE);
  // split leaves '' at either end when the text starts or ends with whitespace
  if (words.length > 0 && words[0] === '') words.shift();
  if (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words;
}

/** A label (speaker or voice name) as one line of plain text: no controls, single spaces, trimmed. */
export function cleanLabel(text: string): string {
  return splitWords(text).join(' ');
}
