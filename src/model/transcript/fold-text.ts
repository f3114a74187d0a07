/**
 * Text folding for search and speaker-name matching: case- and diacritic-insensitive.
 *
 * The pipeline per code point is `toLowerCase()` → `normalize('NFKD')` → drop `\p{M}` → `ß`→`ss`,
 * `ς`→`σ`. `toLowerCase` (not `toLocaleLowerCase`) so results never depend on the user's locale;
 * lower-casing first lets NFKD split the dot of `İ`. NFKD rather than NFD so ligatures (`ﬁ`) and
 * full-width forms fold too. Folding code point by code point gives the same result as folding the
 * whole string (final sigma aside, which the `ς`→`σ` step evens out), and lets a folded offset be
 * mapped back to the original text.
 */

const MARKS = /\p{M}/gu;
const SHARP_S = /ß/g;
const FINAL_SIGMA = /ς/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

const NON_ASCII = /[^\x00-\x7f]/g;
// Transcripts repeat the same few accented letters; folding each once saves most of the work.
const folded = new Map<string, string>();

function foldCodePoint(cp: string): string {
  let out = folded.get(cp);
  if (out === undefined) {
    out = cp.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(SHARP_S, 'ss').replace(FINAL_SIGMA, 'σ');
    if (folded.size < 4096) folded.set(cp, out);
  }
  return out;
}

/** Folds text for matching: lower case, no diacritics, compatibility forms unified (`Café`→`cafe`). */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  let out = '';
  for (const cp of text) out += cp.charCodeAt(0) < 0x80 ? cp.toLowerCase() : foldCodePoint(cp);
  return out;
}

/**
 * Appends the folding of `text` to `parts` and, for every folded UTF-16 unit, the offset
 * (`base` + index in `text`) of the original code point it came from to `map`.
 */
export function foldInto(text: string, base: number, parts: string[], map: number[]): void {
  let i = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m !== null; m = NON_ASCII.exec(text)) {
    const j = m.index;
    if (j > i) {
      parts.push(text.slice(i, j).toLowerCase());
      for (let k = i; k < j; k++) map.push(base + k);
    }
    const code = text.codePointAt(j)!;
    const cp = code > 0xffff ? text.slice(j, j + 2) : text[j]!;
    const out = foldCodePoint(cp);
    parts.push(out);
    for (let k = 0; k < out.length; k++) map.push(base + j);
    i = j + cp.length;
    NON_ASCII.lastIndex = i;
  }
  if (i < text.length) {
    parts.push(text.slice(i).toLowerCase());
    for (let k = i; k < text.length; k++) map.push(base + k);
  }
}
