/**
 * Rule 2 for one range: `0 ≤ startTime < endTime ≤ duration + 0.5`. Shared by the manifest rules
 * and the inline transcript loop so both word it the same way.
 */

import type { IssueCollector } from './issues.js';
import { RANGE_END_TOLERANCE } from './limits.js';

/**
 * Checks the half-open range `[start, end)` of item `index` of the list at `list` (its endTime
 * is where errors go). `duration` is `undefined` when the manifest's own duration is invalid (the
 * end is then unchecked).
 */
export function checkTimeRange(
  start: number,
  end: number,
  list: string,
  index: number,
  duration: number | undefined,
  issues: IssueCollector,
): void {
  if (!(end > start)) {
    issues.error(`${list}[${index}].endTime`, `endTime ${end} is not after startTime ${start}`);
  }
  if (duration !== undefined && end > duration + RANGE_END_TOLERANCE) {
    issues.error(
      `${list}[${index}].endTime`,
      `endTime ${end} is past the end of the recording (duration ${duration} s, + ${RANGE_END_TOLERANCE} s allowed)`,
    );
  }
}
