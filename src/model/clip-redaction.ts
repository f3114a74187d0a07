/**
 * Clips and redactions: a clip may not cover a range that was removed from the recording (a
 * redaction), because what was silenced must not come back as a shareable clip. Pure; used by the
 * CLI's `clip` and `rss`, and meant for the player's clip tools as well.
 */
import { upperBound } from './binary-search.js';

/** The part of a redaction the check reads (half-open `[startTime, endTime)`). */
export interface RedactionRange {
  readonly startTime: number;
  readonly endTime: number;
  readonly reason?: string | undefined;
}

/** Merged, sorted redactions, each merged interval keeping the first redaction it came from. */
interface RedactionIndex {
  starts: Float64Array;
  ends: Float64Array;
  first: RedactionRange[];
}

const indexes = new WeakMap<object, RedactionIndex>();

function indexOf(redactions: readonly RedactionRange[]): RedactionIndex {
  let index = indexes.get(redactions);
  if (index) return index;
  const valid = redactions
    .filter((r) => r && Number.isFinite(r.startTime) && Number.isFinite(r.endTime) && r.endTime > r.startTime)
    .sort((a, b) => a.startTime - b.startTime);
  const starts: number[] = [];
  const ends: number[] = [];
  const first: RedactionRange[] = [];
  for (const r of valid) {
    const last = ends.length - 1;
    if (last >= 0 && r.startTime <= ends[last]!) ends[last] = Math.max(ends[last]!, r.endTime);
    else {
      starts.push(r.startTime);
      ends.push(r.endTime);
      first.push(r);
    }
  }
  index = { starts: Float64Array.from(starts), ends: Float64Array.from(ends), first };
  indexes.set(redactions, index);
  return index;
}

/**
 * The first removed range (in time order) that `[start, end)` overlaps, or undefined: overlapping
 * or touching redactions count as one range, with the first one's reason. Half-open on
 * both sides: a clip that ends where a redaction starts is fine. O(log n) after a one-time index
 * per `redactions` array.
 */
export function overlappingRedaction(
  manifest: { readonly redactions?: readonly RedactionRange[] | undefined },
  start: number,
  end: number,
): RedactionRange | undefined {
  const redactions = manifest?.redactions;
  if (!Array.isArray(redactions) || redactions.length === 0 || !(end > start)) return undefined;
  const index = indexOf(redactions);
  const i = upperBound(index.ends, start);
  if (!(i < index.starts.length && index.starts[i]! < end)) return undefined;
  const reason = index.first[i]!.reason;
  return { startTime: index.starts[i]!, endTime: index.ends[i]!, ...(reason !== undefined ? { reason } : {}) };
}
