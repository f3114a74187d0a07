/**
 * Every event name of {@link SpaceReplayEventMap} at run time (the map is only a type), split into
 * what a player and its parts fire and what the list adds. The check below fails to compile when
 * an event is added to the map but not here, so no component misses an `on…` prop.
 */
import { SPACE_REPLAY_EVENTS, type SpaceReplayEventMap } from '../events.js';

/** The events a player, its parts and the transcript panel fire (all bubble, so a player hears its parts'). */
export const PLAYER_EVENTS = [
  ...SPACE_REPLAY_EVENTS,
  'space-replay-seek-request',
  'space-replay-clip-request',
  'space-replay-search',
  'space-replay-preview-request',
  'space-replay-clip-change',
  'space-replay-play-request',
  'space-replay-pause-request',
  'space-replay-rate-request',
  'space-replay-volume-request',
  'space-replay-turn-request',
  'space-replay-help-request',
  'space-replay-retry-request',
  'space-replay-clip-mode-request',
  'space-replay-clip-close-request',
  'space-replay-highlight-request',
  'space-replay-full-request',
  'space-replay-notice-close-request',
  'space-replay-transcript-request',
  'space-replay-hold-request',
  'space-replay-clip',
] as const satisfies readonly (keyof SpaceReplayEventMap)[];

/** The list's own events; its open cards are players, whose events bubble out of it too. */
export const LIST_EVENTS = ['space-replay-list-load', 'space-replay-list-error', 'space-replay-list-toggle'] as const satisfies readonly (keyof SpaceReplayEventMap)[];

type Listed = (typeof PLAYER_EVENTS)[number] | (typeof LIST_EVENTS)[number];
/** `never` while every event of the map is listed; otherwise the missing names, and the line below does not compile. */
type Unlisted = Exclude<keyof SpaceReplayEventMap, Listed>;
export const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
