/**
 * Cue timing lines: `00:00:01.000 --> 00:00:04.000`, maybe with settings after.
 *
 * WebVTT follows the WebVTT parser's rules ("collect WebVTT cue timings and settings"): optional
 * whitespace (space, tab, form feed) around the times and the arrow, so
 * `00:00:25.000-->00:00:27.000` is valid; a timestamp is `[h…:]mm:ss.fff` with hours of any
 * number of digits and exactly three digits of fraction; whatever follows the end time is
 * settings, even with no space before it (`00:01.000line:40%`).
 *
 * SubRip has no such standard, and its writers vary, so SRT is read leniently, as media-captions
 * reads it: commas or points before the fraction, one to three fraction digits or none, and
 * whitespace optional round the arrow.
 */
import { parseVTTTimestamp } from 'media-captions';
import { isSpace } from './plain-text.js';

/** A cue block's timing: where its `-->` line is and the times it gives. */
export interface CueTiming {
  /** 1-based line number of the `-->` line. */
  line: number;
  start: number;
  end: number;
  /** The cue's text lines joined by '\n', markup not yet read. */
  text: string;
}

/** Formats seconds as `hh:mm:ss.mmm` for messages. */
export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** True for a digit char code. */
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True when `text[at, at+12)` has the shape `00:00:00.000` (SRT: `00:00:00,000`). */
function isFullTimestamp(text: string, at: number, srt: boolean): boolean {
  const dot = text.charCodeAt(at + 8);
  return (
    isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && text.charCodeAt(at + 2) === 0x3a &&
    isDigit(text.charCodeAt(at + 3)) && isDigit(text.charCodeAt(at + 4)) && text.charCodeAt(at + 5) === 0x3a &&
    isDigit(text.charCodeAt(at + 6)) && isDigit(text.charCodeAt(at + 7)) && (dot === 0x2e || (srt && dot === 0x2c)) &&
    isDigit(text.charCodeAt(at + 9)) && isDigit(text.charCodeAt(at + 10)) && isDigit(text.charCodeAt(at + 11))
  );
}

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 0x30) * 10 + (text.charCodeAt(at + 1) - 0x30);
}

/** Seconds of an `isFullTimestamp` at `at`; null past :59. The same sum as the general paths. */
function fullTimestampValue(text: string, at: number): number | null {
  const hours = twoDigits(text, at);
  const minutes = twoDigits(text, at + 3);
  const seconds = twoDigits(text, at + 6);
  const milliseconds = twoDigits(text, at + 9) * 10 + (text.charCodeAt(at + 11) - 0x30);
  if (minutes > 59 || seconds > 59) return null;
  return hours * 3600 + minutes * 60 + seconds + milliseconds / 1e3;
}

/**
 * The timing line as nearly every file writes it, `00:00:01.000 --> 00:00:04.000` and maybe
 * settings after a space, read from the char codes: the cue timing, or undefined for any other
 * shape (and for an unusable range, whose message the general path writes). It gives what the
 * general paths give, in both formats; the regex splits of those cost more than the rest of the
 * line pass together.
 */
function readCommonTimingLine(text: string, srt: boolean, line: number): CueTiming | undefined {
  if (text.length < 29 || (text.length > 29 && !isSpace(text.charCodeAt(29)))) return undefined;
  if (text.charCodeAt(12) !== 0x20 || text.charCodeAt(13) !== 0x2d || text.charCodeAt(14) !== 0x2d || text.charCodeAt(15) !== 0x3e || text.charCodeAt(16) !== 0x20) {
    return undefined;
  }
  if (!isFullTimestamp(text, 0, srt) || !isFullTimestamp(text, 17, srt)) return undefined;
  const start = fullTimestampValue(text, 0);
  const end = fullTimestampValue(text, 17);
  return start !== null && end !== null && end > start ? { line, start, end, text: '' } : undefined;
}

/** WebVTT's whitespace between the parts of a timing line: space, tab, form feed (and line breaks). */
function isVttSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0a || c === 0x0d;
}

