/**
 * `space-replay clip` on the demo recordings: audio clips, an audiogram whose frames show the
 * captions and a waveform that fills as it plays, the player's refusals, and the ASS captions.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { assText, audiogramScript } from '../../src/cli/audiogram-captions.js';
import { audiogramLayout } from '../../src/cli/audiogram.js';
import { importTranscript } from '../../src/model/transcript/index.js';
import { listDir, maxVolume, probeDuration, runCli, tempDir } from './cli-harness.js';

const exec = promisify(execFile);
const NOW = Date.parse('2026-11-25T00:00:00Z');
let work: string;

before(async () => {
  work = await tempDir('space-replay-clip-');
  for (const name of ['maintainers-ama', 'garden-council', 'club-lecture']) await cp(resolve('demo/recordings', name), join(work, name), { recursive: true });
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function streams(path: string): Promise<{ codec_type: string; codec_name: string; width?: number; height?: number }[]> {
  const { stdout } = await exec('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height', '-of', 'json', path]);
  return JSON.parse(stdout).streams;
}

/** One video frame at `time` as RGB24 rows. */
async function frame(path: string, time: number, width: number, height: number): Promise<Buffer> {
  const { stdout } = await exec('ffmpeg', ['-v', 'error', '-ss', String(time), '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { encoding: 'buffer', maxBuffer: 1 << 26 });
  assert.equal(stdout.length, width * height * 3);
  return stdout;
}

/** Pixels in rows [top, bottom) matching `test`. */
function countPixels(rgb: Buffer, width: number, top: number, bottom: number, test: (r: number, g: number, b: number) => boolean): number {
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (test(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!)) count++;
    }
  }
  return count;
}

const bright = (r: number, g: number, b: number) => r > 200 && g > 180 && b > 150;
const accent = (r: number, g: number, b: number) => r > 220 && g > 170 && b < 110;

