/**
 * How tall the embed page's player is at a given width, from the manifest alone: the oEmbed answer
 * and the player card must give a height, and most consumers size the iframe to it (they run no
 * host script). The default layout is a column of parts; each part's height below follows its
 * styles (src/elements/…/*.styles.ts), with text widths taken on the wide side, so the estimate is
 * an upper bound: a little empty room under the player rather than a player cut off.
 */

import type { Manifest } from '../manifest/types.js';

/** Below this width the player is compact (its `@container (max-width: 480px)` rule). */
const COMPACT_WIDTH = 480;
/** Upper bounds of the average glyph width: the title (1.15em, bold) and the meta line (0.9em). */
const TITLE_CHAR = 12;
const META_CHAR = 8.5;
const TITLE_LINE = 24;
const META_LINE = 18;
/** The status badge beside the title, with its gap. */
const BADGE = 100;
/** Waveform, time row and their gaps; the lanes add 8 px a speaking row (lanes-height.ts). */
const TIMELINE_BASE = 60;
const LANE_ROW = 8;
const OVERVIEW = 32;
/** Recordings longer than this get the overview strip (ZOOM_THRESHOLD_SECONDS). */
const ZOOM_THRESHOLD = 20 * 60;
/** Transport: one row when wide and without a chapters menu, else two. */
const TRANSPORT_ONE_ROW = 44;
const TRANSPORT_TWO_ROWS = 90;
const TRANSPORT_ONE_ROW_WIDTH = 880;
/** Narrower than this, the transport takes three rows. */
const TRANSPORT_THREE_ROWS = 156;
const TRANSPORT_TWO_ROWS_WIDTH = 360;
/** Speaker chips: a grid of 180 px columns, 6 px gaps (one column when compact). */
const CHIP_COLUMN = 180;
const CHIP_GAP = 6;
const CHIP = 48;
/** A chip whose facts wrap (an hour-long talk time in a narrow column). */
const CHIP_TALL = 62;
/** Clip tools row (with its top margin), a highlight, the transcript panel (20rem and its gap). */
const CLIP_TOOLS = 48;
const HIGHLIGHT = 40;
const HIGHLIGHTS_BASE = 4;
const TRANSCRIPT = 328;
/** The clip banner of a clip link. */
const CLIP_BANNER = 72;
/** The reactions strip (18 px); the room panel: its stage and pins lists have one fixed height (7.5rem, 0.9em text), the listener count one line; grid columns of at least 200 px with 16 px gaps. */
const REACTIONS = 18;
const ROOM_LIST = 120;
const ROOM_LINE = 21;
const ROOM_COLUMN = 200;
const ROOM_COLUMN_GAP = 16;
const ROOM_ROW_GAP = 8;
/** Fonts differ between engines and systems. */
const SLACK = 16;

/** What the embed shows besides the manifest. */
export interface EmbedLayout {
  /** The iframe's width, CSS pixels. */
  width: number;
  /** The embed opens a clip (`t=START,END`): the clip banner shows. */
  clip?: boolean;
}

/** Lines `text` takes at `charWidth` per character in `width`, wrapping at spaces. */
function lines(text: string, charWidth: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / charWidth));
  let count = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else {
      count += Math.ceil(word.length / perLine) - (used === 0 ? 1 : 0);
      used = word.length % perLine || perLine;
    }
  }
  return count;
}

