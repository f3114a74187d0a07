// A room still being recorded, for the live catch-up tests: `/__live__/<token>/` serves a
// `status: "live"` manifest (spec 1.1, `refresh: 1`) over an HLS EVENT playlist of the talk
// fixture's real segments (test/fixtures/talk/audio), as `space-replay live` writes them: segments
// are only added, and `#EXT-X-ENDLIST` comes when the room ends. The test moves the room on with
// `/__live__/<token>/advance` (one more segment; after the last, the room ends) and makes the
// manifest answer 503 with `/fail` until `/heal`. Each token is a room of its own.
import { readFile } from 'node:fs/promises';
import { fixtureFile, uncacheable } from './fixture-file.js';

const PREFIX = '/__live__/';
const FIRST_SEGMENTS = 2;
const rooms = new Map();

async function talk() {
  const manifest = JSON.parse(await readFile(fixtureFile('talk/manifest.json'), 'utf8'));
  const playlist = await readFile(fixtureFile('talk/audio/index.m3u8'), 'utf8');
  const segments = [...playlist.matchAll(/#EXTINF:([\d.]+),\n(\S+)/g)].map((m) => ({ seconds: Number(m[1]), file: m[2] }));
  const waveform = JSON.parse(await readFile(fixtureFile('talk/waveform.json'), 'utf8'));
  const transcript = JSON.parse(await readFile(fixtureFile('talk/transcript.json'), 'utf8'));
  return { manifest, segments, waveform, transcript };
}

// The live peaks so far (docs/peaks.md, "Live peaks"): the talk waveform's pixels up to the end of
// the segments shown, a line per segment, as `space-replay live` appends them.
function livePeaks(source, room) {
  const { waveform, segments } = source;
  const { sample_rate, samples_per_pixel, bits } = waveform;
  const lines = [JSON.stringify({ format: 'space-replay-live-peaks', version: 1, sample_rate, samples_per_pixel, bits })];
  const perSecond = sample_rate / samples_per_pixel;
  let end = 0;
  let done = 0;
  for (const s of segments.slice(0, room.shown)) {
    end += s.seconds;
    const upTo = Math.min(waveform.length, Math.floor(end * perSecond));
    lines.push(JSON.stringify({ offset: done, data: waveform.data.slice(2 * done, 2 * upTo) }));
    done = upTo;
  }
  return `${lines.join('\n')}\n`;
}

function liveManifest(source, room) {
  const { manifest, segments } = source;
  const ended = room.shown > segments.length;
  const shown = segments.slice(0, Math.min(room.shown, segments.length));
  const duration = ended ? manifest.duration : Math.round(shown.reduce((sum, s) => sum + s.seconds, 0) * 1000) / 1000;
  const { endedAt, waveform, downloads, ...rest } = manifest;
  return {
    ...rest,
    version: '1.1',
    status: ended ? 'ended' : 'live',
    ...(ended ? { endedAt, waveform: { ...waveform, url: '/test/fixtures/talk/waveform.json' } } : { refresh: 1, liveWaveform: { url: 'waveform.live.jsonl' } }),
    duration,
    audio: [{ url: 'audio/index.m3u8', type: 'application/vnd.apple.mpegurl' }],
    transcripts: [{ type: 'application/json', language: 'en', url: 'transcript.json' }],
    chapters: { ...manifest.chapters, data: { ...manifest.chapters.data, chapters: manifest.chapters.data.chapters.filter((c) => c.startTime < duration) } },
    segments: manifest.segments.filter((s) => s.startTime < duration).map((s) => ({ ...s, endTime: Math.min(s.endTime, duration) })),
    // A pin as each segment comes in: the room's events grow with it.
    events: { data: shown.map((_, i) => ({ time: i * 4 + 1, type: 'pin', participant: 'ada', url: `https://example.org/pin-${i}`, title: `Pin ${i}` })) },
  };
}

function eventPlaylist(source, room) {
  const { segments } = source;
  const ended = room.shown > segments.length;
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:4', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:EVENT', '#EXT-X-MAP:URI="init.mp4"'];
  for (const s of segments.slice(0, room.shown)) lines.push(`#EXTINF:${s.seconds},`, s.file);
  if (ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

export async function liveRoomMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const [token, ...rest] = ctx.path.slice(PREFIX.length).split('/');
  const path = rest.join('/');
  let room = rooms.get(token);
  if (!room) rooms.set(token, (room = { shown: FIRST_SEGMENTS, failing: false, manifests: 0 }));
  uncacheable(ctx);
  const source = await talk();
  if (path === 'advance') room.shown++;
  else if (path === 'fail') room.failing = true;
  else if (path === 'heal') room.failing = false;
  if (path === 'advance' || path === 'fail' || path === 'heal' || path === 'state') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(room);
    return undefined;
  }
  if (path === 'manifest.json') {
    room.manifests++;
    if (room.failing) {
      ctx.status = 503;
      return undefined;
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(liveManifest(source, room));
    return undefined;
  }
  if (path === 'transcript.json') {
    // The words said so far: the cues begun before the end of what is recorded.
    const duration = liveManifest(source, room).duration;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ ...source.transcript, cues: source.transcript.cues.filter((c) => c.startTime < duration) });
    return undefined;
  }
  if (path === 'waveform.live.jsonl') {
    room.peakRequests = (room.peakRequests ?? 0) + 1;
    const text = livePeaks(source, room);
    const range = /^bytes=(\d+)-$/.exec(ctx.get('range') ?? '');
    ctx.type = 'text/plain';
    if (range) {
      ctx.status = 206;
      ctx.body = text.slice(Number(range[1]));
      room.ranged = (room.ranged ?? 0) + 1;
    } else ctx.body = text;
    return undefined;
  }
  if (path === 'audio/index.m3u8') {
    ctx.type = 'application/vnd.apple.mpegurl';
    ctx.body = eventPlaylist(source, room);
    return undefined;
  }
  const file = path.startsWith('audio/') ? fixtureFile(`talk/${path}`) : null;
  if (!file) {
    ctx.status = 404;
    return undefined;
  }
  ctx.type = file.endsWith('.mp4') ? 'video/mp4' : 'video/iso.segment';
  ctx.body = await readFile(file);
  return undefined;
}
