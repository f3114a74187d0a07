/**
 * The playback clock: reads `currentTime` once per animation frame while playing (media
 * `timeupdate` fires only about every 250 ms), and on media events (seeks, `timeupdate`), which
 * also keep it going in a hidden page where frames stop. The host's `tick` decides what changed;
 * no frame is requested while paused, so an idle player costs nothing.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TimerScope } from './timer-scope.js';

/** Drives a `tick(currentTime)` callback from a media element. */
export class PlaybackClockController implements ReactiveController {
  private readonly timers = new TimerScope();
  private cancelFrame: (() => void) | null = null;
  private listening = false;

  /** Adds itself to `host`; `tick` runs each frame while `media` plays and after seeks. */
  constructor(
    host: ReactiveControllerHost,
    private readonly media: HTMLMediaElement,
    private readonly tick: (time: number) => void,
  ) {
    host.addController(this);
  }

  /** Starts listening to the media element. */
  hostConnected(): void {
    if (this.listening) return;
    this.listening = true;
    for (const type of ['play', 'playing'] as const) this.media.addEventListener(type, this.start);
    for (const type of ['pause', 'ended', 'emptied'] as const) this.media.addEventListener(type, this.stop);
    for (const type of ['seeked', 'seeking', 'timeupdate', 'loadedmetadata'] as const) this.media.addEventListener(type, this.once);
    if (!this.media.paused) this.start();
  }

  /** Stops the frame loop and every listener. */
  hostDisconnected(): void {
    this.listening = false;
    for (const type of ['play', 'playing'] as const) this.media.removeEventListener(type, this.start);
    for (const type of ['pause', 'ended', 'emptied'] as const) this.media.removeEventListener(type, this.stop);
    for (const type of ['seeked', 'seeking', 'timeupdate', 'loadedmetadata'] as const) this.media.removeEventListener(type, this.once);
    this.halt();
  }

  /** Whether the frame loop runs. */
  get running(): boolean {
    return this.cancelFrame !== null;
  }

  private readonly start = (): void => {
    if (this.cancelFrame) return;
    const frame = (): void => {
      this.cancelFrame = this.timers.frame(frame);
      this.tick(this.media.currentTime);
    };
    frame();
  };

  private readonly stop = (): void => {
    this.halt();
    this.tick(this.media.currentTime);
  };

  private halt(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.timers.clear();
  }

  // Also while the frame loop runs: a hidden page gets no animation frames, and `timeupdate`
  // keeps the clock going there (the host's tick diffs, so a repeat costs nothing).
  private readonly once = (): void => {
    this.tick(this.media.currentTime);
  };
}
