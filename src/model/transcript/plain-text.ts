/**
 * Plain-text hygiene for cue text and speaker labels coming from files: control characters go,
 * whitespace runs become one space. Bidi marks and overrides (U+200E/F, U+202A–E, U+2066–9) are
 * kept as they are, so right-to-left text survives; they are format characters, not controls.
 */

// C0 and C1 controls that JavaScript's `\s` does not already treat as whitespace.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** True for the UTF-16 code units JavaScript's `\s` matches (the word separators). */
export function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 &&
        (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** True for C0/C1 control characters that are not whitespace (the ones `stripControls` removes). */
export function isControl(c: number): boolean {
  return c < 0x20 ? c < 0x09 || c > 0x0d : c >= 0x7f && c <= 0x9f;
}

/** Removes control characters (keeping whitespace, which separates words). */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/**
 * Appends the whitespace-separated tokens of `text`, control characters removed, to `words`: the
 * same as `stripControls(text).split(/\s+/)` without empty ends. Returns true when `text` is
 * already those words joined by single spaces. One pass over the char codes, because this runs on
 * every cue of a long transcript and the regex replace + split cost three times more.
 */
function collectWords(text: string, words: string[]): boolean {
  const n = text.length;
  let joined = true; // so far, text is its words joined by single spaces
  let word = ''; // the current word so far, when control characters cut it into pieces
  let from = -1; // start of the clean run being read, -1 between runs
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // printable ASCII is neither space nor control: the common case, tested first
    if (c > 0x20 && c < 0x7f) {
      if (from === -1) from = i;
    } else if (isSpace(c)) {
      if (from !== -1) {
        words.push(word === '' ? text.slice(from, i) : word + text.slice(from, i));
        word = '';
        from = -1;
        if (c !== 0x20) joined = false;
      } else if (word !== '') {
        words.push(word);
        word = '';
        joined = false;
      } else {
        joined = false; // leading space, or a second one
      }
    } else if (isControl(c)) {
      joined = false;
      if (from !== -1) {
        word += text.slice(from, i);
        from = -1;
      }
    } else if (from === -1) {
      from = i;
    }
  }
  if (from !== -1) words.push(word === '' ? text.slice(from) : word + text.slice(from));
  else if (word !== '') words.push(word);
  else if (n > 0) joined = false; // trailing space
  return joined;
}

/** Splits text into whitespace-separated tokens after removing control characters. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  collectWords(text, words);
  return words;
}

/**
 * Splits cue text like `splitWords`, and gives the words joined by single spaces: `text` itself
 * when it is clean already (as written by `toNormalizedJson`), which saves building the string.
 */
export function splitCueText(text: string): { words: string[]; joined: string } {
  const words: string[] = [];
  const joined = collectWords(text, words) ? text : words.join(' ');
  return { words, joined };
}

/** A label (speaker or voice name) as one line of plain text: no controls, single spaces, trimmed. */
export function cleanLabel(text: string): string {
  return splitWords(text).join(' ');
}
