/**
 * Every event the elements fire, in one typed map. All bubble and are composed, so a page can
 * listen on the element or any ancestor, across shadow roots.
 */

import type { Manifest } from './manifest/types.js';
import type { EngineKind } from './controllers/source-choice.js';
import type { FeedItem } from './manifest/feed-types.js';
import type { ManifestIssue } from './manifest/issues.js';

/** Error codes of `space-replay-error`. */
export type PlayerErrorCode =
  | 'manifest-fetch'
  | 'manifest-invalid'
  | 'manifest-version'
  | 'expired'
  | 'media-network'
  | 'media-decode'
  | 'no-source'
  | 'start-failed'
  | 'offline';

/** Detail of `space-replay-error`. */
export interface PlayerErrorDetail {
  /** What kind of problem (stable, for code). */
  code: PlayerErrorCode;
  /** What went wrong and where, in plain English (for logs; the UI shows a localized text). */
  message: string;
  /** Whether the player stopped (a non-fatal one, like offline, clears by itself). */
  fatal: boolean;
  /** For `manifest-invalid`: each problem with its field path. */
  issues?: { path: string; message: string }[];
  /** For HTTP failures: the status. */
  status?: number;
  /** For a request or a wait for audio that got no answer in time: the deadline that passed, seconds. */
  timeout?: number;
  /** For `expired`: the recording's title, when its manifest was read. */
  title?: string;
}

/** The events `<space-replay>` fires, by name. */
export interface SpaceReplayEventMap {
  /** The manifest is loaded and valid; the player is ready to play. */
  'space-replay-ready': CustomEvent<{ manifest: Manifest }>;
  /** Something went wrong (see {@link PlayerErrorDetail}). */
  'space-replay-error': CustomEvent<PlayerErrorDetail>;
  /** The active speaker changed (`null`: nobody speaks now). Fired only on change. */
  'space-replay-speakerchange': CustomEvent<{ speakerId: string | null }>;
  /** Playback started. */
  'space-replay-play': CustomEvent<{ currentTime: number }>;
  /** Playback paused. */
  'space-replay-pause': CustomEvent<{ currentTime: number }>;
  /** Playback reached the end. */
  'space-replay-ended': CustomEvent<{ currentTime: number }>;
  /** A seek finished. */
  'space-replay-seeked': CustomEvent<{ currentTime: number }>;
  /** The playback rate changed. */
  'space-replay-ratechange': CustomEvent<{ playbackRate: number }>;
  /** The media engine in use: `native`, `hls.js` or `progressive` (`null` once unloaded). */
  'space-replay-engine': CustomEvent<{ engine: EngineKind | null }>;
  /**
   * Part → player: seek to `time` (a word, a paragraph's time, a chapter, the timeline, a skip
   * button). `follow`: the transcript follows playback again (a press on the timeline).
   */
  'space-replay-seek-request': CustomEvent<{ time: number; follow?: boolean }>;
  /** Transcript or timeline → player: open the clip editor on `[start, end)` (selected words are snapped to their boundaries). */
  'space-replay-clip-request': CustomEvent<{ start: number; end: number }>;
  /** Transcript: the search hits changed (to mark them on the waveform); `active` is the hit shown, -1 for none. */
  'space-replay-search': CustomEvent<{ query: string; hits: { startTime: number; endTime: number }[]; active: number }>;
  /** Clip editor → player: play `[start, end)` once. */
  'space-replay-preview-request': CustomEvent<{ start: number; end: number }>;
  /** Clip editor: its range changed (a nudge, or the length cap). */
  'space-replay-clip-change': CustomEvent<{ start: number; end: number }>;
  /** Part → player: play (from the start when playback had ended). */
  'space-replay-play-request': CustomEvent<null>;
  /** Part → player: pause. */
  'space-replay-pause-request': CustomEvent<null>;
  /** Part → player: set the playback rate (0.5 to 3). */
  'space-replay-rate-request': CustomEvent<{ playbackRate: number }>;
  /** Part → player: set the volume (0..1), mute or unmute. */
  'space-replay-volume-request': CustomEvent<{ volume?: number; muted?: boolean }>;
  /** Part → player: go to the next (`direction` 1) or previous (-1) speaker turn; with `speakerId`, that speaker's next turn (else their first). */
  'space-replay-turn-request': CustomEvent<{ direction: 1 | -1; speakerId?: string }>;
  /** Part → player: open or close the keyboard shortcuts help. */
  'space-replay-help-request': CustomEvent<{ open: boolean }>;
  /** Part → player: load again after an error. */
  'space-replay-retry-request': CustomEvent<null>;
  /** Part → player: a plain drag on the timeline makes a clip (`on`), or seeks again. */
  'space-replay-clip-mode-request': CustomEvent<{ on: boolean }>;
  /** Part → player: close the clip editor. */
  'space-replay-clip-close-request': CustomEvent<null>;
  /** Part → player: play the host highlight `[start, end)`. */
  'space-replay-highlight-request': CustomEvent<{ start: number; end: number }>;
  /** Part → player: leave the clip being played and play the whole recording. */
  'space-replay-full-request': CustomEvent<null>;
  /** Part → player: dismiss the note of a clip link refused for consent. */
  'space-replay-notice-close-request': CustomEvent<null>;
  /** Part → player: a part shows the transcript, so load it. */
  'space-replay-transcript-request': CustomEvent<null>;
  /** Part → player: announce `space-replay-ready` only once `until` settles (the timeline's waveform is drawn). */
  'space-replay-hold-request': CustomEvent<{ until: Promise<unknown> }>;
  /** A clip link was made (copied, shared or put in embed code), so a host page can log or shorten it. */
  'space-replay-clip': CustomEvent<{ startTime: number; endTime: number; url: string }>;
  /** List: a feed page loaded; `items` are its valid items, `itemErrors` the problems of those left out. */
  'space-replay-list-load': CustomEvent<{ url: string | null; items: FeedItem[]; itemErrors: ManifestIssue[]; next: string | null }>;
  /** List: the feed (or its next page) could not be loaded or is invalid. */
  'space-replay-list-error': CustomEvent<ListErrorDetail>;
  /** List: a card was opened (its player is being created) or closed. */
  'space-replay-list-toggle': CustomEvent<{ id: string; manifest: string; open: boolean }>;
}

