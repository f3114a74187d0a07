/**
 * The playback position, read by the provider every frame while playing and after seeks, and
 * heard by the parts that follow it (the playhead, the clock, the transcript's highlight). It
 * bypasses Lit's update cycle: a render per frame would cost far more than the few writes a part
 * makes when its own value changes.
 */

/** What a part sees of the clock. */
export interface PlayerClock {
  /** The last position read, seconds. */
  readonly time: number;
  /** Calls `tick` with every new reading; returns the function that stops it. */
  subscribe(tick: (time: number) => void): () => void;
}

/** The provider's side: it sets the time, every subscriber hears it. */
export class ClockHub implements PlayerClock {
  time = 0;
  private readonly ticks = new Set<(time: number) => void>();

  /** See {@link PlayerClock.subscribe}. */
  subscribe(tick: (time: number) => void): () => void {
    this.ticks.add(tick);
    return () => void this.ticks.delete(tick);
  }

  /** A new reading. */
  emit(time: number): void {
    this.time = time;
    for (const tick of this.ticks) tick(time);
  }
}
