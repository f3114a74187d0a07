/**
 * The provider's audio: one `<audio>` element, the media engine that feeds it (native HLS,
 * hls.js or a progressive file), the clock that reads its position every frame while playing,
 * and what it reports (playing, buffering, rate, volume), with the player's public media events
 * fired from the host. Made on the provider's first use, never in its constructor: a server
 * rendering the element has no document.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MediaEngineController, type MediaEngineError } from '../../controllers/media-engine-controller.js';
import { PlaybackClockController } from '../../controllers/playback-clock-controller.js';
import { emit, type PlayerErrorDetail } from '../../events.js';
import type { PlayerSnapshot } from '../player-state/player-context.js';

/** What playback keeps up to date (the provider's {@link Playback}: the saved position, the media session). */
export interface PlaybackSync {
  /** Playback started: the media session is this player's. */
  claimSession(): void;
  /** Saves the position (at once when `force`). */
  save(force: boolean): void;
  /** A seek finished or the rate changed (the media session shows the position). */
  syncSession(): void;
}

/** The audio element and what it reports. */
export class MediaState implements ReactiveController {
  /** The element the audio plays through. */
  readonly media: HTMLAudioElement;
  /** Its source: native, hls.js or progressive. */
  readonly engine: MediaEngineController;
  /** Playback reached the end (cleared by play and seeks). */
  ended = false;
  /** Playback waits for data. */
  buffering = false;
  /** Playback rate. */
  rate = 1;
  /** Volume, 0..1. */
  volume = 1;
  /** Muted. */
  muted = false;
  /** The playback problem reported last (`space-replay-error` went out with it), until it clears. */
  error: PlayerErrorDetail | null = null;
  private readonly host: ReactiveControllerHost & HTMLElement;

  /** Makes the audio element and wires it to `host`: `tick` hears the position (every frame while playing, and after seeks), `playingChanged` when playback starts or pauses. */
  constructor(host: ReactiveControllerHost & HTMLElement, playback: PlaybackSync, tick: (time: number) => void, playingChanged: (playing: boolean) => void) {
    this.host = host;
    const media = document.createElement('audio');
    this.media = media;
    media.preload = 'metadata';
    this.engine = new MediaEngineController(host, media, {
      onError: (e) => this.report(e),
      onEngine: (engine) => emit(host, 'space-replay-engine', { engine }),
      onRecovered: () => this.clearError(),
    });
    // The clock registers itself with the host; nothing else needs a handle on it.
    new PlaybackClockController(host, media, tick);
    const on = (type: string, listener: () => void): void => media.addEventListener(type, listener);
    // What the parts show changed: the host shares it (only on a change: `seeked` and `playing` come often).
    const state: MediaState = this;
    const set = <K extends 'ended' | 'buffering' | 'rate' | 'volume' | 'muted'>(field: K, value: MediaState[K]): void => {
      if (state[field] === value) return;
      state[field] = value;
      host.requestUpdate();
    };
    const position = (): { currentTime: number } => ({ currentTime: media.currentTime });
    on('play', () => {
      set('ended', false);
      playingChanged(true);
      playback.claimSession();
      emit(host, 'space-replay-play', position());
    });
    on('pause', () => {
      set('buffering', false);
      playingChanged(false);
      playback.save(true);
      emit(host, 'space-replay-pause', position());
    });
    on('ended', () => {
      set('ended', true);
      emit(host, 'space-replay-ended', position());
    });
    on('waiting', () => set('buffering', true));
    for (const type of ['playing', 'canplay', 'emptied']) on(type, () => set('buffering', false));
    on('seeked', () => {
      playback.syncSession();
      emit(host, 'space-replay-seeked', position());
    });
    on('ratechange', () => {
      set('rate', media.playbackRate);
      playback.syncSession();
      emit(host, 'space-replay-ratechange', { playbackRate: this.rate });
    });
    on('volumechange', () => {
      set('volume', media.volume);
      set('muted', media.muted);
    });
    host.addController(this);
  }

  /** Jumps to `seconds` (the end is no longer reached). */
  seek(seconds: number): void {
    this.media.currentTime = seconds;
    this.ended = false;
  }

  /** Loads the source again after a problem (the Retry button), keeping the position. */
  retry(): void {
    if (!this.error) return;
    this.clearError();
    this.engine.retry();
  }

  /** What the parts see of the audio (no "buffering" beside an error that stopped playback). */
  snapshot(): Pick<PlayerSnapshot, 'ended' | 'buffering' | 'rate' | 'volume' | 'muted' | 'mediaError' | 'media'> {
    const buffering = this.buffering && !this.error?.fatal;
    return { ended: this.ended, buffering, rate: this.rate, volume: this.volume, muted: this.muted, mediaError: this.error, media: this.media };
  }

  /** Reports `error` as the engine's own are (a recording that could not start). */
  fail(error: MediaEngineError): void {
    this.report(error);
  }

  /** Detaches the source for a new recording: nothing of the old one remains. */
  unload(): void {
    this.engine.unload();
    this.clearError();
    this.ended = false;
  }

  /** The problem is over (playback recovered, a retry, a new source). */
  clearError(): void {
    if (!this.error) return;
    this.error = null;
    this.host.requestUpdate();
  }

  private report(error: MediaEngineError): void {
    const { code, message, fatal, status, timeout } = error;
    this.error = { code, message, fatal, ...(status !== undefined ? { status } : {}), ...(timeout !== undefined ? { timeout } : {}) };
    this.host.requestUpdate();
    emit(this.host, 'space-replay-error', this.error);
  }

  /** Nothing: the engine and the clock connect themselves. */
  hostConnected(): void {}

  /** Nothing: the engine unloads itself. */
  hostDisconnected(): void {}
}
