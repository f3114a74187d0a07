/**
 * Size caps and time tolerances of manifest v1. Input past a cap is an error, never a slow parse:
 * the validator must stay fast on hostile input. docs/manifest.md lists the same numbers.
 */

/** Longest manifest JSON text read, in UTF-16 code units (5 MiB; equal to bytes for ASCII). */
export const MAX_MANIFEST_TEXT_LENGTH = 5 * 1024 * 1024;
/** Deepest nesting of objects and arrays; the root object is depth 0. */
export const MAX_DEPTH = 32;
/** Most objects and arrays in an object input (shared references counted each time they are reached). */
export const MAX_CONTAINERS = 2_000_000;
/** Most items in any array not listed below (e.g. inside `x-` extensions). */
export const MAX_ARRAY_LENGTH = 2_000_000;
/** Most `audio` sources. */
export const MAX_AUDIO_SOURCES = 16;
/** Most `participants`. */
export const MAX_PARTICIPANTS = 10_000;
/** Most `segments`. */
export const MAX_SEGMENTS = 100_000;
/** Most `redactions`. */
export const MAX_REDACTIONS = 10_000;
/** Most `clips`. */
export const MAX_CLIPS = 10_000;
/** Most `transcripts` references. */
export const MAX_TRANSCRIPTS = 32;
/** Most cues (or Podcasting 2.0 segments) in one inline transcript. */
export const MAX_INLINE_CUES = 200_000;
/** Most speakers in one inline normalized transcript. */
export const MAX_TRANSCRIPT_SPEAKERS = 10_000;
/** Most chapters in inline chapters data. */
export const MAX_CHAPTERS = 10_000;
/** Most values in inline waveform `data` (2 per pixel and channel). */
export const MAX_INLINE_WAVEFORM_VALUES = 2_000_000;
/** Longest URL, in characters. */
export const MAX_URL_LENGTH = 8192;
/** Longest cue text, in characters. */
export const MAX_CUE_TEXT_LENGTH = 10_000;
/** Most errors (and, separately, warnings) reported by one parse; a last issue says how many more there were. */
export const MAX_ISSUES = 1000;

/** Ranges may end this many seconds past `duration` (encoders round the last frame up). */
export const RANGE_END_TOLERANCE = 0.5;
/** Inline waveform data may cover a duration this many seconds away from `duration`. */
export const WAVEFORM_DURATION_TOLERANCE = 1;

/** Most events inline in `events.data` (spec 1.1); longer rooms put them in a JSON Lines file. */
export const MAX_INLINE_EVENTS = 100_000;
/** Most events (lines) in an events JSON Lines file (spec 1.1). */
export const MAX_EVENTS_FILE_EVENTS = 2_000_000;
/** Longest line of an events JSON Lines file, in UTF-16 code units. */
export const MAX_EVENT_LINE_LENGTH = 16_384;
/** Longest `emoji` of a reaction event, in UTF-16 code units (a flag or a family emoji fits). */
export const MAX_EMOJI_LENGTH = 32;
/** Shortest and longest `refresh` interval of a live manifest, seconds (spec 1.1). */
export const MIN_REFRESH_SECONDS = 1;
/** Longest `refresh` interval, seconds. */
export const MAX_REFRESH_SECONDS = 3600;
