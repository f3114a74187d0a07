/**
 * Following playback: the panel keeps the current word in view (between FOLLOW_TOP and
 * FOLLOW_BOTTOM of its height) until the listener scrolls it themselves, then offers "Resume
 * following". Playback stepping to the next word is checked by the follow band after the frame's
 * own layout; a jump (a seek, a click) at once. Scrolls are smooth only while playing and when
 * the viewer does not ask for reduced motion.
 */

import type { ReactiveControllerHost } from 'lit';
import { FollowBand } from './follow-band.js';
import type { Highlight } from './highlight.js';
import { FOLLOW_BOTTOM, FOLLOW_TOP, type VirtualWindow } from './virtual-window.js';

/** Whether and how one panel follows playback. */
export class Following {
  /** The panel keeps the current word in view. */
  on = true;
  private pending = false;
  private readonly band = new FollowBand(FOLLOW_TOP, FOLLOW_BOTTOM, () => {
    if (this.on) this.reveal(this.highlight.followWord(), false);
  });

  /** `playing` says whether playback runs (scrolls glide only then). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly win: VirtualWindow,
    private readonly highlight: Highlight,
    private readonly playing: () => boolean,
  ) {}

  /** Brings word `w` into view (see VirtualWindow.reveal). */
  reveal(w: number, force: boolean): void {
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.win.reveal(w, force, this.playing() && !still);
  }

  /** Follows again and shows where playback is. */
  resume(): void {
    this.set(true);
    this.reveal(this.highlight.followWord(), true);
  }

  /** Follows again, and shows where playback is once the panel has rendered ({@link rendered}). */
  resumeAfterRender(): void {
    this.set(true);
    this.pending = true;
  }

  /** The panel rendered. */
  rendered(): void {
    if (!this.pending) return;
    this.pending = false;
    this.reveal(this.highlight.followWord(), true);
  }

  /** The listener moved the view: stop following. */
  pause(): void {
    this.set(false);
  }

  /** Playback jumps where the listener asked (a word, a time): follow again. */
  follow(): void {
    this.set(true);
  }

  /** The highlight moved from `old` to the current word: keep it in view. */
  moved(old: number): void {
    const current = this.highlight.current;
    if (!this.on || current < 0 || current === old) return;
    const w = this.highlight.followWord();
    const el = this.win.wordEl(w);
    const scroller = this.win.scroller;
    if (current !== old + 1 || !el || !scroller || !this.band.watch(el, scroller)) this.reveal(w, false);
  }

  /** Stops watching (the scroller changed, or the panel left the page). */
  stop(): void {
    this.band.stop();
  }

  private set(on: boolean): void {
    if (this.on === on) return;
    this.on = on;
    this.host.requestUpdate();
  }
}
