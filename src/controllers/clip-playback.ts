/**
 * Clip playback: plays a range of the recording and stops at its end, within a frame and never
 * past it. Opens clip links from the page (`#t=90,120`, `?t=1m30s`, see docs/clip-links.md), plays
 * host highlights and editor previews, and offers the way out ("Play full recording").
 * A clip link that overlaps a participant who refused clipping opens as a plain timestamp, with a
 * notice naming them (docs/clips.md).
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkClipConsent, clipsAllowed, type ClipConsentManifest, type ClipParticipant } from '../model/clip-consent.js';
import { parseClipLink } from '../model/clip-link.js';
import { canSeekTo } from './seekable-time.js';
import { TimerScope } from './timer-scope.js';

/** Where an active clip came from. */
export type ClipSource = 'link' | 'highlight' | 'preview';

/** The range being played as a clip. */
export interface ActiveClip {
  /** Start, seconds. */
  start: number;
  /** End, seconds: playback stops here. */
  end: number;
  /** What started it. */
  source: ClipSource;
  /** The recording id the link named, if any. */
  id?: string;
}

/** Why a clip link opened as a plain timestamp: the range overlaps people who refused clipping. */
export interface ClipNotice {
  /** The only kind so far. */
  kind: 'consent';
  /** The range the link asked for. */
  start: number;
  /** Its end. */
  end: number;
  /** Who refused, in manifest order. */
  participants: ClipParticipant[];
}

/** What {@link ClipPlaybackController.openDeepLink} needs to know about the recording. */
export interface DeepLinkOptions {
  /** This player's recording id: links naming another recording are ignored. */
  id?: string;
  /** The recording's length: the range is clamped to it. */
  duration?: number;
  /** Participants, segments and retention, for the consent and expiry rules. */
  manifest?: ClipConsentManifest & { readonly retention?: { readonly expiresAt: string } | undefined };
  /** The link to read; default the page's own URL, which is then read again on `hashchange`. */
  url?: string;
  /** The time (ms since the epoch) expiry is judged at; default now. */
  now?: number;
}

/** What a clip link asked for and what was done with it. */
export interface DeepLinkResult {
  /** Where playback starts, seconds. */
  start: number;
  /** The end the link asked for, if it had one. */
  end?: number;
  /** Whether it opened as a clip (false: a plain timestamp). */
  clip: boolean;
  /** When refused for consent: who refused. */
  refused?: ClipParticipant[];
  /** The recording id the link named. */
  id?: string;
}

/** Hooks for the host. */
export interface ClipPlaybackCallbacks {
  /** The active clip or the notice changed. */
  onChange?(active: ActiveClip | null, notice: ClipNotice | null): void;
  /** Playback stopped at the clip's end. */
  onClipEnd?(clip: ActiveClip): void;
}

// Start watching every frame this long (media seconds, times the rate) before the end:
// `timeupdate` comes only about every 250 ms, so it alone would overshoot.
const WATCH_WINDOW = 0.6;
// A seek this far outside the clip is the listener leaving it.
const OUTSIDE_TOLERANCE = 0.25;
// Pressing play this close to the end replays the clip from its start.
const REPLAY_TOLERANCE = 0.05;
const DEFAULT_FRAME_SECONDS = 1 / 60;
/** Looks (every 250 ms) for a waiting seek to become possible, for 5 s after metadata or the last progress event. */
const PENDING_SEEK_RETRIES = 20;
// Never guess further than this past the last reported position.
const MAX_EXTRAPOLATION = 0.1;

/** Plays ranges of one media element and stops them at their end. */
export class ClipPlaybackController implements ReactiveController {
  /** The clip being played (its range is highlighted), or null. */
  active: ActiveClip | null = null;
  /** Set when a clip link was refused for consent (the host shows it), else null. */
  notice: ClipNotice | null = null;

