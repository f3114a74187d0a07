// One measured figure, as the table prints it and bench/results.json stores it.
import { summarize } from './stats.js';

/**
 * A figure from repeated measurements: `{id, section, name, unit, value (median), min, max, runs}`
 * plus anything in `extra` (a note, evidence). `values` may be one number (a single run).
 */
export function figure(section, id, name, unit, values, extra = {}) {
  const s = summarize(Array.isArray(values) ? values : [values]);
  return { id, section, name, unit, value: s.value, min: s.min, max: s.max, runs: s.runs, ...extra };
}
