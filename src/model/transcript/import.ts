/**
 * `importTranscript`: picks the format (explicit type, file extension, or sniffing the content),
 * reads it, and builds the columnar `Transcript`. Never throws; an unusable file gives one error.
 */
import {
  DEFAULT_MAX_CUES,
  type ImportFailure,
  type ImportOptions,
  type ImportResult,
  type ReadResult,
  type SkippedItem,
  type TranscriptFormat,
} from './import-result.js';
import { isObject } from './json-fields.js';
import { NORMALIZED_FORMAT, readNormalizedJson } from './normalized-json.js';
import { readPodcastJson } from './podcast-json.js';
import { readSrt } from './srt.js';
import { decodeText } from './text-encoding.js';
import { buildTranscript } from './transcript-builder.js';
import { readWebVTT } from './webvtt.js';
import { readWhisperJson } from './whisper-json.js';

type Kind = 'vtt' | 'srt' | 'json';

const EXPECTED_JSON =
  `expected {"format": "${NORMALIZED_FORMAT}", "version": "1.0", "cues": [...]}, ` +
  'a Podcasting 2.0 transcript {"version": "1.0.0", "segments": [{"startTime", "endTime", "body"}]} ' +
  'or Whisper JSON {"segments": [{"start", "end", "text"}]}';

function kindFromType(type: string | undefined): Kind | undefined {
  if (!type) return undefined;
  const mime = type.split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/vtt') return 'vtt';
  if (mime === 'application/x-subrip' || mime === 'text/srt' || mime === 'application/srt' || mime === 'text/x-srt') return 'srt';
  if (mime === 'application/json' || mime.endsWith('+json') || mime === 'text/json') return 'json';
  return undefined;
}

function kindFromFileName(fileName: string | undefined): Kind | undefined {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'vtt' || ext === 'webvtt') return 'vtt';
  if (ext === 'srt') return 'srt';
  if (ext === 'json') return 'json';
  return undefined;
}

function sniff(text: string): Kind | undefined {
  const head = text.trimStart();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^\d+[ \t]*\r?\n[^\r\n]*-->/.test(head) || /^[^\r\n]*-->/.test(head)) return 'srt';
  return undefined;
}

// A JSON transcript whose list is empty is the transcript of a silent recording (Whisper writes
// `"segments": []` for one): an empty transcript, with this said.
const EMPTY_LIST_WARNING = (field: string) => `"${field}" is empty: the transcript has no words (a silent recording?)`;

/** Reads an already parsed JSON value of any supported JSON shape. */
function readJson(value: unknown, maxCues: number): (ReadResult & { format?: TranscriptFormat }) {
  let segments: unknown[] | undefined;
  let root: Record<string, unknown> | undefined;
  if (Array.isArray(value)) segments = value;
  else if (isObject(value)) {
    root = value;
    if (value['format'] === NORMALIZED_FORMAT) {
      const list = value['cues'];
      if (Array.isArray(list) && list.length > maxCues) return { ok: false, error: `too many cues: ${list.length} (the limit is ${maxCues})` };
      const read = readNormalizedJson(value);
      if (read.ok && Array.isArray(list) && list.length === 0) read.warnings = [EMPTY_LIST_WARNING('cues')];
      return { ...read, format: 'normalized-json' };
    }
    if (value['format'] !== undefined) {
      return { ok: false, error: `unknown transcript JSON format ${JSON.stringify(value['format'])}: ${EXPECTED_JSON}` };
    }
    if (Array.isArray(value['segments'])) segments = value['segments'];
    else if (Array.isArray(value['cues'])) {
      return { ok: false, error: `JSON has "cues" but no "format": "${NORMALIZED_FORMAT}"; ${EXPECTED_JSON}` };
    }
  }
  if (!segments) return { ok: false, error: `unknown JSON shape: ${EXPECTED_JSON}` };
  const first = segments.find(isObject);
  const podcast = first ? 'startTime' in first || 'body' in first : typeof root?.['version'] === 'string';
  const whisper = first ? 'start' in first || 'text' in first : root !== undefined && 'text' in root;
  const warnings = segments.length === 0 ? [EMPTY_LIST_WARNING('segments')] : undefined;
  if (podcast) {
    const read = readPodcastJson(segments);
    if (read.ok && read.cues.length > maxCues) return { ok: false, error: `too many cues: ${read.cues.length} (the limit is ${maxCues})` };
    return read.ok ? { ...read, warnings, format: 'podcast-json' } : read;
  }
  if (whisper) {
    if (segments.length > maxCues) return { ok: false, error: `too many cues: ${segments.length} (the limit is ${maxCues})` };
    const read = readWhisperJson(segments, root?.['language']);
    return read.ok ? { ...read, warnings, format: 'whisper-json' } : read;
  }
  return { ok: false, error: `unknown JSON shape: "segments" entries have neither "startTime"/"body" nor "start"/"text"; ${EXPECTED_JSON}` };
}

function where(item: SkippedItem): string {
  return item.line !== undefined ? `line ${item.line}: ` : '';
}

function finish(read: ReadResult, format: TranscriptFormat, options: ImportOptions): ImportResult {
  if (!read.ok) return read;
  const warnings = read.warnings ?? [];
  if (read.cues.length === 0 && warnings.length === 0) {
    const first = read.skipped[0];
    return {
      ok: false,
      error: first
        ? `no readable cues: ${read.skipped.length} item(s) skipped, the first at ${where(first)}${first.reason}`
        : 'no cues found in the file',
    };
  }
  const language = options.language?.trim() || read.language;
  const { transcript, unmatchedSpeakers } = buildTranscript(read.cues, {
    speakers: read.speakers,
    participants: options.participants,
    language,
  });
  return { ok: true, transcript, format, skipped: read.skipped, unmatchedSpeakers, warnings };
}

function importJsonValue(value: unknown, options: ImportOptions): ImportResult {
  const read = readJson(value, options.maxCues ?? DEFAULT_MAX_CUES);
  return read.ok ? finish(read, read.format!, options) : read;
}

function importAny(input: unknown, options: ImportOptions): ImportResult {
  const maxCues = options.maxCues ?? DEFAULT_MAX_CUES;
  let text: string;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else if (input === null || input === undefined) return { ok: false, error: 'no transcript given (input is empty)' };
  else if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const decoded = decodeText(input);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  } else return importJsonValue(input, options);

  if (text.trim() === '') return { ok: false, error: 'the transcript file is empty' };
  const kind = kindFromType(options.type) ?? kindFromFileName(options.fileName) ?? sniff(text);
  if (kind === 'vtt') return finish(readWebVTT(text, maxCues), 'webvtt', options);
  if (kind === 'srt') return finish(readSrt(text, maxCues, options.participants), 'srt', options);
  if (kind === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: `the transcript is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    return importJsonValue(value, options);
  }
  return {
    ok: false,
    error: 'not a transcript: expected WebVTT (first line "WEBVTT"), SRT (numbered cues with "-->" timings) or JSON',
  };
}

/**
 * Imports a transcript from WebVTT, SRT, Podcasting 2.0 JSON, Whisper JSON or the normalized JSON,
 * given as text, bytes, or an already parsed JSON value. Synchronous. Returns `{ok: true,
 * transcript, skipped, …}` or `{ok: false, error}`; never throws.
 */
export function importTranscript(input: string | ArrayBuffer | ArrayBufferView | unknown, options: ImportOptions = {}): ImportResult {
  try {
    return importAny(input, options ?? {});
  } catch (error) {
    const failure: ImportFailure = { ok: false, error: `could not import the transcript: ${String(error)}` };
    return failure;
  }
}
