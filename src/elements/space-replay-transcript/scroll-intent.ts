/**
 * Tells the panel's own scrolls from the listener's: following pauses only when a person scrolls.
 * The panel remembers where it last put the scroller (after its own scrolls and after layout
 * changes, which may clamp the position); a scroll event that lands elsewhere, outside the path of
 * a smooth scroll in flight, is the listener's.
 */

/** Positions closer than this to where the panel put the scroller are still the panel's. */
const SETTLED_PX = 2;

interface SmoothScroll {
  from: number;
  to: number;
  until: number;
}

/** Scrolls one element and classifies its scroll events. */
export class ScrollIntent {
  private known = 0;
  private smooth: SmoothScroll | null = null;

  /** Tracks `scroller`, the element whose `scrollTop` moves. */
  constructor(private readonly scroller: HTMLElement) {
    this.known = scroller.scrollTop;
  }

  /** Scrolls to `top` (clamped), smoothly or not; never scrolls anything but the scroller. */
  scrollTo(top: number, smooth: boolean): void {
    const s = this.scroller;
    const max = Math.max(0, s.scrollHeight - s.clientHeight);
    const to = Math.min(max, Math.max(0, top));
    const from = s.scrollTop;
    if (Math.abs(to - from) < 1) return;
    if (smooth) {
      this.smooth = { from, to, until: performance.now() + 1500 };
      s.scrollTo({ top: to, behavior: 'smooth' });
    } else {
      this.smooth = null;
      s.scrollTop = to;
      this.known = s.scrollTop;
    }
  }

  /** Whether a smooth scroll the panel started is still under way. */
  get smoothScrolling(): boolean {
    return this.smooth !== null && performance.now() <= this.smooth.until;
  }

  /** Accepts the current position as the panel's own (after a layout change that may have moved it). */
  settle(): void {
    if (!this.smooth) this.known = this.scroller.scrollTop;
  }

  /** Whether the scroll event just seen came from the listener. */
  isUserScroll(): boolean {
    const top = this.scroller.scrollTop;
    const smooth = this.smooth;
    if (smooth) {
      const lo = Math.min(smooth.from, smooth.to) - 2;
      const hi = Math.max(smooth.from, smooth.to) + 2;
      if (performance.now() <= smooth.until && top >= lo && top <= hi) {
        // The last steps of a smooth scroll can be fractions of a pixel apart (Firefox ends one
        // at 49 then 50): its end is the panel's own, whichever of them comes last.
        const done = Math.abs(top - smooth.to) < SETTLED_PX;
        if (done) this.smooth = null;
        this.known = done ? smooth.to : top;
        return false;
      }
      this.smooth = null;
    }
    if (Math.abs(top - this.known) < SETTLED_PX) return false;
    this.known = top;
    return true;
  }

  /** The listener took over (wheel, touch, scrolling keys): a smooth scroll in flight is theirs now. */
  userTookOver(): void {
    this.smooth = null;
  }
}
