/**
 * Types of a parsed manifest v1. Most come straight from the valibot schema; those that
 * normalization changes (audio types, roles) or that the schema leaves open (inline transcript
 * data) are written out.
 */

import type * as v from 'valibot';
import type { ManifestIssue } from './issues.js';
import type {
  AUDIO_TYPES,
  ChapterSchema,
  ChaptersDataSchema,
  ClipSchema,
  ConsentSchema,
  CueSchema,
  NormalizedTranscriptSchema,
  PodcastTranscriptSchema,
  PodcastTranscriptSegmentSchema,
  RecordingSchema,
  RedactionSchema,
  RetentionSchema,
  ROLES,
  SegmentSchema,
  STATUSES,
  TranscriptSpeakerSchema,
  TRANSCRIPT_TYPES,
  WaveformDataSchema,
  DownloadsSchema,
} from './schema.js';
import type {
  HandEventSchema,
  JoinEventSchema,
  LeaveEventSchema,
  MuteEventSchema,
  PinEventSchema,
  ReactionEventSchema,
  StageEventSchema,
  TitleChangeEventSchema,
  UnmuteEventSchema,
} from './events-schema.js';

export type { ManifestIssue } from './issues.js';

/** `pending`, `live` (shows the REC badge) or `ended`. */
export type Status = (typeof STATUSES)[number];
/** A participant's role; unknown roles are read as `speaker`. */
export type Role = (typeof ROLES)[number];
/** An audio MIME type, canonical spelling (`application/x-mpegURL` is normalized away). */
export type AudioType = (typeof AUDIO_TYPES)[number];
/** A transcript MIME type, canonical spelling (`application/srt` is normalized away). */
export type TranscriptType = (typeof TRANSCRIPT_TYPES)[number];

/** Keys starting with `x-`: extensions, kept as they were. */
export type Extensions = { [key: `x-${string}`]: unknown };

/** A participant's consent; `record` and `clip` are always given (there is no implicit consent). */
export type Consent = v.InferOutput<typeof ConsentSchema> & Extensions;
/** The host's opt-in to recording. */
export type RecordingOptIn = v.InferOutput<typeof RecordingSchema> & Extensions;
/** When the recording expires. */
export type Retention = v.InferOutput<typeof RetentionSchema> & Extensions;
/** Who spoke when, `[startTime, endTime)` in seconds; `speaker` is a participant id. */
export type Segment = v.InferOutput<typeof SegmentSchema> & Extensions;
/** A range silenced in the audio. */
export type Redaction = v.InferOutput<typeof RedactionSchema> & Extensions;
/** A host highlight, like `podcast:soundbite`. */
export type Clip = v.InferOutput<typeof ClipSchema> & Extensions;
/** Download links, present only when the host allows downloads. */
export type Downloads = v.InferOutput<typeof DownloadsSchema> & Extensions;

/** Someone in the room. */
export interface Participant extends Extensions {
  /** Stable id, `[A-Za-z0-9_-]{1,64}`, unique in the manifest. */
  id: string;
  /** Display name, 1–128 characters. */
  name: string;
  /** Role; absent means `speaker`. */
  role?: Role;
  /** Avatar image URL. */
  avatar?: string;
  /** Profile link. */
  href?: string;
  /** What this participant agreed to. */
  consent: Consent;
}

/** One audio rendition. */
export interface AudioSource extends Extensions {
  /** Where the audio is. */
  url: string;
  /** Its MIME type. */
  type: AudioType;
}

/** Inline audiowaveform JSON. */
export type WaveformData = v.InferOutput<typeof WaveformDataSchema>;

/** Precomputed peaks: audiowaveform JSON or `.dat` at a URL, or inline JSON. */
export type WaveformRef =
  | ({ type: 'application/json' | 'application/octet-stream'; url: string; data?: undefined } & Extensions)
  | ({ type: 'application/json'; data: WaveformData; url?: undefined } & Extensions);

/** A speaker of a normalized transcript. */
export type TranscriptSpeaker = v.InferOutput<typeof TranscriptSpeakerSchema>;
/** One cue of a normalized transcript. */
export type TranscriptCue = v.InferOutput<typeof CueSchema>;
/** This library's normalized transcript form. */
export type NormalizedTranscript = v.InferOutput<typeof NormalizedTranscriptSchema>;
/** One segment of a Podcasting 2.0 JSON transcript. */
export type PodcastTranscriptSegment = v.InferOutput<typeof PodcastTranscriptSegmentSchema>;
/** A Podcasting 2.0 JSON transcript. */
export type PodcastTranscript = v.InferOutput<typeof PodcastTranscriptSchema>;
/** Inline transcript data: the normalized form (it has `format`) or Podcasting 2.0 JSON. */
export type InlineTranscript = NormalizedTranscript | PodcastTranscript;

