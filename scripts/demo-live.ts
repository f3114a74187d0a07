#!/usr/bin/env node
/**
 * `npm run demo:live`: a simulated room in progress for the demo. It decodes the committed
 * `maintainers-ama` demo recording, writes it into `.cache/demo-live/room.wav` at real time (as a
 * recorder would; `--speed 4` for faster), appends the room's events to `.cache/demo-live/events.jsonl`
 * as their time comes, and runs `space-replay live` into `demo/live/`, which `npm start` serves
 * uncached. Ctrl-C ends the room (the folder is then closed as `pack` would write it).
 */
import { spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeGrowingWav } from './lib/growing-wav.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'demo', 'recordings', 'maintainers-ama');
const WORK = join(ROOT, '.cache', 'demo-live');
const OUT = join(ROOT, 'demo', 'live');
const RATE = 22050;

const { values } = parseArgs({ options: { speed: { type: 'string', default: '1' }, refresh: { type: 'string', default: '3' } } });
const speed = Number(values.speed);
if (!(speed > 0 && speed <= 20)) {
  console.error('--speed must be between 0 and 20');
  process.exit(2);
}

interface Segment {
  speaker: string;
  startTime: number;
  endTime: number;
}

/** The room's events, made from the recording's segments: who came on stage, hands, reactions, a pin. */
function roomEvents(segments: readonly Segment[], host: string): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  const onStage = new Set<string>();
  const emojis = ['👏', '🔥', '💯', '😂'];
  for (let i = 0; i < 12; i++) events.push({ time: Math.round(i * 0.7 * 10) / 10, type: 'join' });
  segments.forEach((segment, i) => {
    if (!onStage.has(segment.speaker)) {
      onStage.add(segment.speaker);
      const at = Math.max(0, segment.startTime - 2);
      if (segment.speaker !== host) events.push({ time: Math.max(0, at - 3), type: 'hand', participant: segment.speaker, raised: true });
      events.push({ time: at, type: 'stage', participant: segment.speaker, on: true });
      if (segment.speaker !== host) events.push({ time: at, type: 'hand', participant: segment.speaker, raised: false });
    }
    // A burst of reactions after every third turn.
    if (i % 3 === 2) {
      for (let k = 0; k < 6 + (i % 5) * 3; k++) events.push({ time: segment.endTime + k * 0.15, type: 'reaction', emoji: emojis[(i + k) % emojis.length] });
    }
    if (i === 4) events.push({ time: segment.startTime, type: 'pin', participant: host, url: 'https://github.com/', title: 'The repository' });
    if (i === 11) events.push({ time: segment.startTime, type: 'title-change', participant: host, title: 'Maintainers AMA: releases' });
    if (i % 7 === 6) events.push({ time: segment.endTime, type: 'join' }, { time: segment.endTime + 1, type: 'leave' });
  });
  return events.sort((a, b) => (a.time as number) - (b.time as number));
}

function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((done) => spawn(command, args, { stdio: 'inherit', cwd: ROOT }).on('close', done));
}

const manifest = JSON.parse(await readFile(join(SOURCE, 'manifest.json'), 'utf8'));
await rm(WORK, { recursive: true, force: true });
await mkdir(WORK, { recursive: true });
const source = join(WORK, 'source.s16le');
if ((await run('ffmpeg', ['-v', 'error', '-y', '-i', join(SOURCE, 'audio.m4a'), '-ac', '1', '-ar', String(RATE), '-f', 's16le', source])) !== 0) {
  console.error('ffmpeg could not decode the demo recording (apt-get install ffmpeg)');
  process.exit(1);
}
const bytes = await readFile(source);
const samples = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
await writeFile(join(WORK, 'participants.json'), JSON.stringify(manifest.participants, null, 2));
await writeFile(join(WORK, 'events.jsonl'), '');
const pending = roomEvents(manifest.segments, manifest.recording.optInBy);

const controller = new AbortController();
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());
const room = join(WORK, 'room.wav');
let appending = Promise.resolve();
const recorder = writeGrowingWav(room, samples, RATE, {
  speed,
  signal: controller.signal,
  onChunk: (seconds) => {
    const due: Record<string, unknown>[] = [];
    while (pending.length > 0 && (pending[0]!.time as number) <= seconds) due.push(pending.shift()!);
    if (due.length > 0) {
      const lines = due.map((event) => `${JSON.stringify(event)}\n`).join('');
      appending = appending.then(() => appendFile(join(WORK, 'events.jsonl'), lines));
    }
  },
});
console.log(`space-replay demo: a live room at ${speed}× real time in demo/live/; with npm start, open http://localhost:8000/demo/?recording=live`);
const packer = run(process.execPath, [
  '--import', 'tsx', join(ROOT, 'src', 'cli', 'bin.ts'), 'live', room,
  '--out', OUT, '--force', '--id', 'live-demo', '--title', `${manifest.title} (live)`, '--language', manifest.language,
  '--participants', join(WORK, 'participants.json'), '--events', join(WORK, 'events.jsonl'),
  '--refresh', String(values.refresh), '--idle', '5',
]);
await recorder;
await appending;
process.exitCode = (await packer) ?? 1;
