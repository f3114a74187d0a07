/** Arrow-key movement between the list's cards (one tab stop for the whole list). Pure. */

/**
 * The card index `key` moves focus to from `index` among `count` cards, or `undefined` when the key
 * does not move focus. Up/Down step, Home/End jump; Left/Right step too, mirrored when `rtl`.
 * Movement stops at the ends (no wrapping), as in a list.
 */
export function nextFocusIndex(key: string, index: number, count: number, rtl = false): number | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  const step = (delta: number): number => Math.min(last, Math.max(0, index + delta));
  switch (key) {
    case 'ArrowDown':
      return step(1);
    case 'ArrowUp':
      return step(-1);
    case 'ArrowRight':
      return step(rtl ? -1 : 1);
    case 'ArrowLeft':
      return step(rtl ? 1 : -1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
