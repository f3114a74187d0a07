/**
 * The marks over the speaker lanes: the transcript search's hits (a tick along the top edge each,
 * the one shown full height) and a clip range (the one playing, the one being edited, or a drag in
 * progress). One canvas, one draw for all of them: never an element per hit.
 */

/** What to mark, seconds. */
export interface Marks {
  /** The recording's length. */
  duration: number;
  /** A clip range, or null. */
  range: { start: number; end: number } | null;
  /** Search hits. */
  hits: readonly { startTime: number; endTime: number }[];
  /** The hit shown, or -1. */
  activeHit: number;
}

const HIT_TICK_PX = 2;

/** Draws `marks` on `canvas`, in the colours of `host`'s custom properties. */
export function drawMarks(canvas: HTMLCanvasElement, host: Element, marks: Marks): void {
  const { range, hits, duration } = marks;
  if (!range && hits.length === 0) {
    // Nothing to mark: no backing store (a full-size one costs about 1 MB on a phone screen).
    if (canvas.width !== 0) canvas.width = canvas.height = 0;
    return;
  }
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  if (!g || width === 0 || !(duration > 0)) return;
  g.scale(ratio, ratio);
  const x = (t: number): number => (Math.min(Math.max(t, 0), duration) / duration) * width;
  const style = getComputedStyle(host);
  const accent = style.getPropertyValue('--space-replay-accent').trim() || '#4338ca';
  const hit = style.getPropertyValue('--space-replay-transcript-hit').trim() || '#f59e0b';
  if (range) {
    g.globalAlpha = 0.25;
    g.fillStyle = accent;
    g.fillRect(x(range.start), 0, Math.max(1, x(range.end) - x(range.start)), height);
    g.globalAlpha = 1;
    g.fillRect(x(range.start), 0, 1, height);
    g.fillRect(x(range.end) - 1, 0, 1, height);
  }
  // Ticks along the top edge; the one shown is full height.
  g.fillStyle = hit;
  hits.forEach((h, i) => {
    g.fillRect(Math.min(x(h.startTime), width - HIT_TICK_PX), 0, HIT_TICK_PX, i === marks.activeHit ? height : Math.min(height, 10));
  });
}
