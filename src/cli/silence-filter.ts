/**
 * The ffmpeg filter that silences redacted time ranges. One `volume` filter whose `enable`
 * expression is a balanced binary tree of `if(lt(t,…))` tests over the sorted ranges, so each audio
 * frame costs O(log n) comparisons however many ranges there are (a chain of one filter per range
 * would cost O(n) per frame).
 */

/** A time range in seconds, half-open. */
export interface TimeRange {
  start: number;
  end: number;
}

/** Sorts ranges and merges those that overlap or touch. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((range) => range.end > range.start).sort((a, b) => a.start - b.start);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** An ffmpeg expression in `t` that is non-zero inside any of the merged, sorted `ranges`. */
export function insideRangesExpression(ranges: readonly TimeRange[]): string {
  if (ranges.length === 0) return '0';
  const tree = (lo: number, hi: number): string => {
    if (hi - lo === 1) return `between(t,${seconds(ranges[lo]!.start)},${seconds(ranges[lo]!.end)})`;
    const mid = (lo + hi) >>> 1;
    return `if(lt(t,${seconds(ranges[mid]!.start)}),${tree(lo, mid)},${tree(mid, hi)})`;
  };
  return tree(0, ranges.length);
}

/**
 * Filter chain (without labels) that silences `ranges`. Frames are cut to `frameSamples` first
 * because `enable` is decided once per frame: 256 samples bound the error to ~5 ms at 48 kHz.
 */
export function silenceFilterChain(ranges: readonly TimeRange[], frameSamples = 256): string {
  const merged = mergeRanges(ranges);
  if (merged.length === 0) return 'anull';
  return `asetnsamples=n=${frameSamples}:p=0,volume=volume=0:enable='${insideRangesExpression(merged)}'`;
}

function seconds(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
