/**
 * The quote of a clip for its share card: the transcript's words inside the clip, redacted passages
 * left out, shortened at a word boundary, and who said the first of them (only a manifest
 * participant who consented to be recorded is ever named).
 */

import type { Manifest } from '../manifest/types.js';
import type { Transcript } from '../model/transcript/transcript.js';

/** A clip's quote. */
export interface ClipQuote {
  /** The words, single-spaced; `redactedMark` where a redacted passage was. */
  text: string;
  /** Display name of whoever speaks the first word, when known and consented. */
  speaker?: string;
}

/** Options of {@link clipQuote}. */
export interface ClipQuoteOptions {
  /** Longest quote in characters, an ellipsis included (default 200). */
  maxLength?: number;
  /** What stands for a redacted passage (default `[…]`). */
  redactedMark?: string;
}

/** The quote of `[start, end)` from `transcript`, or `undefined` when no word falls in it. */
export function clipQuote(
  transcript: Transcript,
  manifest: Pick<Manifest, 'participants' | 'redactions'>,
  start: number,
  end: number,
  options: ClipQuoteOptions = {},
): ClipQuote | undefined {
  const maxLength = Math.max(8, options.maxLength ?? 200);
  const mark = options.redactedMark ?? '[…]';
  const redactions = manifest.redactions ?? [];
  const [first, last] = transcript.wordsInRange(start, end);
  if (last <= first) return undefined;

  const parts: string[] = [];
  let length = 0;
  let cut = false;
  for (let w = first; w < last; w++) {
    const ws = transcript.wordStart[w]!;
    const we = transcript.wordEnd[w]!;
    const hidden = redactions.some((r) => ws < r.endTime && r.startTime < we);
    const word = hidden ? mark : transcript.word(w);
    if (hidden && parts[parts.length - 1] === mark) continue;
    if (length + word.length + (parts.length > 0 ? 1 : 0) > maxLength - 1) {
      cut = true;
      break;
    }
    length += word.length + (parts.length > 0 ? 1 : 0);
    parts.push(word);
  }
  if (parts.length === 0 || parts.every((p) => p === mark)) return undefined;
  const text = cut ? `${parts.join(' ')}…` : parts.join(' ');

  const speakerIndex = transcript.cueSpeaker[transcript.wordCue[first]!]!;
  const participantId = speakerIndex >= 0 ? transcript.speakers[speakerIndex]?.participantId : undefined;
  const participant = participantId === undefined ? undefined : manifest.participants.find((p) => p.id === participantId);
  return participant && participant.consent.record ? { text, speaker: participant.name } : { text };
}
