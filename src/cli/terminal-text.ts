/**
 * Text from files (manifest titles, participant names, RTTM labels, transcript speakers, file
 * names) on its way to a terminal. A terminal obeys control characters wherever they appear:
 * `ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears the screen, OSC 52 writes the
 * clipboard, a bare CR lets the rest of a line overwrite what came before, and C1 codes such as
 * U+009B (CSI) act like their ESC forms in some terminals. So every C0 control except line feed
 * and tab, DEL, and every C1 control is shown as a `\uXXXX` escape instead, the form JSON uses:
 * inside `--json` output the escape reads back as the same string.
 */

// C0 except \t (U+0009) and \n (U+000A), then DEL and C1 (U+007F–U+009F).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character that a terminal would act on written as `\uXXXX`. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A writer that passes every text through {@link terminalSafe} before `target` sees it. */
export function terminalSafeWriter(target: { write(text: string): unknown }): { write(text: string): unknown } {
  return { write: (text: string) => target.write(terminalSafe(text)) };
}
