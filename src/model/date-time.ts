/**
 * RFC 3339 date-times (`2024-05-01T18:00:00Z`, `2024-05-01T20:00:00.5+02:00`), parsed the same way
 * in every engine: `Date.parse` differs between browsers on edge cases such as `2024-02-31`.
 */

/** An RFC 3339 `date-time`, as a JSON Schema `pattern` and for the validator. */
export const DATE_TIME_PATTERN =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt]([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$';

const DATE_TIME = new RegExp(DATE_TIME_PATTERN);
const FIELDS = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?(?:[Zz]|([+-])(\d\d):(\d\d))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Milliseconds since the epoch of an RFC 3339 date-time, or `undefined` when it is not one (leap seconds are not accepted). */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return undefined;
  const m = FIELDS.exec(value)!;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (day > daysInMonth(year, month)) return undefined;
  const fraction = m[7] ? Number(`0${m[7]}`) * 1000 : 0;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]));
  let ms = date.getTime() + fraction;
  if (m[8]) ms -= (m[8] === '+' ? 1 : -1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
  return ms;
}
