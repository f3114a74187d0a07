/**
 * The block structure of WebVTT and SRT files: which lines are cue timing lines, which lines are
 * each cue's text, and the line number of everything skipped.
 *
 * Why not media-captions' `parseText`: it does not say which line a cue came from, it drops a cue
 * whose end is not after its start without any report (its range check can never fire), and it
 * costs more than the whole import budget (40–60 ms for 40,000 words in Chromium: one stream read
 * per line and a native `VTTCue` per cue; quadratic in Node, whose stream queue shifts an array).
 * So this pass reads the blocks itself: WebVTT by the WebVTT parser's block rules (which the
 * web-platform-tests vectors in `test/fixtures/wpt-webvtt` check), SRT by SubRip's looser
 * habits. Timing lines are read in `timing-line.ts`; cue text is then tokenized by
 * media-captions' `tokenizeVTTCue` (see `vtt-cue-text.ts`).
 */
import type { SkippedItem } from './import-result.js';
import { beginsWithVttTimestamp, readTimingLine, type CueTiming } from './timing-line.js';

/** A cue block: its timing line and raw text. */
export type CaptionBlock = CueTiming;

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

const NO_TIMING_LINE = 'text block without a cue timing line ("-->")';

/** Blocks that hold no cue and are not reported: comments, style sheets and regions. */
function isSilentBlock(firstLine: string): boolean {
  return firstLine.startsWith('NOTE') || firstLine.startsWith('STYLE') || firstLine.startsWith('REGION');
}

/**
 * Reads the blocks of a WebVTT file by the WebVTT parser's rules. A first line starting `WEBVTT`
 * opens the header, which ends at a blank line or at a line holding `-->` (that line starts the
 * first cue). A block is a run of non-empty lines; a line holding `-->` is its timing line when it
 * is the block's first line, or its second after a line without one (the cue id). A later line
 * holding `-->` ends the block and starts the next one, so a cue that lacks the blank line before
 * the next is not merged into it; but in a cue's text, only a line that begins with a timestamp
 * does (deliberately unlike a browser, prose such as `A --> B` stays text). A block whose timing
 * line is unusable is skipped whole and reported; so is a block with no timing line, unless it is
 * a `NOTE`, `STYLE` or `REGION` block.
 */
function readVttBlocks(lines: readonly string[]): CaptionBlocks {
  const cues: CaptionBlock[] = [];
  const skipped: SkippedItem[] = [];
  const metadata = new Map<string, string>();
  let i = 0;
  if (lines[0]?.startsWith('WEBVTT')) {
    for (i = 1; i < lines.length; i++) {
      const text = lines[i]!;
      if (text === '' || text.includes('-->')) break;
      const colon = text.indexOf(':');
      if (colon > 0) metadata.set(text.slice(0, colon).trim(), text.slice(colon + 1).trim());
    }
  }
  let lineCount = 0; // lines of the current block so far, 0 between blocks
  let blockStart = 0; // its first line's number
  let firstLine = '';
  let timed = false; // the block had a timing line, usable or not
  let cue: CaptionBlock | undefined;
  const endBlock = () => {
    if (cue) cues.push(cue);
    else if (lineCount > 0 && !timed && !isSilentBlock(firstLine)) skipped.push({ line: blockStart, reason: NO_TIMING_LINE });
    cue = undefined;
    lineCount = 0;
    timed = false;
  };
  for (; i < lines.length; i++) {
    const text = lines[i]!;
    if (text === '') {
      endBlock();
      continue;
    }
    if (text.includes('-->')) {
      // Prose with an arrow in a cue's text stays text; a browser would end the cue there and drop
      // the rest of the block. A line that begins with a timestamp is a timing line, so a missing
      // blank line does not merge the next cue into this one.
      if (cue && !beginsWithVttTimestamp(text)) {
        lineCount++;
        cue.text = cue.text === '' ? text : `${cue.text}\n${text}`;
        continue;
      }
      if (lineCount >= 2 || (lineCount === 1 && timed)) endBlock();
      if (lineCount === 0) blockStart = i + 1;
      lineCount++;
      timed = true;
      const timing = readTimingLine(text, 'vtt', i + 1);
      if (typeof timing === 'string') skipped.push({ line: i + 1, reason: timing });
      else cue = timing;
      continue;
    }
    if (lineCount === 0) {
      blockStart = i + 1;
      firstLine = text;
    }
    lineCount++;
    if (cue) cue.text = cue.text === '' ? text : `${cue.text}\n${text}`;
  }
  endBlock();
  return { cues, skipped, metadata };
}

const CUE_NUMBER = /^\d+$/;

/**
 * Reads the blocks of an SRT file. A block is a run of non-empty lines; the first line holding
 * `-->` is its timing line (commas read as decimal points) and the cue number before it is
 * ignored; a block with no such line is reported. A valid timing line inside a cue's text starts a
 * new cue (a missing blank line), and a cue number just before it is not text.
 */
function readSrtBlocks(lines: readonly string[]): CaptionBlocks {
  const cues: CaptionBlock[] = [];
  const skipped: SkippedItem[] = [];
  let runStart = 0;
  let runUsed = false;
  let cue: CaptionBlock | undefined;
  let badTiming = false;
  const endRun = () => {
    if (runStart > 0 && !runUsed) skipped.push({ line: runStart, reason: NO_TIMING_LINE });
    if (cue) cues.push(cue);
    cue = undefined;
    badTiming = false;
    runStart = 0;
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
    }
    if (cue) {
      if (text.includes('-->')) {
        const next = readTimingLine(text, 'srt', line);
        if (typeof next !== 'string') {
          const lastBreak = cue.text.lastIndexOf('\n');
          if (CUE_NUMBER.test(cue.text.slice(lastBreak + 1))) cue.text = lastBreak === -1 ? '' : cue.text.slice(0, lastBreak);
          cues.push(cue);
          cue = next;
          continue;
        }
      }
      cue.text = cue.text === '' ? text : `${cue.text}\n${text}`;
      continue;
    }
    if (badTiming || !text.includes('-->')) continue;
    runUsed = true;
    const timing = readTimingLine(text, 'srt', line);
    if (typeof timing === 'string') {
      skipped.push({ line, reason: timing });
      badTiming = true;
    } else {
      cue = timing;
    }
  }
  endRun();
  return { cues, skipped, metadata: new Map() };
}

/** Reads the blocks of a WebVTT (`vtt`) or SubRip (`srt`) file, given as lines. */
export function readCaptionBlocks(lines: readonly string[], kind: 'vtt' | 'srt'): CaptionBlocks {
  return kind === 'vtt' ? readVttBlocks(lines) : readSrtBlocks(lines);
}
