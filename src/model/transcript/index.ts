/**
 * `space-replay/transcript`: import transcripts (WebVTT, SRT, Podcasting 2.0 JSON, Whisper JSON,
 * normalized JSON) into a columnar `Transcript` with O(log n) time lookups, search, and writers.
 */
export { Transcript, TURN_GAP_SECONDS, type Speaker, type TranscriptColumns } from './transcript.js';
export { importTranscript } from './import.js';
export {
  DEFAULT_MAX_CUES,
  type ImportFailure,
  type ImportOptions,
  type ImportResult,
  type ImportSuccess,
  type SkippedItem,
  type TranscriptFormat,
} from './import-result.js';
export { buildTranscript, type BuildOptions, type BuildResult, type DraftCue } from './transcript-builder.js';
export { toNormalizedJson, toPlainText, toWebVTT, type PlainTextOptions } from './serialize.js';
export {
  NORMALIZED_FORMAT,
  NORMALIZED_VERSION,
  type NormalizedCue,
  type NormalizedSpeaker,
  type NormalizedTranscript,
} from './normalized-json.js';
export { MAX_CUE_WORDS, MAX_WORD_GAP_SECONDS } from './podcast-json.js';
export { foldText } from './fold-text.js';
export { foldQuery, type SearchHit, type SearchOptions } from './search.js';
export { matchSpeakers, type Participant, type SpeakerLabel, type SpeakerMatch } from './speaker-match.js';
