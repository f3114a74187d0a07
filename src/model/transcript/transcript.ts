/**
 * The columnar transcript model: cues, words, speakers and turns in typed arrays, with O(log n)
 * time lookups. Built by `importTranscript` (or `buildTranscript`); treat every column as read-only.
 */
import { lowerBound, rangeAt, upperBound } from '../binary-search.js';
import { TranscriptSearchIndex, type SearchHit, type SearchOptions } from './search.js';
import type { Speaker, TranscriptColumns } from './transcript-columns.js';

export type { Speaker, TranscriptColumns } from './transcript-columns.js';

/** A silence of at least this many seconds between two cues starts a new turn (paragraph). */
export const TURN_GAP_SECONDS = 5;

/** Index of the latest-starting range containing `time`, tolerating overlaps via running max ends. */
function coveringIndex(starts: Float64Array, ends: Float64Array, maxEnds: Float64Array, time: number): number {
  let i = upperBound(starts, time) - 1;
  // maxEnds is the running maximum of ends, so once it is <= time no earlier range can contain time.
  while (i >= 0 && maxEnds[i]! > time) {
    if (time < ends[i]!) return i;
    i--;
  }
  return -1;
}

function runningMax(ends: Float64Array): Float64Array {
  const out = new Float64Array(ends.length);
  let max = -Infinity;
  for (let i = 0; i < ends.length; i++) {
    if (ends[i]! > max) max = ends[i]!;
    out[i] = max;
  }
  return out;
}

/** A transcript: typed-array columns for cues, words and turns, plus time lookups and search. */
export class Transcript implements TranscriptColumns {
  /** Cue → start time in seconds. */
  readonly cueStart: Float64Array;
  /** Cue → end time in seconds (exclusive). */
  readonly cueEnd: Float64Array;
  /** Cue → index into `speakers`, -1 for none. */
  readonly cueSpeaker: Int32Array;
  /** Cue → plain text: its words joined by single spaces. */
  readonly cueText: readonly string[];
  /** Cue → index of its first word; length is cue count + 1. */
  readonly cueFirstWord: Uint32Array;
  /** Cue → 1 when its word times came from the file, 0 when interpolated. */
  readonly cueWordTimed: Uint8Array;
  /** Word → start time in seconds (non-decreasing). */
  readonly wordStart: Float64Array;
  /** Word → end time in seconds (exclusive, non-decreasing). */
  readonly wordEnd: Float64Array;
  /** Word → its cue. */
  readonly wordCue: Uint32Array;
  /** Word → offset of its first character in its cue text. */
  readonly wordOffset: Uint32Array;
  /** Speakers referenced by `cueSpeaker` and `turnSpeaker`. */
  readonly speakers: readonly Speaker[];
  /** BCP 47 language tag, when known. */
  readonly language: string | undefined;

  /** Number of cues. */
  readonly cueCount: number;
  /** Number of words. */
  readonly wordCount: number;
  /** True when at least one cue has word times from the file. */
  readonly hasWordTimings: boolean;

  /** Number of turns (runs of cues by one speaker). */
  readonly turnCount: number;
  /** Turn → first cue. */
  readonly turnStartCue: Uint32Array;
  /** Turn → cue after its last (exclusive). */
  readonly turnEndCue: Uint32Array;
  /** Turn → speaker index, -1 for none. */
  readonly turnSpeaker: Int32Array;
  /** Turn → start time (its first cue's start). */
  readonly turnStart: Float64Array;
  /** Turn → end time (the latest end among its cues). */
  readonly turnEnd: Float64Array;
  /** Cue → its turn. */
  readonly cueTurn: Uint32Array;

  private readonly cueMaxEnd: Float64Array;
  private readonly turnMaxEnd: Float64Array;
  private searchIndex: TranscriptSearchIndex | undefined;

  /** Wraps columns that already satisfy the invariants of `TranscriptColumns`; derives turns. */
  constructor(columns: TranscriptColumns) {
    this.cueStart = columns.cueStart;
    this.cueEnd = columns.cueEnd;
    this.cueSpeaker = columns.cueSpeaker;
    this.cueText = columns.cueText;
    this.cueFirstWord = columns.cueFirstWord;
    this.cueWordTimed = columns.cueWordTimed;
    this.wordStart = columns.wordStart;
    this.wordEnd = columns.wordEnd;
    this.wordCue = columns.wordCue;
    this.wordOffset = columns.wordOffset;
    this.speakers = columns.speakers;
    this.language = columns.language;
    this.cueCount = columns.cueStart.length;
    this.wordCount = columns.wordStart.length;
    this.hasWordTimings = columns.cueWordTimed.includes(1);
    this.cueMaxEnd = runningMax(this.cueEnd);

    const n = this.cueCount;
    const cueTurn = new Uint32Array(n);
    const startCue: number[] = [];
    for (let i = 0; i < n; i++) {
      const newTurn =
        i === 0 ||
        this.cueSpeaker[i] !== this.cueSpeaker[i - 1] ||
        this.cueStart[i]! - this.cueMaxEnd[i - 1]! >= TURN_GAP_SECONDS;
      if (newTurn) startCue.push(i);
      cueTurn[i] = startCue.length - 1;
    }
    const turns = startCue.length;
    this.turnCount = turns;
    this.turnStartCue = Uint32Array.from(startCue);
    this.turnEndCue = new Uint32Array(turns);
    this.turnSpeaker = new Int32Array(turns);
    this.turnStart = new Float64Array(turns);
    this.turnEnd = new Float64Array(turns);
    for (let k = 0; k < turns; k++) {
      const first = startCue[k]!;
      const end = k + 1 < turns ? startCue[k + 1]! : n;
      let maxEnd = -Infinity;
      for (let i = first; i < end; i++) if (this.cueEnd[i]! > maxEnd) maxEnd = this.cueEnd[i]!;
      this.turnEndCue[k] = end;
      this.turnSpeaker[k] = this.cueSpeaker[first]!;
      this.turnStart[k] = this.cueStart[first]!;
      this.turnEnd[k] = maxEnd;
    }
    this.cueTurn = cueTurn;
    this.turnMaxEnd = runningMax(this.turnEnd);
  }