  private readonly timers = new TimerScope();
  private connected = false;
  private cancelFrame: (() => void) | null = null;
  private cancelTimeout: (() => void) | null = null;
  private lastFrame = 0;
  private frameSeconds = DEFAULT_FRAME_SECONDS;
  /** Seeks the controller made whose `seeking` has not come yet (those are not the listener leaving the clip). */
  private ownSeeks = 0;
  /** The last distinct `currentTime` read, and when (some clocks advance in steps: Firefox's by 40 ms). */
  private sampleTime = -1;
  private sampleAt = 0;
  private pendingSeek: number | null = null;
  private cancelRetry: (() => void) | null = null;
  private retriesLeft = PENDING_SEEK_RETRIES;
  private linkOptions: DeepLinkOptions | null = null;

  /** Adds itself to `host`; `media` is the element that plays the recording. */
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly media: HTMLMediaElement,
    private readonly callbacks: ClipPlaybackCallbacks = {},
  ) {
    host.addController(this);
  }

  /** Starts watching the media element (and the page's hash, once a link was read from it). */
  hostConnected(): void {
    if (this.connected) return;
    this.connected = true;
    const m = this.media;
    m.addEventListener('timeupdate', this.onTimeUpdate);
    m.addEventListener('play', this.onPlay);
    m.addEventListener('playing', this.onPlaying);
    m.addEventListener('pause', this.onPause);
    m.addEventListener('ended', this.onPause);
    m.addEventListener('seeking', this.onSeeking);
    m.addEventListener('ratechange', this.onTimeUpdate);
    m.addEventListener('loadedmetadata', this.onMetadata);
    m.addEventListener('progress', this.onMetadata);
    if (this.linkOptions && this.linkOptions.url === undefined) globalThis.addEventListener?.('hashchange', this.onHashChange);
    if (!m.paused) this.onPlaying();
  }

  /** Stops every listener, frame and timer. */
  hostDisconnected(): void {
    this.connected = false;
    const m = this.media;
    m.removeEventListener('timeupdate', this.onTimeUpdate);
    m.removeEventListener('play', this.onPlay);
    m.removeEventListener('playing', this.onPlaying);
    m.removeEventListener('pause', this.onPause);
    m.removeEventListener('ended', this.onPause);
    m.removeEventListener('seeking', this.onSeeking);
    m.removeEventListener('ratechange', this.onTimeUpdate);
    m.removeEventListener('loadedmetadata', this.onMetadata);
    m.removeEventListener('progress', this.onMetadata);
    globalThis.removeEventListener?.('hashchange', this.onHashChange);
    this.disarm();
    this.timers.clear();
    this.cancelRetry = null;
  }

  /**
   * Reads a clip link (the page URL unless `options.url`) and acts on it: a range opens as a clip
   * (seek to its start; playback will stop at its end), a single time seeks there, a range that
   * overlaps someone who refused clipping (or of an expired recording) seeks to its start as a
   * plain timestamp, with {@link notice} set for consent. Returns what was read, or undefined when
   * the link has no valid time for this recording. Does not start playback.
   */
  openDeepLink(options: DeepLinkOptions = {}): DeepLinkResult | undefined {
    const first = this.linkOptions === null;
    this.linkOptions = options;
    if (first && options.url === undefined && this.connected) globalThis.addEventListener?.('hashchange', this.onHashChange);
    const url = options.url ?? globalThis.location?.href;
    if (!url) return undefined;
    const target = parseClipLink(url, {
      ...(options.id !== undefined ? { id: options.id } : {}),
      ...(options.duration !== undefined ? { duration: options.duration } : {}),
    });
    if (!target) return undefined;
    const result: DeepLinkResult = { start: target.start, clip: false };
    if (target.end !== undefined) result.end = target.end;
    if (target.id !== undefined) result.id = target.id;

    let active: ActiveClip | null = null;
    let notice: ClipNotice | null = null;
    if (target.end !== undefined) {
      const manifest = options.manifest;
      const allowed = manifest ? clipsAllowed(manifest, options.now ?? Date.now()) : true;
      const consent = manifest ? checkClipConsent(manifest, target.start, target.end) : ({ ok: true } as const);
      if (allowed && consent.ok) {
        active = { start: target.start, end: target.end, source: 'link' };
        if (target.id !== undefined) active.id = target.id;
        result.clip = true;
      } else if (!consent.ok) {
        notice = { kind: 'consent', start: target.start, end: target.end, participants: consent.participants };
        result.refused = consent.participants;
      }
    }
    this.set(active, notice);
    this.seekTo(target.start);
    return result;
  }

  /**
   * Plays `[start, end)` as a clip (a host highlight or an editor preview): seeks to `start`, plays,
   * and stops at `end`. Resolves true once playing, false when the range is empty or play() was refused.
   */
  async playClip(start: number, end: number, source: ClipSource = 'highlight'): Promise<boolean> {
    if (!this.setClip(start, end, source)) return false;
    try {
      await this.media.play();
      return true;
    } catch {
      // Autoplay refused, or the source was replaced: the range stays set for the next play.
      return false;
    }
  }

  /** Sets `[start, end)` as the active clip and seeks to its start, without playing. False for an empty range. */
  setClip(start: number, end: number, source: ClipSource = 'highlight'): boolean {
    if (!Number.isFinite(start) || !Number.isFinite(end)) return false;
    const s = Math.max(0, start);
    if (!(end > s)) return false;
    this.set({ start: s, end, source }, null);
    this.seekTo(s);
    return true;
  }

  /** Leaves the clip and plays on from where playback is ("Play full recording"). */
  async playFullRecording(): Promise<void> {
    this.exit();
    try {
      await this.media.play();
    } catch {
      // Refused autoplay: the listener presses play.
    }
  }

  /**
   * The listener asked for `time` (the timeline, a key, the transcript, `seek()`): a link's seek
   * still waiting for the audio is dropped, so it cannot land after theirs, and a time outside
   * the clip leaves it.
   */
  listenerSeek(time: number): void {
    this.pendingSeek = null;
    this.cancelRetry?.();
    this.cancelRetry = null;
    const clip = this.active;
    if (clip && (time < clip.start - OUTSIDE_TOLERANCE || time > clip.end + OUTSIDE_TOLERANCE)) this.exit();
  }

  /** Leaves the clip (and clears any notice) without touching playback. */
  exit(): void {
    this.set(null, null);
  }

  /** Clears the consent notice. */
  dismissNotice(): void {
    this.set(this.active, null);
  }

  private set(active: ActiveClip | null, notice: ClipNotice | null): void {
    if (active === this.active && notice === this.notice) return;
    this.active = active;
    this.notice = notice;
    if (active && !this.media.paused) this.check();
    else if (!active) this.disarm();
    this.callbacks.onChange?.(active, notice);
    this.host.requestUpdate();
  }

  private seekTo(time: number): void {
    // Before metadata a seek would be lost (or reset by an MSE attach), and on a file served
    // without byte ranges the browser drops a seek past what it has downloaded (`seekable` is only
    // the buffered part): do it once metadata is known and the time can be reached.
    if (this.media.readyState < HTMLMediaElement.HAVE_METADATA || !canSeekTo(this.media, time)) {
      this.pendingSeek = time;
      // No event says "buffered grew": after metadata, look again a few times a second while
      // data still arrives (a progress event gives it another 5 s).
      if (this.media.readyState >= HTMLMediaElement.HAVE_METADATA && !this.cancelRetry && this.retriesLeft > 0) {
        this.retriesLeft--;
        this.cancelRetry = this.timers.timeout(() => {
          this.cancelRetry = null;
          if (this.pendingSeek !== null) this.seekTo(this.pendingSeek);
        }, 250);
      }
      return;
    }
    this.pendingSeek = null;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.ownSeeks++;
    this.sampleTime = -1;
    this.media.currentTime = time;
  }

  /** Metadata, or more of the file downloaded: a waiting seek may now be possible. */
  private readonly onMetadata = (): void => {
    this.retriesLeft = PENDING_SEEK_RETRIES;
    if (this.pendingSeek !== null) this.seekTo(this.pendingSeek);
  };

  private readonly onHashChange = (): void => {
    if (this.linkOptions && this.linkOptions.url === undefined) this.openDeepLink(this.linkOptions);
  };

  private readonly onSeeking = (): void => {
    this.sampleTime = -1;
    if (this.ownSeeks > 0) {
      this.ownSeeks--;
      return;
    }
    // While the controller's own seek waits for data, positions are the browser's (a start position
    // clamped to what it has downloaded), not the listener leaving the clip: that seek still comes.
    if (this.pendingSeek !== null) return;
    const time = this.media.currentTime;
    const clip = this.active;
    // Seeking away from the clip (waveform, transcript, keys) leaves it.
    if (clip && (time < clip.start - OUTSIDE_TOLERANCE || time > clip.end + OUTSIDE_TOLERANCE)) this.exit();
  };

  private readonly onPlay = (): void => {
    const clip = this.active;
    if (clip && this.media.currentTime >= clip.end - REPLAY_TOLERANCE) this.seekTo(clip.start);
  };

  private readonly onPlaying = (): void => {
    this.sampleTime = -1;
    this.check();
  };

  private readonly onPause = (): void => {
    this.disarm();
  };

  private readonly onTimeUpdate = (): void => {
    if (!this.media.paused) this.check();
  };

  /** Stops when at the end, else watches every frame once the end is near. */
  private check(): void {
    const clip = this.active;
    if (!clip || this.media.paused || this.media.seeking) return;
    const rate = Math.max(this.media.playbackRate || 1, 0.0625);
    const now = this.position(rate);
    // Stop when the end is nearer than half a frame away: the error is at most half a frame either way.
    if (now + (this.frameSeconds * rate) / 2 >= clip.end) {
      this.stop(clip);
      return;
    }
    const remaining = clip.end - now;
    if (remaining > WATCH_WINDOW * Math.max(1, rate)) return;
    if (!this.cancelFrame) {
      this.lastFrame = 0;
      this.cancelFrame = this.timers.frame(this.onFrame);
    }
    // Frames stop in background tabs; a timer still fires there (late, but not as late as timeupdate).
    this.cancelTimeout?.();
    this.cancelTimeout = this.timers.timeout(() => {
      this.cancelTimeout = null;
      this.check();
    }, Math.max(0, (remaining / rate) * 1000 - 5));
  }

  /** Where playback is: `currentTime`, moved on by the time since it last changed when the clock steps. */
  private position(rate: number): number {
    const reported = this.media.currentTime;
    const wall = performance.now();
    if (reported !== this.sampleTime) {
      this.sampleTime = reported;
      this.sampleAt = wall;
      return reported;
    }
    // A stalled clock (waiting for data) is not moving: no guessing then.
    if (this.media.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) return reported;
    return reported + Math.min(MAX_EXTRAPOLATION, ((wall - this.sampleAt) / 1000) * rate);
  }

  private readonly onFrame = (time: number): void => {
    this.cancelFrame = null;
    if (this.lastFrame > 0) this.frameSeconds = Math.min(0.05, Math.max(0.004, (time - this.lastFrame) / 1000));
    this.lastFrame = time;
    this.check();
  };

  private stop(clip: ActiveClip): void {
    this.disarm();
    this.media.pause();
    // Show the exact end (the pause landed within half a frame of it).
    if (this.media.currentTime !== clip.end) this.seekTo(clip.end);
    if (clip.source === 'preview') this.set(null, this.notice);
    this.callbacks.onClipEnd?.(clip);
  }

  private disarm(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.cancelTimeout?.();
    this.cancelTimeout = null;
  }
}
