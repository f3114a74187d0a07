/**
 * The media engine: plays a manifest's audio on one `<audio>` element, natively (HLS where the
 * browser has it, or a progressive file) or through hls.js, which is imported on demand in its own
 * chunk together with its recovery logic ({@link HlsSession}). Every async step is guarded by a
 * load counter, so a source change or a removed element never acts on a stale load.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type Hls from 'hls.js';
import type { HlsConfig } from 'hls.js';
import type { AudioSource } from '../manifest/types.js';
import type { HlsSession } from './hls-session.js';
import type { HlsConstructor, MediaEngineError } from './media-engine-error.js';
import { isOffline, OFFLINE_ERROR } from './offline.js';
import { chooseSources, probeCapabilities, type EngineKind, type EnginePreference, type SourceChoice } from './source-choice.js';

export type { HlsConstructor, MediaEngineError, MediaErrorCode } from './media-engine-error.js';

/** What the engine tells its host. */
export interface MediaEngineCallbacks {
  /** A problem; non-fatal ones (offline, recovering) clear on their own. */
  onError(error: MediaEngineError): void;
  /** The engine chosen for the current source (or `null` once unloaded). */
  onEngine?(kind: EngineKind | null): void;
  /** Playback recovered from a reported problem. */
  onRecovered?(): void;
}

/** Options of one {@link MediaEngineController.load}. */
export interface LoadOptions {
  /** Where to start, in seconds. */
  startAt?: number;
  /** hls.js settings merged over the defaults (e.g. `workerPath`). */
  hlsConfig?: Partial<HlsConfig>;
}

/** Default loader of hls.js: the light build, in its own chunk, fetched only when needed. */
async function importHls(): Promise<HlsConstructor> {
  return (await import('hls.js/light')).default;
}

/** Owns the `<audio>` element's source: native, hls.js or progressive. */
export class MediaEngineController implements ReactiveController {
  /** How hls.js is loaded; tests swap in a spy or a failing loader. */
  static loadHls: () => Promise<HlsConstructor> = importHls;

  /** The element everything plays through. */
  readonly media: HTMLAudioElement;
  /** The engine playing now, or `null`. */
  engine: EngineKind | null = null;

  private loadId = 0;
  private choice: SourceChoice | null = null;
  private session: HlsSession | null = null;
  private startAt = 0;
  private readonly onOnline = (): void => this.retry();
  /** Whether `offline` was reported for this source (cleared when it plays again). */
  private saidOffline = false;

  /** Adds itself to `host`; `media` is the element to drive. */
  constructor(
    private readonly host: ReactiveControllerHost,
    media: HTMLAudioElement,
    private readonly callbacks: MediaEngineCallbacks,
  ) {
    this.media = media;
    media.addEventListener('waiting', this.onStall);
    media.addEventListener('playing', this.onPlaying);
    host.addController(this);
  }

  /** Watches the connection; loading starts when the host has a manifest. */
  hostConnected(): void {
    globalThis.addEventListener('offline', this.onStall);
  }

  /** Tears everything down: a removed player keeps no network, worker or timer alive. */
  hostDisconnected(): void {
    globalThis.removeEventListener('offline', this.onStall);
    this.unload();
  }

  /**
   * Playback waits for data while the browser is offline: say so. Neither engine calls this an
   * error: hls.js waits for the connection on its own (and loads on when it is back), and a
   * browser's own HLS or progressive download just stalls. Without this the player would sit
   * silent with no word of why. Runs on the media's `waiting` and on the window's `offline` (the
   * connection dropping while playback already waits).
   */
  private readonly onStall = (): void => {
    const media = this.media;
    if (this.saidOffline || !this.choice || !isOffline() || media.paused || media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) return;
    // A seek into audio already buffered waits a moment for the decoder, not for the network.
    if (bufferedAhead(media) >= 1) return;
    this.sayOffline();
  };

  private sayOffline(): void {
    this.saidOffline = true;
    this.callbacks.onError(OFFLINE_ERROR);
  }

  /** Playing again after an `offline` report, whichever way it came back: the report is over. */
  private readonly onPlaying = (): void => {
    if (!this.saidOffline) return;
    this.saidOffline = false;
    this.callbacks.onRecovered?.();
  };

