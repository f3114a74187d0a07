/**
 * Timeouts and animation frames owned by one controller, cancelled together on teardown. A count of
 * the live ones across every scope lets tests prove that a removed player leaves nothing running.
 */

let live = 0;

/** The number of timeouts and animation frames scheduled through any {@link TimerScope} and still pending. */
export function liveTimers(): number {
  return live;
}

/** A set of pending timeouts and animation frames that {@link TimerScope.clear} cancels at once. */
export class TimerScope {
  private readonly timeouts = new Set<ReturnType<typeof setTimeout>>();
  private readonly frames = new Set<number>();

  /** Runs `callback` after `ms`; returns a canceller. */
  timeout(callback: () => void, ms: number): () => void {
    const id = setTimeout(() => {
      if (this.timeouts.delete(id)) live--;
      callback();
    }, ms);
    this.timeouts.add(id);
    live++;
    return () => {
      if (this.timeouts.delete(id)) {
        live--;
        clearTimeout(id);
      }
    };
  }

  /** Runs `callback` on the next animation frame; returns a canceller. */
  frame(callback: (now: number) => void): () => void {
    const id = requestAnimationFrame((now) => {
      if (this.frames.delete(id)) live--;
      callback(now);
    });
    this.frames.add(id);
    live++;
    return () => {
      if (this.frames.delete(id)) {
        live--;
        cancelAnimationFrame(id);
      }
    };
  }

  /** How many of this scope's timers are pending. */
  get size(): number {
    return this.timeouts.size + this.frames.size;
  }

  /** Cancels everything pending. */
  clear(): void {
    for (const id of this.timeouts) clearTimeout(id);
    for (const id of this.frames) cancelAnimationFrame(id);
    live -= this.timeouts.size + this.frames.size;
    this.timeouts.clear();
    this.frames.clear();
  }
}
