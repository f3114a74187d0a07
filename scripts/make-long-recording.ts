/**
 * Generates the long-recording fixture in .cache/long/ (git-ignored): a 4-hour room with 20
 * participants, 320 speaker turns and 60,000 timed words, packed by `space-replay pack` like a
 * real recording. The audio is synthetic: 20 one-turn voices (a tone per speaker, gated into
 * word-like bursts) made with ffmpeg's aevalsrc, then repeated by the concat demuxer, so it is
 * fast to make. Skips the work when .cache/long/manifest.json exists, unless --force.
 * Run: node --import tsx scripts/make-long-recording.ts [--force]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';
// The tests' seeded generator (mulberry32), so the fixture is the same on every machine.
import { seededRandom } from '../test/model/transcript/generated-transcript.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.cache', 'long');
const TURNS = 320;
const TURN_SECONDS = 45;
/** Each turn speaks for this long, then one second of silence. */
const SPEECH_SECONDS = 44;
const WORDS = 60_000;
const SAMPLE_RATE = 16000;
const WORD_SECONDS = SPEECH_SECONDS / (WORDS / TURNS);

const NAMES = [
  'Avery Quinn', 'Blake Moreno', 'Casey Ito', 'Dana Kowalski', 'Eli Brennan', 'Farah Haddad', 'Gus Lindholm',
  'Hana Sato', 'Ivan Petrov', 'Jo Mensah', 'Kai Andersen', 'Lena Fischer', 'Mo Rahman', 'Nia Okoro', 'Oscar Silva',
  'Pia Jensen', 'Raj Malhotra', 'Sara Cohen', 'Theo Laurent', 'Uma Reddy',
];
const VOCABULARY = (
  'the a we our team community roadmap release browser audio stream waveform transcript speaker host question answer ' +
  'project budget schedule feature design test deploy server client latency buffer segment playlist manifest consent ' +
  'clip chapter search index memory performance accessibility keyboard screen reader mobile desktop network offline ' +
  'because however really think know want need should could would will can maybe probably definitely quickly slowly ' +
  'today tomorrow yesterday week month year morning evening meeting discussion proposal decision feedback idea plan ' +
  'is are was were has have had do does did make build ship fix break measure improve review merge write read listen ' +
  'and but or so then also just still again already never always often sometimes about around through with without'
).split(' ');

function ffmpeg(args: string[]): Promise<void> {
  return new Promise((done, failed) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => failed(error));
    child.on('close', (code) => (code === 0 ? done() : failed(new Error(`ffmpeg failed: ${stderr}`))));
  });
}

const speakerOfTurn = (turn: number) => (turn * 7) % NAMES.length;
const round = (t: number) => Math.round(t * 1000) / 1000;

async function makeAudio(work: string): Promise<string> {
  // One turn per voice, then a concat list repeating them in turn order: 20 short syntheses, not 4 hours.
  await Promise.all(
    NAMES.map((_, voice) =>
      ffmpeg([
        '-f', 'lavfi',
        '-i',
        `aevalsrc='lt(t,${SPEECH_SECONDS})*gt(sin(2*PI*t/${WORD_SECONDS.toFixed(4)}),-0.3)*(0.25+0.1*sin(2*PI*0.37*t))*` +
          `sin(2*PI*${110 + 17 * voice}*t)':s=${SAMPLE_RATE}:d=${TURN_SECONDS}`,
        '-c:a', 'pcm_s16le', join(work, `voice-${voice}.wav`),
      ]),
    ),
  );
  const list = Array.from({ length: TURNS }, (_, turn) => `file 'voice-${speakerOfTurn(turn)}.wav'`).join('\n');
  await writeFile(join(work, 'turns.txt'), `${list}\n`);
  const audio = join(work, 'long.wav');
  await ffmpeg(['-f', 'concat', '-safe', '0', '-i', join(work, 'turns.txt'), '-c', 'copy', audio]);
  return audio;
}

/** Participant index whose consent.record is false: their turns are silenced and their words dropped by pack. */
const NOT_RECORDED = 17;

