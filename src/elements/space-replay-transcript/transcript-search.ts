/**
 * The panel's search: the hits of a query (at most 10,000), the one shown, and their marks on the
 * words (HIT for every hit, HIT_CURRENT for the one shown) in the model's per-word array.
 */

import type { SearchHit } from '../../model/transcript/index.js';
import { HIT, HIT_CURRENT } from './block-view.js';
import type { TranscriptModel } from './transcript-model.js';

const MAX_HITS = 10_000;

/** What the search needs of its panel. */
export interface SearchPanel {
  /** The model searched, or null. */
  model(): TranscriptModel | null;
  /** Where playback is, seconds. */
  time(): number;
  /** Repaints words `[from, to)`. */
  repaint(from: number, to: number): void;
  /** The hits or the one shown changed; `reveal`: bring it into view. */
  changed(reveal: boolean): void;
}

/** One panel's search state, and its field's keys (Enter, Shift+Enter, Escape). */
export class TranscriptSearch {
  /** The query as typed. */
  query = '';
  /** The hits, in time order. */
  hits: SearchHit[] = [];
  /** The hit shown, or -1. */
  active = -1;

  constructor(private readonly panel: SearchPanel) {}

  /** The field changed. */
  readonly onInput = (event: Event): void => {
    this.search((event.target as HTMLInputElement).value, true);
  };

  /** Enter shows the next hit, Shift+Enter the previous, Escape clears the field. */
  readonly onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.show(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && this.query) {
      event.preventDefault();
      (event.target as HTMLInputElement).value = '';
      this.search('', true);
    }
  };

  /** Runs `query` (an empty one clears); `reveal`: bring the hit shown into view. */
  search(query: string, reveal: boolean): void {
    const model = this.panel.model();
    const changed = this.run(model, query, this.panel.time());
    if (!model) return;
    if (changed) this.panel.repaint(...changed);
    this.panel.changed(reveal);
  }

  /** Shows the next (1) or previous (-1) hit. */
  show(step: 1 | -1): void {
    const model = this.panel.model();
    if (!model || this.hits.length === 0) return;
    for (const range of this.step(model, step)) this.panel.repaint(...range);
    this.panel.changed(true);
  }

  /** Runs `query` on `model` (or only keeps it, without a model); the hit shown is the first at or after `time`. Returns the words whose marks changed, `[from, to)`. */
  private run(model: TranscriptModel | null, query: string, time: number): [from: number, to: number] | null {
    this.query = query;
    if (!model) return null;
    const old = this.hits;
    for (const hit of old) model.hits.fill(0, hit.word, hit.wordEnd);
    this.hits = query.trim() ? model.t.search(query, { limit: MAX_HITS }) : [];
    for (const hit of this.hits) model.hits.fill(HIT, hit.word, hit.wordEnd);
    // Start from the first hit at or after where playback is, as a reader would.
    const from = this.hits.findIndex((h) => h.startTime >= time);
    this.active = this.hits.length === 0 ? -1 : from >= 0 ? from : 0;
    this.mark(model, this.active, true);
    return old.length > 0 || this.hits.length > 0 ? [0, model.t.wordCount] : null;
  }

  /** Moves to the next (1) or previous (-1) hit, wrapping; returns the words whose marks changed. */
  private step(model: TranscriptModel, step: 1 | -1): [from: number, to: number][] {
    const n = this.hits.length;
    if (n === 0) return [];
    const changed = [this.mark(model, this.active, false)];
    this.active = (this.active + step + n) % n;
    changed.push(this.mark(model, this.active, true));
    return changed.filter((c): c is [number, number] => c !== null);
  }

  /** Forgets the hits (a new transcript); the query stays. */
  clear(): void {
    this.hits = [];
    this.active = -1;
  }

  /** The hits' time spans, for marking them on the waveform. */
  get spans(): { startTime: number; endTime: number }[] {
    return this.hits.map((h) => ({ startTime: h.startTime, endTime: h.endTime }));
  }

  private mark(model: TranscriptModel, index: number, on: boolean): [number, number] | null {
    const hit = this.hits[index];
    if (!hit) return null;
    for (let w = hit.word; w < hit.wordEnd; w++) {
      if (on) model.hits[w]! |= HIT_CURRENT;
      else model.hits[w]! &= ~HIT_CURRENT;
    }
    return [hit.word, hit.wordEnd];
  }
}
