/**
 * How long the player waits for the network before it says so. Every request and every wait for
 * audio has a deadline: without one, a server that accepts a connection and never answers leaves a
 * listener looking at a skeleton or a "buffering" spinner forever.
 */

/** Seconds a request (manifest, peaks, transcript, chapters, the HLS playlist) may take before it counts as failed. */
export const REQUEST_TIMEOUT_SECONDS = 15;

/** Seconds playback may wait for audio that was asked for (a segment, the next bytes of a file) before it counts as failed. */
export const STALL_TIMEOUT_SECONDS = 20;

/** The deadlines a player uses, seconds. */
export interface Deadlines {
  /** A request (see {@link REQUEST_TIMEOUT_SECONDS}). */
  request: number;
  /** Waiting for audio while playing (see {@link STALL_TIMEOUT_SECONDS}). */
  stall: number;
}

/** The default deadlines. */
export const DEFAULT_DEADLINES: Readonly<Deadlines> = Object.freeze({ request: REQUEST_TIMEOUT_SECONDS, stall: STALL_TIMEOUT_SECONDS });

/** `seconds` when it is a positive number, else `fallback` (a bad attribute value keeps the default). */
export function deadlineOr(seconds: number | undefined, fallback: number): number {
  return typeof seconds === 'number' && seconds > 0 && Number.isFinite(seconds) ? seconds : fallback;
}

/** A signal that aborts with `signal`, or after `seconds` with a `TimeoutError`; `clear()` ends the wait. */
export interface DeadlineSignal {
  readonly signal: AbortSignal;
  /** Whether it was the deadline that aborted it. */
  readonly timedOut: boolean;
  clear(): void;
}

/** Follows `signal`, and aborts after `seconds` too. Call `clear()` once the request is done, so no timer outlives it. */
export function withDeadline(signal: AbortSignal, seconds: number): DeadlineSignal {
  const controller = new AbortController();
  let timedOut = false;
  const follow = (): void => controller.abort(signal.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${seconds} s`, 'TimeoutError'));
  }, seconds * 1000);
  const clear = (): void => {
    clearTimeout(timer);
    signal.removeEventListener('abort', follow);
  };
  if (signal.aborted) follow();
  else signal.addEventListener('abort', follow, { once: true });
  controller.signal.addEventListener('abort', clear, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear,
  };
}
