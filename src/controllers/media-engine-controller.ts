/**
 * The media engine: plays a manifest's audio on one `<audio>` element, natively (HLS where the
 * browser has it, or a progressive file: {@link NativeSession}) or through hls.js, which is
 * imported on demand in its own chunk together with its recovery logic ({@link HlsSession}). The
 * manifest lists its sources in order of preference: when one fails for good (an HTTP error, no
 * answer before its deadline, audio that cannot be played) the next is tried at the same position,
 * and only when every one failed is the error reported. Every async step is guarded by a load
 * counter, so a source change or a removed element never acts on a stale load.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type Hls from 'hls.js';
import type { HlsConfig } from 'hls.js';
import type { AudioSource } from '../manifest/types.js';
import { DEFAULT_DEADLINES, type Deadlines } from './deadlines.js';
import type { HlsSession } from './hls-session.js';
import type { HlsConstructor, MediaEngineError } from './media-engine-error.js';
import { NativeSession } from './native-session.js';
import { isOffline, OFFLINE_ERROR } from './offline.js';
import { chooseSources, probeCapabilities, type EngineKind, type EnginePreference, type SourceChoice } from './source-choice.js';
import { StallWatch, type StallStage } from './stall-watch.js';

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
  /** How long the playlist (or a file's start) and then audio mid-playback may keep playback waiting, seconds. */
  deadlines?: Deadlines;
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
  /** The sources worth trying, best first, and the one attached. */
  private choices: SourceChoice[] = [];
  private index = -1;
  private session: HlsSession | NativeSession | null = null;
  /** Why each source tried in this round failed (the report, once all did). */
  private failures: MediaEngineError[] = [];
  /** Where playback resumes when a source is attached again (after a failure), and whether it played. */
  private resumeAt = 0;
  private resumePlaying = false;
  private options: LoadOptions = {};
  private readonly stall: StallWatch;
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
    this.stall = new StallWatch(media, () => this.options.deadlines ?? DEFAULT_DEADLINES, (stage, seconds) => this.timedOut(stage, seconds));
    media.addEventListener('waiting', this.onStall);
    media.addEventListener('playing', this.onPlaying);
    host.addController(this);
  }

  /** Watches the connection; loading starts when the host has a manifest. */
  hostConnected(): void {
    globalThis.addEventListener('offline', this.onStall);
  }

  /** Tears everything down: a removed player keeps no network, worker or timer alive, and plays nothing. */
  hostDisconnected(): void {
    globalThis.removeEventListener('offline', this.onStall);
    // A play() asked for before any source keeps an empty element "playing"; removed, it must not.
    this.media.pause();
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
    if (this.saidOffline || !this.session || !isOffline() || media.paused || media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) return;
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
    const session = this.session;
    return session && 'hls' in session ? session.hls : null;
  }

  /** Whether a source is attached. */
  get loaded(): boolean {
    return this.session !== null;
  }

  /**
   * Plays the best of `audio` the browser supports. Resolves once a source is attached (or none
   * could be). A later `load` or `unload` makes this one stale: none of its callbacks run after.
   */
  async load(audio: readonly AudioSource[], preference: EnginePreference, options: LoadOptions = {}): Promise<void> {
    this.unload();
    this.options = options;
    this.resumeAt = options.startAt ?? 0;
    // play() on the empty element (a page that plays a player as soon as it makes it) is kept:
    // the source plays once attached. unload() above already dropped any request on an old source.
    this.resumePlaying = !this.media.paused;
    this.choices = chooseSources(audio, preference, probeCapabilities(this.media));
    if (this.choices.length === 0) {
      this.report(noSource(audio));
      return;
    }
    await this.attachFrom(0, this.loadId);
  }

  /** Stops loading and detaches the source; the media element is left empty. */
  unload(): void {
    this.loadId++;
    this.detach();
    this.choices = [];
    this.index = -1;
    this.failures = [];
    globalThis.removeEventListener('online', this.onOnline);
    // A seek before the media loaded sets the default start position, which load() keeps: the
    // next source must not start where the previous one was left.
    if (this.media.currentTime !== 0) this.media.currentTime = 0;
    this.setEngine(null);
  }

  /**
   * Loads again (the UI's Retry, or back online), keeping the position: the attached source, or,
   * once every source failed, all of them again from the first.
   */
  retry(): void {
    globalThis.removeEventListener('online', this.onOnline);
    if (this.session) {
      this.session.retry();
      return;
    }
    if (this.choices.length === 0) return;
    this.loadId++;
    this.failures = [];
    void this.attachFrom(0, this.loadId);
  }

  /** Attaches the first of `choices[from…]` that starts, at the resume position; reports when none does. */
  private async attachFrom(from: number, id: number): Promise<void> {
    for (let i = from; i < this.choices.length; i++) {
      const choice = this.choices[i]!;
      let started: boolean;
      try {
        started = choice.kind === 'hls.js' ? await this.startHls(i, id) : this.startNative(i);
      } catch (error) {
        // Whatever threw (a page's policy refusing something, a broken build): this source cannot start.
        if (id !== this.loadId) return;
        this.detach();
        this.failures.push({ code: 'start-failed', message: `${choice.url} could not start (${String(error)})`, fatal: true, url: choice.url });
        continue;
      }
      if (id !== this.loadId) return;
      if (!started) continue;
      this.setEngine(choice.kind);
      this.stall.start();
      // Setting a source drops a pending play() in Chromium (Firefox keeps it, and then a second
      // play() changes nothing): ask again for the play that was wanted.
      if (this.resumePlaying && this.media.paused) this.media.play().catch(() => {});
      return;
    }
    // The position stays where playback stopped (an empty element reads its default start position).
    if (this.resumeAt > 0) this.media.currentTime = this.resumeAt;
    this.report(this.failures.length > 0 ? allFailed(this.failures) : noSource(this.choices));
  }

  /** Makes `session` the one playing `choices[index]`, at once: its first report may come before `attachFrom` goes on. */
  private adopt(session: HlsSession | NativeSession, index: number): true {
    this.session = session;
    this.index = index;
    return true;
  }

  private startNative(index: number): boolean {
    const session: NativeSession = new NativeSession(this.media, this.choices[index]!, this.resumeAt, this.deadlines().request, {
      onError: (e) => this.sessionFailed(session, e),
      onOffline: () => {
        if (session !== this.session) return;
        globalThis.addEventListener('online', this.onOnline);
        this.sayOffline();
      },
    });
    return this.adopt(session, index);
  }

  /** hls.js on `choices[index]`; false when its chunk cannot load, MSE cannot play it, or load `id` went stale meanwhile. */
  private async startHls(index: number, id: number): Promise<boolean> {
    let loaded: [HlsConstructor, typeof import('./hls-session.js')];
    try {
      loaded = await Promise.all([MediaEngineController.loadHls(), import('./hls-session.js')]);
    } catch {
      // The hls.js chunk did not load (offline, blocked): try the next source.
      return false;
    }
    const [Hls, { HlsSession }] = loaded;
    if (id !== this.loadId || !Hls.isSupported()) return false;
    const session: HlsSession = new HlsSession(Hls, this.media, this.choices[index]!.url, this.options.hlsConfig ?? {}, {
      onError: (e) => (e.fatal ? this.sessionFailed(session, e) : session === this.session && this.callbacks.onError(e)),
      onRecovered: () => session === this.session && this.callbacks.onRecovered?.(),
    }, this.resumeAt);
    return this.adopt(session, index);
  }

  private deadlines(): Deadlines {
    return this.options.deadlines ?? DEFAULT_DEADLINES;
  }

  /** Nothing came for longer than the deadline while playback waited: this source has failed. */
  private timedOut(stage: StallStage, seconds: number): void {
    const choice = this.choices[this.index];
    if (!this.session || !choice) return;
    const message =
      stage === 'source'
        ? `${choice.url} did not answer within ${seconds} s`
        : `no audio of ${choice.url} arrived for ${seconds} s (at ${this.media.currentTime.toFixed(1)} s)`;
    this.sessionFailed(this.session, { code: 'media-network', message, fatal: true, url: choice.url, timeout: seconds });
  }

  /** `session` failed for good: the next source takes over at the same position, or, when none is left, the error is reported. */
  private sessionFailed(session: HlsSession | NativeSession, error: MediaEngineError): void {
    if (session !== this.session) return;
    this.resumeAt = this.position();
    this.resumePlaying = !this.media.paused;
    this.detach();
    this.failures.push(error);
    void this.attachFrom(this.index + 1, this.loadId);
  }

  /** Where playback is: before metadata, where the source was asked to start (or was seeked to meanwhile). */
  private position(): number {
    const media = this.media;
    return media.readyState >= HTMLMediaElement.HAVE_METADATA || media.currentTime > 0 ? media.currentTime : this.resumeAt;
  }

  private detach(): void {
    this.stall.stop();
    this.saidOffline = false;
    this.session?.destroy();
    this.session = null;
    if (this.media.hasAttribute('src')) {
      this.media.removeAttribute('src');
      this.media.load();
    }
  }

  private report(error: MediaEngineError): void {
    this.setEngine(null);
    this.callbacks.onError(error);
  }

  private setEngine(kind: EngineKind | null): void {
    if (this.engine === kind) return;
    this.engine = kind;
    this.callbacks.onEngine?.(kind);
    this.host.requestUpdate();
  }
}

/** The error of a recording none of whose sources this browser can play. */
function noSource(sources: readonly { type: string }[]): MediaEngineError {
  return {
    code: 'no-source',
    message: `none of the ${sources.length} audio source(s) can play in this browser (${sources.map((a) => a.type).join(', ')})`,
    fatal: true,
  };
}

/** What is reported once every source failed: the last failure, its message naming each. */
function allFailed(failures: readonly MediaEngineError[]): MediaEngineError {
  const last = failures[failures.length - 1]!;
  return failures.length === 1 ? last : { ...last, message: failures.map((f) => f.message).join('; then ') };
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
