/**
 * WebVTT importer: cues from `caption-file.ts`, `<v Name>` voices as speakers, inline timestamps as
 * word times, a `Language:` header line as the language. A cue without a voice keeps the speaker
 * of the cue before it: Podcasting 2.0 transcripts write `<v Name>` only where the speaker changes.
 */
import { readCaptionFile } from './caption-file.js';
import type { ReadResult } from './import-result.js';
import { SpeakerTable } from './speaker-table.js';

/** Reads a WebVTT file into draft cues. Never throws. */
export function readWebVTT(text: string, maxCues: number): ReadResult {
  const file = readCaptionFile(text, 'vtt', maxCues);
  if (!file.ok) return file;
  const table = new SpeakerTable();
  const cues = file.cues;
  let speaker = -1;
  for (let i = 0; i < cues.length; i++) {
    const voice = cues[i]!.voice;
    // an explicit voice always wins, `<v>` with no name included (it means nobody in particular)
    if (voice !== undefined) speaker = table.indexOf(voice);
    cues[i]!.speaker = speaker;
  }
  const language = file.metadata.get('Language') ?? file.metadata.get('language');
  return { ok: true, cues, speakers: table.speakers, skipped: file.skipped, language: language || undefined };
}
