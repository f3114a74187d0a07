/** Which words fall in a redaction (a range removed at a speaker's request): their text is never shown. */
import type { Transcript } from '../../model/transcript/index.js';

/** A removed range, `[startTime, endTime)` in seconds, as the manifest's `redactions` list it. */
export interface RedactionRange {
  /** Start, seconds. */
  readonly startTime: number;
  /** End, seconds (exclusive). */
  readonly endTime: number;
}

/**
 * Flags (1) every word overlapping a redaction, or null when none does. O(r log n + words flagged):
 * `wordsInRange` finds each range's words by binary search.
 */
export function redactedWords(transcript: Transcript, redactions: readonly RedactionRange[] | undefined): Uint8Array | null {
  if (!Array.isArray(redactions) || redactions.length === 0) return null;
  let flags: Uint8Array | null = null;
  for (const r of redactions) {
    if (!r || !(Number.isFinite(r.startTime) && Number.isFinite(r.endTime)) || !(r.endTime > r.startTime)) continue;
    const [first, last] = transcript.wordsInRange(r.startTime, r.endTime);
    if (last <= first) continue;
    flags ??= new Uint8Array(transcript.wordCount);
    flags.fill(1, first, last);
  }
  return flags;
}
