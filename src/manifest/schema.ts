/**
 * The valibot schema of manifest v1: field types, formats and caps. It is the single source of the
 * validator's structural checks, of the exported types and of schema/manifest-v1.schema.json
 * (scripts/gen-schema.ts). Rules that span fields live in rules.ts.
 */

import * as v from 'valibot';
import {
  MAX_AUDIO_SOURCES,
  MAX_CHAPTERS,
  MAX_CLIPS,
  MAX_CUE_TEXT_LENGTH,
  MAX_INLINE_CUES,
  MAX_INLINE_WAVEFORM_VALUES,
  MAX_PARTICIPANTS,
  MAX_REDACTIONS,
  MAX_SEGMENTS,
  MAX_TRANSCRIPT_SPEAKERS,
  MAX_TRANSCRIPTS,
  MAX_REFRESH_SECONDS,
  MIN_REFRESH_SECONDS,
} from './limits.js';
import { checkLicense, MAX_LICENSE_LENGTH, SPDX_EXPRESSION_PATTERN } from './license.js';
import { EventsRefSchema } from './events-schema.js';
import { DateTime, Id, Integer, isLanguageTag, Language, Text, Time, tooLong, tooMany, URL_OR_DATA, UrlSchema } from './schema-fields.js';
import { MANIFEST_SCHEMA_ID } from './version.js';

export { isLanguageTag, UrlSchema };

/** Recording states: `pending` (not started), `live` (shows the REC badge), `ended`. */
export const STATUSES = ['pending', 'live', 'ended'] as const;
/** Participant roles; any other string reads as `speaker`, with a warning. */
export const ROLES = ['host', 'co-host', 'speaker', 'listener'] as const;
/** Roles whose participant may opt the recording in. */
export const OPT_IN_ROLES: readonly string[] = ['host', 'co-host'];
/** Audio MIME types, canonical spellings. */
export const AUDIO_TYPES = ['application/vnd.apple.mpegurl', 'audio/mp4', 'audio/mpeg', 'audio/aac', 'audio/ogg'] as const;
/** Accepted spellings and the canonical type each is normalized to. */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  'application/x-mpegURL': 'application/vnd.apple.mpegurl',
  'application/srt': 'application/x-subrip',
};
/** Waveform MIME types: audiowaveform JSON, or its binary `.dat` (version 1 or 2). */
export const WAVEFORM_TYPES = ['application/json', 'application/octet-stream'] as const;
/** Transcript MIME types: WebVTT, SRT, and JSON (Podcasting 2.0 or this library's normalized form). */
export const TRANSCRIPT_TYPES = ['text/vtt', 'application/x-subrip', 'application/json'] as const;
/** The MIME type of Podcasting 2.0 JSON chapters. */
export const CHAPTERS_TYPE = 'application/json+chapters';
/** The `format` marker of this library's normalized transcript form. */
export const NORMALIZED_TRANSCRIPT_FORMAT = 'space-replay-transcript';

const MINOR_OF_1 = /^1\.(0|[1-9]\d*)$/;



/** One audio rendition; `manifest.audio` lists them in preference order. */
export const AudioSourceSchema = v.object({
  url: UrlSchema,
  type: v.picklist([...AUDIO_TYPES, 'application/x-mpegURL'], 'must be an audio type this player reads'),
});

/** Inline audiowaveform JSON (https://github.com/bbc/audiowaveform/blob/master/doc/DataFormat.md). */
export const WaveformDataSchema = v.looseObject({
  version: v.optional(v.picklist([1, 2], 'must be 1 or 2')),
  channels: v.optional(Integer(1)),
  sample_rate: Integer(1),
  samples_per_pixel: Integer(1),
  bits: v.picklist([8, 16], 'must be 8 or 16'),
  length: Integer(0),
  data: v.pipe(v.array(v.number()), v.maxLength(MAX_INLINE_WAVEFORM_VALUES, tooMany(MAX_INLINE_WAVEFORM_VALUES))),
});

/** Precomputed peaks: a URL to audiowaveform JSON or `.dat`, or inline JSON `data`. */
export const WaveformRefSchema = v.pipe(
  v.object({
    type: v.picklist(WAVEFORM_TYPES, 'must be "application/json" or "application/octet-stream"'),
    url: v.optional(UrlSchema),
    data: v.optional(WaveformDataSchema),
  }),
  v.metadata(URL_OR_DATA),
);

/** A speaker of a normalized transcript, optionally matched to a manifest participant. */
export const TranscriptSpeakerSchema = v.object({
  id: Id,
  name: v.optional(Text(128)),
  participant: v.optional(Id),
});

/** Whole milliseconds, 0 or more. */
const OffsetMs = v.pipe(v.number(), v.integer('must be whole milliseconds'), v.minValue(0, 'must be 0 or more'));

/**
 * One cue of a normalized transcript. Word times for the whitespace-separated tokens of `text`:
 * `wordOffsetsMs` (version 1.1: start and end of each word, whole milliseconds after `startTime`,
 * flat) or `words` (1.0: `[startTime, endTime]` pairs in seconds).
 */
