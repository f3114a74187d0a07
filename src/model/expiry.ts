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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SIZES = { minute: MINUTE, hour: HOUR, day: DAY } as const;

/** How long a recording stays available, as a person counts it: days, then hours on the last day, then minutes in the last hour. */
export interface TimeLeft {
  /** How many units are left, rounded up (15 s left is 1 minute). */
  count: number;
  /** The unit. */
  unit: 'day' | 'hour' | 'minute';
  /** Milliseconds until `count` or `unit` changes (when to show it again). */
  changesIn: number;
}

/** What is left of a recording expiring at `expiresAt` (ms since the epoch) at `now`; null once it has expired (as {@link isExpired} says). */
export function timeLeft(expiresAt: number, now: number = Date.now()): TimeLeft | null {
  const ms = expiresAt - now;
  if (!(ms >= 0)) return null;
  const unit = ms < HOUR ? 'minute' : ms < DAY ? 'hour' : 'day';
  const size = SIZES[unit];
  const count = Math.max(1, Math.ceil(ms / size));
  // The next boundary below: one unit less, or (for days and hours) the switch to the smaller unit.
  const boundary = Math.max((count - 1) * size, unit === 'minute' ? 0 : size);
  return { count, unit, changesIn: Math.max(1, ms - boundary) };
}
