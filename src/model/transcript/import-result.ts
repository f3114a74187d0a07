/**
 * Types shared by the transcript importers: options, the public result, and what each format
 * reader hands to the builder.
 */
import type { Participant } from './speaker-match.js';
import type { Speaker, Transcript } from './transcript.js';
import type { DraftCue } from './transcript-builder.js';

/** Formats `importTranscript` reads. */
export type TranscriptFormat = 'webvtt' | 'srt' | 'podcast-json' | 'whisper-json' | 'normalized-json';

/** Something in the file that was left out, with where it was: a 1-based line or a 0-based array index. */
export interface SkippedItem {
  /** 1-based line number (WebVTT, SRT). */
  line?: number;
  /** 0-based index into the file's cue or segment array (JSON formats). */
  index?: number;
  /** What was wrong, naming the field or value. */
  reason: string;
}

/** Options for `importTranscript`. */
export interface ImportOptions {
  /** MIME type: `text/vtt`, `application/x-subrip` (or `text/srt`), `application/json`; sniffed when absent. */
  type?: string | undefined;
  /** File name; its extension (`.vtt`, `.srt`, `.json`) is used when `type` is absent. */
  fileName?: string | undefined;
  /** Manifest participants to match speaker labels against. */
  participants?: readonly Participant[] | undefined;
  /** Language tag; overrides what the file says. */
  language?: string | undefined;
  /** Most cues accepted (default 200,000); more makes the import fail. */
  maxCues?: number | undefined;
}

/** A successful import. */
export interface ImportSuccess {
  ok: true;
  transcript: Transcript;
  /** The format that was read. */
  format: TranscriptFormat;
  /** Cues (or parts of them) left out, in file order. */
  skipped: SkippedItem[];
  /** Speaker labels that matched no participant (only when `participants` was given). */
  unmatchedSpeakers: string[];
  /** Things worth saying about a usable file, like an empty segment list. */
  warnings: string[];
}

/** A file that could not be used at all. */
export interface ImportFailure {
  ok: false;
  /** One sentence saying what is wrong. */
  error: string;
}

/** What `importTranscript` returns; it never throws. */
export type ImportResult = ImportSuccess | ImportFailure;

/**
 * What a format reader produces for the builder. No cues is an error unless the reader gives a
 * warning saying why the file is empty and still usable.
 */
export type ReadResult =
  | { ok: true; cues: DraftCue[]; speakers: Speaker[]; skipped: SkippedItem[]; language?: string | undefined; warnings?: string[] }
  | ImportFailure;

/** Default for `ImportOptions.maxCues`. */
export const DEFAULT_MAX_CUES = 200_000;