  /** The hls.js instance, while hls.js plays. */
  get hls(): Hls | null {
    return this.session?.hls ?? null;
  }

  /** Whether a source is attached. */
  get loaded(): boolean {
    return this.choice !== null;
  }

  /**
   * Plays the best of `audio` the browser supports. Resolves once a source is attached (or none
   * could be). A later `load` or `unload` makes this one stale: none of its callbacks run after.
   */
  async load(audio: readonly AudioSource[], preference: EnginePreference, options: LoadOptions = {}): Promise<void> {
    this.unload();
    const id = this.loadId;
    this.startAt = options.startAt ?? 0;
    // play() on the empty element (a page that plays a player as soon as it makes it) is kept:
    // the source plays once attached. unload() above already dropped any request on an old source.
    const playRequested = !this.media.paused;
    for (const choice of chooseSources(audio, preference, probeCapabilities(this.media))) {
      if (choice.kind !== 'hls.js') {
        this.attachNative(choice);
        if (playRequested) this.resumePlayRequest();
        return;
      }
      let loaded: [HlsConstructor, typeof import('./hls-session.js')];
      try {
        loaded = await Promise.all([MediaEngineController.loadHls(), import('./hls-session.js')]);
      } catch {
        // The hls.js chunk did not load (offline, blocked): try the next source.
        if (id !== this.loadId) return;
        continue;
      }
      if (id !== this.loadId) return;
      const [Hls, { HlsSession }] = loaded;
      if (!Hls.isSupported()) continue;
      this.choice = choice;
      this.session = new HlsSession(Hls, this.media, choice.url, options.hlsConfig ?? {}, {
        onError: (e) => this.callbacks.onError(e),
        onRecovered: () => this.callbacks.onRecovered?.(),
      }, this.startAt);
      this.setEngine('hls.js');
      if (playRequested) this.resumePlayRequest();
      return;
    }
    if (id !== this.loadId) return;
    this.callbacks.onError({
      code: 'no-source',
      message: `none of the ${audio.length} audio source(s) can play in this browser (${audio.map((a) => a.type).join(', ')})`,
      fatal: true,
    });
  }

  /** Stops loading and detaches the source; the media element is left empty. */
  unload(): void {
    this.loadId++;
    this.saidOffline = false;
    this.session?.destroy();
    this.session = null;
    globalThis.removeEventListener('online', this.onOnline);
    this.media.removeEventListener('error', this.onMediaError);
    if (this.media.hasAttribute('src')) {
      this.media.removeAttribute('src');
      this.media.load();
    }
    // A seek before the media loaded sets the default start position, which load() keeps: the
    // next source must not start where the previous one was left.
    if (this.media.currentTime !== 0) this.media.currentTime = 0;
    this.choice = null;
    this.setEngine(null);
  }

  /** Loads the current source again (the UI's Retry, or back online), keeping the position. */
  retry(): void {
    globalThis.removeEventListener('online', this.onOnline);
    if (this.session) {
      this.session.retry();
      return;
    }
    const choice = this.choice;
    if (!choice) return;
    const at = this.media.currentTime;
    const playing = !this.media.paused;
    this.loadId++;
    this.startAt = at;
    this.media.removeEventListener('error', this.onMediaError);
    this.attachNative(choice);
    if (playing) this.media.play().catch(() => {});
  }

  /**
   * Asks again for the play that was requested before the source attached: setting a source drops
   * a pending play() in Chromium (Firefox keeps it, and then a second play() changes nothing).
   */
  private resumePlayRequest(): void {
    if (this.media.paused) this.media.play().catch(() => {});
  }

  private setEngine(kind: EngineKind | null): void {
    if (this.engine === kind) return;
    this.engine = kind;
    this.callbacks.onEngine?.(kind);
    this.host.requestUpdate();
  }

  private attachNative(choice: SourceChoice): void {
    this.choice = choice;
    this.media.addEventListener('error', this.onMediaError);
    this.media.preload = 'metadata';
    this.media.src = choice.url;
    if (this.startAt > 0) this.media.currentTime = this.startAt;
    this.setEngine(choice.kind);
    if (choice.kind === 'native') this.probe(choice);
  }

