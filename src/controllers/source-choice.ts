/**
 * Which audio source plays, and how: the manifest lists sources in preference order, the `engine`
 * attribute restricts how HLS may play, and the browser says what it can do. Pure, so every
 * combination is testable without media.
 */

import type { AudioSource } from '../manifest/types.js';

/** How a source is played: native HLS (Safari, current Chromium), hls.js over MSE, or a plain file. */
export type EngineKind = 'native' | 'hls.js' | 'progressive';

/** The `engine` attribute: `auto` picks native HLS where the browser has it, else hls.js. */
export type EnginePreference = 'auto' | 'native' | 'hls.js';

/** What the browser can play, as probed on an audio element. */
export interface PlaybackCapabilities {
  /** `canPlayType('application/vnd.apple.mpegurl')` is not empty. */
  nativeHls: boolean;
  /** Media Source Extensions can play AAC in fMP4 (what hls.js needs). */
  mse: boolean;
  /** Whether a progressive file of this MIME type can play. */
  canPlay(type: string): boolean;
}

/** A source and the way to play it. */
export interface SourceChoice {
  /** How it plays. */
  kind: EngineKind;
  /** Absolute URL. */
  url: string;
  /** Its MIME type. */
  type: string;
}

/** The HLS playlist MIME type, canonical spelling. */
export const HLS_TYPE = 'application/vnd.apple.mpegurl';

/** Reads what `media` can play (MSE checked with AAC-LC in MP4, what the packager writes). */
export function probeCapabilities(media: HTMLMediaElement): PlaybackCapabilities {
  const mse = globalThis.MediaSource ?? (globalThis as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource;
  return {
    nativeHls: media.canPlayType(HLS_TYPE) !== '',
    mse: typeof mse?.isTypeSupported === 'function' && mse.isTypeSupported('audio/mp4; codecs="mp4a.40.2"'),
    canPlay: (type) => media.canPlayType(type) !== '',
  };
}

/**
 * The sources worth trying, best first: each manifest source the browser can play, HLS ones as
 * `native` or `hls.js` per `preference`. An empty list means no playable source.
 */
export function chooseSources(audio: readonly AudioSource[], preference: EnginePreference, can: PlaybackCapabilities): SourceChoice[] {
  const out: SourceChoice[] = [];
  for (const source of audio) {
    if (source.type === HLS_TYPE) {
      const native = can.nativeHls && preference !== 'hls.js';
      const hlsJs = can.mse && preference !== 'native';
      if (native && (preference === 'native' || preference === 'auto')) out.push({ kind: 'native', url: source.url, type: source.type });
      else if (hlsJs) out.push({ kind: 'hls.js', url: source.url, type: source.type });
    } else if (can.canPlay(source.type)) {
      out.push({ kind: 'progressive', url: source.url, type: source.type });
    }
  }
  return out;
}

/**
 * The engine for a recording still in progress: under `auto`, hls.js wherever MSE exists, since
 * it follows a growing EVENT playlist alike in every browser, while Chromium's own HLS refuses a
 * playlist without `#EXT-X-ENDLIST` (a media error). Without MSE (older iPhones), native HLS.
 */
export function preferenceFor(preference: EnginePreference, status: string, can: Pick<PlaybackCapabilities, 'mse'>): EnginePreference {
  return preference === 'auto' && status === 'live' && can.mse ? 'hls.js' : preference;
}