export const CueSchema = v.object({
  startTime: Time,
  endTime: Time,
  speaker: v.optional(v.string()),
  text: v.pipe(v.string(), v.maxLength(MAX_CUE_TEXT_LENGTH, tooLong(MAX_CUE_TEXT_LENGTH))),
  wordOffsetsMs: v.optional(v.array(OffsetMs)),
  words: v.optional(v.array(v.strictTuple([Time, Time], 'must be a pair [startTime, endTime]'))),
});

/** This library's normalized transcript form (docs/manifest.md, "Normalized transcript form"). */
export const NormalizedTranscriptSchema = v.object({
  format: v.literal(NORMALIZED_TRANSCRIPT_FORMAT, `must be "${NORMALIZED_TRANSCRIPT_FORMAT}"`),
  version: v.pipe(v.string(), v.regex(MINOR_OF_1, 'must be "1.N", like "1.0"')),
  language: v.optional(Language),
  speakers: v.optional(v.pipe(v.array(TranscriptSpeakerSchema), v.maxLength(MAX_TRANSCRIPT_SPEAKERS, tooMany(MAX_TRANSCRIPT_SPEAKERS)))),
  cues: v.pipe(v.array(CueSchema), v.maxLength(MAX_INLINE_CUES, tooMany(MAX_INLINE_CUES))),
});

/** One segment of a Podcasting 2.0 JSON transcript. */
export const PodcastTranscriptSegmentSchema = v.object({
  speaker: v.optional(v.string()),
  startTime: Time,
  endTime: Time,
  body: v.pipe(v.string(), v.maxLength(MAX_CUE_TEXT_LENGTH, tooLong(MAX_CUE_TEXT_LENGTH))),
});

/**
 * A Podcasting 2.0 JSON transcript
 * (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md).
 */
export const PodcastTranscriptSchema = v.object({
  version: v.string(),
  segments: v.pipe(v.array(PodcastTranscriptSegmentSchema), v.maxLength(MAX_INLINE_CUES, tooMany(MAX_INLINE_CUES))),
});

/**
 * Where inline transcript data sits in the manifest schema. At run time it only requires an
 * object: inline-transcript.ts checks the data with a hand loop, because a 20,000-cue transcript
 * through a per-item valibot pipe is too slow. The JSON Schema puts the two forms above here.
 */
export const InlineTranscriptDataSlot = v.pipe(
  v.looseObject({}),
  v.description('A normalized transcript (format "space-replay-transcript") or a Podcasting 2.0 JSON transcript.'),
);

/** A transcript: a URL to WebVTT, SRT or JSON, or inline JSON `data`. */
export const TranscriptRefSchema = v.pipe(
  v.object({
    type: v.picklist([...TRANSCRIPT_TYPES, 'application/srt'], 'must be "text/vtt", "application/x-subrip" or "application/json"'),
    language: v.optional(Language),
    url: v.optional(UrlSchema),
    data: v.optional(InlineTranscriptDataSlot),
  }),
  v.metadata(URL_OR_DATA),
);

/** One Podcasting 2.0 chapter. */
export const ChapterSchema = v.looseObject({
  startTime: Time,
  title: Text(500),
  img: v.optional(UrlSchema),
  url: v.optional(UrlSchema),
  endTime: v.optional(Time),
  toc: v.optional(v.boolean()),
});

/**
 * Podcasting 2.0 JSON chapters
 * (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md).
 */
export const ChaptersDataSchema = v.looseObject({
  version: v.string(),
  chapters: v.pipe(v.array(ChapterSchema), v.maxLength(MAX_CHAPTERS, tooMany(MAX_CHAPTERS))),
});

/** Chapters: a URL to Podcasting 2.0 JSON chapters, or inline `data`. */
export const ChaptersRefSchema = v.pipe(
  v.object({
    type: v.literal(CHAPTERS_TYPE, `must be "${CHAPTERS_TYPE}"`),
    url: v.optional(UrlSchema),
    data: v.optional(ChaptersDataSchema),
  }),
  v.metadata(URL_OR_DATA),
);

/** A participant's consent: there is no implicit consent, `record` and `clip` are required. */
export const ConsentSchema = v.object({
  record: v.pipe(v.boolean(), v.description('May this participant be recorded and attributed?')),
  clip: v.pipe(v.boolean(), v.description('May clips include this participant speaking?')),
  download: v.optional(v.pipe(v.boolean(), v.description('May the audio of this participant be downloaded?'))),
  at: v.optional(DateTime),
});

/** Someone in the room. */
export const ParticipantSchema = v.object({
  id: Id,
  name: Text(128),
  role: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(64, tooLong(64)),
      v.metadata({ examples: [...ROLES] }),
      v.description('host, co-host, speaker or listener; any other value reads as speaker.'),
    ),
  ),
  avatar: v.optional(UrlSchema),
  href: v.optional(UrlSchema),
  consent: ConsentSchema,
});

/** Who spoke when (half-open `[startTime, endTime)`). */
export const SegmentSchema = v.object({
  speaker: v.pipe(Id, v.description('A participant id.')),
  startTime: Time,
  endTime: Time,
});

