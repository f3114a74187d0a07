/** Clip times to a tenth of a second (`1:02.3`), since the editor nudges by 0.1 s. */
import { formatTime } from '../../model/time.js';

const separators = new Map<string, string>();

function decimalSeparator(lang: string): string {
  let separator = separators.get(lang);
  if (separator === undefined) {
    try {
      separator = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    } catch {
      separator = '.';
    }
    separators.set(lang, separator);
  }
  return separator;
}

/** `m:ss.t` (or `h:mm:ss.t` with `forceHours` or from an hour), with the language's decimal separator. */
export function formatClipTime(seconds: number, lang = 'en', forceHours = false): string {
  const ms = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
  const whole = Math.floor(ms / 1000);
  const tenths = Math.floor((ms % 1000) / 100);
  return `${formatTime(whole, { forceHours })}${decimalSeparator(lang)}${tenths}`;
}
