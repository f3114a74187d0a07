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
import { peaksFromSamples } from '../src/model/peaks.js';
import { wavFile, wavSamples } from './lib/wav.js';

const OUT = 'test/fixtures';
const RATE = 22050;
const GAP_SECONDS = 0.4;
const PEAKS_PER_SECOND = 10;

interface Turn {
  speaker: string;
  voice: string;
  text: string;
  /** What the transcript says, when it differs from the speech (accents for search tests). */
  transcript?: string;
}

interface Person {
  id: string;
  name: string;
  role: string;
  avatar?: string;
  clip?: boolean;
}

interface Recording {
  dir: string;
  id: string;
  title: string;
  people: Person[];
  turns: Turn[];
  chapters?: { startTime: number; title: string }[];
}

const RECORDINGS: Recording[] = [
  {
    dir: 'talk',
    id: 'fixture-talk',
    title: 'Fixture talk: three voices',
    people: [
      { id: 'ada', name: 'Ada Host', role: 'host', avatar: 'avatar-ada.png' },
      { id: 'bo', name: 'Bo Guest', role: 'speaker', avatar: 'missing-avatar.png', clip: false },
      { id: 'cy', name: 'Cy Cohost', role: 'co-host' },
    ],
    chapters: [
      { startTime: 0, title: 'Welcome' },
      { startTime: 10, title: 'Segments and peaks' },
    ],
    turns: [
      { speaker: 'ada', voice: 'en-us', text: 'Welcome to the replay test recording. Today we talk about audio on the web.' },
      { speaker: 'bo', voice: 'en-gb+f3', text: 'Thanks for having me. Streaming long rooms is harder than it looks.', transcript: 'Thanks for having me. Streaming long rooms is harder than it looks, voila.' },
      { speaker: 'cy', voice: 'en-us+m3', text: 'Segments keep the memory small, even for four hours.' },
      { speaker: 'ada', voice: 'en-us', text: 'And peaks let us draw the waveform without decoding anything.', transcript: 'And peaks let us draw the waveform without decoding anything, voilà.' },
    ],
  },
  {
    dir: 'other',
    id: 'fixture-other',
    title: 'Fixture other: two voices',
    people: [
      { id: 'dee', name: 'Dee Other', role: 'host' },
      { id: 'eli', name: 'Eli Other', role: 'speaker' },
    ],
    turns: [
      { speaker: 'dee', voice: 'en-gb', text: 'This is the second recording, used to switch sources.' },
      { speaker: 'eli', voice: 'en-us+f2', text: 'It is shorter, and it has other speakers.' },
    ],
  },
];

/** audiowaveform JSON (version 2, one channel, 8 bits) through the library's own peaks builder. */
function waveform(samples: Int16Array): object {
  const floats = Float32Array.from(samples, (v) => v / 32768);
  return peaksFromSamples(floats, RATE, Math.round(RATE / PEAKS_PER_SECOND), 8);
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
    const speech = wavSamples(readFileSync(file));
    if (!speech) throw new Error(`${file}: no data chunk`);
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
  writeFileSync(wav, wavFile(all, RATE));

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

type Segments = { speaker: string; start: number; end: number }[];

/** A valid manifest for `recording`; `patch` changes fields for the failure fixtures. */
function manifest(recording: Recording, segments: Segments, duration: number, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '1.0',
    id: recording.id,
    title: recording.title,
    status: 'ended',
    startedAt: '2024-05-01T18:00:00Z',
    endedAt: new Date(Date.parse('2024-05-01T18:00:00Z') + Math.round(duration * 1000)).toISOString(),
    duration,
    language: 'en',
    audio: [
      { url: 'audio/index.m3u8', type: 'application/vnd.apple.mpegurl' },
      { url: 'audio.m4a', type: 'audio/mp4' },
    ],
    waveform: { type: 'application/json', url: 'waveform.json' },
    recording: { optInBy: recording.people[0]!.id },
    retention: { expiresAt: '2099-01-01T00:00:00Z' },
    participants: recording.people.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      ...(p.avatar ? { avatar: p.avatar } : {}),
      consent: { record: true, clip: p.clip ?? true },
    })),
    segments: segments.map((s) => ({ speaker: s.speaker, startTime: s.start, endTime: s.end })),
    ...(recording.chapters ? { chapters: { type: 'application/json+chapters', data: { version: '1.2.0', chapters: recording.chapters } } } : {}),
    downloads: { audio: 'audio.m4a' },
    ...patch,
  };
}

/**
 * A normalized JSON transcript of `recording` with word times: each turn's words share its segment
 * in proportion to their length (espeak-ng reports no word times; tests need only a stable layout).
 */
