/** Retention: whether a recording has passed its `retention.expiresAt`. */

import { parseDateTime } from './date-time.js';
import type { Manifest } from './types.js';

/** Whether `manifest` has expired at `now` (ms since the epoch): true once `now` is past `retention.expiresAt`. */
export function isExpired(manifest: Pick<Manifest, 'retention'>, now: number = Date.now()): boolean {
  const expiresAt = parseDateTime(manifest.retention?.expiresAt);
  return expiresAt !== undefined && now > expiresAt;
}
