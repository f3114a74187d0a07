/**
 * The units the transcript panel virtualizes: blocks of at most {@link BLOCK_WORDS} words, each
 * inside one speaker turn. A turn is one block unless it is long; only a turn's first block shows
 * its header. Cutting long turns keeps every unit small, so the window of rendered blocks stays
 * small even when one person talks for half an hour.
 */
import { upperBound } from '../../model/binary-search.js';
import type { Transcript } from '../../model/transcript/index.js';

/** Largest number of words in one block; blocks break at cue ends when they can. */
export const BLOCK_WORDS = 80;

/** Blocks of a transcript, as columns. */
export interface TranscriptBlocks {
  /** Number of blocks. */
  readonly count: number;
  /** Block → its first word; length is count + 1 (the last entry is the word count). */
  readonly firstWord: Uint32Array;
  /** Block → its turn. */
  readonly turn: Uint32Array;
  /** Block → 1 when it starts its turn (and shows the turn's header). */
  readonly head: Uint8Array;
  /** Block → characters of text (words plus spaces), for height estimates. */
  readonly chars: Uint32Array;
}

/** Cuts every turn of `transcript` into blocks of at most `maxWords` words, at cue ends where possible. */
export function buildBlocks(transcript: Transcript, maxWords = BLOCK_WORDS): TranscriptBlocks {
  const starts: number[] = [];
  const turns: number[] = [];
  const heads: number[] = [];
  const { cueFirstWord, turnStartCue, turnEndCue } = transcript;
  for (let k = 0; k < transcript.turnCount; k++) {
    const firstCue = turnStartCue[k]!;
    const endCue = turnEndCue[k]!;
    let start = cueFirstWord[firstCue]!;
    const push = (head: boolean): void => {
      starts.push(start);
      turns.push(k);
      heads.push(head ? 1 : 0);
    };
    let head = true;
    for (let c = firstCue; c < endCue; c++) {
      const a = cueFirstWord[c]!;
      const b = cueFirstWord[c + 1]!;
      if (a > start && b - start > maxWords) {
        push(head);
        head = false;
        start = a;
      }
      // A cue longer than a block is cut inside it.
      while (b - start > maxWords) {
        push(head);
        head = false;
        start += maxWords;
      }
    }
    if (start < cueFirstWord[endCue]!) push(head);
  }
  const count = starts.length;
  const firstWord = new Uint32Array(count + 1);
  firstWord.set(starts);
  firstWord[count] = transcript.wordCount;
  const chars = new Uint32Array(count);
  for (let b = 0; b < count; b++) {
    let n = 0;
    for (let w = firstWord[b]!; w < firstWord[b + 1]!; w++) n += transcript.wordLength(w) + 1;
    chars[b] = n;
  }
  return { count, firstWord, turn: Uint32Array.from(turns), head: Uint8Array.from(heads), chars };
}

/** The block holding `word` (O(log n)); -1 when out of range. */
export function blockOfWord(blocks: TranscriptBlocks, word: number): number {
  if (word < 0 || word >= blocks.firstWord[blocks.count]!) return -1;
  return upperBound(blocks.firstWord, word, 0, blocks.count) - 1;
}