/** A range silenced in the audio. */
export const RedactionSchema = v.object({
  startTime: Time,
  endTime: Time,
  reason: v.optional(Text(500)),
});

/** A host highlight, like `podcast:soundbite`. */
export const ClipSchema = v.object({
  id: Id,
  startTime: Time,
  endTime: Time,
  title: v.optional(Text(200)),
  createdBy: v.optional(Id),
  createdAt: v.optional(DateTime),
});

/** The host's opt-in to recording. */
export const RecordingSchema = v.object({
  optInBy: v.pipe(Id, v.description('Id of a participant whose role is host or co-host.')),
  optInAt: v.optional(DateTime),
});

/** When the recording expires. */
export const RetentionSchema = v.object({
  expiresAt: DateTime,
});

/** Download links, present only when the host allows downloads. */
export const DownloadsSchema = v.object({
  audio: v.optional(UrlSchema),
  transcript: v.optional(UrlSchema),
});

/** The license of the recording: an SPDX identifier or expression, or the URL of the license text. */
export const LicenseSchema = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(MAX_LICENSE_LENGTH, tooLong(MAX_LICENSE_LENGTH)),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const reason = checkLicense(dataset.value);
    if (reason) addIssue({ message: reason });
  }),
  v.metadata({ anyOf: [{ pattern: SPDX_EXPRESSION_PATTERN }, { pattern: '[/:]', $ref: '#/$defs/Url' }] }),
  v.description('An SPDX license identifier or expression ("CC-BY-4.0", "MIT OR Apache-2.0"), or the URL of the license text (rule 8).'),
);

/** Peaks that grow while a recording is live (spec 1.1): the appendable JSON Lines file of docs/peaks.md. */
export const LiveWaveformSchema = v.object({
  url: UrlSchema,
});

/** Manifest v1, the document that describes one recording. */
export const ManifestSchema = v.pipe(
  v.object({
    $schema: v.optional(v.pipe(v.string(), v.description('The JSON Schema URL, for editors.'))),
    version: v.pipe(v.string(), v.regex(MINOR_OF_1, 'must be "1.N", like "1.0"'), v.description('"1.N"; readers accept any 1.x.')),
    id: Id,
    title: Text(200),
    status: v.picklist(STATUSES, 'must be "pending", "live" or "ended"'),
    startedAt: DateTime,
    endedAt: v.optional(DateTime),
    duration: v.pipe(v.number(), v.gtValue(0, 'must be more than 0'), v.description('Seconds.')),
    refresh: v.optional(
      v.pipe(
        v.number(),
        v.minValue(MIN_REFRESH_SECONDS, `must be ${MIN_REFRESH_SECONDS} or more`),
        v.maxValue(MAX_REFRESH_SECONDS, `must be ${MAX_REFRESH_SECONDS} or less`),
        v.description('Spec 1.1: seconds between reloads of this manifest while it is live or pending.'),
      ),
    ),
    language: v.optional(Language),
    audio: v.pipe(
      v.array(AudioSourceSchema),
      v.minLength(1, 'needs at least one audio source'),
      v.maxLength(MAX_AUDIO_SOURCES, tooMany(MAX_AUDIO_SOURCES)),
      v.description('Audio sources in preference order.'),
    ),
    waveform: v.optional(WaveformRefSchema),
    recording: RecordingSchema,
    retention: v.optional(RetentionSchema),
    participants: v.pipe(v.array(ParticipantSchema), v.maxLength(MAX_PARTICIPANTS, tooMany(MAX_PARTICIPANTS))),
    segments: v.optional(v.pipe(v.array(SegmentSchema), v.maxLength(MAX_SEGMENTS, tooMany(MAX_SEGMENTS)))),
    redactions: v.optional(v.pipe(v.array(RedactionSchema), v.maxLength(MAX_REDACTIONS, tooMany(MAX_REDACTIONS)))),
    transcripts: v.optional(v.pipe(v.array(TranscriptRefSchema), v.maxLength(MAX_TRANSCRIPTS, tooMany(MAX_TRANSCRIPTS)))),
    chapters: v.optional(ChaptersRefSchema),
    clips: v.optional(v.pipe(v.array(ClipSchema), v.maxLength(MAX_CLIPS, tooMany(MAX_CLIPS)))),
    events: v.optional(EventsRefSchema),
    liveWaveform: v.optional(LiveWaveformSchema),
    downloads: v.optional(DownloadsSchema),
    license: v.optional(LicenseSchema),
  }),
  v.metadata({
    $id: MANIFEST_SCHEMA_ID,
    title: 'space-replay manifest v1',
    description:
      'One recorded live-audio room: audio, waveform, participants and consent, speaker segments, transcripts, chapters and clips. ' +
      'Extension keys start with "x-". Rules no schema can express are in docs/manifest.md; the validator parseManifest checks them.',
    // Rule 6, the part a schema can say: a live recording has no endedAt.
    if: { properties: { status: { const: 'live' } }, required: ['status'] },
    then: { not: { required: ['endedAt'] } },
    patternProperties: { '^x-': {} },
  }),
);
