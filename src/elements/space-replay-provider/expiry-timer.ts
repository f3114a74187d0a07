/**
 * A recording's expiry while the page is open: fires once `retention.expiresAt` has passed, so the
 * provider stops playback, unloads the audio and shows the expired state (an expired recording
 * found at load never gets that far).
 */

import { TimerScope } from '../../controllers/timer-scope.js';
import { parseDateTime } from '../../model/date-time.js';

// setTimeout's longest delay (about 24.8 days): a later expiry is waited for in steps.
const LONGEST_DELAY = 2 ** 31 - 1;

/** One recording's expiry timer. */
export class ExpiryTimer {
  private readonly timers = new TimerScope();

  /** `expired` runs once the time has passed (as `isExpired` judges it: strictly after). */
  constructor(private readonly expired: () => void) {}

  /** Waits for `expiresAt` (an RFC 3339 date-time; none: nothing to wait for). */
  arm(expiresAt: string | undefined): void {
    this.cancel();
    const at = parseDateTime(expiresAt);
    if (at === undefined) return;
    const wait = at - Date.now() + 1;
    this.timers.timeout(() => (Date.now() > at ? this.expired() : this.arm(expiresAt)), Math.min(Math.max(0, wait), LONGEST_DELAY));
  }

  /** Stops waiting. */
  cancel(): void {
    this.timers.clear();
  }
}