/** The player's height, CSS pixels, in the embed page at `layout.width` for `manifest`. */
export function embedHeight(manifest: Manifest, layout: EmbedLayout): number {
  const width = Math.max(280, layout.width);
  const compact = width <= COMPACT_WIDTH;
  const padding = compact ? 12 : 16;
  const gap = compact ? 10 : 12;
  const inner = width - 2 - 2 * padding;

  const recorded = manifest.participants.filter((p) => p.consent.record);
  const speaking = new Set((manifest.segments ?? []).map((s) => s.speaker));
  const host = recorded.find((p) => p.role === 'host') ?? recorded.find((p) => p.role === 'co-host');
  // "Hosted by …", a long date, the length and an expiry notice.
  const meta = `${host ? `Hosted by ${host.name} · ` : ''}September 30, 2026 · 0:00:00${manifest.retention ? ' · Available for 30 more days' : ''}`;
  const header = TITLE_LINE * lines(manifest.title, TITLE_CHAR, inner - BADGE) + 4 + META_LINE * lines(meta, META_CHAR, inner);

  const rows = recorded.filter((p) => speaking.has(p.id)).length;
  const timeline = TIMELINE_BASE + Math.max(1, rows) * LANE_ROW + (manifest.duration > ZOOM_THRESHOLD ? OVERVIEW : 0);

  const transport =
    width < TRANSPORT_TWO_ROWS_WIDTH ? TRANSPORT_THREE_ROWS : width >= TRANSPORT_ONE_ROW_WIDTH && !manifest.chapters ? TRANSPORT_ONE_ROW : TRANSPORT_TWO_ROWS;

  const columns = compact ? 1 : Math.max(1, Math.floor((inner + CHIP_GAP) / (CHIP_COLUMN + CHIP_GAP)));
  const columnWidth = (inner + CHIP_GAP) / columns - CHIP_GAP;
  const chip = manifest.duration >= 3600 && columnWidth < 260 ? CHIP_TALL : CHIP;
  const chipRows = Math.ceil(recorded.length / columns);
  const speakers = chipRows > 0 ? chipRows * (chip + CHIP_GAP) - CHIP_GAP : 0;

  const clips = manifest.clips?.length ?? 0;
  const companion =
    CLIP_TOOLS + (clips > 0 ? HIGHLIGHTS_BASE + HIGHLIGHT * clips : 0) + (manifest.transcripts?.length ? TRANSCRIPT : 0);

  const events = manifest.events ? roomHeights(manifest, inner) : { reactions: 0, room: 0 };

  const parts = [header, timeline, events.reactions, layout.clip ? CLIP_BANNER : 0, transport, speakers, events.room, companion].filter((h) => h > 0);
  return Math.ceil(2 + 2 * padding + parts.reduce((a, b) => a + b, 0) + gap * (parts.length - 1) + SLACK);
}

/**
 * The reactions strip and the room panel of a recording with events. The panel holds the stage,
 * the listener count when joins or leaves are given and the pins when any are: an events file not
 * read here counts as having both. Its grid places them in order, as many to a row as fit.
 */
function roomHeights(manifest: Manifest, inner: number): { reactions: number; room: number } {
  const data = manifest.events?.data;
  const listeners = data ? data.some((e) => e.type === 'join' || e.type === 'leave') : true;
  const pins = data ? data.some((e) => e.type === 'pin') : true;
  const items = [ROOM_LIST, ...(listeners ? [ROOM_LINE] : []), ...(pins ? [ROOM_LIST] : [])];
  const columns = Math.max(1, Math.floor((inner + ROOM_COLUMN_GAP) / (ROOM_COLUMN + ROOM_COLUMN_GAP)));
  const rows: number[] = [];
  for (let i = 0; i < items.length; i += columns) rows.push(Math.max(...items.slice(i, i + columns)));
  return { reactions: REACTIONS, room: rows.reduce((a, b) => a + b, 0) + ROOM_ROW_GAP * (rows.length - 1) };
}

/** Widths {@link embedHeights} samples: a consumer's `maxwidth` takes the nearest one below it. */
export const EMBED_SAMPLE_WIDTHS = [280, 320, 360, 400, 480, 560, 640] as const;

/** The height at each of {@link EMBED_SAMPLE_WIDTHS}, narrowest first. */
export function embedHeights(manifest: Manifest, clip: boolean): { width: number; height: number }[] {
  return EMBED_SAMPLE_WIDTHS.map((width) => ({ width, height: embedHeight(manifest, { width, clip }) }));
}
