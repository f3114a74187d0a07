/**
 * The transcript panel's window: only the blocks around the scroll position (and a margin above
 * and below, up to a word budget) are in the DOM. Heights of blocks not yet rendered are estimated
 * from their length and the measured line height; rendered ones are measured, and the scroll
 * position is corrected so the block the listener looks at stays put. Words are repainted here
 * (their `part` states), and a word is brought into view without ever scrolling the page.
 */

import { paintCue, paintWord, renderBlock, type BlockContext, type RenderedBlock } from './block-view.js';
import { HeightIndex } from './height-index.js';
import type { ScrollIntent } from './scroll-intent.js';
import { blockOfWord } from './transcript-blocks.js';
import type { Item, TranscriptModel } from './transcript-model.js';

// The visible blocks, plus this margin (px, at least) above and below, up to a word budget.
const MIN_MARGIN_PX = 240;
const MAX_WINDOW_WORDS = 900;
const DEFAULTS = { lineHeight: 24, head: 44, pad: 12, charWidth: 8 };

/** Where a revealed word goes: this fraction of the panel's height from its top. */
export const FOLLOW_AT = 0.3;
/** Following leaves a word alone between these fractions of the panel's height. */
export const FOLLOW_TOP = 0.1;
/** See {@link FOLLOW_TOP}. */
export const FOLLOW_BOTTOM = 0.8;

/** What the window asks of its panel. */
export interface WindowPanel {
  /** What building a block needs. */
  blockContext(): BlockContext;
  /** The state mask of word `w`. */
  wordMask(w: number): number;
  /** The state mask of cue `c`. */
  cueMask(c: number): number;
  /** The blocks shown changed (the panel keeps one tab stop among them). */
  windowChanged(): void;
  /** The focused element in the panel, if any. */
  focused(): Element | null;
  /** Whether the panel is in the document. */
  connected(): boolean;
}


/** The rendered window of one transcript in one scroller. */
export class VirtualWindow {
  /** The rendered blocks, by index. */
  readonly rendered = new Map<number, RenderedBlock>();
  /** The first rendered block. */
  first = 0;
  /** The block after the last rendered one. */
  end = 0;
  /** The scroller's width and height when last laid out. */
  width = 0;
  height = 0;

  private readonly blockOfEl = new WeakMap<Element, RenderedBlock>();
  private lineHeight = DEFAULTS.lineHeight;
  private headHeight = DEFAULTS.head;
  private pad = DEFAULTS.pad;
  private charsPerLine = 60;
  private calibrated = false;
  private layingOut = false;

  /** The model shown, the scroller, its scroll intent and the list the blocks go in (set by the panel). */
  model: TranscriptModel | null = null;
  scroller: HTMLElement | null = null;
  intent: ScrollIntent | null = null;
  list: HTMLElement | null = null;

  constructor(private readonly panel: WindowPanel) {}

  /** Whether a layout is under way (its own scroll events are not the listener's). */
  get busy(): boolean {
    return this.layingOut;
  }

  /** A new transcript: every height is an estimate again. */
  reset(model: TranscriptModel | null): void {
    this.forget();
    this.model = model;
    this.calibrated = false;
    this.rebuildEstimates();
  }

  /** The DOM of the blocks was dropped (a new list, or strings changed). */
  forget(): void {
    this.rendered.clear();
    this.first = 0;
    this.end = 0;
  }

  /** Width changed: every measured height is stale; estimate again from the new line length. */
  recalibrate(width: number): void {
    this.width = width;
    const model = this.model;
    if (!model) return;
    model.measured.fill(0);
    this.calibrated = false;
    this.charsPerLine = Math.max(8, (width - 24) / DEFAULTS.charWidth);
    this.rebuildEstimates();
  }

  /**
   * Renders the blocks around the scroll position, measures them and keeps the view steady.
   * `scrolled`: called for a scroll, which changes no height: when no block came into the window,
   * nothing is measured (measuring reads layout, and a smooth follow scroll fires every frame).
   */
  render(scrolled = false): void {
    const { model, scroller: s, intent } = this;
    if (!model || !s || !this.list || !intent || this.layingOut) return;
    this.layingOut = true;
    try {
      const anchor = model.heights.indexAt(s.scrollTop);
      const anchorDelta = anchor >= 0 ? s.scrollTop - model.heights.offsetOf(anchor) : 0;
      for (let pass = 0; pass < 4; pass++) {
        const [first, end] = this.windowAt(s.scrollTop, s.clientHeight);
        const added = this.apply(first, end);
        if (scrolled && pass === 0 && !added) break;
        if (!this.measure()) break;
        this.setPadding();
        // Heights above the anchor changed: scroll so the anchor block stays where the listener sees it
        // (not during a smooth scroll: an instant correction would cut it short).
        if (anchor >= 0 && !intent.smoothScrolling) {
          const want = model.heights.offsetOf(anchor) + Math.min(anchorDelta, model.heights.get(anchor));
          if (Math.abs(want - s.scrollTop) >= 1) intent.scrollTo(want, false);
        }
      }
      intent.settle();
    } finally {
      this.layingOut = false;
    }
  }

