/**
 * Validation of inline transcript data (`transcripts[i].data`): the header through valibot, the
 * cues through a hand loop. A per-cue valibot pipe took 40–60 ms for 20,000 cues with word
 * timings; this loop takes a few. It must accept exactly what CueSchema and
 * PodcastTranscriptSegmentSchema accept (a test compares them), plus rule 2 and references.
 */

import * as v from 'valibot';
import { describeValue, type IssueCollector } from './issues.js';
import { MAX_CUE_TEXT_LENGTH } from './limits.js';
import { NORMALIZED_TRANSCRIPT_FORMAT, NormalizedTranscriptSchema, PodcastTranscriptSchema } from './schema.js';
import { checkTimeRange } from './time-range.js';
import type { InlineTranscript, NormalizedTranscript, PodcastTranscript, PodcastTranscriptSegment, TranscriptCue } from './types.js';
import { reportValibotIssues } from './valibot-issues.js';

const NormalizedHeaderSchema = v.omit(NormalizedTranscriptSchema, ['cues']);
const PodcastHeaderSchema = v.omit(PodcastTranscriptSchema, ['segments']);

/** What the cue loop needs from the rest of the manifest. */
export interface InlineTranscriptContext {
  /** The manifest duration, or `undefined` when it is invalid (range ends are then unchecked). */
  duration: number | undefined;
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// A JavaScript `\s` test, fast for ASCII.
const UNICODE_SPACE = /\s/;
function isSpace(code: number, text: string, i: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return UNICODE_SPACE.test(text[i]!);
}

/** Number of whitespace-separated tokens in `text`, as `text.trim().split(/\s+/)` would count them. */
export function countTokens(text: string): number {
  let tokens = 0;
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i), text, i)) inToken = false;
    else if (!inToken) {
      inToken = true;
      tokens++;
    }
  }
  return tokens;
}

// Paths are built only when there is an error: a string per cue would double the garbage.
function at(list: string, i: number, key?: string): string {
  return key === undefined ? `${list}[${i}]` : `${list}[${i}].${key}`;
}

/** Reads a time field; records an error and returns NaN when it is missing or not a time. */
function readTime(value: unknown, list: string, i: number, key: string, issues: IssueCollector): number {
  if (typeof value === 'number' && value >= 0 && value < Infinity) return value;
  if (value === undefined) issues.error(at(list, i, key), 'required');
  else if (typeof value !== 'number' || Number.isNaN(value)) issues.error(at(list, i, key), `expected number, got ${describeValue(value)}`);
  else issues.error(at(list, i, key), `must be 0 or more (got ${describeValue(value)})`);
  return Number.NaN;
}

function readText(value: unknown, list: string, i: number, key: string, issues: IssueCollector): string | undefined {
  if (typeof value === 'string') {
    if (value.length <= MAX_CUE_TEXT_LENGTH) return value;
    issues.error(at(list, i, key), `${value.length} characters, more than the ${MAX_CUE_TEXT_LENGTH} allowed`);
    return undefined;
  }
  issues.error(at(list, i, key), value === undefined ? 'required' : `expected string, got ${describeValue(value)}`);
  return undefined;
}

function readWords(
  value: unknown,
  text: string | undefined,
  list: string,
  i: number,
  issues: IssueCollector,
): [number, number][] | undefined {
  if (!Array.isArray(value)) {
    issues.error(at(list, i, 'words'), `expected an array, got ${describeValue(value)}`);
    return undefined;
  }
  const n = value.length;
  let ok = true;
  for (let j = 0; j < n; j++) {
    const pair: unknown = value[j];
    if (!Array.isArray(pair) || pair.length !== 2) {
      issues.error(`${at(list, i, 'words')}[${j}]`, `must be a pair [startTime, endTime], got ${describeValue(pair)}`);
      ok = false;
      continue;
    }
    const a: unknown = pair[0];
    const b: unknown = pair[1];
    if (!(typeof a === 'number' && a >= 0 && a < Infinity) || !(typeof b === 'number' && b >= 0 && b < Infinity)) {
      issues.error(`${at(list, i, 'words')}[${j}]`, `must be two times of 0 or more, got [${describeValue(a)}, ${describeValue(b)}]`);
      ok = false;
      continue;
    }
  }
  if (!ok) return undefined;
  if (text !== undefined) {
    const tokens = countTokens(text);
    if (tokens !== n) issues.error(at(list, i, 'words'), `${n} word timings for ${tokens} words in text`);
  }
  // A fresh list holding the checked pairs themselves: copying 180,000 pairs doubled the parse time
  // of a 20,000-cue transcript. The pairs are the one thing the result shares with an object input.
  return value.slice() as [number, number][];
}

