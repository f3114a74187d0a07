/**
 * Speaker lanes on one canvas: a row per speaker with a bar for each segment, redacted ranges
 * hatched across every row, chapter ticks, and (for long recordings) an overview of the whole
 * waveform. One canvas whatever the number of segments: a DOM node per segment costs hundreds of
 * milliseconds at 300 segments.
 */

import type { SpeakerTimeline } from '../../model/speakers.js';

/** Everything the lanes show. Times are seconds. */
export interface LanesPicture {
  /** Recording length. */
  duration: number;
  /** Who spoke when. */
  timeline: SpeakerTimeline;
  /** Row of each speaker in `timeline.speakers` (-1: not drawn). */
  rowOf: Int32Array;
  /** Number of rows. */
  rows: number;
  /** Colour of each row. */
  rowColors: string[];
  /** Ranges silenced in the audio. */
  redactions: readonly { startTime: number; endTime: number }[];
  /** Chapter starts. */
  chapterStarts: readonly number[];
  /** Overview of the waveform: min/max pairs over the whole duration, or `null`. */
  overview: Float32Array | null;
  /** Colours of the overview, the hatching and the chapter ticks. */
  colors: { overview: string; redaction: string; chapter: string; track: string };
}

/** Height of one speaker row, CSS pixels. */
export const ROW_HEIGHT = 6;
/** Height of the overview strip, CSS pixels. */
export const OVERVIEW_HEIGHT = 28;

/** The CSS height the lanes need for `rows` rows (and an overview strip). */
export function lanesHeight(rows: number, overview: boolean): number {
  return Math.max(1, rows) * (ROW_HEIGHT + 2) + (overview ? OVERVIEW_HEIGHT + 4 : 0);
}

/** Draws `picture` on `canvas`, sized to `width` CSS pixels at the device pixel ratio. */
export function drawSpeakerLanes(canvas: HTMLCanvasElement, width: number, picture: LanesPicture): void {
  const ratio = globalThis.devicePixelRatio || 1;
  const height = lanesHeight(picture.rows, picture.overview !== null);
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.round(height * ratio);
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx || !(picture.duration > 0) || width <= 0) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const x = (t: number): number => (Math.min(Math.max(t, 0), picture.duration) / picture.duration) * width;

  let top = 0;
  if (picture.overview) {
    drawOverview(ctx, picture.overview, width, OVERVIEW_HEIGHT, picture.colors.overview);
    top = OVERVIEW_HEIGHT + 4;
  }

  ctx.fillStyle = picture.colors.track;
  for (let row = 0; row < Math.max(1, picture.rows); row++) ctx.fillRect(0, top + row * (ROW_HEIGHT + 2), width, ROW_HEIGHT);

  const { starts, ends, speakerIndexes } = picture.timeline;
  let fill = '';
  for (let i = 0; i < starts.length; i++) {
    const row = picture.rowOf[speakerIndexes[i]!]!;
    if (row < 0) continue;
    const color = picture.rowColors[row]!;
    if (color !== fill) ctx.fillStyle = fill = color;
    const x0 = x(starts[i]!);
    ctx.fillRect(x0, top + row * (ROW_HEIGHT + 2), Math.max(1, x(ends[i]!) - x0), ROW_HEIGHT);
  }

  if (picture.redactions.length > 0) {
    const hatch = hatchPattern(ctx, picture.colors.redaction);
    ctx.fillStyle = hatch ?? picture.colors.redaction;
    for (const r of picture.redactions) {
      const x0 = x(r.startTime);
      ctx.fillRect(x0, 0, Math.max(2, x(r.endTime) - x0), height);
    }
  }

  ctx.fillStyle = picture.colors.chapter;
  for (const start of picture.chapterStarts) if (start > 0) ctx.fillRect(Math.round(x(start)) - 0.5, 0, 1, height);
}

function drawOverview(ctx: CanvasRenderingContext2D, pairs: Float32Array, width: number, height: number, color: string): void {
  const bins = pairs.length / 2;
  const mid = height / 2;
  ctx.fillStyle = color;
  for (let b = 0; b < bins; b++) {
    const x0 = (b / bins) * width;
    const w = Math.max(1, width / bins);
    const top = mid - Math.max(0, pairs[2 * b + 1]!) * mid;
    const bottom = mid - Math.min(0, pairs[2 * b]!) * mid;
    ctx.fillRect(x0, top, w, Math.max(1, bottom - top));
  }
}

function hatchPattern(ctx: CanvasRenderingContext2D, color: string): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = color;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, 6);
  t.lineTo(6, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}
