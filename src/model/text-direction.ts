/**
 * The direction text reads in, from its first strong letter (as the Unicode bidirectional
 * algorithm's rules P2 and P3 find it, approximated by script: JavaScript has no Bidi_Class
 * property). For a paragraph made of several isolated runs, whose `dir="auto"` would see none of
 * their letters.
 */

const LETTER = /\p{L}/u;
const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;

/** `rtl` when `text`'s first letter is of a right-to-left script, `ltr` for any other letter, `null` without letters. */
export function textDirection(text: string): 'ltr' | 'rtl' | null {
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    return RTL_SCRIPT.test(char) ? 'rtl' : 'ltr';
  }
  return null;
}
