/**
 * Loading a recording: fetch the manifest (or take the object or inline JSON given), then hand it
 * to the recording chunk (validator, models), fetched in parallel. Failures come back as a
 * {@link PlayerError} saying what and where. An expired recording stops there: no peaks and no
 * audio are ever requested for it. The manifest and the peaks each have the request deadline: a
 * manifest that never answers is an error with Retry, peaks that never answer cost the picture.
 */

import type { PlayerErrorCode, PlayerErrorDetail } from '../../events.js';
import type { Recording } from '../player-state/recording.js';
import { withDeadline } from '../../controllers/deadlines.js';
import { isOffline } from '../../controllers/offline.js';

/** A load failure, with the detail `space-replay-error` carries. */
export class PlayerError extends Error {
  /** The event detail. */
  readonly detail: PlayerErrorDetail;

  /** Builds the error for `code`. */
  constructor(code: PlayerErrorCode, message: string, extra: Partial<PlayerErrorDetail> = {}) {
    super(message);
    this.detail = { code, message, fatal: code !== 'offline', ...extra };
  }
}

/** Where a recording comes from, in order of precedence. */
export interface RecordingInput {
  /** A manifest object set as the `manifest` property. */
  object?: unknown;
  /** The `src` attribute. */
  src?: string;
  /** The text of an inline `<script type="application/json">` child. */
  inline?: string;
}

/** Loads and validates a recording; throws {@link PlayerError}. `signal` aborts the fetches; each may take `requestSeconds`. */
export async function loadRecording(input: RecordingInput, signal: AbortSignal, requestSeconds: number): Promise<Recording> {
  const model = import('../player-state/recording.js');
  let raw: unknown;
  let baseUrl = document.baseURI;
  if (input.object !== undefined) {
    raw = input.object;
  } else if (input.src) {
    const url = new URL(input.src, document.baseURI).href;
    const deadline = withDeadline(signal, requestSeconds);
    try {
      const response = await request(url, deadline.signal, signal, requestSeconds);
      if (response.status === 410) throw new PlayerError('expired', `${url} answered HTTP 410 (gone)`, { status: 410 });
      if (!response.ok) throw new PlayerError('manifest-fetch', `${url} answered HTTP ${response.status}`, { status: response.status });
      raw = await response.text().catch((e: unknown) => {
        throw deadline.timedOut ? timeoutError(url, requestSeconds) : e;
      });
      baseUrl = response.url || url;
    } finally {
      deadline.clear();
    }
  } else {
    raw = input.inline ?? '';
  }
  const { buildRecording } = await model;
  const result = await buildRecording(raw, baseUrl, async (url) => {
    const deadline = withDeadline(signal, requestSeconds);
    try {
      const response = await fetch(url, { signal: deadline.signal, credentials: 'same-origin' });
      return response.ok ? await response.arrayBuffer() : null;
    } catch (e) {
      if (signal.aborted) throw e;
      // Unreachable or too slow: the player goes on without the picture.
      return null;
    } finally {
      deadline.clear();
    }
  });
  if (!result.ok) throw new PlayerError(result.code, result.message, { ...(result.issues ? { issues: result.issues } : {}), ...(result.title ? { title: result.title } : {}) });
  return result.recording;
}

/** Fetches `url` with `signal` (which also aborts at the deadline); `outer` aborting means the load itself was dropped. */
async function request(url: string, signal: AbortSignal, outer: AbortSignal, seconds: number): Promise<Response> {
  try {
    return await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if (outer.aborted) throw e;
    if (signal.aborted) throw timeoutError(url, seconds);
    if (isOffline()) throw new PlayerError('offline', `the network is offline; ${url} could not be fetched`);
    throw new PlayerError('manifest-fetch', `${url} could not be fetched (network error or CORS)`);
  }
}

/** The error of a manifest request that got no answer within `seconds`. */
function timeoutError(url: string, seconds: number): PlayerError {
  return new PlayerError('manifest-fetch', `${url} did not answer within ${seconds} s`, { timeout: seconds });
}
