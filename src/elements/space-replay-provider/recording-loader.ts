/**
 * Loading a recording: fetch the manifest (or take the object or inline JSON given), then hand it
 * to the recording chunk (validator, models), fetched in parallel. Failures come back as a
 * {@link PlayerError} saying what and where. An expired recording stops there: no peaks and no
 * audio are ever requested for it.
 */

import type { PlayerErrorCode, PlayerErrorDetail } from '../../events.js';
import type { Recording } from '../player-state/recording.js';
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

/** Loads and validates a recording; throws {@link PlayerError}. `signal` aborts the fetches. */
export async function loadRecording(input: RecordingInput, signal: AbortSignal): Promise<Recording> {
  const model = import('../player-state/recording.js');
  let raw: unknown;
  let baseUrl = document.baseURI;
  if (input.object !== undefined) {
    raw = input.object;
  } else if (input.src) {
    const url = new URL(input.src, document.baseURI).href;
    const response = await request(url, signal);
    if (response.status === 410) throw new PlayerError('expired', `${url} answered HTTP 410 (gone)`, { status: 410 });
    if (!response.ok) throw new PlayerError('manifest-fetch', `${url} answered HTTP ${response.status}`, { status: response.status });
    raw = await response.text();
    baseUrl = response.url || url;
  } else {
    raw = input.inline ?? '';
  }
  const { buildRecording } = await model;
  const result = await buildRecording(raw, baseUrl, async (url) => {
    try {
      const response = await fetch(url, { signal, credentials: 'same-origin' });
      return response.ok ? await response.arrayBuffer() : null;
    } catch (e) {
      if (signal.aborted) throw e;
      return null;
    }
  });
  if (!result.ok) throw new PlayerError(result.code, result.message, { ...(result.issues ? { issues: result.issues } : {}), ...(result.title ? { title: result.title } : {}) });
  return result.recording;
}

async function request(url: string, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if (signal.aborted) throw e;
    if (isOffline()) throw new PlayerError('offline', `the network is offline; ${url} could not be fetched`);
    throw new PlayerError('manifest-fetch', `${url} could not be fetched (network error or CORS)`);
  }
}
