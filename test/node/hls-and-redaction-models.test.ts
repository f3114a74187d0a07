/** Pure models used by the CLI and meant for the player: HLS media playlists, and clips against redactions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseMediaPlaylist, segmentsCovering } from '../../src/model/hls-playlist.js';
import { overlappingRedaction } from '../../src/model/clip-redaction.js';

test('parseMediaPlaylist reads what pack writes (ffmpeg fMP4 VOD): init segment, segments and their start times', () => {
  const parsed = parseMediaPlaylist(readFileSync('demo/recordings/maintainers-ama/audio/index.m3u8', 'utf8'));
  assert.ok(parsed.ok);
  const { playlist } = parsed;
  assert.equal(playlist.map, 'init.mp4');
  assert.equal(playlist.ended, true);
  assert.equal(playlist.segments[0]!.uri, 'seg000.m4s');
  assert.equal(playlist.segments[0]!.start, 0);
  assert.equal(playlist.segments[1]!.start, 6.037188);
  const last = playlist.segments.at(-1)!;
  assert.ok(Math.abs(last.start + last.duration - 144.6) < 0.2);
});

test('parseMediaPlaylist refuses what it cannot use, naming the line', () => {
  assert.deepEqual(parseMediaPlaylist('hello'), { ok: false, error: 'line 1: not an HLS playlist (no #EXTM3U)' });
  assert.deepEqual(parseMediaPlaylist('#EXTM3U\nseg0.m4s'), { ok: false, error: 'line 2: segment seg0.m4s has no #EXTINF' });
  assert.deepEqual(parseMediaPlaylist('#EXTM3U\n#EXTINF:x,\na.m4s'), { ok: false, error: 'line 2: bad #EXTINF duration' });
  assert.deepEqual(parseMediaPlaylist('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow.m3u8'), { ok: false, error: 'line 2: a master playlist, not a media playlist' });
  assert.deepEqual(parseMediaPlaylist('#EXTM3U\n#EXTINF:6,\n#EXT-X-BYTERANGE:100@0\na.mp4'), { ok: false, error: 'line 3: byte-range segments are not supported' });
});

test('segmentsCovering finds the segments holding a half-open range', () => {
  const text = ['#EXTM3U', ...[0, 1, 2, 3].flatMap((i) => ['#EXTINF:6,', `s${i}.m4s`]), '#EXT-X-ENDLIST'].join('\n');
  const parsed = parseMediaPlaylist(text);
  assert.ok(parsed.ok);
  const p = parsed.playlist;
  assert.deepEqual(segmentsCovering(p, 0, 1), { first: 0, last: 0 });
  assert.deepEqual(segmentsCovering(p, 5, 7), { first: 0, last: 1 });
  assert.deepEqual(segmentsCovering(p, 6, 12), { first: 1, last: 1 }, 'ends are exclusive, starts inclusive');
  assert.deepEqual(segmentsCovering(p, 11.5, 30), { first: 1, last: 3 });
  assert.equal(segmentsCovering(p, 24, 30), undefined, 'past the end');
  assert.equal(segmentsCovering(p, 3, 3), undefined, 'empty range');
});

test('overlappingRedaction: half-open ranges, overlapping redactions merged, the first reason kept', () => {
  const manifest = {
    redactions: [
      { startTime: 50, endTime: 55, reason: 'phone number' },
      { startTime: 10, endTime: 20, reason: 'withdrawn' },
      { startTime: 18, endTime: 25 },
    ],
  };
  assert.equal(overlappingRedaction(manifest, 0, 10), undefined, 'ends where a redaction starts');
  assert.equal(overlappingRedaction(manifest, 25, 50), undefined, 'between two redactions');
  assert.deepEqual(overlappingRedaction(manifest, 24, 30), { startTime: 10, endTime: 25, reason: 'withdrawn' });
  assert.deepEqual(overlappingRedaction(manifest, 40, 51), { startTime: 50, endTime: 55, reason: 'phone number' });
  assert.deepEqual(overlappingRedaction(manifest, 0, 100), { startTime: 10, endTime: 25, reason: 'withdrawn' }, 'the first in time');
  assert.equal(overlappingRedaction({}, 0, 100), undefined);
  assert.equal(overlappingRedaction(manifest, 12, 12), undefined, 'empty range');
});