/** A transcript: WebVTT, SRT or JSON at a URL, or inline JSON. */
export type TranscriptRef =
  | ({ type: TranscriptType; language?: string; url: string; data?: undefined } & Extensions)
  | ({ type: 'application/json'; language?: string; data: InlineTranscript; url?: undefined } & Extensions);

/** One Podcasting 2.0 chapter. */
export type Chapter = v.InferOutput<typeof ChapterSchema>;
/** Podcasting 2.0 JSON chapters. */
export type ChaptersData = v.InferOutput<typeof ChaptersDataSchema>;
/** Chapters at a URL, or inline. */
export type ChaptersRef =
  | ({ type: 'application/json+chapters'; url: string; data?: undefined } & Extensions)
  | ({ type: 'application/json+chapters'; data: ChaptersData; url?: undefined } & Extensions);

/** A parsed, valid manifest v1. Times are seconds from the first audio sample. */
export interface Manifest extends Extensions {
  /** The JSON Schema URL, when the document names one. */
  $schema?: string;
  /** `"1.N"`. */
  version: string;
  /** Stable recording id. */
  id: string;
  /** Title, 1–200 characters. */
  title: string;
  /** Recording state. */
  status: Status;
  /** RFC 3339 date-time the recording started. */
  startedAt: string;
  /** RFC 3339 date-time it ended (never while live). */
  endedAt?: string;
  /** Length in seconds. */
  duration: number;
  /** BCP 47 language tag. */
  language?: string;
  /** Audio sources in preference order (at least one). */
  audio: AudioSource[];
  /** Precomputed peaks. */
  waveform?: WaveformRef;
  /** The host's opt-in. */
  recording: RecordingOptIn;
  /** Expiry. */
  retention?: Retention;
  /** Everyone in the room. */
  participants: Participant[];
  /** Who spoke when, in start order. */
  segments?: Segment[];
  /** Ranges silenced in the audio. */
  redactions?: Redaction[];
  /** Transcripts. */
  transcripts?: TranscriptRef[];
  /** Chapters. */
  chapters?: ChaptersRef;
  /** Host highlights. */
  clips?: Clip[];
  /** Spec 1.1: the room's events, inline or in a JSON Lines file. */
  events?: EventsRef;
  /** Spec 1.1: peaks that grow while the recording is live. */
  liveWaveform?: LiveWaveform;
  /** Spec 1.1: seconds between reloads of the manifest while it is live or pending. */
  refresh?: number;
  /** Download links. */
  downloads?: Downloads;
  /** SPDX license identifier or expression, or the URL of the license text. */
  license?: string;
}

/** Someone came into the room; without `participant`, an anonymous listener. */
export type JoinEvent = v.InferOutput<typeof JoinEventSchema>;
/** Someone left the room. */
export type LeaveEvent = v.InferOutput<typeof LeaveEventSchema>;
/** A participant came on stage (`on: true`) or went back to listening. */
export type StageEvent = v.InferOutput<typeof StageEventSchema>;
/** A participant raised (`raised: true`) or lowered a hand. */
export type HandEvent = v.InferOutput<typeof HandEventSchema>;
/** A participant's microphone was muted. */
export type MuteEvent = v.InferOutput<typeof MuteEventSchema>;
/** A participant's microphone was unmuted. */
export type UnmuteEvent = v.InferOutput<typeof UnmuteEventSchema>;
/** A reaction. */
export type ReactionEvent = v.InferOutput<typeof ReactionEventSchema>;
/** A pinned link; `participant` pinned it. */
export type PinEvent = v.InferOutput<typeof PinEventSchema>;
/** The room's title changed. */
export type TitleChangeEvent = v.InferOutput<typeof TitleChangeEventSchema>;
/** One room event of spec 1.1, `time` in seconds from the first audio sample. */
export type RoomEvent =
  | JoinEvent
  | LeaveEvent
  | StageEvent
  | HandEvent
  | MuteEvent
  | UnmuteEvent
  | ReactionEvent
  | PinEvent
  | TitleChangeEvent;
/** A room event type. */
export type RoomEventType = RoomEvent['type'];

/** The room's events: a JSON Lines file at a URL, or inline, in time order. */
export type EventsRef = ({ url: string; data?: undefined } & Extensions) | ({ data: RoomEvent[]; url?: undefined } & Extensions);

/** Growing peaks of a live recording (docs/peaks.md, "Live peaks"). */
export type LiveWaveform = { url: string } & Extensions;

/** Options of {@link parseManifest}. */
export interface ParseOptions {
  /** The manifest's own URL: relative URLs in the result are resolved against it to absolute ones. */
  baseUrl?: string | URL;
}

/** What {@link parseManifest} returns: the manifest and warnings, or every error found (and warnings). */
export type ParseResult =
  | { ok: true; manifest: Manifest; warnings: ManifestIssue[] }
  | { ok: false; errors: ManifestIssue[]; warnings: ManifestIssue[] };
