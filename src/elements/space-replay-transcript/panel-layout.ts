/**
 * Keeping the transcript's window laid out in its scroller: after each render (a new scroller or
 * list, blocks to rebuild, a new transcript scrolled back to the top), on resizes (a new width
 * measures every block again) and on scrolls (a scroll by the listener, not the panel's own,
 * pauses following).
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Following } from './following.js';
import type { Highlight } from './highlight.js';
import { ScrollIntent } from './scroll-intent.js';
import type { VirtualWindow } from './virtual-window.js';

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/** The window of one panel, kept laid out. */
export class PanelLayout implements ReactiveController {
  private observer: ResizeObserver | null = null;

  /** `forget` drops what the panel keeps of the rendered blocks (its tab stop). */
  constructor(
    host: ReactiveControllerHost,
    private readonly win: VirtualWindow,
    private readonly following: Following,
    private readonly highlight: Highlight,
    private readonly forget: () => void,
  ) {
    host.addController(this);
  }

  /** Watches the scroller's size. */
  hostConnected(): void {
    this.observer ??= new ResizeObserver(() => this.resized());
    if (this.win.scroller) this.observer.observe(this.win.scroller);
  }

  /** Stops watching. */
  hostDisconnected(): void {
    this.observer?.disconnect();
    this.following.stop();
  }

  /** After a render: `dirty` rebuilds the blocks, `fresh` (a new transcript) starts at the top. */
  rendered(scroller: HTMLElement | null, list: HTMLElement | null, dirty: boolean, fresh: boolean): void {
    const win = this.win;
    if (scroller !== win.scroller) {
      if (win.scroller) this.observer?.unobserve(win.scroller);
      this.following.stop();
      win.scroller = scroller;
      win.intent = scroller ? new ScrollIntent(scroller) : null;
      if (scroller) this.observer?.observe(scroller);
    }
    if (list !== win.list) {
      win.list = list;
      this.drop();
    } else if (dirty) {
      list?.replaceChildren();
      this.drop();
    }
    if (!win.model || !scroller || !list) return;
    const width = scroller.clientWidth;
    if (width > 0 && width !== win.width) win.recalibrate(width);
    win.height = scroller.clientHeight;
    if (fresh) win.intent?.scrollTo(0, false);
    win.render();
    if (fresh && this.following.on) this.following.reveal(this.highlight.followWord(), false);
  }

  /** The rendered blocks are gone (a new list, a new transcript, or strings to rebuild). */
  drop(): void {
    this.win.forget();
    this.forget();
  }

  /** The scroller scrolled. */
  readonly onScroll = (): void => {
    if (this.win.busy) return;
    if (this.win.intent?.isUserScroll()) this.following.pause();
    this.win.render(true);
  };

  /** A wheel, a touch move, or a scrolling key on the scroller: the listener takes over. */
  readonly userScrolls = (event?: Event): void => {
    if (event instanceof KeyboardEvent && !SCROLL_KEYS.has(event.key)) return;
    this.win.intent?.userTookOver();
    this.following.pause();
  };

  private resized(): void {
    const win = this.win;
    const s = win.scroller;
    if (!s || !win.model) return;
    const width = s.clientWidth;
    const height = s.clientHeight;
    if (width === win.width && height === win.height) return;
    const widthChanged = width !== win.width && width > 0;
    win.height = height;
    if (widthChanged) win.recalibrate(width);
    win.render();
    if (this.following.on && widthChanged) this.following.reveal(this.highlight.followWord(), true);
  }
}