function transcript(recording: Recording, segments: Segments): Record<string, unknown> {
  const cues = recording.turns.map((turn, i) => {
    const { start, end } = segments[i]!;
    const text = turn.transcript ?? turn.text;
    const tokens = text.split(/\s+/);
    const total = tokens.reduce((n, t) => n + t.length + 1, 0);
    let at = start;
    const words = tokens.map((t) => {
      const next = at + ((end - start) * (t.length + 1)) / total;
      const word = [round(at), round(next - 0.02)];
      at = next;
      return word;
    });
    return { startTime: start, endTime: end, speaker: turn.speaker, text, words };
  });
  return {
    format: 'space-replay-transcript',
    version: '1.0',
    language: 'en',
    speakers: recording.people.map((p) => ({ id: p.id, name: p.name, participant: p.id })),
    cues,
  };
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

const work = mkdtempSync(join(tmpdir(), 'space-replay-fixtures-'));
try {
  const made = RECORDINGS.map((recording) => ({ recording, ...makeMedia(recording, work) }));
  for (const { recording, segments, duration } of made) {
    const dir = join(OUT, recording.dir);
    writeJson(join(dir, 'manifest.json'), manifest(recording, segments, duration));
    for (const p of recording.people) {
      if (p.avatar && !p.avatar.startsWith('missing')) {
        ffmpeg(['-f', 'lavfi', '-i', 'color=c=0x3a7bd5:s=48x48', '-frames:v', '1', join(dir, p.avatar)]);
      }
    }
  }
  const talk = made[0]!;
  const dir = join(OUT, talk.recording.dir);
  const variant = (name: string, patch: Record<string, unknown>) => writeJson(join(dir, name), manifest(talk.recording, talk.segments, talk.duration, patch));
  variant('manifest-expired.json', {
    id: 'fixture-expired',
    startedAt: '2019-12-01T18:00:00Z',
    endedAt: '2019-12-01T18:00:19Z',
    retention: { expiresAt: '2020-01-01T00:00:00Z' },
  });
  variant('manifest-progressive.json', { id: 'fixture-progressive', audio: [{ url: 'audio.m4a', type: 'audio/mp4' }] });
  variant('manifest-playlist-404.json', { id: 'fixture-playlist-404', audio: [{ url: 'missing/index.m3u8', type: 'application/vnd.apple.mpegurl' }] });
  variant('manifest-v2.json', { version: '2.0' });
  writeJson(join(dir, 'transcript.json'), transcript(talk.recording, talk.segments));
  const highlight = talk.segments[2]!;
  variant('manifest-transcript.json', {
    id: 'fixture-transcript',
    transcripts: [
      { type: 'text/vtt', language: 'fr', url: 'missing-fr.vtt' },
      { type: 'application/json', language: 'en', url: 'transcript.json' },
    ],
    clips: [{ id: 'segments', startTime: highlight.start, endTime: highlight.end, title: 'Segments keep memory small' }],
    downloads: { audio: 'audio.m4a', transcript: 'transcript.json' },
  });
  // WebVTT with one malformed timing line: the player shows "1 line could not be read".
  const vtt = ['WEBVTT', ''];
  talk.segments.forEach((seg, i) => {
    const stamp = (t: number) => new Date(Math.round(t * 1000)).toISOString().slice(11, 23);
    const text = talk.recording.turns[i]!.transcript ?? talk.recording.turns[i]!.text;
    vtt.push(i === 1 ? '00:00:xx.000 --> 00:00:09.000' : `${stamp(seg.start)} --> ${stamp(seg.end)}`, `<v ${seg.speaker}>${text}`, '');
  });
  writeFileSync(join(dir, 'transcript-bad-cue.vtt'), vtt.join('\n'));
  variant('manifest-transcript-vtt.json', { id: 'fixture-transcript-vtt', transcripts: [{ type: 'text/vtt', language: 'en', url: 'transcript-bad-cue.vtt' }] });
  variant('manifest-transcript-404.json', { id: 'fixture-transcript-404', transcripts: [{ type: 'text/vtt', url: 'missing.vtt' }] });
  const bad = manifest(talk.recording, talk.segments, talk.duration) as { participants: { consent: Record<string, unknown> }[] };
  bad.participants[1]!.consent.clip = 'yes';
  writeJson(join(dir, 'manifest-bad-schema.json'), bad);
  writeFileSync(join(dir, 'manifest-not-json.json'), '{ "version": "1.0", "title": \n');
  writeFileSync(join(OUT, 'media.json'), JSON.stringify(made.map((m) => ({ dir: m.recording.dir, duration: m.duration, segments: m.segments })), null, 2) + '\n');
  console.log(`wrote media for ${made.map((m) => `${m.recording.dir} (${m.duration} s)`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
