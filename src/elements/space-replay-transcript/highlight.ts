/**
 * Where playback is in the transcript, as the panel paints it: the current word (or cue, without
 * word times) and how far it was played, plus each word's other states (search hits, the clip
 * range, redacted). Only the words whose state changes are repainted as the time moves.
 */

import { CURRENT, IN_CLIP, PLAYED, REDACTED } from './block-view.js';
import { timeState, type TranscriptModel } from './transcript-model.js';

/** The painted state of one panel's transcript. */
export class Highlight {
  /** The current word (or cue), or -1. */
  current = -1;
  /** Words (or cues) before this one were played. */
  playedEnd = 0;
  /** Redacted word flags, or null. */
  redacted: Uint8Array | null = null;
  /** The clip range's words, `[from, to)`. */
  rangeWords: [number, number] = [0, 0];

  /** The model painted, or null. */
  model: TranscriptModel | null = null;

  /** Places the highlight at `time` without painting (a new transcript). */
  place(time: number): void {
    if (this.model) [this.current, this.playedEnd] = timeState(this.model, time);
    else [this.current, this.playedEnd] = [-1, 0];
  }

  /**
   * Moves the highlight to `time`; returns the ranges to repaint (words, or cues in cue mode) and
   * the old current, or null when nothing changed.
   */
  move(time: number): { repaint: [number, number][]; oldCurrent: number } | null {
    const model = this.model;
    if (!model) return null;
    const [current, playedEnd] = timeState(model, time);
    const oldCurrent = this.current;
    const oldPlayed = this.playedEnd;
    if (current === oldCurrent && playedEnd === oldPlayed) return null;
    this.current = current;
    this.playedEnd = playedEnd;
    return {
      repaint: [
        [Math.min(oldPlayed, playedEnd), Math.max(oldPlayed, playedEnd)],
        [oldCurrent, oldCurrent + 1],
        [current, current + 1],
      ],
      oldCurrent,
    };
  }

  /** The state mask of word `w`. */
  wordMask(w: number): number {
    const model = this.model!;
    let mask = model.hits[w]!;
    if (this.redacted && this.redacted[w]) mask |= REDACTED;
    if (w >= this.rangeWords[0] && w < this.rangeWords[1]) mask |= IN_CLIP;
    if (!model.cueMode) {
      if (w === this.current) mask |= CURRENT;
      else if (w < this.playedEnd) mask |= PLAYED;
    }
    return mask;
  }

  /** The state mask of cue `c` (in cue mode). */
  cueMask(c: number): number {
    if (!this.model!.cueMode) return 0;
    return c === this.current ? CURRENT : c < this.playedEnd ? PLAYED : 0;
  }

  /** The word following keeps in view: the current one, the first of the current cue, or the last played. */
  followWord(): number {
    const model = this.model;
    if (!model) return -1;
    if (model.cueMode) {
      const cue = this.current >= 0 ? this.current : this.playedEnd - 1;
      return cue >= 0 ? model.t.cueFirstWord[cue]! : -1;
    }
    return this.current >= 0 ? this.current : this.playedEnd - 1;
  }
}