  /** Repaints the rendered words among [from, to): O(rendered words in the range). */
  repaintWords(from: number, to: number): void {
    const model = this.model;
    if (!model || this.rendered.size === 0) return;
    const fw = model.blocks.firstWord;
    const lo = Math.max(from, fw[this.first]!);
    const hi = Math.min(to, fw[this.end]!);
    if (lo >= hi) return;
    let b = blockOfWord(model.blocks, lo);
    for (let w = lo; w < hi; w++) {
      while (w >= fw[b + 1]!) b++;
      const rb = this.rendered.get(b);
      if (rb) paintWord(rb, w - rb.firstWord, this.panel.wordMask(w));
    }
  }

  /** Repaints the rendered spans of cues among [from, to). */
  repaintCues(from: number, to: number): void {
    if (from >= to || from < 0) return;
    for (const rb of this.rendered.values()) {
      for (let i = 0; i < rb.cues.length; i++) {
        const c = rb.cueOf[i]!;
        if (c >= from && c < to) paintCue(rb, i, this.panel.cueMask(c));
      }
    }
  }

  /** The element of word `w`, when rendered. */
  wordEl(w: number): HTMLElement | undefined {
    const model = this.model;
    if (!model || w < 0) return undefined;
    const rb = this.rendered.get(blockOfWord(model.blocks, w));
    return rb?.words[w - rb.firstWord];
  }

  /** The element of `item` (a word, or a paragraph's time button), when rendered. */
  itemEl(item: Item): HTMLElement | undefined {
    const model = this.model;
    if (!model) return undefined;
    if (item >= 0) return this.wordEl(item);
    const turn = -item - 1;
    const rb = this.rendered.get(blockOfWord(model.blocks, model.t.cueFirstWord[model.t.turnStartCue[turn]!]!));
    return rb?.time ?? undefined;
  }

  /** The item an event target is (or is inside), if any. */
  itemOf(target: EventTarget | null): Item | undefined {
    const model = this.model;
    if (!model || !(target instanceof Element)) return undefined;
    const blockEl = target.closest('.block');
    const rb = blockEl ? this.blockOfEl.get(blockEl) : undefined;
    if (!rb) return undefined;
    if (target.closest('.time')) return -(model.blocks.turn[rb.index]! + 1);
    const word = target.closest('[part~="word"]');
    if (!word) return undefined;
    const i = rb.words.indexOf(word as HTMLElement);
    return i >= 0 ? rb.firstWord + i : undefined;
  }

  /** Where `el` is, from the top of the scrolled content. */
  topOf(el: Element): number {
    const s = this.scroller!;
    return el.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop;
  }

  /**
   * Brings word `w` into the panel's view (and only the panel's: never `scrollIntoView`). Unless
   * `force`, nothing moves while it is between FOLLOW_TOP and FOLLOW_BOTTOM. A far target is
   * reached in one jump that renders only the window around it; a near one scrolls smoothly when
   * `smooth` allows.
   */
  reveal(w: number, force: boolean, smooth: boolean): void {
    const { model, scroller: s, intent } = this;
    if (!model || !s || !intent || w < 0 || w >= model.t.wordCount) return;
    const h = s.clientHeight || 1;
    let el = this.wordEl(w);
    if (!el) {
      const b = blockOfWord(model.blocks, w);
      const fw = model.blocks.firstWord;
      const y = model.heights.offsetOf(b) + (model.heights.get(b) * (w - fw[b]!)) / Math.max(1, fw[b + 1]! - fw[b]!);
      intent.scrollTo(y - h * FOLLOW_AT, false);
      this.render();
      el = this.wordEl(w);
      if (!el) return;
      force = true;
    }
    const y = this.topOf(el);
    const top = s.scrollTop;
    if (!force && y >= top + h * FOLLOW_TOP && y + el.offsetHeight <= top + h * FOLLOW_BOTTOM) return;
    const target = y - h * FOLLOW_AT;
    const glide = smooth && Math.abs(target - top) < h * 2;
    intent.scrollTo(target, glide);
    if (!glide) this.render();
  }

  /** The rendered words in order (for a selection), and the index of the first. */
  renderedWords(): { words: HTMLElement[]; firstWord: number } {
    const words: HTMLElement[] = [];
    for (let i = this.first; i < this.end; i++) words.push(...this.rendered.get(i)!.words);
    return { words, firstWord: this.model?.blocks.firstWord[this.first] ?? 0 };
  }

  /** The rendered block at the top of the view. */
  blockInView(): RenderedBlock | undefined {
    const { model, scroller: s } = this;
    if (!model) return undefined;
    const b = s ? Math.max(this.first, Math.min(this.end - 1, model.heights.indexAt(s.scrollTop))) : this.first;
    return this.rendered.get(b);
  }

  private estimate(b: number): number {
    const blocks = this.model!.blocks;
    const lines = Math.max(1, Math.ceil(blocks.chars[b]! / this.charsPerLine));
    return (blocks.head[b] ? this.headHeight : 0) + lines * this.lineHeight + this.pad;
  }