  /**
   * Asks for the playlist's status once, beside the browser's own load: native HLS reports a 404
   * only as an opaque error, and not at all while a background page defers its media loading.
   * Only an HTTP error counts; a failed probe (CORS) says nothing about playback.
   */
  private probe(choice: SourceChoice): void {
    const id = this.loadId;
    void httpStatus(choice.url).then((status) => {
      if (id !== this.loadId || typeof status !== 'number' || status < 400) return;
      this.media.removeEventListener('error', this.onMediaError);
      this.callbacks.onError(answeredHttp(choice.url, status));
    });
  }

  private readonly onMediaError = (): void => {
    const choice = this.choice;
    const error = this.media.error;
    if (!choice || !error) return;
    const id = this.loadId;
    const report = (e: MediaEngineError): void => {
      if (id === this.loadId) this.callbacks.onError(e);
    };
    if (error.code === MediaError.MEDIA_ERR_DECODE) {
      report({ code: 'media-decode', message: `the audio could not be decoded (${error.message || 'decode error'})`, fatal: true });
      return;
    }
    // The media element hides the HTTP status: ask the server once, to say "404" rather than "failed".
    void httpStatus(choice.url).then((status) => {
      if (status === 'offline') {
        if (id !== this.loadId) return;
        globalThis.addEventListener('online', this.onOnline);
        this.sayOffline();
      } else if (typeof status === 'number' && status >= 400) {
        report(answeredHttp(choice.url, status));
      } else if (error.code === MediaError.MEDIA_ERR_NETWORK || status === 'failed') {
        report({ code: 'media-network', message: `${choice.url} could not be loaded`, fatal: true, url: choice.url });
      } else if (choice.kind === 'native' && this.media.readyState >= HTMLMediaElement.HAVE_METADATA) {
        // The playlist played, so a segment may be what failed (Chromium calls a 404 segment a
        // parse error): ask about those around the position before blaming the browser.
        void failedSegment(choice.url, this.media.currentTime).then((failed) => report(failed ?? cannotPlay(choice)));
      } else {
        report(cannotPlay(choice));
      }
    });
  };
}

/** The fatal error for `url` answering HTTP `status`. */
function answeredHttp(url: string, status: number): MediaEngineError {
  return { code: 'media-network', message: `${url} answered HTTP ${status}`, fatal: true, status, url };
}

/** The error for a source the browser would not play. */
function cannotPlay(choice: SourceChoice): MediaEngineError {
  return { code: 'media-decode', message: `the browser cannot play ${choice.url} (${choice.type})`, fatal: true };
}

/** A media-network error naming the first segment at or after `time` that answers an HTTP error, or null (lazy chunk). */
async function failedSegment(playlistUrl: string, time: number): Promise<MediaEngineError | null> {
  const failed = await import('./hls-segment-status.js')
    .then(({ failingSegment }) => failingSegment(playlistUrl, time, httpStatus))
    .catch(() => null);
  return failed ? answeredHttp(failed.url, failed.status) : null;
}

/** Seconds of audio buffered from the current position on (0 when it is not buffered). */
function bufferedAhead(media: HTMLMediaElement): number {
  const at = media.currentTime;
  const ranges = media.buffered;
  for (let i = 0; i < ranges.length; i++) {
    if (ranges.start(i) <= at + 0.1 && at < ranges.end(i)) return ranges.end(i) - at;
  }
  return 0;
}


/** The HTTP status of `url` (its body is not read), `'offline'`, or `'failed'` (network or CORS). */
async function httpStatus(url: string): Promise<number | 'offline' | 'failed'> {
  if (isOffline()) return 'offline';
  const abort = new AbortController();
  try {
    const response = await fetch(url, { signal: abort.signal, cache: 'no-store', credentials: 'same-origin' });
    return response.status;
  } catch {
    return isOffline() ? 'offline' : 'failed';
  } finally {
    // Only the status matters: never download a whole progressive file to learn it.
    abort.abort();
  }
}