function skipVttSpace(text: string, at: number): number {
  while (at < text.length && isVttSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The digits run at `at`: its value and where it ends. */
function digitsAt(text: string, at: number): [value: number, end: number] {
  let value = 0;
  let k = at;
  while (k < text.length && isDigit(text.charCodeAt(k))) value = value * 10 + (text.charCodeAt(k++) - 0x30);
  return [value, k];
}

/**
 * A WebVTT timestamp at `at` by the parser's rules ("collect a WebVTT timestamp"): its seconds and
 * where it ends, or null. A first part of other than two digits, or over 59, is hours.
 */
export function collectVttTimestamp(text: string, at: number): [seconds: number, end: number] | null {
  if (!isDigit(text.charCodeAt(at))) return null;
  let [first, k] = digitsAt(text, at);
  const hoursFirst = k - at !== 2 || first > 59;
  if (text.charCodeAt(k) !== 0x3a /* : */ || !isDigit(text.charCodeAt(k + 1))) return null;
  let [second, end] = digitsAt(text, k + 1);
  if (end - (k + 1) !== 2) return null;
  k = end;
  let third: number;
  if (hoursFirst || text.charCodeAt(k) === 0x3a) {
    if (text.charCodeAt(k) !== 0x3a) return null;
    [third, end] = digitsAt(text, k + 1);
    if (end - (k + 1) !== 2) return null;
    k = end;
  } else {
    third = second;
    second = first;
    first = 0;
  }
  if (text.charCodeAt(k) !== 0x2e /* . */) return null;
  const [fraction, fractionEnd] = digitsAt(text, k + 1);
  if (fractionEnd - (k + 1) !== 3) return null;
  if (second > 59 || third > 59) return null;
  return [first * 3600 + second * 60 + third + fraction / 1e3, fractionEnd];
}

/** True when a line begins (after whitespace) with a WebVTT timestamp: a timing line, maybe a broken one. */
export function beginsWithVttTimestamp(line: string): boolean {
  return collectVttTimestamp(line, skipVttSpace(line, 0)) !== null;
}

/** The part of a bad timing line to quote: from `at` to the next whitespace or arrow. */
function tokenAt(text: string, at: number): string {
  let k = at;
  while (k < text.length && !isVttSpace(text.charCodeAt(k)) && !text.startsWith('-->', k)) k++;
  return text.slice(at, k);
}

function badTiming(startText: string | undefined, endText: string | undefined): string {
  if (startText !== undefined && endText !== undefined) {
    return `bad cue timing: start ${quote(startText)} and end ${quote(endText)} are not timestamps`;
  }
  return startText !== undefined ? `bad cue start time ${quote(startText)}` : `bad cue end time ${quote(endText ?? '')}`;
}

function range(start: number, end: number, line: number): CueTiming | string {
  if (!(end > start)) return `cue end ${formatTimestamp(end)} is not after its start ${formatTimestamp(start)}`;
  return { line, start, end, text: '' };
}

/** A WebVTT timing line by the WebVTT parser's rules. */
function readVttTimingLine(text: string, line: number): CueTiming | string {
  const startAt = skipVttSpace(text, 0);
  const start = collectVttTimestamp(text, startAt);
  let k = start ? skipVttSpace(text, start[1]) : startAt;
  const arrow = start !== null && text.startsWith('-->', k);
  // For the message: where the end time is, or would be after the first arrow.
  const arrowAt = arrow ? k : text.indexOf('-->', startAt);
  const endAt = skipVttSpace(text, arrowAt === -1 ? text.length : arrowAt + 3);
  const end = arrowAt === -1 ? null : collectVttTimestamp(text, endAt);
  if (start && arrow && end) return range(start[0], end[0], line);
  const startText = start && arrow ? undefined : text.slice(startAt, arrowAt === -1 ? text.length : arrowAt).trimEnd();
  return badTiming(startText, end ? undefined : tokenAt(text, endAt));
}

const ARROW = /\s*-->\s*/;
const SPACES = /\s/;

/** An SRT timing line, read leniently with media-captions' timestamp reader. */
function readSrtTimingLine(timing: string, line: number): CueTiming | string {
  const [startText = '', trailing = ''] = timing.replace(/,/g, '.').trim().split(ARROW);
  const endText = trailing.split(SPACES)[0] ?? '';
  const start = parseVTTTimestamp(startText);
  const end = parseVTTTimestamp(endText);
  if (start === null || end === null) return badTiming(start === null ? startText : undefined, end === null ? endText : undefined);
  return range(start, end, line);
}

/**
 * Reads one timing line, at 1-based line number `line`: a cue timing with no text yet, or the
 * reason it is unusable (a bad time, or an end that is not after the start).
 */
export function readTimingLine(timing: string, kind: 'vtt' | 'srt', line: number): CueTiming | string {
  return readCommonTimingLine(timing, kind === 'srt', line) ?? (kind === 'vtt' ? readVttTimingLine(timing, line) : readSrtTimingLine(timing, line));
}
