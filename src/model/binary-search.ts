/**
 * Binary searches over sorted numeric columns. Pure: used by the transcript, speaker and chapter
 * models for O(log n) time lookups.
 */

/** A sorted, indexable column of numbers: a typed array or a plain array. */
export type NumericColumn = ArrayLike<number>;

/** Index of the first element `>= value` in an ascending column (`length` when none). */
export function lowerBound(column: NumericColumn, value: number, from = 0, to = column.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (column[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element `> value` in an ascending column (`length` when none). */
export function upperBound(column: NumericColumn, value: number, from = 0, to = column.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (column[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the half-open range `[starts[i], ends[i])` containing `time`, or -1.
 * `starts` must be ascending; ranges may leave gaps but must not overlap.
 */
export function rangeAt(starts: NumericColumn, ends: NumericColumn, time: number): number {
  const i = upperBound(starts, time) - 1;
  return i >= 0 && time < ends[i]! ? i : -1;
}

/**
 * Generic search with a comparator: returns the index of an element for which `compare` gives 0,
 * or -1. `compare(item)` returns < 0 when the wanted item lies after `item`, > 0 when before.
 */
export function search<T>(items: ArrayLike<T>, compare: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(items[mid]!);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return mid;
  }
  return -1;
}
