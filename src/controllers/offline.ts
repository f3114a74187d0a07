/** What the engines say when the browser has no network, and how they tell. */
import type { MediaEngineError } from './media-engine-error.js';

/** The report of a player waiting for the network: not fatal, it clears when audio flows again. */
export const OFFLINE_ERROR: Readonly<MediaEngineError> = Object.freeze({ code: 'offline', message: 'the network is offline; playback resumes when it is back', fatal: false });

/** Whether the browser knows it has no network. */
export function isOffline(): boolean {
  return globalThis.navigator?.onLine === false;
}
