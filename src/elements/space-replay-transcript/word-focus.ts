/**
 * The keyboard in the transcript: exactly one rendered word or paragraph time is in the tab order
 * (the last one used, else the current word, else the first visible one); the arrows move between
 * words (in reading order, also right to left) and paragraphs; Enter and Space play from there.
 */

import { neighbour, turnItem, type Item, type TranscriptModel } from './transcript-model.js';
import type { VirtualWindow } from './virtual-window.js';

/** What word focus needs of its panel. */
export interface FocusPanel {
  /** The model shown, or null. */
  model(): TranscriptModel | null;
  /** Redacted word flags, or null. */
  redacted(): Uint8Array | null;
  /** The word following keeps in view. */
  followWord(): number;
  /** Brings a word into view, at once. */
  reveal(word: number): void;
  /** The listener moves on their own: following pauses. */
  pauseFollowing(): void;
  /** Plays from `item`. */
  play(item: Item): void;
  /** Whether the panel lays out right to left. */
  rtl(): boolean;
}

/** One panel's keyboard focus among its words. */
export class WordFocus {
  private stop: Item = 0;
  private stopEl: HTMLElement | null = null;

  constructor(
    private readonly win: VirtualWindow,
    private readonly panel: FocusPanel,
  ) {}

  /** The rendered blocks changed or were dropped: the tab stop is found again. */
  forget(resetItem: boolean): void {
    this.stopEl = null;
    if (resetItem) this.stop = 0;
  }

  /** Makes `item` the tab stop. */
  set(item: Item): void {
    this.stop = item;
    this.ensure();
  }

  /** Exactly one rendered word or time is in the tab order. */
  ensure(): void {
    const { win, panel } = this;
    if (!panel.model() || win.rendered.size === 0) return;
    let el = win.itemEl(this.stop);
    if (!el) {
      const current = panel.followWord();
      el = current >= 0 ? win.wordEl(current) : undefined;
      if (!el) {
        const rb = win.blockInView();
        el = rb?.time ?? rb?.words.find((_, i) => !panel.redacted()?.[rb.firstWord + i]);
      }
    }
    if (el === this.stopEl || !el) return;
    if (this.stopEl) {
      if (this.stopEl.localName === 'button') this.stopEl.tabIndex = -1;
      else this.stopEl.removeAttribute('tabindex');
    }
    el.tabIndex = 0;
    this.stopEl = el;
  }

  /** A key on a word or a time; returns false when it is not one of the panel's keys. */
  onKey(event: KeyboardEvent, item: Item): boolean {
    const t = this.panel.model()!.t;
    const redacted = this.panel.redacted();
    const rtl = this.panel.rtl();
    let next: Item | undefined;
    switch (event.key) {
      case 'Enter':
      case ' ':
        // Handled here for time buttons too, so activation does not depend on the browser's key → click.
        event.preventDefault();
        this.panel.play(item);
        return true;
      case 'ArrowRight':
        next = neighbour(t, redacted, item, rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = neighbour(t, redacted, item, rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        next = turnItem(t, item, 1);
        break;
      case 'ArrowUp':
        next = turnItem(t, item, -1);
        break;
      default:
        return false;
    }
    event.preventDefault();
    if (next !== undefined) this.focus(next);
    return true;
  }

  private focus(item: Item): void {
    const { win, panel } = this;
    const model = panel.model()!;
    panel.pauseFollowing();
    const word = item >= 0 ? item : model.t.cueFirstWord[model.t.turnStartCue[-item - 1]!]!;
    if (!win.itemEl(item)) panel.reveal(word);
    const el = win.itemEl(item);
    if (!el) return;
    this.set(item);
    el.focus({ preventScroll: true });
    const s = win.scroller!;
    const y = win.topOf(el);
    if (y < s.scrollTop || y + el.offsetHeight > s.scrollTop + s.clientHeight) panel.reveal(word);
  }
}
