/**
 * One source played through hls.js, with its recovery: fatal network errors retried with backoff
 * while playback is actually stuck (and on the browser's `online` event), a media error (fatal,
 * or a segment that cannot be parsed) recovered at most once per 5 s, 4xx answers (the
 * playlist's or a segment's) reported once, never retried in a loop. Loaded in the same chunk as
 * hls.js, only when hls.js plays.
 */

import type Hls from 'hls.js';
import type { ErrorData, HlsConfig } from 'hls.js';
import type { HlsConstructor, MediaEngineError } from './media-engine-error.js';
import { isOffline, OFFLINE_ERROR } from './offline.js';
import { TimerScope } from './timer-scope.js';

/** What the session reports. */
export interface HlsSessionCallbacks {
  /** A problem; `fatal: false` ones clear on their own. */
  onError(error: MediaEngineError): void;
  /** Playback recovered from a reported problem. */
  onRecovered(): void;
}

/** Buffer sizes for long audio: Chromium caps an audio SourceBuffer at a few MB. */
const HLS_DEFAULTS: Partial<HlsConfig> = {
  // The ESM build has no inline worker; a site can pass `workerPath` through `hlsConfig`.
  enableWorker: true,
  maxBufferLength: 60,
  maxMaxBufferLength: 60,
  backBufferLength: 30,
  maxBufferSize: 8 * 1000 * 1000,
  // Buffering starts on the first play or seek: a page of players fetches no audio nobody asked for.
  autoStartLoad: false,
};

const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 30_000;
const MAX_NETWORK_RETRIES = 5;
const MEDIA_RECOVERY_WINDOW_MS = 5000;

/** hls.js on one media element for one playlist URL. */
export class HlsSession {
  /** The hls.js instance (replaced on recovery; `null` once given up or destroyed). */
  hls: Hls | null = null;
  private readonly timers = new TimerScope();
  private started = false;
  private networkRetries = 0;
  private lastMediaRecovery = -Infinity;
  private offline = false;
  private stopWaiting: (() => void) | null = null;

  /** Attaches hls.js to `media` and loads the playlist at `url`. */
  constructor(
    private readonly HlsClass: HlsConstructor,
    private readonly media: HTMLMediaElement,
    private readonly url: string,
    private readonly config: Partial<HlsConfig>,
    private readonly callbacks: HlsSessionCallbacks,
    startAt: number,
  ) {
    this.create(startAt);
  }

  /** Loads again from the current position (the UI's Retry). */
  retry(): void {
    this.networkRetries = 0;
    this.recreate();
  }

  /** Stops everything: hls.js (its loaders and worker), timers and listeners. */
  destroy(): void {
    this.timers.clear();
    this.stopWaiting?.();
    this.stopWaiting = null;
    globalThis.removeEventListener('online', this.onOnline);
    this.media.removeEventListener('play', this.onFirstPlay);
    this.media.removeEventListener('seeking', this.onFirstPlay);
    this.media.removeEventListener('seeked', this.onSeeked);
    this.destroyHls();
  }

