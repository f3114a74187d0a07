/**
 * Which of a manifest's transcripts the player tries, in order: those in the page's language, then
 * those in the recording's language, then the rest; within each, the normalized JSON first (word
 * times, no caption syntax to parse), then WebVTT, then SRT. The player falls back along this list
 * when one cannot be loaded.
 */

import type { TranscriptRef } from '../../manifest/types.js';

const TYPE_ORDER: Record<string, number> = { 'application/json': 0, 'text/vtt': 1, 'application/x-subrip': 2 };

function primary(lang: string | undefined): string {
  return (lang ?? '').toLowerCase().split('-')[0] ?? '';
}

/** The transcripts to try for UI language `lang` of a recording in `recordingLanguage`, best first. */
export function transcriptsInOrder(refs: readonly TranscriptRef[], lang: string, recordingLanguage?: string): TranscriptRef[] {
  const ui = primary(lang);
  const recording = primary(recordingLanguage);
  const rank = (r: TranscriptRef): number => {
    // A transcript without a language is in the recording's.
    const language = primary(r.language ?? recordingLanguage);
    const byLanguage = ui && language === ui ? 0 : recording && language === recording ? 1 : 2;
    return byLanguage * 10 + (TYPE_ORDER[r.type] ?? 3);
  };
  // Array.prototype.sort is stable: equal ranks keep the manifest's order.
  return [...refs].sort((a, b) => rank(a) - rank(b));
}
