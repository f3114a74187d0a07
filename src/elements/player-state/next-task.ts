/**
 * Yielding to the browser between the steps of loading a recording, so decoding 4 hours of peaks,
 * rendering the player and drawing the waveform are separate tasks, none long enough to delay input.
 */

/** Resolves in a later task (`scheduler.yield()` where the browser has it, else a zero timeout). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
