/**
 * The second shown by the transport's clock and the timeline slider's value: both must agree, and
 * each part writes them straight to its elements when the second changes (a render of a part for
 * them, twice a second at 2×, cost a few ms of script each time on a slow phone).
 */

import type { Messages } from '../../i18n/messages.js';
import { formatSpokenTime, formatTime } from '../../model/time.js';

/** What second `second` of a `duration`-second recording reads as, in `lang`. */
export interface SecondTexts {
  /** The slider's `aria-valuenow`. */
  valueNow: string;
  /** The slider's `aria-valuetext` ("1 minute of 4 hours"). */
  valueText: string;
  /** The clock's elapsed time ("1:02"). */
  elapsed: string;
  /** The clock's remaining time ("-0:16"). */
  remaining: string;
  /** How the remaining time is read out. */
  remainingLabel: string;
}

/** The texts of `second` (whole seconds) of a `duration`-second recording. */
export function secondTexts(second: number, duration: number, m: Messages, lang: string): SecondTexts {
  const hours = duration >= 3600;
  const now = Math.min(second, Math.floor(duration));
  const left = duration - Math.min(second, duration);
  return {
    valueNow: String(now),
    valueText: m.valueText(formatSpokenTime(now, lang), formatSpokenTime(duration, lang)),
    elapsed: formatTime(Math.min(second, duration), { forceHours: hours }),
    remaining: formatTime(-left, { forceHours: hours }),
    remainingLabel: m.remaining(formatSpokenTime(left, lang)),
  };
}
