// Summaries of repeated measurements: the median of the runs is the figure, min and max its spread.

/** `{value: median, min, max, runs}` of `values` (NaN entries dropped; all NaN gives NaN). */
export function summarize(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { value: NaN, min: NaN, max: NaN, runs: values.length };
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { value, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** The `p`-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median of `values`. */
export function median(values) {
  return summarize(values).value;
}