  /** End of the last cue (0 when empty). */
  get duration(): number {
    return this.cueCount > 0 ? this.cueMaxEnd[this.cueCount - 1]! : 0;
  }

  /** Index of the word whose [start, end) contains `time`, or -1 (gaps, before first, after last). */
  wordAt(time: number): number {
    return rangeAt(this.wordStart, this.wordEnd, time);
  }

  /** Index of the last word that started at or before `time` ("played" words end here), or -1. */
  wordBefore(time: number): number {
    return upperBound(this.wordStart, time) - 1;
  }

  /** Index of the cue whose [start, end) contains `time`, or -1; with overlapping cues the latest-starting one. */
  cueAt(time: number): number {
    return coveringIndex(this.cueStart, this.cueEnd, this.cueMaxEnd, time);
  }

  /** Index of the last cue that started at or before `time`, or -1. */
  cueBefore(time: number): number {
    return upperBound(this.cueStart, time) - 1;
  }

  /** Index of the turn whose [start, end) contains `time`, or -1. */
  turnAt(time: number): number {
    return coveringIndex(this.turnStart, this.turnEnd, this.turnMaxEnd, time);
  }

  /** The turn a cue belongs to. */
  turnOfCue(cue: number): number {
    return this.cueTurn[cue] ?? -1;
  }

  /** Words overlapping the time range [start, end) as a half-open index range [first, last). */
  wordsInRange(start: number, end: number): [first: number, last: number] {
    const first = upperBound(this.wordEnd, start);
    const last = lowerBound(this.wordStart, end);
    return last > first ? [first, last] : [first, first];
  }

  /**
   * Snaps a clip start to a word start: the start of the word containing `time`, or in a gap the
   * start of the next word; `time` itself after the last word.
   */
  snapToWordStart(time: number): number {
    const i = upperBound(this.wordEnd, time);
    return i < this.wordCount ? this.wordStart[i]! : time;
  }

  /**
   * Snaps a clip end to a word end: the end of the last word that started before `time` (the
   * word being spoken, or the one before a gap); `time` itself before the first word.
   */
  snapToWordEnd(time: number): number {
    const i = lowerBound(this.wordStart, time) - 1;
    return i >= 0 ? this.wordEnd[i]! : time;
  }

  /**
   * The text of word `w` (no whitespace), cut from its cue's text: words are not kept as strings
   * of their own, which saves about 1.5 MB on 60,000 words. '' for an index out of range.
   */
  word(w: number): string {
    const cue = this.wordCue[w];
    if (cue === undefined) return '';
    const from = this.wordOffset[w]!;
    return this.cueText[cue]!.slice(from, from + this.wordLength(w));
  }

  /** The length (UTF-16 units) of word `w`'s text, without making the string; 0 out of range. */
  wordLength(w: number): number {
    const cue = this.wordCue[w];
    if (cue === undefined) return 0;
    const end = w + 1 < this.cueFirstWord[cue + 1]! ? this.wordOffset[w + 1]! - 1 : this.cueText[cue]!.length;
    return end - this.wordOffset[w]!;
  }

  /** The texts of words `from` .. `to` (exclusive, clamped), as a new array. O(to − from). */
  words(from = 0, to = this.wordCount): string[] {
    const out: string[] = [];
    const end = Math.min(to, this.wordCount);
    for (let w = Math.max(0, from); w < end; w++) out.push(this.word(w));
    return out;
  }

  /** Words of a cue as a half-open index range [first, last). */
  wordsOfCue(cue: number): [first: number, last: number] {
    return [this.cueFirstWord[cue]!, this.cueFirstWord[cue + 1]!];
  }

  /** Case- and diacritic-insensitive search; hits in time order (see docs/transcript.md). */
  search(query: string, options?: SearchOptions): SearchHit[] {
    this.searchIndex ??= new TranscriptSearchIndex(this);
    return this.searchIndex.search(query, options);
  }
}
