/**
 * Whether the word being followed is still inside the follow band (between `top` and `bottom`, as
 * fractions of the panel's height): an IntersectionObserver says so after the frame's own layout.
 * Asking at every word would force a layout each time.
 */

/** Watches one element at a time against a band of its scroller. */
export class FollowBand {
  private observer: IntersectionObserver | null = null;
  private watched: Element | null = null;

  /** `left` runs when the watched element is no longer wholly inside the band. */
  constructor(
    private readonly top: number,
    private readonly bottom: number,
    private readonly left: () => void,
  ) {}

  /** Watches `el` inside `scroller`; false where IntersectionObserver is missing. */
  watch(el: Element, scroller: Element): boolean {
    if (typeof IntersectionObserver === 'undefined') return false;
    if (el === this.watched) return true;
    if (!this.observer || this.observer.root !== scroller) {
      this.observer?.disconnect();
      const margin = `${-this.top * 100}% 0px ${-(1 - this.bottom) * 100}% 0px`;
      this.observer = new IntersectionObserver((entries) => this.onEntries(entries), { root: scroller, rootMargin: margin, threshold: 1 });
    }
    if (this.watched) this.observer.unobserve(this.watched);
    this.watched = el;
    this.observer.observe(el);
    return true;
  }

  /** Stops watching. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.watched = null;
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    let entry: IntersectionObserverEntry | undefined;
    for (const e of entries) if (e.target === this.watched) entry = e;
    // Sub-pixel edges read as 0.99…: a word that far inside counts as inside.
    if (entry && entry.intersectionRatio < 0.99) this.left();
  }
}
