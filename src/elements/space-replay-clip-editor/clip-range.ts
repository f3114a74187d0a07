/**
 * The clip editor's range rules: nudging an end by 0.1 s or to the next word boundary, and keeping
 * the range inside the recording, at least {@link MIN_CLIP_SECONDS} long and at most `maxClip`.
 */
import { lowerBound, upperBound } from '../../model/binary-search.js';
import type { Transcript } from '../../model/transcript/index.js';

/** The shortest clip, seconds. */
export const MIN_CLIP_SECONDS = 0.1;
/** The default longest clip, seconds. */
export const DEFAULT_MAX_CLIP_SECONDS = 120;
// Word boundaries closer than this to an end count as that end.
const EPSILON = 0.0005;

/** A clip's range, seconds. */
export interface ClipRange {
  /** Start. */
  start: number;
  /** End (exclusive). */
  end: number;
}

/** The limits a range is kept in. */
export interface ClipLimits {
  /** The recording's length (NaN or undefined: unknown). */
  duration?: number | undefined;
  /** The longest clip, seconds. */
  maxClip: number;
}

const ms = (t: number): number => Math.round(t * 1000) / 1000;

/**
 * `range` inside the recording and between the shortest and the longest clip. The end that `moved`
 * names gives way to the other: moving the start earlier past the cap is refused, not the end
 * dragged along. `shortened` says the cap cut the range.
 */
export function constrainClip(range: ClipRange, limits: ClipLimits, moved?: 'start' | 'end'): ClipRange & { shortened: boolean } {
  const duration = limits.duration !== undefined && Number.isFinite(limits.duration) && limits.duration > 0 ? limits.duration : Infinity;
  const maxClip = Number.isFinite(limits.maxClip) && limits.maxClip >= MIN_CLIP_SECONDS ? limits.maxClip : DEFAULT_MAX_CLIP_SECONDS;
  let start = ms(Math.min(Math.max(0, range.start), duration));
  let end = ms(Math.min(Math.max(0, range.end), duration));
  let shortened = false;
  if (end - start < MIN_CLIP_SECONDS) {
    if (moved === 'start') start = ms(Math.max(0, end - MIN_CLIP_SECONDS));
    else end = ms(Math.min(duration, start + MIN_CLIP_SECONDS));
    if (end - start < MIN_CLIP_SECONDS) start = ms(Math.max(0, end - MIN_CLIP_SECONDS));
  }
  if (end - start > maxClip + EPSILON) {
    if (moved === 'start') start = ms(end - maxClip);
    else end = ms(start + maxClip);
    shortened = moved === undefined;
  }
  return { start, end, shortened };
}

/** Moves one end by `seconds` (±0.1 in the editor), within the limits. */
export function nudgeBySeconds(range: ClipRange, which: 'start' | 'end', seconds: number, limits: ClipLimits): ClipRange {
  const moved = { ...range, [which]: range[which] + seconds };
  const { start, end } = constrainClip(moved, limits, which);
  return { start, end };
}

/**
 * Moves one end to the next (`step` 1) or previous (-1) word boundary: a start to word starts, an
 * end to word ends. Unchanged when there is no such word. O(log n).
 */
export function nudgeByWord(range: ClipRange, which: 'start' | 'end', step: 1 | -1, transcript: Transcript, limits: ClipLimits): ClipRange {
  const column = which === 'start' ? transcript.wordStart : transcript.wordEnd;
  const value = range[which];
  const i = step === 1 ? upperBound(column, value + EPSILON) : lowerBound(column, value - EPSILON) - 1;
  if (i < 0 || i >= column.length) return { ...range };
  const { start, end } = constrainClip({ ...range, [which]: column[i]! }, limits, which);
  return { start, end };
}
