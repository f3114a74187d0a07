/** Copying text to the clipboard, for the transcript's "copy" and the clip editor's links and embed code. */

/**
 * Writes `text` to the clipboard; resolves false when the browser refuses (no permission, not
 * focused, no Clipboard API). Uses `navigator.clipboard.writeText` only: the old `execCommand`
 * path would need a temporary text field in the page.
 */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = globalThis.navigator?.clipboard;
  if (!clipboard?.writeText) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
