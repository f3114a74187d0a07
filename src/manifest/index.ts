/**
 * `space-replay/manifest`: the manifest v1 spec as code. The validator {@link parseManifest}, the
 * types of a parsed manifest, the URL rule, caps, and the valibot schema the JSON Schema is made from.
 * Pure: runs in Node and browsers. See docs/manifest.md.
 */

export { parseManifest } from './parse.js';
export { isExpired } from './expiry.js';
export { checkUrl, resolveManifestUrl, isAbsoluteUrl, LOCAL_HTTP_HOSTS, URL_PATTERN } from './url-rules.js';
export type { UrlCheck, UrlResolution } from './url-rules.js';
export { listManifestUrls } from './manifest-urls.js';
export { checkLicense, isLicenseUrl, MAX_LICENSE_LENGTH } from './license.js';
export type { ManifestUrl } from './manifest-urls.js';
export { formatIssue } from './issues.js';
export { parseDateTime } from './date-time.js';
export { findJsonSyntaxError } from './json-text.js';
export type { JsonSyntaxError } from './json-text.js';
export { effectiveRole } from './rules.js';
export { MANIFEST_VERSION, MANIFEST_MAJOR_VERSION, MANIFEST_SCHEMA_ID } from './version.js';
export * from './limits.js';
export {
  ManifestSchema,
  AUDIO_TYPES,
  CHAPTERS_TYPE,
  NORMALIZED_TRANSCRIPT_FORMAT,
  ROLES,
  STATUSES,
  TRANSCRIPT_TYPES,
  TYPE_ALIASES,
  WAVEFORM_TYPES,
} from './schema.js';
export type {
  AudioSource,
  AudioType,
  Chapter,
  ChaptersData,
  ChaptersRef,
  Clip,
  Consent,
  Downloads,
  Extensions,
  InlineTranscript,
  Manifest,
  ManifestIssue,
  NormalizedTranscript,
  ParseOptions,
  ParseResult,
  Participant,
  PodcastTranscript,
  PodcastTranscriptSegment,
  RecordingOptIn,
  Redaction,
  Retention,
  Role,
  Segment,
  Status,
  TranscriptCue,
  TranscriptRef,
  TranscriptSpeaker,
  TranscriptType,
  WaveformData,
  WaveformRef,
} from './types.js';
export { EventsJsonlReader, formatEventsIssue, parseEventsJsonl } from './events-jsonl.js';
export type { EventsJsonlIssue, EventsJsonlOptions, EventsJsonlResult } from './events-jsonl.js';
export { EVENT_TYPES, EventsRefSchema, RoomEventSchema } from './events-schema.js';
export type {
  EventsRef,
  HandEvent,
  JoinEvent,
  LeaveEvent,
  LiveWaveform,
  MuteEvent,
  PinEvent,
  ReactionEvent,
  RoomEvent,
  RoomEventType,
  StageEvent,
  TitleChangeEvent,
  UnmuteEvent,
} from './types.js';
export { parseFeed } from './feed.js';
export {
  FeedSchema,
  FeedItemSchema,
  FEED_ROLES,
  FEED_SCHEMA_ID,
  FEED_VERSION,
  MAX_FEED_ITEMS,
  MAX_FEED_PARTICIPANTS,
  MAX_FEED_TEXT_LENGTH,
  MAX_FEED_WAVEFORM_VALUES,
} from './feed-schema.js';
export type { Feed, FeedItem, FeedOwner, FeedParticipant, FeedParseOptions, FeedParseResult, FeedRole } from './feed-types.js';
