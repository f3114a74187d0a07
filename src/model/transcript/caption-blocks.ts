/**
 * The block structure of WebVTT and SRT files: which lines are cue timing lines, which lines are
 * each cue's text, and the line number of everything skipped.
 *
 * Why not media-captions' `parseText`: it does not say which line a cue came from, it drops a cue
 * whose end is not after its start without any report (its range check can never fire), and it
 * costs more than the whole import budget (40–60 ms for 40,000 words in Chromium: one stream read
 * per line and a native `VTTCue` per cue; quadratic in Node, whose stream queue shifts an array).
 * So this pass follows the same block rules as media-captions' VTT and SRT parsers and reads
 * times with media-captions' own `parseVTTTimestamp`; cue text is then tokenized by
 * media-captions' `tokenizeVTTCue` (see `vtt-cue-text.ts`).
 */
import { parseVTTTimestamp } from 'media-captions';
import type { SkippedItem } from './import-result.js';
import { isSpace } from './plain-text.js';

/** A cue block: its timing line and raw text. */
export interface CaptionBlock {
  /** 1-based line number of the `-->` line. */
  line: number;
  start: number;
  end: number;
  /** The cue's text lines joined by '\n', markup not yet read. */
  text: string;
}

/** The cue blocks of a file in file order, header metadata (WebVTT) and what was skipped. */
export interface CaptionBlocks {
  cues: CaptionBlock[];
  skipped: SkippedItem[];
  /** `Key: value` lines of the WebVTT header block. */
  metadata: Map<string, string>;
}

/** Splits like media-captions: CRLF, LF or CR. */
export const LINE_BREAK = /\r?\n|\r/;

/** The lines of a file, split at CRLF, LF or CR; a plain `'\n'` split when there is no CR, which is much faster. */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
}

// media-captions' separators, so a timing line is split the same way here and there.
const ARROW_SPLIT = /[\s\t]*-->[\s\t]+/;
const SPACES = /[\s\t]+/;

function formatTime(seconds: number): string {
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

/** Seconds of an `isFullTimestamp` at `at`, computed as media-captions' `parseVTTTimestamp` does; null past :59. */
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
 * settings after a space, read from the char codes: the cue block, or undefined for any other
 * shape (and for an unusable range, whose message the general path writes). The regex splits
 * and matches of the general path cost more than the rest of the line pass together.
 */
function readCommonTimingLine(text: string, srt: boolean, line: number): CaptionBlock | undefined {
  if (text.length < 29 || (text.length > 29 && !isSpace(text.charCodeAt(29)))) return undefined;
  if (text.charCodeAt(12) !== 0x20 || text.charCodeAt(13) !== 0x2d || text.charCodeAt(14) !== 0x2d || text.charCodeAt(15) !== 0x3e || text.charCodeAt(16) !== 0x20) {
    return undefined;
  }
  if (!isFullTimestamp(text, 0, srt) || !isFullTimestamp(text, 17, srt)) return undefined;
  const start = fullTimestampValue(text, 0);
  const end = fullTimestampValue(text, 17);
  return start !== null && end !== null && end > start ? { line, start, end, text: '' } : undefined;
}

/**
 * Reads one timing line, at 1-based line number `line`, as media-captions does: a cue block with
 * no text yet, or the reason it is unusable. SRT lines have their commas read as decimal points.
 */
export function readTimingLine(timing: string, kind: 'vtt' | 'srt', line: number): CaptionBlock | string {
  const common = readCommonTimingLine(timing, kind === 'srt', line);
  if (common) return common;
  const text = kind === 'srt' ? timing.replace(/,/g, '.') : timing;
  const [startText = '', trailing = ''] = text.split(ARROW_SPLIT);
  const endText = trailing.split(SPACES)[0] ?? '';
  const start = parseVTTTimestamp(startText);
  const end = parseVTTTimestamp(endText);
  if (start === null && end === null) return `bad cue timing: start ${quote(startText)} and end ${quote(endText)} are not timestamps`;
  if (start === null) return `bad cue start time ${quote(startText)}`;
  if (end === null) return `bad cue end time ${quote(endText)}`;
  if (!(end > start)) return `cue end ${formatTime(end)} is not after its start ${formatTime(start)}`;
  return { line, start, end, text: '' };
}

const NONE = 0;
const HEADER = 1;
const CUE = 2;
const OTHER = 3; // NOTE, REGION, or a cue whose timing line was unusable

/**
 * Reads the blocks of a WebVTT or SRT file. A block is a run of non-empty lines. WebVTT: a run
 * starting `NOTE` or `REGION` is skipped, a run starting `STYLE` is ignored, the first line
 * holding `-->` is the timing line (lines before it, like a cue id, are ignored) and the following
 * lines are the cue text; a run with no such line is reported; line 1 starting `WEBVTT` opens the
 * header. SRT: the first line
 * holding `-->` is the timing line (commas read as decimal points), the cue number before it is
 * ignored, and a valid timing line inside a cue's text starts a new cue (missing blank line).
 */
export function readCaptionBlocks(lines: readonly string[], kind: 'vtt' | 'srt'): CaptionBlocks {
  const cues: CaptionBlock[] = [];
  const skipped: SkippedItem[] = [];
  const metadata = new Map<string, string>();
  let block = NONE;
  let runStart = 0;
  let runUsed = false;
  let runIsStyle = false;
  let current: CaptionBlock | undefined;
  const endRun = () => {
    if (runStart > 0 && !runUsed && !runIsStyle) {
      skipped.push({ line: runStart, reason: 'text block without a cue timing line ("-->")' });
    }
    if (current) cues.push(current);
    current = undefined;
    runStart = 0;
    block = NONE;
  };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const line = i + 1;
    if (text === '') {
      endRun();
      continue;
    }
    if (runStart === 0) {
      runStart = line;
      runUsed = false;
      runIsStyle = kind === 'vtt' && text.startsWith('STYLE');
    }
    if (block === CUE) {
      // SRT writers sometimes leave out the blank line between cues: a valid timing line inside
      // a cue starts the next one, and a cue number just before it is not text.
      if (kind === 'srt' && text.includes('-->')) {
        const next = readTimingLine(text, kind, line);
        if (typeof next !== 'string') {
          const lastBreak = current!.text.lastIndexOf('\n');
          if (/^\d+$/.test(current!.text.slice(lastBreak + 1))) current!.text = lastBreak === -1 ? '' : current!.text.slice(0, lastBreak);
          cues.push(current!);
          current = next;
          continue;
        }
      }
      current!.text = current!.text === '' ? text : `${current!.text}\n${text}`;
      continue;
    }
    if (block === HEADER) {
      const colon = text.indexOf(':');
      if (colon > 0) metadata.set(text.slice(0, colon).trim(), text.slice(colon + 1).trim());
      continue;
    }
    if (block === OTHER) continue;
    if (kind === 'vtt' && (text.startsWith('NOTE') || text.startsWith('REGION'))) {
      block = OTHER;
      runUsed = true;
    } else if (text.includes('-->')) {
      const timing = readTimingLine(text, kind, line);
      runUsed = true;
      if (typeof timing === 'string') {
        skipped.push({ line, reason: timing });
        block = OTHER;
      } else {
        current = timing;
        block = CUE;
      }
    } else if (kind === 'vtt' && line === 1 && text.startsWith('WEBVTT')) {
      block = HEADER;
      runUsed = true;
    }
  }
  endRun();
  return { cues, skipped, metadata };
}
