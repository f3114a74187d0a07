/**
 * Speaker lanes as one small SVG: a row per speaker with a bar for each segment, redacted ranges
 * hatched across every row, chapter ticks, and (for long recordings) an overview of the whole
 * waveform. Each kind of mark is one `<path>` whatever the number of segments (a DOM node per
 * segment costs hundreds of milliseconds at 300 segments), so the lanes are about a dozen
 * elements. Vector paths hold no pixels of their own: a canvas of the same size at 2x density
 * kept 1.1 MB of backing store. Colours are CSS values (custom properties work), so a change of
 * colour scheme needs no redraw.
 */

import type { SpeakerTimeline } from '../../model/speakers.js';
import { lanesHeight, OVERVIEW_HEIGHT, ROW_HEIGHT } from './lanes-height.js';

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
  /** Colour of each row (any CSS colour, `var()` included). */
  rowColors: string[];
  /** Ranges silenced in the audio. */
  redactions: readonly { startTime: number; endTime: number }[];
  /** Chapter starts. */
  chapterStarts: readonly number[];
  /** Overview of the waveform: min/max pairs over the whole duration, or `null`. */
  overview: Float32Array | null;
  /** Colours (any CSS colour) of the overview, the hatching, the chapter ticks and the empty tracks. */
  colors: { overview: string; redaction: string; chapter: string; track: string };
}


const SVG_NS = 'http://www.w3.org/2000/svg';
let patternIds = 0;

/** A number for path data: at most two decimals (a hundredth of a CSS pixel). */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Path data of a rectangle. */
function rect(x: number, y: number, w: number, h: number): string {
  return `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}z`;
}

/**
 * Appends an SVG element. Colours go in `paint` (fill and stroke as style properties, as
 * presentation attributes do not take `var()`); every value is set as text, never parsed as markup.
 */
function child<K extends keyof SVGElementTagNameMap>(
  parent: Element,
  tag: K,
  attributes: Record<string, string>,
  paint: { fill?: string; stroke?: string } = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (paint.fill) el.style.setProperty('fill', paint.fill);
  if (paint.stroke) el.style.setProperty('stroke', paint.stroke);
  parent.append(el);
  return el;
}

/**
 * Draws `picture` into `svg` (replacing what it held), `width` CSS pixels wide. Row paths carry
 * `data-row`, the empty tracks `data-lanes="track"`, and so on, for styling and tests.
 */
export function drawSpeakerLanes(svg: SVGSVGElement, width: number, picture: LanesPicture): void {
  const height = lanesHeight(picture.rows, picture.overview !== null);
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${Math.max(1, width)} ${height}`);
  svg.style.height = `${height}px`;
  if (!(picture.duration > 0) || width <= 0) return;
  const x = (t: number): number => (Math.min(Math.max(t, 0), picture.duration) / picture.duration) * width;

  let top = 0;
  if (picture.overview) {
    child(svg, 'path', { 'data-lanes': 'overview', d: overviewPath(picture.overview, width, OVERVIEW_HEIGHT) }, { fill: picture.colors.overview });
    top = OVERVIEW_HEIGHT + 4;
  }

  const rows = Math.max(1, picture.rows);
  let tracks = '';
  for (let row = 0; row < rows; row++) tracks += rect(0, top + row * (ROW_HEIGHT + 2), width, ROW_HEIGHT);
  child(svg, 'path', { 'data-lanes': 'track', d: tracks }, { fill: picture.colors.track });

  const { starts, ends, speakerIndexes } = picture.timeline;
  const bars: string[] = new Array<string>(rows).fill('');
  for (let i = 0; i < starts.length; i++) {
    const row = picture.rowOf[speakerIndexes[i]!]!;
    if (row < 0 || row >= rows) continue;
    const x0 = x(starts[i]!);
    bars[row] += rect(x0, top + row * (ROW_HEIGHT + 2), Math.max(1, x(ends[i]!) - x0), ROW_HEIGHT);
  }
  bars.forEach((d, row) => {
    if (d) child(svg, 'path', { 'data-row': String(row), d }, { fill: picture.rowColors[row] ?? picture.colors.overview });
  });

  if (picture.redactions.length > 0) {
    const id = `space-replay-hatch-${++patternIds}`;
    const defs = child(svg, 'defs', {});
    const pattern = child(defs, 'pattern', { id, patternUnits: 'userSpaceOnUse', width: '6', height: '6' });
    child(pattern, 'path', { d: 'M0 6L6 0', 'stroke-width': '1.5' }, { stroke: picture.colors.redaction });
    let d = '';
    for (const r of picture.redactions) {
      const x0 = x(r.startTime);
      d += rect(x0, 0, Math.max(2, x(r.endTime) - x0), height);
    }
    child(svg, 'path', { 'data-lanes': 'redaction', fill: `url(#${id})`, d });
  }

  let ticks = '';
  for (const start of picture.chapterStarts) if (start > 0) ticks += rect(Math.round(x(start)) - 0.5, 0, 1, height);
  if (ticks) child(svg, 'path', { 'data-lanes': 'chapters', d: ticks }, { fill: picture.colors.chapter });
}

/** One bar per min/max pair, mirrored about the middle of the strip. */
function overviewPath(pairs: Float32Array, width: number, height: number): string {
  const bins = pairs.length / 2;
  const mid = height / 2;
  const w = Math.max(1, width / bins);
  let d = '';
  for (let b = 0; b < bins; b++) {
    const top = mid - Math.max(0, pairs[2 * b + 1]!) * mid;
    const bottom = mid - Math.min(0, pairs[2 * b]!) * mid;
    d += rect((b / bins) * width, top, w, Math.max(1, bottom - top));
  }
  return d;
}