describe('space-replay clip', () => {
  test('.m4a and .mp3: the range cut from the packed audio, by times or by a clip link', async () => {
    const m4a = await runCli(['clip', 'maintainers-ama', '--start', '1', '--end', '0:12.5', '--out', 'maya.m4a'], { cwd: work, now: NOW });
    assert.equal(m4a.code, 0, m4a.stderr);
    assert.equal(m4a.stdout, 'wrote maya.m4a: 0:01–0:12 (11.5 s), m4a audio\n');
    assert.ok(Math.abs((await probeDuration(join(work, 'maya.m4a'))) - 11.5) < 0.1);
    assert.deepEqual((await streams(join(work, 'maya.m4a'))).map((s) => s.codec_name), ['aac']);
    assert.ok((await maxVolume(join(work, 'maya.m4a'), 0, 11)) > -30, 'speech, not silence');

    const mp3 = await runCli(['clip', 'maintainers-ama', '--link', 'https://example.org/rooms/ama#t=0:02,0:06&id=maintainers-ama', '--out', 'link.mp3'], { cwd: work, now: NOW });
    assert.equal(mp3.code, 0, mp3.stderr);
    assert.deepEqual((await streams(join(work, 'link.mp3'))).map((s) => s.codec_name), ['mp3']);
    assert.ok(Math.abs((await probeDuration(join(work, 'link.mp3'))) - 4) < 0.1);
  });

  test('.mp4: an audiogram with the title, the speaker, captions, and bars lit as far as it has played', async () => {
    // clip-1 of the AMA: 33.081–45.667, Sam then Maya.
    const run = await runCli(['clip', 'maintainers-ama', '--clip', 'clip-1', '--out', 'clip-1.mp4'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'wrote clip-1.mp4: 0:33–0:45 (12.6 s), audiogram 1080×1080\n');
    const path = join(work, 'clip-1.mp4');
    assert.deepEqual((await streams(path)).map((s) => [s.codec_type, s.codec_name, s.width, s.height]), [['video', 'h264', 1080, 1080], ['audio', 'aac', undefined, undefined]]);
    assert.ok(Math.abs((await probeDuration(path)) - 12.586) < 0.15);
    const { band } = audiogramLayout('square');
    const early = await frame(path, 1, 1080, 1080);
    const late = await frame(path, 11, 1080, 1080);
    assert.ok(countPixels(early, 1080, 60, 250, bright) > 2000, 'the title');
    assert.ok(countPixels(early, 1080, 640, 700, accent) > 300, "the speaker's name");
    assert.ok(countPixels(early, 1080, 800, 1000, bright) + countPixels(early, 1080, 800, 1000, accent) > 2000, 'captions');
    const litEarly = countPixels(early, 1080, band.y, band.y + band.height, accent);
    const litLate = countPixels(late, 1080, band.y, band.y + band.height, accent);
    assert.ok(litLate > 4 * litEarly && litEarly > 0, `lit bars grow as it plays (${litEarly} → ${litLate})`);

    const wide = await runCli(['clip', 'maintainers-ama', '--start', '2', '--end', '4', '--size', '16:9', '--out', 'wide.mp4'], { cwd: work, now: NOW });
    assert.equal(wide.code, 0, wide.stderr);
    assert.deepEqual((await streams(join(work, 'wide.mp4'))).map((s) => [s.width, s.height]), [[1280, 720], [undefined, undefined]]);
  });

  test("refused as the player refuses: consent, a removed range, expiry, the length limit", async () => {
    const cases: [string[], RegExp][] = [
      [['clip', 'maintainers-ama', '--start', '20', '--end', '25', '--out', 'x.m4a'], /maintainers-ama\/manifest\.json: refused: Inès Duarte \(ines\) did not consent to clips, and the range 0:20–0:25 includes them speaking/],
      [['clip', 'garden-council', '--start', '35', '--end', '40', '--out', 'x.m4a'], /refused: the range overlaps 0:38–0:43, removed from the recording \(a participant did not consent to recording\)/],
      [['clip', 'club-lecture', '--start', '1', '--end', '3', '--out', 'x.m4a'], /club-lecture\/manifest\.json: expired 2026-01-01T00:00:00\.000Z: no clips are made of an expired recording/],
      [['clip', 'maintainers-ama', '--start', '0', '--end', '12', '--max', '10', '--out', 'x.m4a'], /the clip is 12\.0 s long, more than --max 10 s/],
      [['clip', 'maintainers-ama', '--start', '140', '--end', '150', '--out', 'x.m4a'], /the clip ends at 2:30, after the end of the recording \(2:24\)/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv, { cwd: work, now: NOW });
      assert.equal(run.code, 1, `${argv.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    assert.ok(!(await listDir(work)).includes('x.m4a'));
  });

  test('usage errors name the flag', async () => {
    await writeFile(join(work, 'taken.m4a'), 'x');
    const cases: [string[], number, RegExp][] = [
      [['clip', 'maintainers-ama', '--start', '1', '--end', '2'], 2, /--out is required/],
      [['clip', 'maintainers-ama', '--start', '1', '--end', '2', '--out', 'a.wav'], 2, /--out a\.wav: the extension says the format/],
      [['clip', 'maintainers-ama', '--start', '1', '--out', 'a.m4a'], 2, /--start and --end go together/],
      [['clip', 'maintainers-ama', '--start', '1', '--end', '2', '--clip', 'clip-1', '--out', 'a.m4a'], 2, /give the range one way/],
      [['clip', 'maintainers-ama', '--clip', 'nope', '--out', 'a.m4a'], 2, /--clip nope: no such clip \(clips: clip-1\)/],
      [['clip', 'maintainers-ama', '--link', 'https://x.org/#t=1,2&id=other', '--out', 'a.m4a'], 2, /no clip range in it for this recording/],
      [['clip', 'maintainers-ama', '--start', '1', '--end', '2', '--size', '4:3', '--out', 'a.mp4'], 2, /--size 4:3: expected square or 16:9/],
      [['clip', 'maintainers-ama', '--start', '1', '--end', '2', '--out', 'taken.m4a'], 1, /taken\.m4a: exists \(use --force to replace it\)/],
    ];
    for (const [argv, code, message] of cases) {
      const run = await runCli(argv, { cwd: work, now: NOW });
      assert.equal(run.code, code, `${argv.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, argv.join(' '));
    }
  });

  test('Ctrl-C while encoding leaves no file behind', async () => {
    const controller = new AbortController();
    const running = runCli(['clip', 'maintainers-ama', '--start', '0', '--end', '12', '--out', 'stopped.mp4'], { cwd: work, now: NOW, signal: controller.signal });
    for (;;) {
      if ((await readdir(work)).some((name) => name.startsWith('.stopped.tmp-'))) break;
      await new Promise((done) => setTimeout(done, 5));
    }
    controller.abort();
    const run = await running;
    assert.equal(run.code, 130, run.stderr);
    assert.deepEqual((await readdir(work)).filter((name) => name.includes('stopped')), []);
  });
});

describe('audiogram captions (ASS)', () => {
  test('text that would be ASS markup is drawn as written', () => {
    assert.equal(assText('{\\pos(0,0)}Hi\\N there\u0007\nnow'), '\\{\\\u2060pos(0,0)\\}Hi\\\u2060N there now');
  });

  test('word by word where the transcript has word times, whole pages where it does not', () => {
    const vtt = 'WEBVTT\n\n00:00:10.000 --> 00:00:12.000\n<v Ada>one <00:00:10.500>two <00:00:11.000>three\n\n00:00:12.000 --> 00:00:14.000\n<v Bo>four five six\n';
    const imported = importTranscript(vtt, { type: 'text/vtt' });
    assert.ok(imported.ok);
    const script = audiogramScript({
      layout: audiogramLayout('square'),
      duration: 4.5,
      title: 'T',
      speakers: [{ start: 0, end: 2, name: 'Ada' }],
      transcript: imported.transcript,
      start: 10,
      end: 14.5,
    });
    const captions = script.split('\n').filter((line) => line.includes(',Caption,'));
    assert.deepEqual(captions.map((line) => line.split(',').slice(1, 3).join('–')), ['0:00:00.00–0:00:00.50', '0:00:00.50–0:00:01.00', '0:00:01.00–0:00:02.00', '0:00:02.00–0:00:04.50'], 'the last page stays up to 1.5 s after its last word');
    assert.match(captions[1]!, /one \{\\c&H0047C8FF&\}two\{\\c&H00FFFFFF&\} \{\\c&H00B8A394&\}three/);
    assert.match(captions[3]!, /,,four five six$/);
    assert.ok(script.includes('Dialogue: 0,0:00:00.00,0:00:02.00,Speaker,,0,0,0,,Ada'));
    assert.ok(script.includes('Dialogue: 0,0:00:00.00,0:00:04.50,Title,,0,0,0,,T'));
  });
});
