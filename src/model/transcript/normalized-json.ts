/**
 * This library's normalized transcript JSON (`format: "space-replay-transcript"`, version 1.x):
 * the reader, and the types of the shape `toNormalizedJson` writes.
 */
import type { ReadResult, SkippedItem } from './import-result.js';
import { isObject, show, timeValue } from './json-fields.js';
import { cleanLabel, splitCueText } from './plain-text.js';
import type { Speaker } from './transcript.js';
import { ReaderCue } from './transcript-builder.js';

/** The `format` value of the normalized JSON. */
export const NORMALIZED_FORMAT = 'space-replay-transcript';
/** The version `toNormalizedJson` writes (1.1: word times as `wordOffsetsMs`). */
export const NORMALIZED_VERSION = '1.1';
const SUPPORTED_VERSION = /^1(?:\.\d+)*$/;

/** A speaker in the normalized JSON. */
export interface NormalizedSpeaker {
  id: string;
  name: string;
  participant?: string;
}

/**
 * A cue in the normalized JSON. Word times, for the whitespace-separated tokens of `text` in order,
 * come as `wordOffsetsMs` (1.1: `[start0, end0, start1, end1, …]`, whole milliseconds after
 * `startTime`) or as `words` (1.0: `[start, end]` pairs in seconds); `wordOffsetsMs` wins.
 */
export interface NormalizedCue {
  startTime: number;
  endTime: number;
  speaker?: string;
  text: string;
  wordOffsetsMs?: number[];
  words?: [number, number][];
}

/** The normalized transcript JSON. */
export interface NormalizedTranscript {
  format: typeof NORMALIZED_FORMAT;
  version: string;
  language?: string;
  speakers?: NormalizedSpeaker[];
  cues: NormalizedCue[];
}

function readSpeakers(value: unknown, skipped: SkippedItem[]): { speakers: Speaker[]; byId: Map<string, number> } {
  const speakers: Speaker[] = [];
  const byId = new Map<string, number>();
  if (value === undefined) return { speakers, byId };
  if (!Array.isArray(value)) {
    skipped.push({ reason: `speakers is ${show(value)}, not an array: cues keep no speaker` });
    return { speakers, byId };
  }
  value.forEach((entry: unknown, i) => {
    const at = `speakers[${i}]`;
    if (!isObject(entry)) return skipped.push({ reason: `${at} is not an object` });
    const id = entry['id'];
    if (typeof id !== 'string' || id === '') return skipped.push({ reason: `${at}.id ${show(id)} is not a non-empty string` });
    if (byId.has(id)) return skipped.push({ reason: `${at}.id "${id}" repeats an earlier speaker` });
    const name = typeof entry['name'] === 'string' ? cleanLabel(entry['name']) : '';
    if (name === '') return skipped.push({ reason: `${at}.name ${show(entry['name'])} is not a non-empty string` });
    const participant = entry['participant'];
    if (participant !== undefined && typeof participant !== 'string') {
      skipped.push({ reason: `${at}.participant ${show(participant)} is not a string: ignored` });
    }
    byId.set(id, speakers.length);
    speakers.push(typeof participant === 'string' && participant !== '' ? { label: name, participantId: participant } : { label: name });
    return undefined;
  });
  return { speakers, byId };
}

/**
 * Checks a cue's `words` against its token count and times: the pairs themselves when all are
 * usable (the builder copies them), or the reason they are not.
 */
function checkWordTimes(value: unknown, count: number, start: number, end: number): readonly (readonly number[])[] | string {
  if (!Array.isArray(value)) return `words is ${show(value)}, not an array of [start, end] pairs`;
  if (value.length !== count) return `words has ${value.length} entries for ${count} words in text`;
  let previous = start;
  for (let k = 0; k < count; k++) {
    const pair: unknown = value[k];
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number' || typeof pair[1] !== 'number') {
      return `words[${k}] ${show(pair)} is not a [start, end] pair of numbers`;
    }
    const s = pair[0];
    const e = pair[1];
    if (!(s >= previous && e >= s && e <= end)) {
      return `words[${k}] [${s}, ${e}] is out of order or outside the cue [${start}, ${end}]`;
    }
    previous = s;
  }
  return value as (readonly number[])[];
}

/**
 * Checks a cue's `wordOffsetsMs` (start and end of each word, whole milliseconds after the cue
 * start) against its token count and span: the array itself when usable, or the reason it is not.
 * `spanMs` is the cue's length in whole milliseconds.
 */
