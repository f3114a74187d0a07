/**
 * A WebVTT timestamp read straight from the char codes of a larger string. It gives exactly what
 * media-captions' `parseVTTTimestamp(text.slice(from, to))` gives (the same pattern
 * `[h{1,2}:]mm:ss[.f{1,3}]`, the same range checks, the same floating-point sum), without the
 * slice, the regex match and four `parseInt`s. The fast paths of the caption reader call it once
 * per cue and once per inline word timestamp; the tests hold it equal to media-captions.
 */

/** Seconds of the timestamp in `text[from, to)`, or null when it is not one (as media-captions). */
export function parseTimestampAt(text: string, from: number, to: number): number | null {
  // Up to three colon-separated digit runs, then an optional fraction.
  let runs = 0;
  let a = 0; // values of the runs, hours first when there are three
  let b = 0;
  let c = 0;
  let runLength = 0;
  let i = from;
  for (; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      c = c * 10 + (code - 0x30);
      runLength++;
    } else if (code === 0x3a /* : */) {
      // every run before a colon: 1-2 digits for hours, exactly 2 for minutes
      if (runLength === 0 || runLength > 2 || (runs === 1 && runLength !== 2) || runs === 2) return null;
      a = b;
      b = c;
      c = 0;
      runs++;
      runLength = 0;
    } else {
      break;
    }
  }
  if (runs === 0 || runLength !== 2) return null;
  // With two colons the first run was the hours; with one there are none.
  const hours = runs === 2 ? a : 0;
  const minutes = b;
  const seconds = c;
  if (runs === 1 && i - from !== 5) return null; // mm:ss, the minutes run must be 2 digits
  let milliseconds = 0;
  if (i < to) {
    if (text.charCodeAt(i) !== 0x2e /* . */) return null;
    const digits = to - i - 1;
    if (digits < 1 || digits > 3) return null;
    for (let k = i + 1; k < to; k++) {
      const code = text.charCodeAt(k);
      if (code < 0x30 || code > 0x39) return null;
      milliseconds = milliseconds * 10 + (code - 0x30);
    }
    // "1" is 100 ms and "12" is 120 ms, as `padEnd(3, "0")` makes them
    if (digits === 1) milliseconds *= 100;
    else if (digits === 2) milliseconds *= 10;
  }
  if (minutes > 59 || seconds > 59) return null;
  return hours * 3600 + minutes * 60 + seconds + milliseconds / 1e3;
}