  private create(startAt: number): void {
    const Hls = this.HlsClass;
    const hls = new Hls({ ...HLS_DEFAULTS, startPosition: startAt, ...this.config });
    this.hls = hls;
    this.started = false;
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (hls === this.hls) this.onError(data);
    });
    hls.on(Hls.Events.FRAG_BUFFERED, () => {
      if (hls !== this.hls || (this.networkRetries === 0 && !this.offline)) return;
      this.networkRetries = 0;
      this.offline = false;
      this.callbacks.onRecovered();
    });
    this.media.addEventListener('play', this.onFirstPlay);
    this.media.addEventListener('seeking', this.onFirstPlay);
    this.media.addEventListener('seeked', this.onSeeked);
    hls.attachMedia(this.media);
    hls.loadSource(this.url);
    // Playback was already asked for (its play event came before this session): load now.
    if (!this.media.paused) this.onFirstPlay();
  }

  private readonly onFirstPlay = (): void => {
    const hls = this.hls;
    if (!hls || this.started) return;
    this.started = true;
    this.media.removeEventListener('play', this.onFirstPlay);
    this.media.removeEventListener('seeking', this.onFirstPlay);
    hls.startLoad(this.media.currentTime > 0 ? this.media.currentTime : -1);
  };

  /**
   * After a seek back, audio buffered far ahead stays in the SourceBuffer: hls.js only trims what
   * lies behind the playhead (`backBufferLength`), and Chromium evicts only near its memory cap.
   * Ranges that start beyond hls.js's forward buffer from the new position are removed; on a
   * 4-hour recording a minute of far seeks otherwise keeps several MB of audio nobody will hear
   * from there (it is fetched again if playback gets that far).
   */
  private readonly onSeeked = (): void => {
    const hls = this.hls;
    if (!hls || !this.started) return;
    const beyond = this.media.currentTime + Math.max(hls.config.maxBufferLength, hls.config.maxMaxBufferLength);
    const buffered = this.media.buffered;
    for (let i = 0; i < buffered.length; i++) {
      const start = buffered.start(i);
      if (start > beyond) hls.trigger(this.HlsClass.Events.BUFFER_FLUSHING, { startOffset: start, endOffset: buffered.end(i), type: null });
    }
  };

  private readonly onOnline = (): void => {
    globalThis.removeEventListener('online', this.onOnline);
    if (this.offline) this.recreate();
  };

  private destroyHls(): void {
    const hls = this.hls;
    this.hls = null;
    hls?.destroy();
  }

  /** A new hls.js instance at the current position, playing on if it was. */
  private recreate(): void {
    const at = this.media.currentTime;
    const playing = !this.media.paused;
    this.timers.clear();
    this.stopWaiting?.();
    this.stopWaiting = null;
    this.destroyHls();
    this.create(at);
    if (playing) {
      this.onFirstPlay();
      this.media.play().catch(() => {});
    }
  }

  private onError(data: ErrorData): void {
    const Hls = this.HlsClass;
    // hls.js does not retry a segment that answered 4xx, but neither does it give up: it asks again
    // whenever playback stalls there, so the listener would wait forever. A 4xx will not change by
    // asking again (a recording deleted or expired on the server, a URL no longer signed): report it.
    const status = data.response?.code;
    const is4xx = status !== undefined && status >= 400 && status < 500;
    // A segment hls.js could not parse (damaged bytes) is not fatal to it: it would skip that audio
    // in silence and jump the hole. It counts as a media error here, recovered once per 5 s.
    const unparsable = data.details === Hls.ErrorDetails.FRAG_PARSING_ERROR;
    if (!data.fatal && !(is4xx && data.details === Hls.ErrorDetails.FRAG_LOAD_ERROR) && !unparsable) return;
    const url = data.url ?? data.context?.url ?? data.frag?.url ?? this.url;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      if (is4xx) {
        // A 4xx will not change by asking again: say so once, the UI offers Retry.
        this.callbacks.onError({ code: 'media-network', message: `${url} answered HTTP ${status}`, fatal: true, status, url });
        this.destroyHls();
        return;
      }
      this.recoverNetwork(url);
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.hls) {
      const now = performance.now();
      if (now - this.lastMediaRecovery > MEDIA_RECOVERY_WINDOW_MS) {
        this.lastMediaRecovery = now;
        // hls.js counts an unparsable segment as done (it would play on past a hole): a new
        // instance at the position fetches it again. Other media errors are hls.js's to recover.
        if (unparsable) this.recreate();
        else this.hls.recoverMediaError();
        return;
      }
    }
    this.callbacks.onError({ code: 'media-decode', message: `the audio could not be decoded (${data.details})`, fatal: true });
    this.destroyHls();
  }

  /** Waits for the network when offline; else retries with backoff, but only while someone waits for audio. */
  private recoverNetwork(url: string): void {
    if (isOffline()) {
      this.offline = true;
      this.callbacks.onError(OFFLINE_ERROR);
      globalThis.addEventListener('online', this.onOnline);
      return;
    }
    if (this.networkRetries >= MAX_NETWORK_RETRIES) {
      this.callbacks.onError({ code: 'media-network', message: `${url} could not be loaded after ${this.networkRetries} retries`, fatal: true, url });
      this.destroyHls();
      return;
    }
    this.callbacks.onError({ code: 'media-network', message: `${url} failed to load; retrying`, fatal: false, url });
    const attempt = (): void => {
      this.networkRetries++;
      this.recreate();
    };
    if (this.media.paused) {
      // Nobody is listening: retry when someone presses play, not in the background.
      const onPlay = (): void => {
        this.stopWaiting?.();
        this.stopWaiting = null;
        attempt();
      };
      this.media.addEventListener('play', onPlay);
      this.stopWaiting = () => this.media.removeEventListener('play', onPlay);
      return;
    }
    this.timers.timeout(attempt, Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.networkRetries));
  }
}