function checkWordOffsets(value: unknown, count: number, spanMs: number): readonly number[] | string {
  if (!Array.isArray(value)) return `wordOffsetsMs is ${show(value)}, not an array of whole milliseconds`;
  if (value.length !== 2 * count) return `wordOffsetsMs has ${value.length} numbers for ${count} words in text (a start and an end each: ${2 * count})`;
  let previous = 0;
  for (let k = 0; k < value.length; k += 2) {
    const s: unknown = value[k];
    const e: unknown = value[k + 1];
    if (!Number.isInteger(s) || !Number.isInteger(e)) return `wordOffsetsMs[${k}..${k + 1}] ${show(s)}, ${show(e)} are not whole milliseconds`;
    if (!((s as number) >= previous && (e as number) >= (s as number) && (e as number) <= spanMs)) {
      return `wordOffsetsMs[${k}..${k + 1}] ${s}, ${e} is out of order or outside the cue's ${spanMs} ms`;
    }
    previous = s as number;
  }
  return value as number[];
}

// Built only for a message: a path string for every cue would be most of the reader's allocations.
function cuePath(index: number): string {
  return `cues[${index}]`;
}

/** Reads a normalized transcript object (its `format` already checked). Never throws. */
export function readNormalizedJson(root: Record<string, unknown>): ReadResult {
  const version = root['version'];
  if (typeof version !== 'string' || !SUPPORTED_VERSION.test(version)) {
    return { ok: false, error: `unsupported ${NORMALIZED_FORMAT} version ${show(version)}: expected "${NORMALIZED_VERSION}"` };
  }
  const list = root['cues'];
  if (!Array.isArray(list)) return { ok: false, error: `${NORMALIZED_FORMAT} JSON needs a "cues" array (found ${show(list)})` };
  const skipped: SkippedItem[] = [];
  const { speakers, byId } = readSpeakers(root['speakers'], skipped);
  const cues: ReaderCue[] = [];
  for (let index = 0; index < list.length; index++) {
    const cue: unknown = list[index];
    if (!isObject(cue)) {
      skipped.push({ index, reason: `${cuePath(index)} is not an object` });
      continue;
    }
    const start = timeValue(cue['startTime']);
    const end = timeValue(cue['endTime']);
    if (start === undefined) {
      skipped.push({ index, reason: `${cuePath(index)}.startTime ${show(cue['startTime'])} is not a time in seconds >= 0` });
      continue;
    }
    if (end === undefined) {
      skipped.push({ index, reason: `${cuePath(index)}.endTime ${show(cue['endTime'])} is not a time in seconds >= 0` });
      continue;
    }
    if (end <= start) {
      skipped.push({ index, reason: `${cuePath(index)}.endTime ${end} is not after startTime ${start}` });
      continue;
    }
    const text = typeof cue['text'] === 'string' ? splitCueText(cue['text']) : undefined;
    const words = text ? text.words : [];
    if (words.length === 0) {
      skipped.push({ index, reason: `${cuePath(index)}.text ${show(cue['text'])} has no text` });
      continue;
    }
    let speaker = -1;
    const speakerId = cue['speaker'];
    if (speakerId !== undefined) {
      const found = typeof speakerId === 'string' ? byId.get(speakerId) : undefined;
      if (found === undefined) skipped.push({ index, reason: `${cuePath(index)}.speaker ${show(speakerId)} is not a speakers[].id: cue kept without speaker` });
      else speaker = found;
    }
    let times: readonly (readonly number[])[] | undefined;
    let offsets: readonly number[] | undefined;
    if (cue['wordOffsetsMs'] !== undefined) {
      const checked = checkWordOffsets(cue['wordOffsetsMs'], words.length, Math.round(end * 1000) - Math.round(start * 1000));
      if (typeof checked === 'string') skipped.push({ index, reason: `${cuePath(index)}.${checked}: word times dropped, cue kept` });
      else offsets = checked;
    } else if (cue['words'] !== undefined) {
      const checked = checkWordTimes(cue['words'], words.length, start, end);
      if (typeof checked === 'string') skipped.push({ index, reason: `${cuePath(index)}.${checked}: word times dropped, cue kept` });
      else times = checked;
    }
    cues.push(new ReaderCue(start, end, speaker, words, text!.joined, times, offsets));
  }
  const language = typeof root['language'] === 'string' && root['language'].trim() !== '' ? root['language'].trim() : undefined;
  return { ok: true, cues, speakers, skipped, language };
}