function makeTranscript(): { json: unknown; rttm: string } {
  const next = seededRandom(20240501);
  const speakers = NAMES.map((name, i) => ({ id: `s${i}`, name, participant: `p${i}` }));
  const cues: { startTime: number; endTime: number; speaker: string; text: string; words: [number, number][] }[] = [];
  const rttm: string[] = [];
  // The 60,000 words are spread over the turns that stay audible, so the packed transcript keeps them all.
  const heardTurns = Array.from({ length: TURNS }, (_, turn) => turn).filter((turn) => speakerOfTurn(turn) !== NOT_RECORDED).length;
  let wordsLeft = WORDS;
  let heardLeft = heardTurns;
  for (let turn = 0; turn < TURNS; turn++) {
    const start = turn * TURN_SECONDS;
    const speaker = speakerOfTurn(turn);
    let count = Math.round(WORDS / heardTurns);
    if (speaker !== NOT_RECORDED) {
      count = Math.round(wordsLeft / heardLeft--);
      wordsLeft -= count;
    }
    rttm.push(`SPEAKER long 1 ${start.toFixed(3)} ${SPEECH_SECONDS.toFixed(3)} <NA> <NA> p${speaker} <NA> <NA>`);
    const step = SPEECH_SECONDS / count;
    let index = 0;
    while (index < count) {
      const length = Math.min(count - index, 8 + Math.floor(next() * 9));
      const words: string[] = [];
      const times: [number, number][] = [];
      for (let k = 0; k < length; k++, index++) {
        let word = VOCABULARY[Math.floor(next() * VOCABULARY.length)]!;
        if (k === 0) word = word[0]!.toUpperCase() + word.slice(1);
        if (k === length - 1) word += '.';
        words.push(word);
        times.push([round(start + index * step), round(start + (index + 0.85) * step)]);
      }
      cues.push({ startTime: times[0]![0], endTime: times.at(-1)![1], speaker: `s${speaker}`, text: words.join(' '), words: times });
    }
  }
  return { json: { format: 'space-replay-transcript', version: '1.0', language: 'en', speakers, cues }, rttm: `${rttm.join('\n')}\n` };
}

async function main(): Promise<number> {
  const force = process.argv.includes('--force');
  if (!force && existsSync(join(OUT, 'manifest.json'))) {
    console.log(`${OUT} exists (use --force to regenerate)`);
    return 0;
  }
  const started = Date.now();
  await mkdir(dirname(OUT), { recursive: true });
  const work = await mkdtemp(join(dirname(OUT), '.long-src-'));
  try {
    const participants = NAMES.map((name, i) => ({
      id: `p${i}`,
      name,
      role: i === 0 ? 'host' : i <= 2 ? 'co-host' : 'speaker',
      // A few refusals so consent enforcement runs at scale: two no-clip speakers, one not recorded.
      consent: { record: i !== NOT_RECORDED, clip: i !== 5 && i !== 11 && i !== NOT_RECORDED },
    }));
    const { json, rttm } = makeTranscript();
    const clipTurns = [3, 40, 100, 200, 300].filter((turn) => [5, 11, NOT_RECORDED].every((p) => speakerOfTurn(turn) !== p));
    const clips = clipTurns.map((turn, i) => ({
      id: `highlight-${i + 1}`,
      startTime: turn * TURN_SECONDS,
      endTime: turn * TURN_SECONDS + 30,
      title: `Highlight ${i + 1}`,
    }));
    const chapters = {
      version: '1.2.0',
      chapters: Array.from({ length: 24 }, (_, i) => ({ startTime: i * 600, title: `Part ${i + 1}` })),
    };
    await Promise.all([
      writeFile(join(work, 'participants.json'), JSON.stringify(participants)),
      writeFile(join(work, 'transcript.json'), JSON.stringify(json)),
      writeFile(join(work, 'diarization.rttm'), rttm),
      writeFile(join(work, 'clips.json'), JSON.stringify(clips)),
      writeFile(join(work, 'chapters.json'), JSON.stringify(chapters)),
    ]);
    const audio = await makeAudio(work);
    console.log(`audio and inputs generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const code = await run(
      [
        'pack', audio,
        '--out', OUT,
        '--force',
        '--id', 'long-room',
        '--title', 'Four-hour community town hall (synthetic)',
        '--language', 'en',
        '--participants', join(work, 'participants.json'),
        '--transcript', join(work, 'transcript.json'),
        '--diarization', join(work, 'diarization.rttm'),
        '--chapters', join(work, 'chapters.json'),
        '--clips', join(work, 'clips.json'),
        '--started-at', '2026-02-01T16:00:00Z',
        '--expires-in', '365d',
        '--bitrate', '24k',
        '--fast',
      ],
      { stdout: process.stdout, stderr: process.stderr, isTTY: process.stderr.isTTY === true },
    );
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS of this process ${rss.toFixed(0)} MB`);
    return code;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
