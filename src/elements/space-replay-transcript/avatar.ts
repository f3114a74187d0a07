/** Speaker avatars in the transcript: which image URLs may load, and the initials shown otherwise. */
import { checkUrl } from '../../manifest/url-rules.js';

/** `url` when it may be loaded as an avatar (relative, `https:`, or `http:` on localhost), else undefined. */
export function safeAvatarUrl(url: unknown): string | undefined {
  return typeof url === 'string' && checkUrl(url).ok ? url : undefined;
}

// Bidi controls and other format characters would leak into the initials' direction.
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Up to two initials of a name (first and last word), for a missing or broken avatar. */
export function initialsOf(name: string): string {
  const words = name.replace(FORMAT_CHARACTERS, '').trim().split(/\s+/u).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return picked.map((w) => String.fromCodePoint(w.codePointAt(0)!).toLocaleUpperCase()).join('');
}
