/**
 * The valibot schema of feed v1: the list of someone's recordings a profile's audio tab shows
 * (docs/feed.md). Field schemas shared with the manifest (ids, titles, date-times, statuses, URLs,
 * participant names and roles) are taken from the manifest schema, so the two never drift apart.
 * It is the source of the validator's structural checks, of the feed types and of
 * schema/feed-v1.schema.json (scripts/gen-schema.ts).
 */

import * as v from 'valibot';
import { ManifestSchema, ParticipantSchema, RetentionSchema, UrlSchema } from './schema.js';

/** Where the JSON Schema of feed v1 is published (it ships in the npm package under `schema/`). */
export const FEED_SCHEMA_ID = 'https://unpkg.com/space-replay/schema/feed-v1.schema.json';
/** The feed version this library writes and fully understands. */
export const FEED_VERSION = '1.0';
/** Most items in one feed document (one page; `next` links the following page). */
export const MAX_FEED_ITEMS = 1000;
/** Most participants summarized in one item. */
export const MAX_FEED_PARTICIPANTS = 100;
/** Most values in an item's overview waveform. */
export const MAX_FEED_WAVEFORM_VALUES = 200;
/** Longest feed JSON text read, in UTF-16 code units (5 MiB, as for a manifest). */
export const MAX_FEED_TEXT_LENGTH = 5 * 1024 * 1024;
/** What the feed's owner did in a recording; a reader treats any other value as absent (with a warning). */
export const FEED_ROLES = ['hosted', 'co-hosted', 'spoke'] as const;

const manifestFields = ManifestSchema.pipe[0].entries;
const tooMany = (max: number) => (issue: { received: string }) => `${issue.received} items, more than the ${max} allowed`;

/** The person or organization whose recordings the feed lists. */
export const FeedOwnerSchema = v.object({
  id: ParticipantSchema.entries.id,
  name: ParticipantSchema.entries.name,
  avatar: ParticipantSchema.entries.avatar,
  href: ParticipantSchema.entries.href,
});

/** Someone in a recording, as the card shows them (no consent: the card only names and pictures them). */
export const FeedParticipantSchema = v.object({
  id: v.optional(ParticipantSchema.entries.id),
  name: ParticipantSchema.entries.name,
  avatar: ParticipantSchema.entries.avatar,
  role: ParticipantSchema.entries.role,
});

/** A small overview of the audio: one loudness value in [0, 1] per bar, at most 200. */
export const FeedWaveformSchema = v.object({
  data: v.pipe(
    v.array(v.pipe(v.number(), v.minValue(0, 'must be 0 or more'), v.maxValue(1, 'must be 1 or less'))),
    v.maxLength(MAX_FEED_WAVEFORM_VALUES, tooMany(MAX_FEED_WAVEFORM_VALUES)),
    v.description('Peak loudness per bar, 0 to 1, in time order.'),
  ),
});

/** One recording: its manifest URL and the summary the card is drawn from. */
export const FeedItemSchema = v.object({
  manifest: v.pipe(UrlSchema, v.description('The recording’s manifest; relative to the feed URL.')),
  id: manifestFields.id,
  title: manifestFields.title,
  startedAt: manifestFields.startedAt,
  duration: manifestFields.duration,
  status: manifestFields.status,
  participants: v.pipe(v.array(FeedParticipantSchema), v.maxLength(MAX_FEED_PARTICIPANTS, tooMany(MAX_FEED_PARTICIPANTS))),
  expiresAt: v.optional(RetentionSchema.entries.expiresAt),
  role: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(64, (issue) => `${issue.received} characters, more than the 64 allowed`),
      v.metadata({ examples: [...FEED_ROLES] }),
      v.description('What the owner did: hosted, co-hosted or spoke; other values are ignored.'),
    ),
  ),
  waveform: v.optional(FeedWaveformSchema),
});

const feedEntries = {
  $schema: v.optional(v.pipe(v.string(), v.description('The JSON Schema URL, for editors.'))),
  version: v.pipe(
    v.string(),
    v.regex(/^1\.(0|[1-9]\d*)$/, 'must be "1.N", like "1.0"'),
    v.description('"1.N"; readers accept any 1.x.'),
  ),
  owner: FeedOwnerSchema,
  items: v.pipe(v.array(FeedItemSchema), v.maxLength(MAX_FEED_ITEMS, tooMany(MAX_FEED_ITEMS)), v.description('Newest first.')),
  next: v.optional(v.pipe(UrlSchema, v.description('The next (older) page of this feed; relative to this feed’s URL.'))),
};

/** Feed v1, the list of someone's recordings. */
export const FeedSchema = v.pipe(
  v.object(feedEntries),
  v.metadata({
    $id: FEED_SCHEMA_ID,
    title: 'space-replay feed v1',
    description:
      'The recordings of one person or organization, newest first, each with its manifest URL and a summary to draw a card ' +
      'without fetching the manifest. Extension keys start with "x-". Rules are in docs/feed.md; the validator parseFeed checks them.',
    patternProperties: { '^x-': {} },
  }),
);

/**
 * The feed without its items' structure: what the validator checks first. Each item is then
 * checked on its own against {@link FeedItemSchema}, so a bad item is dropped, not the feed.
 */
export const FeedEnvelopeSchema = v.object({
  ...feedEntries,
  items: v.pipe(v.array(v.unknown()), v.maxLength(MAX_FEED_ITEMS, tooMany(MAX_FEED_ITEMS))),
});
