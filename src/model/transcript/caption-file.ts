/**
 * Reading WebVTT and SRT files into plain-text cues: blocks and line numbers from
 * `caption-blocks.ts`, words, voices and inline timestamps from `vtt-cue-text.ts`.
 */
import { readCaptionBlocks, splitLines } from './caption-blocks.js';
import type { ImportFailure, SkippedItem } from './import-result.js';
import type { DraftCue } from './transcript-builder.js';
import { readCueWords } from './vtt-cue-text.js';

/**
 * One readable cue with its line number, words and voice. It is a draft cue already (speaker -1
 * until the importer sets it), so the WebVTT importer passes these objects on as they are.
 */
export interface CaptionCue extends DraftCue {
  /** 1-based line of the timing line. */
  line: number;
  /** The first `<v>` voice of the cue, as written. */
  voice: string | undefined;
  /** Start time per word (NaN when not given); undefined when the cue has no timestamps. */
  wordStarts: number[] | undefined;
}

/** The cues of a caption file, in file order, and what was skipped. */
export interface CaptionFile {
  ok: true;
  cues: CaptionCue[];
  skipped: SkippedItem[];
  metadata: Map<string, string>;
}

// SSA override blocks like `{\an8}` that some SRT writers leave in the text.
const SSA_OVERRIDE = /\{\\[^{}]*\}/g;

/** Reads a WebVTT (`vtt`) or SubRip (`srt`) text into plain-text cues. Never throws. */
export function readCaptionFile(text: string, kind: 'vtt' | 'srt', maxCues: number): CaptionFile | ImportFailure {
  const blocks = readCaptionBlocks(splitLines(text), kind);
  if (blocks.cues.length > maxCues) {
    return { ok: false, error: `too many cues: ${blocks.cues.length} (the limit is ${maxCues})` };
  }
  const skipped: SkippedItem[] = blocks.skipped;
  const cues: CaptionCue[] = [];
  let emptyCues = false;
  for (const block of blocks.cues) {
    const raw = kind === 'srt' ? block.text.replace(SSA_OVERRIDE, '') : block.text;
    const words = readCueWords(raw, block.start, block.end);
    if (words.words.length === 0) {
      skipped.push({ line: block.line, reason: 'cue has no text' });
      emptyCues = true;
      continue;
    }
    cues.push({ start: block.start, end: block.end, speaker: -1, words: words.words, wordStarts: words.starts, line: block.line, voice: words.voice });
  }
  // keep skipped items in file order when empty cues interleave with bad timing lines
  if (emptyCues) skipped.sort((a, b) => a.line! - b.line!);
  return { ok: true, cues, skipped, metadata: blocks.metadata };
}
