/** Reads the start and end time of one entry of a JSON transcript's segment array. */
import type { SkippedItem } from './import-result.js';
import { isObject, show, timeValue } from './json-fields.js';

/** A segment that is an object with a valid start and end time (their order not yet checked). */
export interface TimedSegment {
  /** The segment's fields, for the reader's own checks. */
  fields: Record<string, unknown>;
  /** Seconds >= 0. */
  start: number;
  /** Seconds >= 0. */
  end: number;
}

/**
 * The segment at `index` (path `at`) with its `startKey`/`endKey` times, or undefined after
 * noting in `skipped` why it was left out (not an object, or a time missing or negative).
 */
export function readSegmentTimes(
  segment: unknown,
  index: number,
  at: string,
  startKey: string,
  endKey: string,
  skipped: SkippedItem[],
): TimedSegment | undefined {
  if (!isObject(segment)) {
    skipped.push({ index, reason: `${at} is not an object` });
    return undefined;
  }
  const start = timeValue(segment[startKey]);
  const end = timeValue(segment[endKey]);
  if (start === undefined) {
    skipped.push({ index, reason: `${at}.${startKey} ${show(segment[startKey])} is not a time in seconds >= 0` });
    return undefined;
  }
  if (end === undefined) {
    skipped.push({ index, reason: `${at}.${endKey} ${show(segment[endKey])} is not a time in seconds >= 0` });
    return undefined;
  }
  return { fields: segment, start, end };
}
