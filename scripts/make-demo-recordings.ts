/**
 * Generates the committed demo recordings in demo/recordings/<id>/ with espeak-ng voices and
 * `space-replay pack`: each scripted sentence is one speaker turn, joined with short pauses into
 * one WAV; the WebVTT transcript (with <v> voices), the RTTM diarization, participants, chapters
 * and clips are derived from the same turn timings. Word times inside a sentence are approximated
 * in proportion to the characters of each word (plus one for the following space), because
 * espeak-ng does not report them; they are written as WebVTT `<00:00:01.500>` timestamps. Run: node --import tsx scripts/make-demo-recordings.ts
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';
import { buildTranscript, toWebVTT, type DraftCue } from '../src/model/transcript/index.js';
import { DEMO_RECORDINGS, type DemoRecording } from './demo-recording-scripts.js';
import { wavFile, wavSamples } from './lib/wav.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'demo', 'recordings');
const SAMPLE_RATE = 22050; // what espeak-ng writes
const SAME_SPEAKER_PAUSE = 0.35;
const SPEAKER_CHANGE_PAUSE = 0.7;
const LEAD_IN = 0.5;

interface TimedTurn {
  speaker: string;
  text: string;
  start: number;
  end: number;
}

function espeak(voice: string, text: string, wavPath: string): Promise<void> {
  return new Promise((done, failed) => {
    const child = spawn('espeak-ng', ['-v', voice, '-s', '165', '-w', wavPath, text], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => failed(new Error(`espeak-ng is needed (apt-get install espeak-ng): ${error.message}`)));
    child.on('close', (code) => (code === 0 ? done() : failed(new Error(`espeak-ng -v ${voice} failed: ${stderr}`))));
  });
}

/** The 16-bit mono samples of a WAV file espeak-ng wrote, with silence trimmed from both ends. */
function readSpeech(wav: Buffer): Int16Array {
  const samples = wavSamples(wav);
  if (!samples) throw new Error('espeak-ng wrote a WAV file without a data chunk');
  // espeak-ng pads with silence; trimming it lets turn times match the audible speech.
  let first = 0;
  let last = samples.length - 1;
  while (first < last && Math.abs(samples[first]!) < 200) first++;
  while (last > first && Math.abs(samples[last]!) < 200) last--;
  const margin = Math.round(0.02 * SAMPLE_RATE);
  return samples.subarray(Math.max(0, first - margin), Math.min(samples.length, last + margin));
}

/**
 * The turns as a transcript with word times: inside each sentence, a word's share of the time is
 * its characters plus one for the following space. Written out by the transcript module's WebVTT writer.
 */
function transcriptOf(turns: readonly TimedTurn[], recording: DemoRecording): string {
  const speakerIndex = new Map(recording.people.map((p, i) => [p.id, i]));
  const cues: DraftCue[] = turns.map((turn) => {
    const words = turn.text.split(/\s+/);
    const total = words.reduce((sum, word) => sum + word.length + 1, 0);
    const at = (chars: number) => turn.start + ((turn.end - turn.start) * chars) / total;
    const wordStarts: number[] = [];
    const wordEnds: number[] = [];
    let chars = 0;
    for (const word of words) {
      wordStarts.push(at(chars));
      chars += word.length + 1;
      wordEnds.push(at(chars));
    }
    return { start: turn.start, end: turn.end, speaker: speakerIndex.get(turn.speaker)!, words, wordStarts, wordEnds };
  });
  const speakers = recording.people.map((p) => ({ label: p.name }));
  return toWebVTT(buildTranscript(cues, { speakers, language: recording.language }).transcript);
}

