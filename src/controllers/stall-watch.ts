/**
 * The deadline of playback that waits for audio: once play was asked for, the media must get
 * somewhere (metadata within the request deadline, then data within the stall deadline) or the
 * engine gives up on the source. Engine-agnostic: it reads only the media element, so a playlist
 * or segment that never answers times out the same way in the browser's own HLS, hls.js and a
 * progressive file. Nobody waits for a paused player, so a paused one never times out, and an
 * offline browser is the offline report's business, not a timeout.
 */

import type { Deadlines } from './deadlines.js';
import { isOffline } from './offline.js';
import { TimerScope } from './timer-scope.js';

/** What timed out: the source itself (no metadata yet: the playlist or the file's header), or audio mid-playback. */
export type StallStage = 'source' | 'audio';

/** Watches one media element while a source is attached. */
export class StallWatch {
  private readonly timers = new TimerScope();
  private cancel: (() => void) | null = null;
  private watching = false;

  /** `onTimeout` hears the stage and the deadline that passed, seconds. */
  constructor(
    private readonly media: HTMLMediaElement,
    private readonly deadlines: () => Deadlines,
    private readonly onTimeout: (stage: StallStage, seconds: number) => void,
  ) {}

  /** Starts watching (a source was attached); arms at once when playback already waits. */
  start(): void {
    if (this.watching) return;
    this.watching = true;
    for (const type of ARM) this.media.addEventListener(type, this.arm);
    for (const type of DISARM) this.media.addEventListener(type, this.disarm);
    this.media.addEventListener('loadedmetadata', this.rearm);
    this.arm();
  }

  /** Stops watching and drops the pending deadline. */
  stop(): void {
    if (!this.watching) return;
    this.watching = false;
    for (const type of ARM) this.media.removeEventListener(type, this.arm);
    for (const type of DISARM) this.media.removeEventListener(type, this.disarm);
    this.media.removeEventListener('loadedmetadata', this.rearm);
    this.disarm();
  }

  /** Whether someone waits for audio that is not there. */
  private waiting(): boolean {
    const media = this.media;
    return !media.paused && !media.ended && media.readyState < HTMLMediaElement.HAVE_FUTURE_DATA;
  }

  private readonly arm = (): void => {
    if (this.cancel || !this.waiting()) return;
    const stage: StallStage = this.media.readyState < HTMLMediaElement.HAVE_METADATA ? 'source' : 'audio';
    const { request, stall } = this.deadlines();
    const seconds = stage === 'source' ? request : stall;
    this.cancel = this.timers.timeout(() => {
      this.cancel = null;
      if (!this.waiting()) return;
      // Offline: the engine already said so and waits for the connection; look again later.
      if (isOffline()) this.arm();
      else this.onTimeout(stage, seconds);
    }, seconds * 1000);
  };

  private readonly disarm = (): void => {
    this.cancel?.();
    this.cancel = null;
  };

  /** Metadata arrived: what is awaited now is audio, with the stall deadline from here. */
  private readonly rearm = (): void => {
    this.disarm();
    this.arm();
  };
}

/** Events after which playback may be waiting for data. */
const ARM = ['play', 'waiting', 'seeking', 'stalled'] as const;
/** Events after which nobody waits (playing, paused, the source gone or ended). */
const DISARM = ['playing', 'pause', 'emptied', 'ended'] as const;