/** `wordOffsetsMs`: whole milliseconds of 0 or more, a start and an end for each token of `text`. */
function readWordOffsets(value: unknown, text: string | undefined, list: string, i: number, issues: IssueCollector): number[] | undefined {
  if (!Array.isArray(value)) {
    issues.error(at(list, i, 'wordOffsetsMs'), `expected an array, got ${describeValue(value)}`);
    return undefined;
  }
  let ok = true;
  for (let j = 0; j < value.length; j++) {
    const ms: unknown = value[j];
    if (!Number.isInteger(ms) || (ms as number) < 0) {
      issues.error(`${at(list, i, 'wordOffsetsMs')}[${j}]`, `must be whole milliseconds of 0 or more, got ${describeValue(ms)}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  if (text !== undefined) {
    const tokens = countTokens(text);
    if (value.length !== 2 * tokens) issues.error(at(list, i, 'wordOffsetsMs'), `${value.length} numbers for ${tokens} words in text (a start and an end each: ${2 * tokens})`);
  }
  return value.slice() as number[];
}

function checkCueArray(value: unknown, path: string, issues: IssueCollector): value is unknown[] {
  if (Array.isArray(value)) return true;
  issues.error(path, value === undefined ? 'required' : `expected an array, got ${describeValue(value)}`);
  return false;
}

function normalizedCues(
  cues: unknown[],
  list: string,
  speakerIds: ReadonlySet<string> | undefined,
  context: InlineTranscriptContext,
  issues: IssueCollector,
): TranscriptCue[] {
  const out = new Array<TranscriptCue>(cues.length);
  for (let i = 0; i < cues.length; i++) {
    const cue: unknown = cues[i];
    if (!isObject(cue)) {
      issues.error(at(list, i), `expected an object, got ${describeValue(cue)}`);
      continue;
    }
    const startTime = readTime(cue.startTime, list, i, 'startTime', issues);
    const endTime = readTime(cue.endTime, list, i, 'endTime', issues);
    if (startTime === startTime && endTime === endTime) checkTimeRange(startTime, endTime, list, i, context.duration, issues);
    const speaker = cue.speaker;
    let speakerId: string | undefined;
    if (speaker !== undefined) {
      if (typeof speaker !== 'string') issues.error(at(list, i, 'speaker'), `expected string, got ${describeValue(speaker)}`);
      else if (speakerIds && !speakerIds.has(speaker)) {
        issues.error(at(list, i, 'speaker'), `"${speaker}" is not one of this transcript's speakers`);
      }
      else speakerId = speaker;
    }
    const text = readText(cue.text, list, i, 'text', issues);
    const result: TranscriptCue =
      speakerId === undefined ? { startTime, endTime, text: text ?? '' } : { startTime, endTime, speaker: speakerId, text: text ?? '' };
    if (cue.wordOffsetsMs !== undefined) {
      const offsets = readWordOffsets(cue.wordOffsetsMs, text, list, i, issues);
      if (offsets) result.wordOffsetsMs = offsets;
    }
    if (cue.words !== undefined) {
      const words = readWords(cue.words, text, list, i, issues);
      if (words) result.words = words;
    }
    out[i] = result;
  }
  return out;
}

function podcastSegments(
  segments: unknown[],
  list: string,
  context: InlineTranscriptContext,
  issues: IssueCollector,
): PodcastTranscriptSegment[] {
  const out = new Array<PodcastTranscriptSegment>(segments.length);
  for (let i = 0; i < segments.length; i++) {
    const segment: unknown = segments[i];
    if (!isObject(segment)) {
      issues.error(at(list, i), `expected an object, got ${describeValue(segment)}`);
      continue;
    }
    const startTime = readTime(segment.startTime, list, i, 'startTime', issues);
    const endTime = readTime(segment.endTime, list, i, 'endTime', issues);
    if (startTime === startTime && endTime === endTime) checkTimeRange(startTime, endTime, list, i, context.duration, issues);
    const speaker = segment.speaker;
    if (speaker !== undefined && typeof speaker !== 'string') {
      issues.error(at(list, i, 'speaker'), `expected string, got ${describeValue(speaker)}`);
    }
    const body = readText(segment.body, list, i, 'body', issues) ?? '';
    out[i] = typeof speaker === 'string' ? { speaker, startTime, endTime, body } : { startTime, endTime, body };
  }
  return out;
}

/**
 * Validates inline transcript data at `path` (e.g. `transcripts[0].data`) and returns a fresh copy
 * holding only the fields this spec defines. The form is told by `format`: present means the
 * normalized form, absent means Podcasting 2.0 JSON.
 */
export function checkInlineTranscript(
  data: Fields,
  path: string,
  context: InlineTranscriptContext,
  issues: IssueCollector,
): InlineTranscript | undefined {
  const { cues, segments, ...header } = data;
  if (data.format !== undefined) {
    const parsed = v.safeParse(NormalizedHeaderSchema, header, { abortEarly: false });
    if (!parsed.success) reportValibotIssues(parsed.issues, issues, () => false, path);
    // Ids are read from the raw list, so one bad speaker entry does not orphan every cue.
    // A speakers value that is not a list at all (already an error) leaves cue speakers unchecked.
    const speakerIds = header.speakers === undefined || Array.isArray(header.speakers) ? new Set<string>() : undefined;
    asArray(header.speakers).forEach((speaker: unknown, i) => {
      if (!isObject(speaker) || typeof speaker.id !== 'string') return;
      if (speakerIds!.has(speaker.id)) issues.error(`${path}.speakers[${i}].id`, `duplicate speaker id "${speaker.id}"`);
      speakerIds!.add(speaker.id);
    });
    const cuesPath = `${path}.cues`;
    const cueList = checkCueArray(cues, cuesPath, issues) ? normalizedCues(cues, cuesPath, speakerIds, context, issues) : [];
    if (!parsed.success) return undefined;
    const out: NormalizedTranscript = { ...parsed.output, cues: cueList };
    return out;
  }
  if (segments === undefined && data.version === undefined) {
    issues.error(
      path,
      `expected a normalized transcript (with "format": "${NORMALIZED_TRANSCRIPT_FORMAT}") ` +
        'or a Podcasting 2.0 JSON transcript (with "version" and "segments")',
    );
    return undefined;
  }
  const parsed = v.safeParse(PodcastHeaderSchema, header, { abortEarly: false });
  if (!parsed.success) reportValibotIssues(parsed.issues, issues, () => false, path);
  const segmentsPath = `${path}.segments`;
  const list = checkCueArray(segments, segmentsPath, issues) ? podcastSegments(segments, segmentsPath, context, issues) : [];
  if (!parsed.success) return undefined;
  const out: PodcastTranscript = { ...parsed.output, segments: list };
  return out;
}
