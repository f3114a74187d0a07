/**
 * The valibot schema of the room's events (manifest spec 1.1): the event types, each event's fields,
 * and where inline events and the events file sit in the manifest.
 */
import * as v from 'valibot';
import { MAX_EMOJI_LENGTH, MAX_INLINE_EVENTS } from './limits.js';
import { Id, Text, tooLong, tooMany, URL_OR_DATA, UrlSchema } from './schema-fields.js';

/** The event types of spec 1.1, in the order docs/manifest.md lists them. */
export const EVENT_TYPES = ['join', 'leave', 'stage', 'hand', 'mute', 'unmute', 'reaction', 'pin', 'title-change'] as const;

const EventTime = v.pipe(v.number(), v.minValue(0, 'must be 0 or more'), v.description('Seconds from the first audio sample.'));
const EventParticipant = v.optional(v.pipe(Id, v.description('A participant id.')));
const WhoRequired = v.pipe(Id, v.description('A participant id.'));

/** Someone came into the room (`participant` absent: an anonymous listener). */
export const JoinEventSchema = v.object({ time: EventTime, type: v.literal('join'), participant: EventParticipant });
/** Someone left the room. */
export const LeaveEventSchema = v.object({ time: EventTime, type: v.literal('leave'), participant: EventParticipant });
/** A participant came on stage (`on: true`: may speak) or went back to listening (`on: false`). */
export const StageEventSchema = v.object({ time: EventTime, type: v.literal('stage'), participant: WhoRequired, on: v.boolean() });
/** A participant raised (`raised: true`) or lowered a hand. */
export const HandEventSchema = v.object({ time: EventTime, type: v.literal('hand'), participant: WhoRequired, raised: v.boolean() });
/** A participant's microphone was muted. */
export const MuteEventSchema = v.object({ time: EventTime, type: v.literal('mute'), participant: WhoRequired });
/** A participant's microphone was unmuted. */
export const UnmuteEventSchema = v.object({ time: EventTime, type: v.literal('unmute'), participant: WhoRequired });
/** A reaction (an emoji), by a participant or anonymous. */
export const ReactionEventSchema = v.object({
  time: EventTime,
  type: v.literal('reaction'),
  participant: EventParticipant,
  emoji: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_EMOJI_LENGTH, tooLong(MAX_EMOJI_LENGTH))),
});
/** A link pinned to the room; `participant` is who pinned it. */
export const PinEventSchema = v.object({
  time: EventTime,
  type: v.literal('pin'),
  participant: EventParticipant,
  url: UrlSchema,
  title: v.optional(Text(200)),
});
/** The room's title changed; `participant` is who changed it. */
export const TitleChangeEventSchema = v.object({
  time: EventTime,
  type: v.literal('title-change'),
  participant: EventParticipant,
  title: Text(200),
});

/** One room event of a known type (spec 1.1). Readers ignore events of other types. */
export const RoomEventSchema = v.variant('type', [
  JoinEventSchema,
  LeaveEventSchema,
  StageEventSchema,
  HandEventSchema,
  MuteEventSchema,
  UnmuteEventSchema,
  ReactionEventSchema,
  PinEventSchema,
  TitleChangeEventSchema,
]);

/**
 * Where inline events sit in the manifest schema. At run time this only checks for an array: the
 * events are checked by a hand loop (events.ts), as inline cues are, because copying 100,000
 * items through valibot's array schema alone took longer than checking them. The JSON Schema puts
 * an array of {@link RoomEventSchema} (or events of other types) here.
 */
export const EventsDataSlot = v.pipe(
  v.custom<unknown[]>((input) => Array.isArray(input), 'expected an array'),
  v.maxLength(MAX_INLINE_EVENTS, tooMany(MAX_INLINE_EVENTS)),
  v.description('Room events in time order: { time, type, participant?, … }.'),
);

/** The room's events (spec 1.1): a URL to a JSON Lines file, or inline `data` in time order. */
export const EventsRefSchema = v.pipe(
  v.object({
    url: v.optional(v.pipe(UrlSchema, v.description('A JSON Lines file: one event object per line, in time order.'))),
    data: v.optional(EventsDataSlot),
  }),
  v.metadata(URL_OR_DATA),
);

