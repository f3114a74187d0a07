/**
 * Podcasting 2.0 JSON transcript importer (`{version, segments: [{speaker?, startTime, endTime,
 * body}]}`). Segments with several words are cues of their own (no word times). Segments of one
 * word are words: consecutive ones join one cue until the speaker changes, the pause before the
 * next word exceeds `MAX_WORD_GAP_SECONDS`, a word ends a sentence (`.`, `!`, `?`, `…`, `。`,
 * `！`, `？`, optionally followed by closing quotes or brackets) or the cue has `MAX_CUE_WORDS`.
 */
import type { ReadResult, SkippedItem } from './import-result.js';
import { show } from './json-fields.js';
import { readSegmentTimes } from './json-segment-times.js';
import { splitWords } from './plain-text.js';
import { SpeakerTable } from './speaker-table.js';
import type { DraftCue } from './transcript-builder.js';

/** A pause longer than this between two word segments starts a new cue. */
export const MAX_WORD_GAP_SECONDS = 1.5;
/** A cue built from word segments holds at most this many words. */
export const MAX_CUE_WORDS = 30;

const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

interface Segment {
  index: number;
  start: number;
  end: number;
  speaker: number;
  words: string[];
}

/** Reads Podcasting 2.0 segments into draft cues. Never throws. */
export function readPodcastJson(segments: readonly unknown[]): ReadResult {
  const skipped: SkippedItem[] = [];
  const table = new SpeakerTable();
  const valid: Segment[] = [];
  for (let index = 0; index < segments.length; index++) {
    const at = `segments[${index}]`;
    const timed = readSegmentTimes(segments[index], index, at, 'startTime', 'endTime', skipped);
    if (!timed) continue;
    const { fields: seg, start, end } = timed;
    const words = typeof seg['body'] === 'string' ? splitWords(seg['body']) : [];
    if (words.length === 0) {
      skipped.push({ index, reason: `${at}.body ${show(seg['body'])} has no text` });
      continue;
    }
    // a single word may take no time; a sentence must
    if (words.length > 1 ? end <= start : end < start) {
      skipped.push({ index, reason: `${at}.endTime ${end} is not after startTime ${start}` });
      continue;
    }
    valid.push({ index, start, end, speaker: table.indexOf(seg['speaker']), words });
  }
  valid.sort((a, b) => a.start - b.start);

  const cues: DraftCue[] = [];
  let group: { first: number; start: number; end: number; speaker: number; words: string[]; starts: number[]; ends: number[] } | undefined;
  const flush = () => {
    if (!group) return;
    if (group.end > group.start) {
      cues.push({ start: group.start, end: group.end, speaker: group.speaker, words: group.words, wordStarts: group.starts, wordEnds: group.ends });
    } else {
      skipped.push({ index: group.first, reason: `segments[${group.first}] is a word of no duration with no neighbours to join` });
    }
    group = undefined;
  };
  for (const seg of valid) {
    if (seg.words.length > 1) {
      flush();
      cues.push({ start: seg.start, end: seg.end, speaker: seg.speaker, words: seg.words });
      continue;
    }
    if (
      group &&
      (seg.speaker !== group.speaker ||
        seg.start - group.end > MAX_WORD_GAP_SECONDS ||
        group.words.length >= MAX_CUE_WORDS ||
        SENTENCE_END.test(group.words[group.words.length - 1]!))
    ) {
      flush();
    }
    if (!group) group = { first: seg.index, start: seg.start, end: seg.end, speaker: seg.speaker, words: [], starts: [], ends: [] };
    group.words.push(seg.words[0]!);
    group.starts.push(seg.start);
    group.ends.push(seg.end);
    if (seg.end > group.end) group.end = seg.end;
  }
  flush();
  skipped.sort((a, b) => a.index! - b.index!);
  return { ok: true, cues, speakers: table.speakers, skipped };
}
