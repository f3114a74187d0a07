/**
 * Where a listener stopped, per recording, in localStorage, so coming back resumes there. Storage
 * may be missing or full (private modes, quotas): every access is allowed to fail quietly.
 */

const PREFIX = 'space-replay:position:';
/** Positions this close to either end are not worth resuming. */
const EDGE_SECONDS = 5;

/** The saved position of recording `id`, when it is worth resuming (not at either end). */
export function readPosition(id: string, duration: number): number | undefined {
  try {
    const value = Number(localStorage.getItem(PREFIX + id));
    return Number.isFinite(value) && value > EDGE_SECONDS && value < duration - EDGE_SECONDS ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves `seconds` as recording `id`'s position (forgets it near the end: the listener finished). */
export function writePosition(id: string, seconds: number, duration: number): void {
  try {
    if (seconds >= duration - EDGE_SECONDS) localStorage.removeItem(PREFIX + id);
    else localStorage.setItem(PREFIX + id, String(Math.floor(seconds)));
  } catch {
    // Storage is optional.
  }
}

/** Forgets recording `id`'s position. */
export function clearPosition(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Storage is optional.
  }
}
