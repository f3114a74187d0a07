// Proves the pure models import and work in Node (no DOM), and reads the binary peaks fixtures
// from disk. The fixtures come from test/fixtures/peaks/generate.mjs (ffmpeg-synthesized audio).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatClipLink, parseClipLink } from '../../src/model/clip-link.js';
import {
  channelPeaks,
  createPeaksBuilder,
  decodeAudiowaveformDat,
  decodeAudiowaveformJson,
  decodePeaks,
  peaksFromSamples,
  type Peaks,
  type PeaksResult,
} from '../../src/model/peaks.js';
import { SpeakerTimeline } from '../../src/model/speakers.js';
import { formatFragmentTime, formatSpokenTime, formatTime, parseTime } from '../../src/model/time.js';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/peaks/${name}`, import.meta.url)));

function ok(result: PeaksResult): Peaks {
  if (!result.ok) throw new Error(result.error);
  return result.peaks;
}

/** The fixture PCM as floats, the way the CLI will hand ffmpeg's s16le output to the builder. */
function tonePcm(): Float32Array {
  const bytes = fixture('tone.s16le');
  const ints = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  return Float32Array.from(ints, (v) => v / 32768);
}

test('no DOM is needed: the models run in Node', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
});

test('time codecs work in Node', () => {
  assert.equal(parseTime('1:02:03.5'), 3723.5);
  assert.equal(parseTime('1h2m3s'), 3723);
  assert.equal(formatTime(3723.9), '1:02:03');
  assert.equal(formatFragmentTime(90.5), '90.5');
  assert.equal(formatSpokenTime(3723).replace(/\s/g, ' '), '1 hour 2 minutes 3 seconds');
  assert.equal(formatSpokenTime(3723, 'fr').replace(/\s/g, ' '), '1 heure 2 minutes 3 secondes');
});

test('clip links work in Node', () => {
  const link = formatClipLink('https://example.org/room#lang=fr', { start: 90.5, end: 120, id: 'rec 1' });
  assert.equal(link, 'https://example.org/room#t=90.5,120&id=rec%201&lang=fr');
  assert.deepEqual(parseClipLink(link, { id: 'rec 1', duration: 100 }), { start: 90.5, end: 100, id: 'rec 1' });
  assert.equal(parseClipLink(link, { id: 'other' }), undefined);
});

test('speaker timeline works in Node', () => {
  const timeline = new SpeakerTimeline([
    { speaker: 'a', startTime: 0, endTime: 10 },
    { speaker: 'b', startTime: 5, endTime: 12 },
  ]);
  assert.equal(timeline.speakerAt(6), 'b');
  assert.deepEqual(timeline.speakersAt(6), ['a', 'b']);
  assert.deepEqual(timeline.overlaps(), [{ start: 5, end: 10, speakers: ['a', 'b'] }]);
});

test('reads a version 2, 16-bit .dat from disk (a Node Buffer) and it matches peaks computed from the PCM', () => {
  const peaks = ok(decodeAudiowaveformDat(fixture('tone-v2-16bit.dat')));
  assert.equal(peaks.version, 2);
  assert.equal(peaks.bits, 16);
  assert.equal(peaks.channels, 1);
  assert.equal(peaks.sampleRate, 8000);
  assert.equal(peaks.samplesPerPixel, 256);
  assert.equal(peaks.length, 65); // 16,400 samples: 64 full pixels and a partial one
  assert.equal(peaks.duration, (65 * 256) / 8000);
  const computed = ok(decodeAudiowaveformJson(peaksFromSamples(tonePcm(), 8000, 256, 16)));
  assert.deepEqual(Array.from(computed.data), Array.from(peaks.data));
  // The tone rises from silence to 0.9 of full scale: scaled by bit depth, not to the loudest value.
  const channel = channelPeaks(peaks);
  assert.ok(channel[0]! < 0.05);
  assert.ok(channel[63]! > 0.85 && channel[63]! < 0.91);
});

test('a version 1, 8-bit .dat and its JSON twin decode to the same peaks, sniffed by decodePeaks', () => {
  const fromDat = ok(decodePeaks(fixture('tone-v1-8bit.dat')));
  const fromJson = ok(decodePeaks(fixture('tone-8bit.json')));
  assert.equal(fromDat.version, 1);
  assert.equal(fromJson.version, 2);
  assert.equal(fromDat.bits, 8);
  assert.deepEqual(Array.from(fromDat.data), Array.from(fromJson.data));
  assert.equal(ok(decodePeaks(fixture('tone-8bit.json').toString('utf8'))).length, 65);
  // Our builder rounds where audiowaveform truncates: at most one 8-bit step apart.
  const computed = ok(decodeAudiowaveformJson(peaksFromSamples(tonePcm(), 8000, 256, 8)));
  for (let i = 0; i < computed.data.length; i++) assert.ok(Math.abs(computed.data[i]! - fromDat.data[i]!) <= 1 / 128);
});

test('a stereo version 2 .dat keeps channels interleaved per pixel', () => {
  const stereo = ok(decodeAudiowaveformDat(fixture('stereo-v2-8bit.dat')));
  const mono = ok(decodeAudiowaveformDat(fixture('tone-v1-8bit.dat')));
  assert.equal(stereo.channels, 2);
  assert.equal(stereo.data.length, stereo.length * 4);
  // The left channel is the mono tone; the right one fades out from half scale.
  assert.deepEqual(Array.from(channelPeaks(stereo, 0)), Array.from(channelPeaks(mono)));
  const right = channelPeaks(stereo, 1);
  assert.ok(right[1]! > 0.45 && right[1]! <= 0.5);
  assert.ok(right[64]! < 0.05);
});

test('a truncated fixture is reported with its sizes', () => {
  const file = fixture('tone-v2-16bit.dat');
  const result = decodeAudiowaveformDat(file.subarray(0, 100));
  assert.deepEqual(result, { ok: false, error: 'file is 100 bytes; a version 2 header needs 24 and 65 pixels need 260 more' });
});

test('the builder streams the fixture PCM chunk by chunk to the same JSON', () => {
  const pcm = tonePcm();
  const builder = createPeaksBuilder({ sampleRate: 8000, samplesPerPixel: 256, bits: 16 });
  for (let at = 0; at < pcm.length; at += 1000) builder.push(pcm.subarray(at, at + 1000));
  assert.deepEqual(builder.finish(), peaksFromSamples(pcm, 8000, 256, 16));
});

test('timings for a 4-hour recording', (t) => {
  // 4 h at 48 kHz, 512 samples per pixel: 1.35 M pixels, 16-bit.
  const length = Math.ceil((4 * 3600 * 48000) / 512);
  const buffer = Buffer.alloc(24 + length * 4);
  buffer.writeInt32LE(2, 0);
  buffer.writeInt32LE(48000, 8);
  buffer.writeInt32LE(512, 12);
  buffer.writeUInt32LE(length, 16);
  buffer.writeInt32LE(1, 20);
  let start = performance.now();
  const peaks = ok(decodeAudiowaveformDat(buffer));
  const decodeMs = performance.now() - start;
  start = performance.now();
  channelPeaks(peaks);
  const channelMs = performance.now() - start;

  const segments = [];
  for (let i = 0; i < 20000; i++) segments.push({ speaker: `s${i % 40}`, startTime: i * 0.72, endTime: i * 0.72 + 1.5 });
  start = performance.now();
  const timeline = new SpeakerTimeline(segments);
  const buildMs = performance.now() - start;
  start = performance.now();
  let hits = 0;
  for (let i = 0; i < 100000; i++) if (timeline.speakerAt((i * 0.1441) % 14400) !== undefined) hits++;
  const lookupMs = performance.now() - start;
  assert.ok(hits > 0);
  t.diagnostic(`decode 1.35M-pixel .dat: ${decodeMs.toFixed(1)} ms; channelPeaks: ${channelMs.toFixed(1)} ms`);
  t.diagnostic(`20k segments: build ${buildMs.toFixed(1)} ms; 100k speakerAt: ${lookupMs.toFixed(1)} ms`);
});

test('the room events and live peaks models run in Node', async () => {
  const { RoomEvents } = await import('../../src/model/room-events.js');
  const { LivePeaksReader, LivePeaksWriter } = await import('../../src/model/live-peaks.js');
  const room = new RoomEvents(
    [
      { time: 1, type: 'stage', participant: 'a', on: true },
      { time: 2, type: 'reaction', emoji: '👏' },
    ],
    [{ id: 'a', name: 'A', consent: { record: true } }],
  );
  assert.deepEqual(room.stageAt(1.5).people, [{ id: 'a', name: 'A' }]);
  assert.equal(room.reactions.countBetween(0, 3), 1);
  const writer = new LivePeaksWriter({ sample_rate: 10, samples_per_pixel: 5, bits: 8 });
  writer.push(new Float32Array([0, 0.5, -0.5, 0, 0]));
  const reader = new LivePeaksReader();
  assert.deepEqual(reader.push(writer.headerLine() + writer.takeLine()), { ok: true, added: 1 });
});
