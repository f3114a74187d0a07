/**
 * Whisper JSON importer (openai-whisper, faster-whisper, whisperX, whisper-timestamped): `{text,
 * language?, segments: [{start, end, text, words?: [{word, start?, end?, speaker?}], speaker?}]}`.
 * whisper-timestamped names a word's text `text` instead of `word` (and adds a `confidence`, not
 * used). Each segment is a cue; its words give word times (words without times are interpolated);
 * the segment's `speaker` (whisperX diarization) or else its first word's gives the speaker.
 */
import type { ReadResult, SkippedItem } from './import-result.js';
import { isObject, show, timeValue } from './json-fields.js';
import { readSegmentTimes } from './json-segment-times.js';
import { splitWords } from './plain-text.js';
import { SpeakerTable } from './speaker-table.js';
import type { DraftCue } from './transcript-builder.js';

/** Reads Whisper segments into draft cues. Never throws. */
export function readWhisperJson(segments: readonly unknown[], language: unknown): ReadResult {
  const skipped: SkippedItem[] = [];
  const table = new SpeakerTable();
  const cues: DraftCue[] = [];
  for (let index = 0; index < segments.length; index++) {
    const at = `segments[${index}]`;
    const times = readSegmentTimes(segments[index], index, at, 'start', 'end', skipped);
    if (!times) continue;
    const seg = times.fields;
    let { start, end } = times;
    if (end <= start) {
      skipped.push({ index, reason: `${at}.end ${end} is not after start ${start}` });
      continue;
    }
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let speakerLabel: unknown = seg['speaker'];
    if (Array.isArray(seg['words'])) {
      for (const entry of seg['words']) {
        if (!isObject(entry)) continue;
        const text = typeof entry['word'] === 'string' ? entry['word'] : entry['text'];
        if (typeof text !== 'string') continue;
        const tokens = splitWords(text);
        if (tokens.length === 0) continue;
        const ws = timeValue(entry['start']) ?? NaN;
        const we = timeValue(entry['end']) ?? NaN;
        for (let k = 0; k < tokens.length; k++) {
          words.push(tokens[k]!);
          // a "word" holding several tokens: its times bound the first and the last
          starts.push(k === 0 ? ws : NaN);
          ends.push(k === tokens.length - 1 && k === 0 ? we : NaN);
        }
        if (typeof speakerLabel !== 'string' && typeof entry['speaker'] === 'string') speakerLabel = entry['speaker'];
        // whisper words can stray a little outside their segment: widen the cue rather than lose them
        if (ws < start) start = ws;
        if (we > end) end = we;
      }
    }
    const timed = words.length > 0;
    if (!timed) words.push(...(typeof seg['text'] === 'string' ? splitWords(seg['text']) : []));
    if (words.length === 0) {
      skipped.push({ index, reason: `${at}.text ${show(seg['text'])} has no text` });
      continue;
    }
    cues.push({
      start,
      end,
      speaker: table.indexOf(speakerLabel),
      words,
      wordStarts: timed ? starts : undefined,
      wordEnds: timed ? ends : undefined,
    });
  }
  const lang = typeof language === 'string' && language.trim() !== '' ? language.trim() : undefined;
  return { ok: true, cues, speakers: table.speakers, skipped, language: lang };
}
