/**
 * `space-replay pack` on bad input: every case names the file (and line or JSON path), exits
 * non-zero, and leaves --out as it was (absent, or untouched) with no staging folder beside it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listDir, makeRoomFolder, makeTone, PARTICIPANTS, runCli, writeJson } from './cli-harness.js';

const exec = promisify(execFile);
let work: string;

before(async () => {
  work = await makeRoomFolder();
  await writeFile(join(work, 'noise.wav'), 'RIFF this is not audio at all');
  // A real WAV header followed by garbage: ffprobe may accept it, decoding must not pass silently.
  const wav = await readFile(join(work, 'room.wav'));
  await writeFile(join(work, 'header-only.wav'), wav.subarray(0, 44));
  await writeFile(join(work, 'too-long.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:21.000\n<v Ada Host>This cue ends after the audio.\n');
  await writeFile(join(work, 'unknown.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Mystery Guest>Who am I?\n');
  await writeFile(join(work, 'unknown.rttm'), 'SPEAKER room 1 0.5 5.5 <NA> <NA> ada <NA> <NA>\n;; comment\nSPEAKER room 1 6.0 2.0 <NA> <NA> SPEAKER_07 <NA> <NA>\n');
  await writeFile(join(work, 'broken.rttm'), 'SPEAKER room 1 0.5 5.5 <NA> <NA> ada <NA> <NA>\n\nSPEAKER room 1 six 2.0 <NA> <NA> ada <NA> <NA>\n');
  await writeFile(join(work, 'bad-json.json'), '[\n  {"id": "ada", "name": "Ada"\n  "role": "host"}\n]\n');
  await writeJson(join(work, 'bad-consent.json'), [PARTICIPANTS[0], { id: 'bo', name: 'Bo', consent: { record: true, clip: 'yes' } }]);
  await writeJson(join(work, 'no-host.json'), [PARTICIPANTS[1]]);
  await writeJson(join(work, 'bad-chapters.json'), { version: '1.2.0', chapters: [{ startTime: 0, title: 'A' }, { startTime: 99, title: 'Late' }] });
  await writeJson(join(work, 'bad-clip.json'), [{ id: 'bo-clip', startTime: 7, endTime: 9 }]);
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

interface BadCase {
  name: string;
  args: string[];
  message: RegExp;
  code?: number;
}

const CASES: BadCase[] = [
  { name: 'missing audio', args: ['missing.wav'], message: /^missing\.wav: cannot read file \(ENOENT: no such file\)$/m },
  { name: 'audio ffmpeg cannot read', args: ['noise.wav'], message: /^noise\.wav: ffmpeg cannot read this file/m },
  { name: 'audio with a header and no data', args: ['header-only.wav'], message: /^header-only\.wav: ffmpeg/m },
  { name: 'a folder instead of audio', args: ['.'], message: /^\.: not a file$/m },
  { name: 'transcript longer than the audio', args: ['room.wav', '-t', 'too-long.vtt'], message: /^too-long\.vtt: the transcript runs to 0:21\.0 but the audio \(room\.wav\) ends at 0:20\.0$/m },
  { name: 'transcript voice matching no participant', args: ['room.wav', '-t', 'unknown.vtt'], message: /^unknown\.vtt: speaker "Mystery Guest" matches no participant in participants\.json/m },
  { name: 'RTTM label matching no participant', args: ['room.wav', '-d', 'unknown.rttm'], message: /^unknown\.rttm:3: speaker label "SPEAKER_07" matches no participant/m },
  { name: 'RTTM with a malformed line', args: ['room.wav', '-d', 'broken.rttm'], message: /^broken\.rttm:3: onset 'six' is not a non-negative number of seconds$/m },
  { name: 'participants with a JSON syntax error', args: ['room.wav', '-p', 'bad-json.json'], message: /^bad-json\.json:3:3: invalid JSON: unexpected '"' \(expected ',' or '}'\)$/m },
  { name: 'participants with a wrong consent type', args: ['room.wav', '-p', 'bad-consent.json'], message: /^bad-consent\.json: participants\[1\]\.consent\.clip: expected boolean, got "yes"$/m },
  { name: 'participants without a host', args: ['room.wav', '-p', 'no-host.json'], message: /^no-host\.json: no participant has role host or co-host/m },
  { name: 'missing participants file', args: ['room.wav', '-p', 'nobody.json'], message: /^nobody\.json: cannot read file \(ENOENT: no such file\)$/m },
  { name: 'chapter past the end', args: ['room.wav', '--chapters', 'bad-chapters.json'], message: /^bad-chapters\.json: chapters\[1\]\.startTime: startTime 99 is past the end of the recording/m },
  {
    name: 'clip over speech of someone who refused clips',
    args: ['room.wav', '-d', 'room.rttm', '--clips', 'bad-clip.json'],
    message: /^bad-clip\.json: clips\[0\]: clip "bo-clip" overlaps speech by participant "bo"/m,
  },
  { name: 'downloads against a participant’s consent', args: ['room.wav', '-p', 'bad-download.json', '--allow-download'], message: /^--allow-download: participant "bo" in bad-download\.json has consent\.download false$/m },
  { name: 'an unknown flag', args: ['room.wav', '--bogus'], message: /^space-replay pack: Unknown option '--bogus'$/m, code: 2 },
  { name: 'a malformed --expires-in', args: ['room.wav', '--expires-in', 'soon'], message: /^--expires-in: 'soon' is not a span like 30d/m, code: 2 },
  // Node's parseArgs calls `--expires-in -5d` ambiguous; both spellings get the same clear refusal.
  { name: 'a negative --expires-in', args: ['room.wav', '--expires-in', '-5d'], message: /^--expires-in: '-5d' is negative, but a span counts forward from now; for a recording that has already expired, give --expires-at with a past date-time$/m, code: 2 },
  { name: 'a negative --expires-in=', args: ['room.wav', '--expires-in=-5d'], message: /^--expires-in: '-5d' is negative, but a span counts forward from now/m, code: 2 },
  { name: 'a flag whose value is missing before another flag', args: ['room.wav', '--title', '--force'], message: /^space-replay pack: --title needs a value, but an option follows it \(for a value that starts with "-", write --title=VALUE\)$/m, code: 2 },
  { name: 'an unknown --aac-coder', args: ['room.wav', '--aac-coder', 'best'], message: /^space-replay pack: --aac-coder must be auto, fast or twoloop, not 'best'$/m, code: 2 },
  { name: '--fast with another coder', args: ['room.wav', '--fast', '--aac-coder', 'twoloop'], message: /^space-replay pack: --fast means --aac-coder fast, not 'twoloop'$/m, code: 2 },
  { name: '--expires-in with --expires-at', args: ['room.wav', '--expires-in', '1d', '--expires-at', '2026-01-01T00:00:00Z'], message: /give --expires-in or --expires-at, not both/, code: 2 },
];

describe('pack: bad input', () => {
  before(() => writeJson(join(work, 'bad-download.json'), [PARTICIPANTS[0], { ...PARTICIPANTS[1], consent: { record: true, clip: false, download: false } }]));

  for (const bad of CASES) {
    test(`${bad.name}: clear message, exit ${bad.code ?? 1}, no output`, async () => {
      const args = ['pack', ...bad.args, '--out', 'out/result'];
      if (!bad.args.includes('-p')) args.push('-p', 'participants.json');
      const result = await runCli(args, { cwd: work });
      assert.equal(result.code, bad.code ?? 1, result.stderr);
      assert.match(result.stderr, bad.message);
      assert.equal(result.stdout, '');
      assert.deepEqual(await listDir(join(work, 'out')), [], 'neither --out nor a staging folder exists');
    });
  }

  test('an existing non-empty --out is refused and left untouched', async () => {
    await mkdir(join(work, 'kept'), { recursive: true });
    await writeFile(join(work, 'kept/index.html'), '<p>mine</p>');
    const result = await runCli(['pack', 'room.wav', '--out', 'kept', '-p', 'participants.json'], { cwd: work });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^kept: folder exists and is not empty \(use --force to replace it\)$/m);
    assert.deepEqual(await listDir(join(work, 'kept')), ['index.html']);
    assert.equal(await readFile(join(work, 'kept/index.html'), 'utf8'), '<p>mine</p>');
    assert.deepEqual((await listDir(work)).filter((name) => name.startsWith('.kept')), []);
  });

  test('a failure during encoding with --force keeps the old folder as it was', async () => {
    await mkdir(join(work, 'old'), { recursive: true });
    await writeFile(join(work, 'old/manifest.json'), '{}');
    await makeTone(join(work, 'long.wav'), 900);
    const controller = new AbortController();
    // Interrupt once the staging folder exists: the failure comes after the old folder was checked.
    const watcher = watch(work, (_event, name) => {
      if (String(name).startsWith('.old.tmp-')) controller.abort();
    });
    try {
      const result = await runCli(['pack', 'long.wav', '--out', 'old', '--force', '-p', 'participants.json'], { cwd: work, signal: controller.signal });
      assert.equal(result.code, 130);
    } finally {
      watcher.close();
    }
    assert.deepEqual(await listDir(join(work, 'old')), ['manifest.json']);
    assert.equal(await readFile(join(work, 'old/manifest.json'), 'utf8'), '{}');
    assert.deepEqual((await listDir(work)).filter((name) => name.startsWith('.old')), []);
  });

  test('a WAV cut short of what its header declares packs with a warning, at the length that decodes', async () => {
    // As ffmpeg's WAV muxer writes it (RIFF, fmt, LIST, data sized for 12 s of 16 kHz mono), cut to 3,000 bytes.
    await exec('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=16000:duration=12', '-ac', '1', join(work, 'whole.wav')]);
    await writeFile(join(work, 'cut.wav'), (await readFile(join(work, 'whole.wav'))).subarray(0, 3000));
    const result = await runCli(['pack', 'cut.wav', '--out', 'short/cut', '-p', 'participants.json', '--json'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    const warning = /^warning: cut\.wav: its WAV header declares 12\.000 s, but 0\.09\d s of audio could be decoded \(the file may be truncated or damaged\); the recording is 0\.09\d s long$/m;
    assert.match(result.stderr, warning);
    assert.ok(JSON.parse(result.stdout).warnings.some((w: string) => w.startsWith('cut.wav: its WAV header declares 12.000 s')));
    const whole = await runCli(['pack', 'whole.wav', '--out', 'short/whole', '-p', 'participants.json'], { cwd: work });
    assert.equal(whole.code, 0, whole.stderr);
    assert.doesNotMatch(whole.stderr, /warning/);
  });

  test('an M4A cut short of its header: a warning, and the manifest gives the duration that decodes', async () => {
    // moov first (+faststart), so ffprobe reads the full 12 s from it although the samples stop early.
    await exec('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=16000:duration=12', '-ac', '1', '-c:a', 'aac', '-movflags', '+faststart', join(work, 'whole.m4a')]);
    await writeFile(join(work, 'cut.m4a'), (await readFile(join(work, 'whole.m4a'))).subarray(0, 30000));
    const result = await runCli(['pack', 'cut.m4a', '--out', 'short/cut-m4a', '-p', 'participants.json'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    const match = /^warning: cut\.m4a: ffprobe reads a duration of 12\.000 s, but (\d+\.\d+) s of audio could be decoded/m.exec(result.stderr);
    assert.ok(match, result.stderr);
    const decoded = Number(match[1]);
    assert.ok(decoded > 1 && decoded < 11, `${decoded}`);
    const manifest = JSON.parse(await readFile(join(work, 'short/cut-m4a/manifest.json'), 'utf8'));
    assert.ok(Math.abs(manifest.duration - decoded) < 0.001, `manifest duration ${manifest.duration}, decoded ${decoded}`);
  });

  test('without ffmpeg: one line saying how to install it', async () => {
    const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
    const failure = await exec(process.execPath, ['--import', import.meta.resolve('tsx'), bin, 'pack', 'room.wav', '-o', 'out/x', '-p', 'participants.json'], {
      cwd: work,
      env: { ...process.env, SPACE_REPLAY_FFMPEG: join(work, 'no-such-ffmpeg') },
    }).then(
      () => assert.fail('pack succeeded without ffmpeg'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failure.code, 1);
    assert.equal(failure.stderr, 'space-replay needs ffmpeg: install it with `apt-get install ffmpeg` (Debian/Ubuntu) or `brew install ffmpeg`\n');
    assert.deepEqual(await listDir(join(work, 'out')), []);
  });
});
