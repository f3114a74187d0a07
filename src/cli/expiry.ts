/** Retention: reading `--expires-in 30d` / `--expires-at <date>` and describing an expiry date to people. */
import { parseDateTime } from '../manifest/date-time.js';
import { countOf } from './count.js';
import { fail, ok, type Outcome } from './outcome.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses a span such as `30d`, `12h`, `2w`, `90m`, `45s` into milliseconds. */
export function parseSpan(text: string, flag: string): Outcome<number> {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(text.trim());
  if (!match && /^-\s*\d+(?:\.\d+)?\s*[smhdw]$/.test(text.trim())) {
    return fail(
      `${flag}: '${text}' is negative, but a span counts forward from now; ` +
        'for a recording that has already expired, give --expires-at with a past date-time',
    );
  }
  if (!match) return fail(`${flag}: '${text}' is not a span like 30d, 12h, 2w, 90m or 45s`);
  const ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  if (!(ms > 0)) return fail(`${flag}: the span must be longer than zero`);
  return ok(ms);
}

/** Checks an RFC 3339 date-time flag value (`2026-01-31T18:00:00Z`), as the manifest requires. */
export function parseInstant(text: string, flag: string): Outcome<string> {
  const time = parseDateTime(text.trim());
  if (time === undefined) return fail(`${flag}: '${text}' is not an RFC 3339 date-time such as 2026-01-31T18:00:00Z`);
  return ok(new Date(time).toISOString());
}

/** "expires in 12 days", "expires in 5 hours", "expired 3 days ago". */
export function describeExpiry(expiresAt: string, now: number): string {
  const delta = Date.parse(expiresAt) - now;
  if (delta <= 0) return `expired ${describeSpan(-delta)} ago`;
  return `expires in ${describeSpan(delta)}`;
}

function describeSpan(ms: number): string {
  const units: [string, number][] = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000]];
  for (const [name, size] of units) {
    const count = Math.floor(ms / size);
    if (count >= 1) return countOf(count, name);
  }
  return 'less than a minute';
}
