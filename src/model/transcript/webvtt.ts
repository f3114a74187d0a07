/**
 * WebVTT importer: cues from `caption-file.ts`, `<v Name>` voices as speakers, inline timestamps as
 * word times, a `Language:` header line as the language.
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
  for (let i = 0; i < cues.length; i++) cues[i]!.speaker = table.indexOf(cues[i]!.voice);
  const language = file.metadata.get('Language') ?? file.metadata.get('language');
  return { ok: true, cues, speakers: table.speakers, skipped: file.skipped, language: language || undefined };
}
