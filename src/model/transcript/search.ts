/**
 * Full-text search over a transcript, case- and diacritic-insensitive (see `fold-text.ts`).
 * The folded text of all cues is built once, on the first search, with a map from every folded
 * unit back to the original text so hit offsets always point into the original cue text.
 */
import { upperBound } from '../binary-search.js';
import { foldInto, foldText } from './fold-text.js';
import type { TranscriptColumns } from './transcript-columns.js';

/** One match: its cue, words and character range in the ORIGINAL cue text, and its time span. */
export interface SearchHit {
  /** Cue index. */
  readonly cue: number;
  /** First word touched by the match. */
  readonly word: number;
  /** Word after the last word touched (exclusive). */
  readonly wordEnd: number;
  /** Offset of the first matched character in `cueText[cue]` (UTF-16 units). */
  readonly start: number;
  /** Offset after the last matched character in `cueText[cue]` (exclusive). */
  readonly end: number;
  /** Start time of the first matched word. */
  readonly startTime: number;
  /** End time of the last matched word. */
  readonly endTime: number;
}

/** Options for `Transcript.search`. */
export interface SearchOptions {
  /** Stop after this many hits (default: all). */
  readonly limit?: number;
}

const WHITESPACE_RUN = /\s+/g;

/** Folds a query the way cue text is folded, with whitespace runs as one space; '' when blank. */
export function foldQuery(query: string): string {
  return foldText(query).replace(WHITESPACE_RUN, ' ').trim();
}

/** The lazily built search index of one transcript. */
export class TranscriptSearchIndex {
  private readonly columns: TranscriptColumns;
  /** All cues' folded text joined by '\n' (never in a folded query, so no match spans two cues). */
  private readonly folded: string;
  /** Folded unit → offset in the original texts joined by '\n'. */
  private readonly map: Uint32Array;
  /** Cue → offset of its text in the original texts joined by '\n'. */
  private readonly cueOffset: Uint32Array;

  /** Folds every cue's text once. */
  constructor(columns: TranscriptColumns) {
    this.columns = columns;
    const texts = columns.cueText;
    const parts: string[] = [];
    const map: number[] = [];
    const cueOffset = new Uint32Array(texts.length);
    let base = 0;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      cueOffset[i] = base;
      foldInto(text, base, parts, map);
      base += text.length;
      parts.push('\n');
      map.push(base);
      base += 1;
    }
    this.folded = parts.join('');
    this.map = Uint32Array.from(map);
    this.cueOffset = cueOffset;
  }

  /** Hits for `query` in time order; none for an empty or blank query. */
  search(query: string, options?: SearchOptions): SearchHit[] {
    const hits: SearchHit[] = [];
    const q = foldQuery(typeof query === 'string' ? query : '');
    if (q === '') return hits;
    const limit = options?.limit ?? Infinity;
    const { cueText, cueFirstWord, wordOffset, wordStart, wordEnd } = this.columns;
    let pos = this.folded.indexOf(q);
    while (pos !== -1 && hits.length < limit) {
      const after = pos + q.length;
      const originalStart = this.map[pos]!;
      const cue = upperBound(this.cueOffset, originalStart) - 1;
      const text = cueText[cue]!;
      const start = originalStart - this.cueOffset[cue]!;
      const lastStart = this.map[after - 1]! - this.cueOffset[cue]!;
      // the last matched unit may come from a surrogate pair: end after the whole code point
      const end = lastStart + (text.codePointAt(lastStart)! > 0xffff ? 2 : 1);
      const first = cueFirstWord[cue]!;
      const last = cueFirstWord[cue + 1]!;
      const word = upperBound(wordOffset, start, first, last) - 1;
      const wordAfter = upperBound(wordOffset, end - 1, first, last);
      hits.push({
        cue,
        word,
        wordEnd: wordAfter,
        start,
        end,
        startTime: wordStart[word]!,
        endTime: wordEnd[wordAfter - 1]!,
      });
      pos = this.folded.indexOf(q, after);
    }
    return hits;
  }
}
