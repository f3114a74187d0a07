/** The `<iframe>` embed code of a clip: text for the clipboard, never parsed into this page. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `url` when it is an absolute `http:` or `https:` URL (the only kind an embed may point to), else undefined. */
export function httpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** An `<iframe>` for `src` (already an http(s) URL) with `title`, every value escaped. */
export function embedCode(src: string, title: string): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="200" ` +
    `style="border:0" loading="lazy" allow="autoplay; clipboard-write"></iframe>`
  );
}
