#!/usr/bin/env -S node --import tsx
// Regenerates the small media fixtures the element tests play (test/fixtures/): synthetic speech
// from espeak-ng, packed by ffmpeg into an fMP4 HLS playlist, a progressive audio.m4a, an 8-bit
// audiowaveform JSON and manifests for every state the element shows. Run:
//   node --import tsx scripts/make-test-fixtures.ts
// Needs espeak-ng and ffmpeg on PATH. The output is committed, so tests need neither.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = 'test/fixtures';
const RATE = 22050;
const GAP_SECONDS = 0.4;
const PEAKS_PER_SECOND = 10;

interface Turn {
  speaker: string;
  voice: string;
  text: string;
}

interface Recording {
  dir: string;
  id: string;
  title: string;
  turns: Turn[];
}

const RECORDINGS: Recording[] = [
  {
    dir: 'talk',
    id: 'fixture-talk',
    title: 'Fixture talk: three voices',
    turns: [
      { speaker: 'ada', voice: 'en-us', text: 'Welcome to the replay test recording. Today we talk about audio on the web.' },
      { speaker: 'bo', voice: 'en-gb+f3', text: 'Thanks for having me. Streaming long rooms is harder than it looks.' },
      { speaker: 'cy', voice: 'en-us+m3', text: 'Segments keep the memory small, even for four hours.' },
      { speaker: 'ada', voice: 'en-us', text: 'And peaks let us draw the waveform without decoding anything.' },
    ],
  },
  {
    dir: 'other',
    id: 'fixture-other',
    title: 'Fixture other: two voices',
    turns: [
      { speaker: 'dee', voice: 'en-gb', text: 'This is the second recording, used to switch sources.' },
      { speaker: 'eli', voice: 'en-us+f2', text: 'It is shorter, and it has other speakers.' },
    ],
  },
];

/** The PCM samples of a 16-bit mono WAV file (walks the RIFF chunks; espeak-ng writes a plain one). */
function wavSamples(file: string): Int16Array {
  const bytes = readFileSync(file);
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'data') {
      const end = Math.min(bytes.length, offset + 8 + size);
      const copy = Buffer.from(bytes.subarray(offset + 8, end));
      return new Int16Array(copy.buffer, copy.byteOffset, copy.length >> 1);
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

/** A 16-bit mono WAV file around `samples`. */
function wavFile(samples: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.byteLength, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.byteLength, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
}

/** audiowaveform JSON (version 2, one channel, 8 bits): min/max pairs per window. */
function waveform(samples: Int16Array): object {
  const perPixel = Math.round(RATE / PEAKS_PER_SECOND);
  const length = Math.ceil(samples.length / perPixel);
  const data: number[] = [];
  for (let p = 0; p < length; p++) {
    let min = 0;
    let max = 0;
    const end = Math.min(samples.length, (p + 1) * perPixel);
    for (let i = p * perPixel; i < end; i++) {
      const v = samples[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    data.push(Math.max(-128, Math.round(min / 256)), Math.min(127, Math.round(max / 256)));
  }
  return { version: 2, channels: 1, sample_rate: RATE, samples_per_pixel: perPixel, bits: 8, length, data };
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

/** Speech, segments and waveform for one recording; returns the turn boundaries and duration. */
function makeMedia(recording: Recording, work: string): { segments: { speaker: string; start: number; end: number }[]; duration: number } {
  const gap = new Int16Array(Math.round(GAP_SECONDS * RATE));
  const parts: Int16Array[] = [gap];
  const segments: { speaker: string; start: number; end: number }[] = [];
  let cursor = gap.length;
  recording.turns.forEach((turn, i) => {
    const file = join(work, `${recording.dir}-${i}.wav`);
    execFileSync('espeak-ng', ['-v', turn.voice, '-s', '165', '-w', file, turn.text]);
    const speech = wavSamples(file);
    segments.push({ speaker: turn.speaker, start: round(cursor / RATE), end: round((cursor + speech.length) / RATE) });
    parts.push(speech, gap);
    cursor += speech.length + gap.length;
  });
  const all = new Int16Array(cursor);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  const wav = join(work, `${recording.dir}.wav`);
  writeFileSync(wav, wavFile(all));

  const dir = join(OUT, recording.dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'audio'), { recursive: true });
  ffmpeg([
    '-i', wav, '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-ar', '22050',
    '-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4',
    '-hls_fmp4_init_filename', 'init.mp4',
    '-hls_segment_filename', join(dir, 'audio', 'seg%03d.m4s'), join(dir, 'audio', 'index.m3u8'),
  ]);
  ffmpeg(['-i', wav, '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-movflags', '+faststart', join(dir, 'audio.m4a')]);
  writeFileSync(join(dir, 'waveform.json'), JSON.stringify(waveform(all)));
  return { segments, duration: round(all.length / RATE) };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

const work = mkdtempSync(join(tmpdir(), 'space-replay-fixtures-'));
try {
  const made = RECORDINGS.map((recording) => ({ recording, ...makeMedia(recording, work) }));
  writeFileSync(join(OUT, 'media.json'), JSON.stringify(made.map((m) => ({ dir: m.recording.dir, duration: m.duration, segments: m.segments })), null, 2) + '\n');
  console.log(`wrote media for ${made.map((m) => `${m.recording.dir} (${m.duration} s)`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
