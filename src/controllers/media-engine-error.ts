/** What the media engine and its hls.js session report, and the hls.js class they are given. */

import type Hls from 'hls.js';

/** The hls.js class (the light build's default export). */
export type HlsConstructor = typeof Hls;

/** Error codes the engine reports. */
export type MediaErrorCode = 'media-network' | 'media-decode' | 'no-source' | 'start-failed' | 'offline';

/** A playback problem: `fatal` means playback stopped until the engine's `retry()`. */
export interface MediaEngineError {
  /** What kind of problem. */
  code: MediaErrorCode;
  /** Plain-words detail for developers (the UI shows its own localized text). */
  message: string;
  /** Whether playback has stopped. */
  fatal: boolean;
  /** The HTTP status, when a response said what went wrong. */
  status?: number;
  /** The URL that failed, when known. */
  url?: string;
  /** For a request or wait that got no answer in time: the deadline that passed, seconds. */
  timeout?: number;
}
