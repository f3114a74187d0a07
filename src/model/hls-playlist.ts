/**
 * HLS media playlists (RFC 8216): the segments of a VOD playlist with their start times, and which
 * segments cover a time range. Pure; the CLI uses it to rewrite only the segments a redaction
 * touches, and a player can use it to fetch only the segments of a clip.
 */
import { upperBound } from './binary-search.js';

/** One media segment. */
export interface HlsSegment {
  /** The URI as written (relative to the playlist). */
  uri: string;
  /** Start on the playlist's timeline, seconds (the sum of the durations before it). */
  start: number;
  /** `#EXTINF` duration, seconds. */
  duration: number;
}

/** A parsed media playlist. */
export interface HlsMediaPlaylist {
  segments: HlsSegment[];
  /** `#EXT-X-MAP` URI (the fMP4 init segment), when there is one. */
  map?: string;
  /** `#EXT-X-ENDLIST` was present: the playlist is complete. */
  ended: boolean;
}

/** A parse result: the playlist, or what is wrong and on which line. */
export type HlsPlaylistResult = { ok: true; playlist: HlsMediaPlaylist } | { ok: false; error: string };

/**
 * Reads a media playlist. Needs `#EXTM3U` first and an `#EXTINF` before each URI; refuses master
 * playlists and byte-range segments (each segment must be a file of its own). Unknown tags are skipped.
 */
export function parseMediaPlaylist(text: string): HlsPlaylistResult {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '#EXTM3U') return { ok: false, error: 'line 1: not an HLS playlist (no #EXTM3U)' };
  const segments: HlsSegment[] = [];
  let map: string | undefined;
  let ended = false;
  let pending: number | undefined;
  let time = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const where = `line ${i + 1}`;
    if (line.startsWith('#EXTINF:')) {
      const duration = Number(line.slice(8).split(',')[0]);
      if (!(Number.isFinite(duration) && duration >= 0)) return { ok: false, error: `${where}: bad #EXTINF duration` };
      pending = duration;
    } else if (line.startsWith('#EXT-X-MAP:')) {
      const uri = /URI="([^"]*)"/.exec(line)?.[1];
      if (!uri) return { ok: false, error: `${where}: #EXT-X-MAP without URI` };
      if (/BYTERANGE=/.test(line)) return { ok: false, error: `${where}: byte-range init segments are not supported` };
      map = uri;
    } else if (line.startsWith('#EXT-X-BYTERANGE')) {
      return { ok: false, error: `${where}: byte-range segments are not supported` };
    } else if (line.startsWith('#EXT-X-STREAM-INF')) {
      return { ok: false, error: `${where}: a master playlist, not a media playlist` };
    } else if (line === '#EXT-X-ENDLIST') {
      ended = true;
    } else if (!line.startsWith('#')) {
      if (pending === undefined) return { ok: false, error: `${where}: segment ${line} has no #EXTINF` };
      segments.push({ uri: line, start: time, duration: pending });
      time += pending;
      pending = undefined;
    }
  }
  return { ok: true, playlist: { segments, ...(map !== undefined ? { map } : {}), ended } };
}

const startColumns = new WeakMap<readonly HlsSegment[], Float64Array>();

/**
 * Indexes `[first, last]` of the segments that hold any of `[start, end)`, or undefined when the
 * range holds no segment. O(log n) after a one-time column of start times per playlist.
 */
export function segmentsCovering(playlist: HlsMediaPlaylist, start: number, end: number): { first: number; last: number } | undefined {
  const { segments } = playlist;
  if (segments.length === 0 || !(end > start)) return undefined;
  let starts = startColumns.get(segments);
  if (!starts) startColumns.set(segments, (starts = Float64Array.from(segments, (s) => s.start)));
  const first = Math.max(0, upperBound(starts, start) - 1);
  const last = upperBound(starts, end - 1e-9) - 1;
  if (last < first) return undefined;
  const lastSegment = segments[last]!;
  if (start >= lastSegment.start + lastSegment.duration) return undefined;
  return { first, last };
}
