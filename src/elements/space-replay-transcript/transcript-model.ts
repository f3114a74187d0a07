/**
 * What the transcript panel knows of one transcript beyond the transcript itself: its blocks and
 * their heights, per-word search marks, and whether it has word times; where playback is in it
 * (the current word or cue, and how far it was played); and how the keyboard walks its words and
 * paragraph times. Pure: no DOM.
 */

import type { Transcript } from '../../model/transcript/index.js';
import { HeightIndex } from './height-index.js';
import { buildBlocks, type TranscriptBlocks } from './transcript-blocks.js';

/** In a pause shorter than this after a word (or cue), it stays highlighted. */
const HOLD_SECONDS = 1;

/** One transcript as the panel lays it out. */
export interface TranscriptModel {
  t: Transcript;
  blocks: TranscriptBlocks;
  heights: HeightIndex;
  /** 1 where a block's height was measured (else it is an estimate). */
  measured: Uint8Array;
  /** HIT and HIT_CURRENT per word. */
  hits: Uint8Array;
  /** No word timings in the source: highlight cues instead of words. */
  cueMode: boolean;
}

/** A navigable item: a word (index >= 0) or a turn's time button (-(turn + 1)). */
export type Item = number;

/** The model of `t`, its heights still to be estimated. */
export function buildModel(t: Transcript): TranscriptModel {
  const blocks = buildBlocks(t);
  return {
    t,
    blocks,
    heights: new HeightIndex(new Float64Array(blocks.count)),
    measured: new Uint8Array(blocks.count),
    hits: new Uint8Array(t.wordCount),
    cueMode: !t.hasWordTimings,
  };
}

/** The current word (or cue, without word timings) at `time`, and the end of the played ones. */
export function timeState(model: TranscriptModel, time: number): [current: number, playedEnd: number] {
  const t = model.t;
  if (model.cueMode) {
    let cue = t.cueAt(time);
    const before = t.cueBefore(time);
    if (cue < 0 && before >= 0 && time - t.cueEnd[before]! < HOLD_SECONDS) cue = before;
    return [cue, before + 1];
  }
  let word = t.wordAt(time);
  const before = t.wordBefore(time);
  if (word < 0 && before >= 0 && time - t.wordEnd[before]! < HOLD_SECONDS) word = before;
  return [word, before + 1];
}

/** The item after (`step` 1) or before (-1) `item` in reading order; redacted words are skipped. */
export function neighbour(t: Transcript, redacted: Uint8Array | null, item: Item, step: 1 | -1): Item | undefined {
  const turnFirstWord = (k: number): number => t.cueFirstWord[t.turnStartCue[k]!]!;
  if (item < 0) {
    const turn = -item - 1;
    if (step === 1) return skipRedacted(t, redacted, turnFirstWord(turn), 1);
    return turn > 0 ? skipRedacted(t, redacted, turnFirstWord(turn) - 1, -1) : undefined;
  }
  const turn = t.cueTurn[t.wordCue[item]!]!;
  if (step === 1) {
    const next = item + 1;
    if (next >= t.wordCount) return undefined;
    const nextTurn = t.cueTurn[t.wordCue[next]!]!;
    return nextTurn !== turn ? -(nextTurn + 1) : skipRedacted(t, redacted, next, 1);
  }
  if (item === turnFirstWord(turn)) return -(turn + 1);
  return skipRedacted(t, redacted, item - 1, -1);
}

function skipRedacted(t: Transcript, redacted: Uint8Array | null, w: number, step: 1 | -1): Item | undefined {
  let i = w;
  while (i >= 0 && i < t.wordCount && redacted?.[i] === 1) i += step;
  if (i < 0 || i >= t.wordCount) return undefined;
  // Stepping over a turn boundary lands on that turn's time instead.
  const turnOf = (x: number): number => t.cueTurn[t.wordCue[x]!]!;
  if (turnOf(i) !== turnOf(w)) return step === 1 ? -(turnOf(i) + 1) : i;
  return i;
}

/** The time of the next (`step` 1) or this or the previous (-1) paragraph, from `item`. */
export function turnItem(t: Transcript, item: Item, step: 1 | -1): Item | undefined {
  const turn = item < 0 ? -item - 1 : t.cueTurn[t.wordCue[item]!]!;
  const target = item >= 0 && step === -1 ? turn : turn + step;
  return target >= 0 && target < t.turnCount ? -(target + 1) : undefined;
}
