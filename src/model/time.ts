/**
 * Time codecs: parsing what people and links write (`1:02:03.5`, `1h2m3s`, `npt:90`), and
 * formatting for the clock display, for screen readers and for clip-link fragments. Pure.
 */

// Media Fragments npt: hh:mm:ss or mm:ss with two-digit minutes and seconds below 60; the leading
// field has any number of digits. A comma decimal is accepted for pasted SRT timestamps.
const CLOCK = /^(\d+):(\d\d)(?::(\d\d))?(\.\d*|,\d+)?$/;
const SECONDS = /^\d+(?:\.\d*)?$/;
const UNITS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/i;

/**
 * Parses a time in seconds: `62.5`, `1:02`, `1:02:03.5`, `01:02:03,500`, `1h2m3s`, `2m30s`, `90s`,
 * with an optional `npt:` prefix. Returns undefined for anything else, including negative values,
 * minutes or seconds of 60 or more in the colon form, and empty text.
 */
export function parseTime(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  let s = text.trim();
  if (s.slice(0, 4).toLowerCase() === 'npt:') s = s.slice(4);
  if (s === '') return undefined;

  let seconds: number | undefined;
  if (SECONDS.test(s)) {
    seconds = Number(s);
  } else {
    const clock = CLOCK.exec(s);
    if (clock) {
      const fraction = clock[4] ? Number(`0.${clock[4].slice(1)}`) || 0 : 0;
      const [first, second, third] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? undefined : Number(clock[3])];
      if (third === undefined) {
        if (first >= 60 || second >= 60) return undefined;
        seconds = first * 60 + second + fraction;
      } else {
        if (second >= 60 || third >= 60) return undefined;
        seconds = first * 3600 + second * 60 + third + fraction;
      }
    } else {
      const units = UNITS.exec(s);
      if (!units || (units[1] === undefined && units[2] === undefined && units[3] === undefined)) return undefined;
      seconds = Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
    }
  }
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Options of {@link formatTime}. */
export interface FormatTimeOptions {
  /** Always write hours (`0:04:03`), e.g. when the whole recording is an hour or longer. */
  forceHours?: boolean;
}

/**
 * Formats seconds for a clock display: `m:ss` under an hour, `h:mm:ss` from an hour (or always with
 * `forceHours`). Whole seconds are floored, so 59.9 s is `0:59`, never `0:60`. A negative value
 * (remaining time) gets a `-` prefix; NaN and infinities give `0:00`.
 */
export function formatTime(seconds: number, options: FormatTimeOptions = {}): string {
  if (!Number.isFinite(seconds)) seconds = 0;
  const sign = seconds < 0 ? '-' : '';
  const total = Math.floor(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  if (h > 0 || options.forceHours) return `${sign}${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${sign}${m}:${ss}`;
}

const unitFormats = new Map<string, Intl.NumberFormat>();

function unitFormat(locale: string, unit: 'hour' | 'minute' | 'second'): Intl.NumberFormat {
  const key = `${locale}\u0000${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
    } catch {
      // An invalid language tag from a page attribute must not break the player.
      format = new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'long' });
    }
    unitFormats.set(key, format);
  }
  return format;
}

/**
 * Formats seconds as words for screen readers: "1 hour 2 minutes 3 seconds", "4 minutes 3 seconds",
 * "0 seconds", localised with `Intl.NumberFormat` units ("1 heure 2 minutes 3 secondes" in `fr`).
 * Zero parts are left out; whole seconds are floored; the sign is dropped (callers say "remaining").
 */
export function formatSpokenTime(seconds: number, locale = 'en'): string {
  const total = Number.isFinite(seconds) ? Math.floor(Math.abs(seconds)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(unitFormat(locale, 'hour').format(h));
  if (m > 0) parts.push(unitFormat(locale, 'minute').format(m));
  if (s > 0 || parts.length === 0) parts.push(unitFormat(locale, 'second').format(s));
  return parts.join(' ');
}

/**
 * Formats seconds for a media fragment: the shortest exact decimal at millisecond precision, no
 * trailing zeros (`90`, `90.5`, `3723.042`). Negative and non-finite values give `0`.
 */
export function formatFragmentTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0';
  const ms = Math.round(seconds * 1000);
  const whole = Math.floor(ms / 1000);
  const fraction = ms % 1000;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}