  private rebuildEstimates(): void {
    const model = this.model;
    if (!model) return;
    const n = model.blocks.count;
    const heights = new Float64Array(n);
    for (let b = 0; b < n; b++) heights[b] = model.measured[b] ? model.heights.get(b) : this.estimate(b);
    model.heights = new HeightIndex(heights);
  }

  /** Learns line height, header height and characters per line from the rendered blocks. */
  private calibrate(): void {
    const model = this.model!;
    let chars = 0;
    let lines = 0;
    for (const rb of this.rendered.values()) {
      const p = rb.el.querySelector<HTMLElement>('.text');
      const head = rb.el.querySelector<HTMLElement>('.head');
      if (!p) continue;
      const style = getComputedStyle(p);
      const lh = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2 || DEFAULTS.lineHeight;
      const padTop = parseFloat(style.paddingTop) || 0;
      this.lineHeight = lh;
      const pHeight = p.getBoundingClientRect().height;
      const headHeight = head ? head.getBoundingClientRect().height : 0;
      if (head) this.headHeight = headHeight;
      this.pad = Math.max(0, rb.el.getBoundingClientRect().height - pHeight - headHeight) + padTop;
      lines += Math.max(1, Math.round((pHeight - padTop) / lh));
      chars += model.blocks.chars[rb.index]!;
    }
    if (lines > 0 && chars > 0) this.charsPerLine = Math.max(8, chars / lines);
    this.calibrated = true;
    this.rebuildEstimates();
  }

  private windowAt(top: number, height: number): [first: number, end: number] {
    const { heights, blocks } = this.model!;
    const n = blocks.count;
    if (n === 0) return [0, 0];
    const h = height > 0 ? height : 600;
    const margin = Math.max(MIN_MARGIN_PX, h / 2);
    const fw = blocks.firstWord;
    let first = heights.indexAt(top);
    let end = Math.min(n, heights.indexAt(top + h) + 1);
    const upTo = heights.indexAt(Math.max(0, top - margin));
    const downTo = Math.min(n, heights.indexAt(top + h + margin) + 1);
    let words = fw[end]! - fw[first]!;
    let grow = true;
    while (grow) {
      grow = false;
      if (end < downTo && words + (fw[end + 1]! - fw[end]!) <= MAX_WINDOW_WORDS) {
        words += fw[end + 1]! - fw[end]!;
        end++;
        grow = true;
      }
      if (first > upTo && words + (fw[first]! - fw[first - 1]!) <= MAX_WINDOW_WORDS) {
        words += fw[first]! - fw[first - 1]!;
        first--;
        grow = true;
      }
    }
    return [first, end];
  }

  /** Shows blocks [first, end) and only those; true when a block was added. */
  private apply(first: number, end: number): boolean {
    const list = this.list!;
    const ctx = this.panel.blockContext();
    const wordMask = (w: number): number => this.panel.wordMask(w);
    const cueMask = (c: number): number => this.panel.cueMask(c);
    const active = this.panel.focused();
    for (const [i, rb] of this.rendered) {
      if (i >= first && i < end) continue;
      // Focus must not fall to the page when its block leaves the window.
      if (active && rb.el.contains(active)) this.scroller?.focus({ preventScroll: true });
      rb.el.remove();
      this.rendered.delete(i);
    }
    const build = (from: number, to: number): DocumentFragment => {
      const fragment = list.ownerDocument.createDocumentFragment();
      for (let i = from; i < to; i++) {
        const rb = renderBlock(ctx, i, wordMask, cueMask);
        this.rendered.set(i, rb);
        this.blockOfEl.set(rb.el, rb);
        fragment.append(rb.el);
      }
      return fragment;
    };
    let added = false;
    if (this.rendered.size === 0) {
      list.replaceChildren(build(first, end));
      added = end > first;
    } else {
      const keptFirst = Math.max(first, this.first);
      const keptEnd = Math.min(end, this.end);
      if (first < keptFirst) list.prepend(build(first, keptFirst));
      if (keptEnd < end) list.append(build(keptEnd, end));
      added = first < keptFirst || keptEnd < end;
    }
    this.first = first;
    this.end = end;
    this.setPadding();
    this.panel.windowChanged();
    return added;
  }

  private setPadding(): void {
    const { heights } = this.model!;
    const list = this.list!;
    const top = heights.offsetOf(this.first);
    const bottom = heights.total - heights.offsetOf(this.end);
    list.style.paddingTop = `${top}px`;
    list.style.paddingBottom = `${Math.max(0, bottom)}px`;
  }

  /** Measures rendered blocks; true when a height changed. */
  private measure(): boolean {
    const model = this.model!;
    if (!this.calibrated && this.rendered.size > 0 && (this.scroller?.clientWidth ?? 0) > 0) this.calibrate();
    let changed = false;
    for (let i = this.first; i < this.end; i++) {
      const rb = this.rendered.get(i);
      if (!rb) continue;
      const h = rb.el.getBoundingClientRect().height;
      if (h === 0 && !this.panel.connected()) continue;
      if (Math.abs(h - model.heights.get(i)) > 0.5) {
        model.heights.set(i, h);
        changed = true;
      }
      model.measured[i] = 1;
    }
    return changed;
  }
}