/** Detail of `space-replay-list-error`. */
export interface ListErrorDetail {
  /** `feed-fetch` (network, HTTP), `feed-invalid` (JSON or spec), `offline`, or `player-load` (the player's code could not be loaded). */
  code: 'feed-fetch' | 'feed-invalid' | 'offline' | 'player-load';
  /** What went wrong and where, in plain English. */
  message: string;
  /** The feed URL, when it came from one. */
  url: string | null;
  /** For HTTP failures: the status. */
  status?: number;
  /** For `feed-invalid`: each problem with its path. */
  issues?: ManifestIssue[];
}

/** Every event name, for code that lists them (e.g. forwarding). */
export const SPACE_REPLAY_EVENTS = [
  'space-replay-ready',
  'space-replay-error',
  'space-replay-speakerchange',
  'space-replay-play',
  'space-replay-pause',
  'space-replay-ended',
  'space-replay-seeked',
  'space-replay-ratechange',
  'space-replay-engine',
] as const satisfies readonly (keyof SpaceReplayEventMap)[];

type DetailOf<K extends keyof SpaceReplayEventMap> = SpaceReplayEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a typed event from `target`; it bubbles and is composed. Returns the event. */
export function emit<K extends keyof SpaceReplayEventMap>(target: EventTarget, name: K, detail: DetailOf<K>): SpaceReplayEventMap[K] {
  const event = new CustomEvent(name, { detail, bubbles: true, composed: true }) as unknown as SpaceReplayEventMap[K];
  target.dispatchEvent(event);
  return event;
}

declare global {
  interface HTMLElementEventMap extends SpaceReplayEventMap {}
}
