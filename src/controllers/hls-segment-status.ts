/**
 * Which segment of an HLS playlist failed, for native HLS: the media element only says that
 * playback failed (Chromium: `DEMUXER_ERROR_COULD_NOT_PARSE` for a segment that answered 404), so
 * the engine asks the server about the segments around the position. Loaded only after such an
 * error. Requests go only to URLs the playlist names, as the browser's own would.
 */

/** The first failing segment at or after `time` (up to `count` segments), or `null` when all answer; `signal` ends the playlist's fetches. */
export async function failingSegment(
  playlistUrl: string,
  time: number,
  status: (url: string) => Promise<number | 'offline' | 'failed'>,
  signal?: AbortSignal,
  count = 3,
): Promise<{ url: string; status: number } | null> {
  const media = await mediaPlaylist(playlistUrl, signal);
  if (!media) return null;
  for (const url of segmentsFrom(media.text, media.url, time).slice(0, count)) {
    const answer = await status(url);
    if (typeof answer === 'number' && answer >= 400) return { url, status: answer };
  }
  return null;
}

/** The media playlist: `url` itself, or the first variant a multivariant playlist lists. */
async function mediaPlaylist(url: string, signal?: AbortSignal): Promise<{ url: string; text: string } | null> {
  let text = await playlistText(url, signal);
  if (text === null) return null;
  const lines = text.split(/\r?\n/);
  const variant = lines.findIndex((line) => line.startsWith('#EXT-X-STREAM-INF'));
  if (variant === -1) return { url, text };
  const uri = lines.slice(variant + 1).find((line) => line.trim() !== '' && !line.startsWith('#'));
  const variantUrl = uri ? resolve(uri.trim(), url) : null;
  if (!variantUrl) return null;
  text = await playlistText(variantUrl, signal);
  return text === null ? null : { url: variantUrl, text };
}

async function playlistText(url: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', ...(signal ? { signal } : {}) });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** http(s) URL of `uri` against `base`, or null for anything else. */
function resolve(uri: string, base: string): string | null {
  try {
    const url = new URL(uri, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Segment URLs of a media playlist, from the one holding `time` on. Exported for tests. */
export function segmentsFrom(text: string, base: string, time: number): string[] {
  const out: string[] = [];
  let start = 0;
  let duration = NaN;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) {
      duration = parseFloat(line.slice(8));
    } else if (line !== '' && !line.startsWith('#')) {
      const end = start + (Number.isFinite(duration) ? duration : 0);
      const url = resolve(line, base);
      if (url && end > time) out.push(url);
      start = end;
      duration = NaN;
    }
  }
  return out;
}