/** The room's events, made from its turns: everyone joins, speakers raise a hand and come on stage, reactions, a pin. */
function eventsOf(turns: readonly TimedTurn[], recording: DemoRecording): Record<string, unknown>[] {
  const round = (t: number) => Math.round(t * 1000) / 1000;
  const host = recording.people.find((p) => p.role === 'host')!.id;
  const events: Record<string, unknown>[] = recording.people.map((p, i) => ({ time: round(0.1 * i), type: 'join', participant: p.id }));
  for (let i = 0; i < 5; i++) events.push({ time: round(0.3 + 0.4 * i), type: 'join' });
  events.push({ time: 0.2, type: 'stage', participant: host, on: true });
  const onStage = new Set([host]);
  const emojis = ['👏', '🔥', '💯'];
  turns.forEach((turn, i) => {
    if (!onStage.has(turn.speaker)) {
      onStage.add(turn.speaker);
      const at = round(Math.max(0.3, turn.start - 1.5));
      events.push({ time: round(Math.max(0.25, at - 1)), type: 'hand', participant: turn.speaker, raised: true });
      events.push({ time: at, type: 'hand', participant: turn.speaker, raised: false }, { time: at, type: 'stage', participant: turn.speaker, on: true });
    }
    if (i % 2 === 1) for (let k = 0; k < 4 + i; k++) events.push({ time: round(turn.end + 0.1 * k), type: 'reaction', emoji: emojis[(i + k) % emojis.length] });
    if (i === 1) events.push({ time: round(turn.start), type: 'pin', participant: host, url: 'https://example.org/office-hours', title: 'Agenda' });
  });
  const last = turns.at(-1)!;
  events.push({ time: round(last.end), type: 'leave' }, { time: round(last.end), type: 'stage', participant: host, on: false });
  return events.sort((a, b) => (a.time as number) - (b.time as number));
}

async function synthesize(recording: DemoRecording, work: string): Promise<{ wav: Buffer; turns: TimedTurn[]; tracks: Map<string, Buffer> }> {
  const voices = new Map(recording.people.map((p) => [p.id, p.voice]));
  const pieces: Int16Array[] = [];
  // Two at a time: the machine this runs on may have only two cores.
  for (let i = 0; i < recording.turns.length; i += 2) {
    const batch = recording.turns.slice(i, i + 2).map(async ([speaker, text], k) => {
      const path = join(work, `turn-${i + k}.wav`);
      await espeak(voices.get(speaker)!, text, path);
      return readSpeech(await readFile(path));
    });
    pieces.push(...(await Promise.all(batch)));
  }
  // Turns are placed in whole samples: after a pause, or overlapping the previous turn's end.
  const turns: TimedTurn[] = [];
  const starts: number[] = [];
  let end = Math.round(LEAD_IN * SAMPLE_RATE);
  recording.turns.forEach(([speaker, text, overlap], i) => {
    let start = end;
    if (i > 0 && overlap) start = end - Math.round(overlap * SAMPLE_RATE);
    else if (i > 0) start = end + Math.round((speaker === recording.turns[i - 1]![0] ? SAME_SPEAKER_PAUSE : SPEAKER_CHANGE_PAUSE) * SAMPLE_RATE);
    starts.push(start);
    end = Math.max(end, start + pieces[i]!.length);
    turns.push({ speaker, text, start: start / SAMPLE_RATE, end: end / SAMPLE_RATE });
  });
  const total = Math.max(...starts.map((s, i) => s + pieces[i]!.length)) + Math.round(LEAD_IN * SAMPLE_RATE);
  // Overlapping voices add up, as on a mixing desk; each person's own track holds only them.
  const mixed = new Int32Array(total);
  const own = new Map<string, Int16Array>();
  recording.turns.forEach(([speaker], i) => {
    const piece = pieces[i]!;
    let track = own.get(speaker);
    if (!track) own.set(speaker, (track = new Int16Array(total)));
    track.set(piece, starts[i]!);
    for (let k = 0; k < piece.length; k++) mixed[starts[i]! + k]! += piece[k]!;
  });
  const all = Int16Array.from(mixed, (v) => Math.max(-32768, Math.min(32767, v)));
  const tracks = new Map([...own].map(([speaker, samples]) => [speaker, wavFile(samples, SAMPLE_RATE)]));
  return { wav: wavFile(all, SAMPLE_RATE), turns, tracks };
}

