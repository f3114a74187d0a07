/**
 * The words a text selection covers inside the panel's shadow root. Browsers expose a selection in
 * a shadow tree differently: `getComposedRanges` (the standard), `ShadowRoot.getSelection`
 * (Chromium's older way), or the document selection itself (Firefox before `getComposedRanges`).
 */

interface ComposedSelection {
  getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[];
}

/** The selection's range inside `root` as a live Range, or undefined when nothing is selected there. */
export function selectedRange(root: ShadowRoot): Range | undefined {
  const selection = document.getSelection();
  if (!selection) return undefined;
  let bounds: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number } | undefined;
  const composed = selection as Selection & ComposedSelection;
  if (typeof composed.getComposedRanges === 'function') {
    try {
      bounds = composed.getComposedRanges({ shadowRoots: [root] })[0];
    } catch {
      bounds = undefined;
    }
  }
  if (!bounds || !root.contains(bounds.startContainer)) {
    const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    const from = own && own.rangeCount > 0 ? own : selection.rangeCount > 0 ? selection : null;
    bounds = from?.getRangeAt(0);
  }
  if (!bounds || !root.contains(bounds.startContainer) || !root.contains(bounds.endContainer)) return undefined;
  const range = document.createRange();
  try {
    range.setStart(bounds.startContainer, bounds.startOffset);
    range.setEnd(bounds.endContainer, bounds.endOffset);
  } catch {
    return undefined;
  }
  return range.collapsed ? undefined : range;
}

/** Whether `range` covers at least one character of `word` (an element holding one text node). */
export function coversWord(range: Range, word: Element): boolean {
  const text = word.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return false;
  const length = (text as Text).length;
  if (length === 0) return false;
  // The word's last character is after the range start, and its first is before the range end.
  const endsAfterStart = range.comparePoint(text, length) >= 0 && !(range.startContainer === text && range.startOffset === length);
  const startsBeforeEnd = range.comparePoint(text, 0) <= 0 && !(range.endContainer === text && range.endOffset === 0);
  return endsAfterStart && startsBeforeEnd;
}

/**
 * The first and last of `words` (in document order) that `range` covers, as indexes into `words`,
 * or undefined when it covers none. Binary search: O(log n) boundary checks.
 */
export function coveredWords(range: Range, words: readonly Element[]): [first: number, last: number] | undefined {
  // Words wholly before the range come first in document order: find the first that is not.
  const isBefore = (w: Element): boolean => {
    const text = w.firstChild;
    if (!text) return range.comparePoint(w, 0) < 0;
    return range.comparePoint(text, (text as Text).length) < 0 || (range.startContainer === text && range.startOffset === (text as Text).length);
  };
  const isAfter = (w: Element): boolean => {
    const text = w.firstChild;
    if (!text) return range.comparePoint(w, 0) > 0;
    return range.comparePoint(text, 0) > 0 || (range.endContainer === text && range.endOffset === 0);
  };
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(words[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  lo = first;
  hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!isAfter(words[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  // Empty words (redacted) have no text to cover; skip them at both ends.
  let a = first;
  let b = last;
  while (a <= b && !coversWord(range, words[a]!)) a++;
  while (b >= a && !coversWord(range, words[b]!)) b--;
  return a <= b ? [a, b] : undefined;
}

/**
 * The clip `[start, end)` the selection in `root` covers, snapped to its words: `rendered.words`
 * are word `rendered.firstWord` on, timed by `times`. Undefined when nothing is selected, null
 * when the selection covers no word.
 */
export function clipOfSelection(
  root: ShadowRoot,
  rendered: { words: HTMLElement[]; firstWord: number },
  times: { readonly wordStart: ArrayLike<number>; readonly wordEnd: ArrayLike<number> },
): { start: number; end: number } | null | undefined {
  const range = selectedRange(root);
  if (!range) return undefined;
  const covered = coveredWords(range, rendered.words);
  if (!covered) return null;
  const start = times.wordStart[rendered.firstWord + covered[0]]!;
  const end = times.wordEnd[rendered.firstWord + covered[1]]!;
  return end > start ? { start, end } : null;
}
