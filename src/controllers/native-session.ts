/**
 * One source played by the browser itself: HLS where it has it (Safari, current Chromium), or a
 * progressive file. The media element says little when this fails (Chromium calls a segment that
 * answered 500 or 404 a parse error), so after an error the session asks the server: a 4xx is
 * final; a 5xx or a failed request is retried with backoff by loading the source again at the
 * position (a bounded number of times); an error nobody answered for (a damaged segment) is
 * recovered once per 5 s, as hls.js recovers its media errors. Only what is left is reported.
 */

import type { MediaEngineError } from './media-engine-error.js';
import { isOffline } from './offline.js';
import type { SourceChoice } from './source-choice.js';
import { TimerScope } from './timer-scope.js';

/** What the session reports. */
export interface NativeSessionCallbacks {
  /** A problem that stopped playback of this source (`fatal: true`). */
  onError(error: MediaEngineError): void;
  /** The browser is offline: the engine says so and calls {@link NativeSession.retry} once it is back. */
  onOffline(): void;
}

/** Attempts of a source whose requests fail with 5xx or no answer, before it is given up. */
export const NATIVE_RETRIES = 4;
/** First wait before loading again, doubled at each attempt (1, 2, 4, 8 s). */
const RETRY_BASE_MS = 1000;
/** Media errors are recovered (the source loaded again) at most once in this window. */
const MEDIA_RECOVERY_WINDOW_MS = 5000;
/** Playback this far past a failure shows the trouble is over: the retries count from zero again. */
const RECOVERED_AFTER_SECONDS = 10;

/** The browser's own playback of one source on one media element. */
export class NativeSession {
  private readonly timers = new TimerScope();
  /** Bumped by every (re)load and by destroy: answers about an older load are ignored. */
  private loadId = 0;
  private retries = 0;
  private failedAt = 0;
  private lastRecovery = -Infinity;
  /** Aborts the session's own status requests when it is destroyed. */
  private readonly abort = new AbortController();

  /** Sets `choice` as the media's source, starting at `startAt` seconds; its status requests get `requestSeconds` each. */
  constructor(
    private readonly media: HTMLMediaElement,
    readonly choice: SourceChoice,
    startAt: number,
    private readonly requestSeconds: number,
    private readonly callbacks: NativeSessionCallbacks,
  ) {
    media.addEventListener('error', this.onMediaError);
    media.addEventListener('timeupdate', this.onProgress);
    this.attach(startAt, false);
  }

  /** Loads the source again at the current position (the UI's Retry, or back online), playing on if it was. */
  retry(): void {
    this.retries = 0;
    this.timers.clear();
    this.reload();
  }

  /** Detaches the source: no request, timer or listener of this session is left. */
  destroy(): void {
    this.loadId++;
    this.abort.abort();
    this.timers.clear();
    this.media.removeEventListener('error', this.onMediaError);
    this.media.removeEventListener('timeupdate', this.onProgress);
    if (this.media.hasAttribute('src')) {
      this.media.removeAttribute('src');
      // Aborts the browser's pending requests (a playlist or segment that never answers).
      this.media.load();
    }
  }

  private attach(at: number, play: boolean): void {
    const media = this.media;
    this.loadId++;
    media.preload = 'metadata';
    media.src = this.choice.url;
    if (at > 0) media.currentTime = at;
    if (play) media.play().catch(() => {});
    if (this.choice.kind === 'native') this.probe();
  }

  private reload(): void {
    const media = this.media;
    const at = media.currentTime;
    this.attach(at, !media.paused);
  }

  /**
   * Asks for the playlist's status once, beside the browser's own load: native HLS reports a 404
   * only as an opaque error, and not at all while a background page defers its media loading.
   * Only a 4xx counts (a 5xx is retried once the media element fails); a failed probe (CORS)
   * says nothing about playback.
   */
  private probe(): void {
    const id = this.loadId;
    void this.status(this.choice.url).then((status) => {
      if (id === this.loadId && isClientError(status)) this.fail(answeredHttp(this.choice.url, status as number));
    });
  }

  /** `url`'s HTTP status, as {@link httpStatus}, within the request deadline and this session's life. */
  private status(url: string): Promise<number | 'offline' | 'failed'> {
    return httpStatus(url, this.deadline());
  }