async function make(recording: DemoRecording): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), `demo-${recording.id}-`));
  try {
    const { wav, turns, tracks } = await synthesize(recording, work);
    const round = (t: number) => Math.round(t * 1000) / 1000;
    const files = {
      audio: join(work, `${recording.id}.wav`),
      participants: join(work, 'participants.json'),
      transcript: join(work, 'transcript.vtt'),
      diarization: join(work, 'diarization.rttm'),
      chapters: join(work, 'chapters.json'),
      clips: join(work, 'clips.json'),
    };
    await writeFile(files.audio, wav);
    const participants = recording.people.map(({ id, name, role, consent }) => ({ id, name, role, consent }));
    await writeFile(files.participants, JSON.stringify(participants, null, 2));
    await writeFile(files.transcript, transcriptOf(turns, recording));
    const rttm = turns.map((t) => `SPEAKER ${recording.id} 1 ${t.start.toFixed(3)} ${(t.end - t.start).toFixed(3)} <NA> <NA> ${t.speaker} <NA> <NA>`);
    await writeFile(files.diarization, `${rttm.join('\n')}\n`);
    const chapters = recording.chapters.map((c) => ({ startTime: round(c.turn === 0 ? 0 : turns[c.turn]!.start), title: c.title }));
    await writeFile(files.chapters, JSON.stringify({ version: '1.2.0', chapters }, null, 2));
    const clips = recording.clips.map((c, i) => ({
      id: `clip-${i + 1}`,
      startTime: round(turns[c.from]!.start),
      endTime: round(turns[c.to]!.end),
      title: c.title,
    }));
    await writeFile(files.clips, JSON.stringify(clips, null, 2));
    const trackArgs: string[] = [];
    if (recording.tracks) {
      for (const [speaker, track] of tracks) {
        const path = join(work, `${speaker}.wav`);
        await writeFile(path, track);
        trackArgs.push('--track', `${speaker}=${path}`);
      }
    }
    const eventsFile = join(work, 'events.jsonl');
    if (recording.events) await writeFile(eventsFile, eventsOf(turns, recording).map((e) => JSON.stringify(e)).join('\n'));

    const argv = [
      'pack',
      ...(recording.tracks ? trackArgs : [files.audio, '--diarization', files.diarization]),
      '--out', join(OUT, recording.id),
      '--force',
      '--id', recording.id,
      '--title', recording.title,
      '--language', recording.language,
      '--participants', files.participants,
      '--transcript', files.transcript,
      ...(recording.events ? ['--events', eventsFile] : []),
      '--started-at', recording.startedAt,
      '--bitrate', recording.bitrate,
      ...(chapters.length > 0 ? ['--chapters', files.chapters] : []),
      ...(clips.length > 0 ? ['--clips', files.clips] : []),
      ...(recording.expiresAt ? ['--expires-at', recording.expiresAt] : []),
      ...(recording.status ? ['--status', recording.status] : []),
      ...(recording.allowDownload ? ['--allow-download'] : []),
    ];
    const code = await run(argv, { stdout: process.stdout, stderr: process.stderr, isTTY: false, cwd: ROOT });
    if (code !== 0) throw new Error(`space-replay pack failed for ${recording.id} (exit ${code})`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// `make-demo-recordings.ts office-hours` makes only the recordings named.
const only = process.argv.slice(2);
const unknown = only.filter((id) => !DEMO_RECORDINGS.some((r) => r.id === id));
if (unknown.length > 0) throw new Error(`no demo recording ${unknown.join(', ')}; there are ${DEMO_RECORDINGS.map((r) => r.id).join(', ')}`);
await mkdir(OUT, { recursive: true });
for (const recording of DEMO_RECORDINGS) if (only.length === 0 || only.includes(recording.id)) await make(recording);
