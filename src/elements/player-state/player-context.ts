/**
 * The state a `<space-replay-provider>` shares with its parts through `@lit/context`: one
 * immutable snapshot per change (a part compares fields to see what changed), plus the clock for
 * what changes every frame. Parts never change it: they send requests up as events
 * (`space-replay-*-request`, see events.ts) and the provider answers with a new snapshot.
 */

import { createContext } from '@lit/context';
import type { ActiveClip, ClipNotice } from '../../controllers/clip-playback.js';
import type { PlayerErrorDetail } from '../../events.js';
import type { Chapter } from '../../manifest/types.js';
import type { Transcript } from '../../model/transcript/index.js';
import type { PlayerClock } from './player-clock.js';
import type { Recording } from './recording.js';

/** What the player shows: `idle`, `loading`, `ready`, `expired` or `error`. */
export type PlayerState = 'idle' | 'loading' | 'ready' | 'expired' | 'error';

/** A time span, seconds (a search hit). */
export interface Span {
  /** Start. */
  readonly startTime: number;
  /** End. */
  readonly endTime: number;
}

/** The transcript and clip half of the state, there once its chunk loaded (after `space-replay-ready`). */
export interface ReadAlongState {
  /** Clips may be made (the recording has not expired). */
  readonly clipsAllowed: boolean;
  /** The imported transcript, once a part asked for it and it loaded. */
  readonly transcript: Transcript | undefined;
  /** None of the manifest's transcripts could be loaded. */
  readonly transcriptUnavailable: boolean;
  /** Lines the transcript importer skipped. */
  readonly skipped: number;
  /** The clip being played (a link, a highlight, a preview), or null. */
  readonly clip: ActiveClip | null;
  /** A clip link refused for consent, or null. */
  readonly notice: ClipNotice | null;
  /** The clip editor's range, or null when it is closed. */
  readonly editing: { readonly start: number; readonly end: number } | null;
  /** A plain drag on the timeline makes a clip ("Make a clip" is on). */
  readonly clipMode: boolean;
  /** The transcript search's hits, and the one shown (-1: none). */
  readonly hits: readonly Span[];
  /** Index of the hit shown in `hits`, or -1. */
  readonly activeHit: number;
}

/** One state of the player, as every part reads it. */
export interface PlayerSnapshot {
  /** What the player shows. */
  readonly state: PlayerState;
  /** Why loading failed (`expired` or `error` without a recording), else null. */
  readonly loadError: PlayerErrorDetail | null;
  /** A playback problem with the loaded recording, else null. */
  readonly mediaError: PlayerErrorDetail | null;
  /** The loaded recording, or null. */
  readonly recording: Recording | null;
  /** The UI language (the provider's `lang`, else its closest ancestor's). */
  readonly lang: string;
  /** Audio is playing. */
  readonly playing: boolean;
  /** Playback reached the end. */
  readonly ended: boolean;
  /** Playback waits for data. */
  readonly buffering: boolean;
  /** Playback rate. */
  readonly rate: number;
  /** Volume, 0..1. */
  readonly volume: number;
  /** Muted. */
  readonly muted: boolean;
  /** Who speaks now (participant id), or null. */
  readonly speaker: string | null;
  /** The chapters, once loaded (`[]` without). */
  readonly chapters: readonly Chapter[];
  /** Seconds the back button and `j` go back. */
  readonly skipBack: number;
  /** Seconds the forward button and `l` go forward. */
  readonly skipForward: number;
  /** The longest clip, seconds. */
  readonly maxClip: number;
  /** The keyboard shortcuts help is open. */
  readonly helpOpen: boolean;
  /** Changes when the colour scheme or `theme` changes: canvases repaint their colours. */
  readonly scheme: number;
  /** Changes when a press on the timeline asks the transcript to follow playback again. */
  readonly follow: number;
  /** The transcript and clip state, or null before its chunk loaded. */
  readonly readAlong: ReadAlongState | null;
  /** The playback position, every frame. */
  readonly clock: PlayerClock;
  /** The element the audio plays through (the waveform draws its progress from it); null before the provider connected. */
  readonly media: HTMLMediaElement | null;
}

/**
 * The context key. A string, so that parts and a provider from two copies of the library on one
 * page still find each other.
 */
export const playerContext = createContext<PlayerSnapshot | undefined>('space-replay-player');
