/**
 * The operating system's media controls (lock screen, headset keys) through the Media Session API,
 * where the browser has it. The player that last started playing owns the session.
 */

import type { Manifest, Participant } from '../../manifest/types.js';
import { hostOf } from '../player-state/room-host.js';
import { artworkFor, dropArtwork } from './session-artwork.js';

/** What the session shows and what its buttons do. */
export interface SessionInfo {
  /** Recording title. */
  title: string;
  /** Host name, shown as the artist. */
  artist: string;
  /** Artwork URL (an avatar), already checked; shown as a blob fetched with no referrer (session-artwork.ts). */
  artwork?: string;
  /** Handlers; `seekTo` gets seconds. */
  play(): void;
  pause(): void;
  seekBy(seconds: number): void;
  seekTo(seconds: number): void;
  nextSpeaker(): void;
  previousSpeaker(): void;
}

const ACTIONS = ['play', 'pause', 'seekbackward', 'seekforward', 'seekto', 'nexttrack', 'previoustrack'] as const;
let owner: object | null = null;

/** Makes `token`'s player the session owner with `info`. */
export function claimMediaSession(token: object, info: SessionInfo): void {
  const session = globalThis.navigator?.mediaSession;
  if (!session || typeof MediaMetadata === 'undefined') return;
  owner = token;
  const metadata = new MediaMetadata({ title: info.title, artist: info.artist });
  session.metadata = metadata;
  if (info.artwork) {
    void artworkFor(info.artwork).then((src) => {
      if (src && owner === token && session.metadata === metadata) metadata.artwork = [{ src }];
    });
  } else {
    dropArtwork();
  }
  const handlers: Record<(typeof ACTIONS)[number], MediaSessionActionHandler> = {
    play: () => info.play(),
    pause: () => info.pause(),
    seekbackward: (d) => info.seekBy(-(d.seekOffset ?? 15)),
    seekforward: (d) => info.seekBy(d.seekOffset ?? 15),
    seekto: (d) => info.seekTo(d.seekTime ?? 0),
    nexttrack: () => info.nextSpeaker(),
    previoustrack: () => info.previousSpeaker(),
  };
  for (const action of ACTIONS) {
    try {
      session.setActionHandler(action, handlers[action]);
    } catch {
      // Browsers refuse actions they do not know.
    }
  }
}

/** Updates the position shown by the session, when `token` owns it. */
export function updateSessionPosition(token: object, duration: number, position: number, playbackRate: number): void {
  const session = globalThis.navigator?.mediaSession;
  if (owner !== token || !session?.setPositionState || !(duration > 0)) return;
  try {
    session.setPositionState({ duration, position: Math.min(Math.max(0, position), duration), playbackRate });
  } catch {
    // An out-of-range state is not worth an error.
  }
}

/** Clears the session when `token` owns it (its player went away). */
export function releaseMediaSession(token: object): void {
  const session = globalThis.navigator?.mediaSession;
  if (owner !== token || !session) return;
  owner = null;
  session.metadata = null;
  dropArtwork();
  for (const action of ACTIONS) {
    try {
      session.setActionHandler(action, null);
    } catch {
      // See above.
    }
  }
}

/** What {@link claimFor} needs of a player. */
export interface SessionPlayer {
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  /** Seeks by `seconds` from where playback is. */
  skip(seconds: number): void;
  /** Goes to the next (1) or previous (-1) speaker turn. */
  turn(direction: 1 | -1): void;
}

/** Makes `token`'s player the owner, showing `manifest` (its host as the artist, with their avatar). */
export function claimFor(token: object, manifest: Manifest, avatarOf: (participant: Participant) => string | undefined, player: SessionPlayer): void {
  const host = hostOf(manifest.participants);
  const avatar = host ? avatarOf(host) : undefined;
  claimMediaSession(token, {
    title: manifest.title,
    artist: host?.name ?? '',
    ...(avatar ? { artwork: avatar } : {}),
    play: () => player.play(),
    pause: () => player.pause(),
    seekBy: (s) => player.skip(s),
    seekTo: (s) => player.seek(s),
    nextSpeaker: () => player.turn(1),
    previousSpeaker: () => player.turn(-1),
  });
}
