/** Speakers in the transcript: their names, which avatar URLs may load, and the initials shown otherwise. */
import { checkUrl } from '../../manifest/url-rules.js';
import type { Transcript } from '../../model/transcript/index.js';
import type { SpeakerView } from './block-view.js';

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

/** A participant as the panel matches transcript speakers to (a manifest `Participant` fits). */
export interface NamedParticipant {
  readonly id: string;
  readonly name: string;
  readonly avatar?: string | undefined;
}

/** How the panel names and pictures each speaker of `t`: the matched participant's name and avatar, else the transcript's label. */
export function speakerViews(t: Transcript | undefined, participants: readonly NamedParticipant[]): SpeakerView[] {
  if (!t) return [];
  const byId = new Map<string, NamedParticipant>();
  for (const p of Array.isArray(participants) ? participants : []) {
    if (p && typeof p.id === 'string') byId.set(p.id, p);
  }
  return t.speakers.map((s) => {
    const p = s.participantId !== undefined ? byId.get(s.participantId) : undefined;
    const name = typeof p?.name === 'string' && p.name ? p.name : s.label;
    return { name, avatar: safeAvatarUrl(p?.avatar), initials: initialsOf(name) };
  });
}
