/** Collects distinct speaker labels in order of first appearance while a file is read. */
import type { Speaker } from './transcript.js';
import { cleanLabel } from './plain-text.js';

/** Label → speaker index, assigned in order of first appearance. */
export class SpeakerTable {
  /** The speakers so far, by index. */
  readonly speakers: Speaker[] = [];
  private readonly index = new Map<string, number>();
  // Raw label → index: files repeat the same few raw labels on every cue, so each is cleaned once;
  // and one speaker often has several cues in a row, which a string compare answers before hashing.
  private readonly rawIndex = new Map<string, number>();
  private lastRaw: string | undefined;
  private lastIndex = -1;

  /** Index for a raw label (cleaned to one line of plain text); -1 for a missing or blank one. */
  indexOf(raw: unknown): number {
    if (typeof raw !== 'string') return -1;
    if (raw === this.lastRaw) return this.lastIndex;
    let i = this.rawIndex.get(raw);
    if (i === undefined) {
      i = this.indexOfLabel(cleanLabel(raw));
      this.rawIndex.set(raw, i);
    }
    this.lastRaw = raw;
    this.lastIndex = i;
    return i;
  }

  private indexOfLabel(label: string): number {
    if (label === '') return -1;
    let i = this.index.get(label);
    if (i === undefined) {
      i = this.speakers.length;
      this.speakers.push({ label });
      this.index.set(label, i);
    }
    return i;
  }
}
