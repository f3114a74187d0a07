/**
 * The reactions strip: reaction density as a heat map (one bin per CSS pixel, its opacity the
 * bin's share of the busiest), pins as ticks along the top, and the number of people in the room
 * as a step line. One canvas and one draw per size or colour change, whatever the number of
 * reactions: drawing costs O(width), never O(reactions).
 */

import type { RoomEvents } from '../../model/room-events.js';

/** Colours of the strip. */
export interface StripColors {
  heat: string;
  pin: string;
  listeners: string;
}

/** Draws `room` over `[0, duration)` on `canvas` at its CSS size. */
export function drawReactionStrip(canvas: HTMLCanvasElement, room: RoomEvents, duration: number, colors: StripColors): void {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  if (!g || width === 0 || height === 0 || !(duration > 0)) return;
  g.scale(ratio, ratio);

  const bins = room.reactions.bins(0, duration, Math.ceil(width));
  if (bins.max > 0) {
    g.fillStyle = colors.heat;
    for (let i = 0; i < bins.counts.length; i++) {
      const count = bins.counts[i]!;
      if (count === 0) continue;
      // Square root: a few reactions stay visible beside a burst of hundreds.
      g.globalAlpha = 0.15 + 0.85 * Math.sqrt(count / bins.max);
      g.fillRect(i, 0, 1, height);
    }
    g.globalAlpha = 1;
  }

  const peak = room.peakListeners();
  if (peak && peak.count > 0) {
    g.strokeStyle = colors.listeners;
    g.lineWidth = 1;
    g.beginPath();
    const y = (n: number): number => height - 1 - (n / peak.count) * (height - 4);
    for (let x = 0; x < width; x++) {
      const n = room.listenersAt((x / width) * duration) ?? 0;
      if (x === 0) g.moveTo(0, y(n));
      else g.lineTo(x, y(n));
    }
    g.stroke();
  }

  g.fillStyle = colors.pin;
  for (const pin of room.pins) {
    const x = Math.min(width - 2, (pin.time / duration) * width);
    g.beginPath();
    g.moveTo(x - 4, 0);
    g.lineTo(x + 4, 0);
    g.lineTo(x, 6);
    g.closePath();
    g.fill();
  }
}
