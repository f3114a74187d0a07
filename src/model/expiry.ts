/** Retention: whether a recording has passed its `retention.expiresAt`. */

import { parseDateTime } from './date-time.js';

/** The part of a manifest expiry reads. */
export interface Retained {
  /** `expiresAt` is an RFC 3339 date-time. */
  readonly retention?: { readonly expiresAt: string } | undefined;
}

/** Whether `manifest` has expired at `now` (ms since the epoch): true once `now` is past `retention.expiresAt`. */
export function isExpired(manifest: Retained, now: number = Date.now()): boolean {
  const expiresAt = parseDateTime(manifest.retention?.expiresAt);
  return expiresAt !== undefined && now > expiresAt;
}
