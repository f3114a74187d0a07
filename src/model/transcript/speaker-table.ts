/** Collects distinct speaker labels in order of first appearance while a file is read. */
import type { Speaker } from './transcript.js';
import { cleanLabel } from './plain-text.js';

/** Label → speaker index, assigned in order of first appearance. */
export class SpeakerTable {
  /** The speakers so far, by index. */
  readonly speakers: Speaker[] = [];
  private readonly index = new Map<string, number>();

  /** Index for a raw label (cleaned to one line of plain text); -1 for a missing or blank one. */
  indexOf(raw: unknown): number {
    if (typeof raw !== 'string') return -1;
    const label = cleanLabel(raw);
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