  /** A signal that aborts after the request deadline, or when the session is destroyed. */
  private deadline(): AbortSignal {
    return AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.requestSeconds * 1000)]);
  }

  private fail(error: MediaEngineError): void {
    // Reported once per load: the probe and the media element may both see the same 404.
    this.loadId++;
    this.timers.clear();
    this.callbacks.onError(error);
  }

  private readonly onProgress = (): void => {
    if (this.retries > 0 && this.media.currentTime > this.failedAt + RECOVERED_AFTER_SECONDS) this.retries = 0;
  };

  private readonly onMediaError = (): void => {
    const error = this.media.error;
    if (!error) return;
    const id = this.loadId;
    const { url, kind } = this.choice;
    const at = this.media.currentTime;
    const hadMetadata = this.media.readyState >= HTMLMediaElement.HAVE_METADATA;
    if (error.code === MediaError.MEDIA_ERR_DECODE) {
      this.mediaProblem(at, `the audio could not be decoded (${error.message || 'decode error'})`);
      return;
    }
    // The media element hides the HTTP status: ask the server, to say "404" rather than "failed".
    void (async () => {
      const status = await this.status(url);
      if (id !== this.loadId) return;
      if (status === 'offline') return this.callbacks.onOffline();
      if (isClientError(status)) return this.fail(answeredHttp(url, status as number));
      if (status === 'failed' || (status as number) >= 500) return this.transient(at, url, status);
      if (kind === 'native' && hadMetadata) {
        // The playlist answers, so a segment may be what failed: ask about those around the position.
        const failed = await failedSegment(url, at, (u) => this.status(u), this.deadline());
        if (id !== this.loadId) return;
        if (failed && failed.status < 500) return this.fail(answeredHttp(failed.url, failed.status));
        if (failed) return this.transient(at, failed.url, failed.status);
      }
      if (error.code === MediaError.MEDIA_ERR_NETWORK) return this.transient(at, url, 'failed');
      this.mediaProblem(at, `the browser cannot play ${url} (${this.choice.type})`);
    })();
  };

  /** A request failed in a way that may pass (5xx, no answer): load again after a backoff, a few times. */
  private transient(at: number, url: string, status: number | 'failed'): void {
    const detail = typeof status === 'number' ? `answered HTTP ${status}` : 'could not be loaded';
    if (this.retries >= NATIVE_RETRIES) {
      this.fail({ code: 'media-network', message: `${url} ${detail} (after ${this.retries} retries)`, fatal: true, url, ...(typeof status === 'number' ? { status } : {}) });
      return;
    }
    this.failedAt = at;
    const wait = RETRY_BASE_MS * 2 ** this.retries;
    this.retries++;
    this.timers.timeout(() => this.reload(), wait);
  }

  /** The audio itself failed (decode, or an error no server explains): load again once per 5 s, else give up. */
  private mediaProblem(at: number, message: string): void {
    const now = performance.now();
    if (now - this.lastRecovery > MEDIA_RECOVERY_WINDOW_MS) {
      this.lastRecovery = now;
      this.failedAt = at;
      this.reload();
      return;
    }
    this.fail({ code: 'media-decode', message, fatal: true, url: this.choice.url });
  }
}

function isClientError(status: number | string): boolean {
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The fatal error for `url` answering HTTP `status`. */
function answeredHttp(url: string, status: number): MediaEngineError {
  return { code: 'media-network', message: `${url} answered HTTP ${status}`, fatal: true, status, url };
}

/** The first segment at or after `time` that answers an HTTP error, or null (lazy chunk). */
function failedSegment(
  playlistUrl: string,
  time: number,
  status: (url: string) => Promise<number | 'offline' | 'failed'>,
  signal: AbortSignal,
): Promise<{ url: string; status: number } | null> {
  return import('./hls-segment-status.js').then(({ failingSegment }) => failingSegment(playlistUrl, time, status, signal)).catch(() => null);
}

/** The HTTP status of `url` (its body is not read), `'offline'`, or `'failed'` (network, CORS, no answer before `signal` aborts). */
async function httpStatus(url: string, signal: AbortSignal): Promise<number | 'offline' | 'failed'> {
  if (isOffline()) return 'offline';
  const abort = new AbortController();
  const follow = (): void => abort.abort();
  signal.addEventListener('abort', follow, { once: true });
  try {
    const response = await fetch(url, { signal: abort.signal, cache: 'no-store', credentials: 'same-origin' });
    return response.status;
  } catch {
    return isOffline() ? 'offline' : 'failed';
  } finally {
    // Only the status matters: never download a whole progressive file to learn it.
    signal.removeEventListener('abort', follow);
    abort.abort();
  }
}
