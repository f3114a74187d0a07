/**
 * `space-replay live` on a simulated room: a separate process writes a WAV at 4× real time (the
 * way a recorder writes a room in progress) while the packer follows it. While it runs the
 * manifest must stay valid and grow, with the playlist and the live peaks; at the end the folder
 * must be what `pack` makes of the finished file. `--end` must close a room whose input goes on.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseManifest } from '../../src/manifest/index.js';
import { LivePeaksReader } from '../../src/model/live-peaks.js';
import { writeGrowingWav } from '../../scripts/lib/growing-wav.js';
import { wavFile } from '../../scripts/lib/wav.js';
import { listDir, PARTICIPANTS, runCli, tempDir, writeJson } from './cli-harness.js';

const exec = promisify(execFile);
const RATE = 22050;
const SIMULATOR = fileURLToPath(new URL('../../scripts/simulate-live-room.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

/** A tone whose loudness changes every second, so the peaks have a shape to compare. */
function roomAudio(seconds: number): Int16Array {
  const samples = new Int16Array(seconds * RATE);
  for (let i = 0; i < samples.length; i++) {
    const level = 0.1 + 0.8 * ((Math.floor(i / RATE) * 7) % 10) / 10;
    samples[i] = Math.round(32767 * level * Math.sin((2 * Math.PI * 330 * i) / RATE));
  }
  return samples;
}

function simulate(source: string, target: string, speed: number, cwd: string) {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), SIMULATOR, source, target, '--speed', String(speed)], { cwd, stdio: 'ignore' });
  return { child, done: new Promise<number | null>((resolve) => child.on('close', resolve)) };
}

/** Waits until `check` holds, polling the folder (the condition, not a fixed delay, ends the wait). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function readJson(path: string): Promise<Record<string, any> | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Packet checksums (with timestamps) of a media file's audio, as ffmpeg's framemd5 lists them. */
async function packets(path: string): Promise<string[]> {
  const { stdout } = await exec('ffmpeg', ['-v', 'error', '-i', path, '-map', '0:a:0', '-c', 'copy', '-f', 'framemd5', '-'], { maxBuffer: 64 << 20 });
  return stdout.split('\n').filter((line) => line && !line.startsWith('#'));
}

let work: string;

before(async () => {
  work = await tempDir('space-replay-live-');
  await writeFile(join(work, 'source.wav'), wavFile(roomAudio(20), RATE));
  await writeFile(join(work, 'long.wav'), wavFile(roomAudio(120), RATE));
  await writeJson(join(work, 'participants.json'), PARTICIPANTS);
  await writeFile(
    join(work, 'events.jsonl'),
    [
      { time: 0, type: 'join', participant: 'ada' },
      { time: 0, type: 'stage', participant: 'ada', on: true },
      { time: 3, type: 'reaction', emoji: '👏' },
      { time: 12, type: 'pin', participant: 'ada', url: 'https://example.com/notes' },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n'),
  );
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('space-replay live', () => {
  test('a room written at 4× real time: the live folder grows, stays valid, and ends as pack would make it', async () => {
    const out = join(work, 'out');
    // The recorder runs at 4× real time but waits at 7.5 s and 14 s until the packer has published
    // more: on a busy machine the encoder can fall seconds behind a recorder racing ahead.
    let published = 0;
    const stages = [
      { at: 7.5, seen: 1 },
      { at: 14, seen: 2 },
    ];
    const gate = async (seconds: number): Promise<void> => {
      const stage = stages[0];
      if (!stage || seconds < stage.at) return;
      stages.shift();
      await until(async () => published >= stage.seen, `live manifest ${stage.seen} after ${stage.at} s of audio`);
    };
    const recorder = writeGrowingWav(join(work, 'room.wav'), roomAudio(20), RATE, { speed: 4, gate });
    await until(async () => existsSync(join(work, 'room.wav')), 'the recorder to start');
    const observed: { duration: number; status: string; segments: number; pixels: number }[] = [];
    let invalid: string | undefined;
    const run = runCli(
      ['live', 'room.wav', '-o', 'out', '-p', 'participants.json', '--events', 'events.jsonl', '--refresh', '1',
        '--started-at', '2026-05-04T09:00:00Z', '--id', 'standup', '--title', 'Standup', '--json', '--idle', '10'],
      { cwd: work },
    );
    let finished = false;
    void run.then(() => (finished = true));
    // Watch the folder as a player would: every manifest seen must be valid, and its audio present.
    while (!finished) {
      const manifest = await readJson(join(out, 'manifest.json'));
      if (manifest && manifest.status === 'live') {
        const parsed = parseManifest(manifest);
        if (!parsed.ok) invalid = JSON.stringify(parsed.errors);
        const playlist = await readFile(join(out, 'audio/index.m3u8'), 'utf8').catch(() => '');
        const reader = new LivePeaksReader();
        const pushed = reader.push(await readFile(join(out, 'waveform.live.jsonl'), 'utf8').catch(() => ''));
        assert.ok(pushed.ok, pushed.ok ? '' : pushed.error);
        const last = observed.at(-1);
        if (!last || last.duration !== manifest.duration) {
          published++;
          observed.push({ duration: manifest.duration, status: manifest.status, segments: playlist.split('\n').filter((l) => l.endsWith('.m4s')).length, pixels: reader.length });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const result = await run;
    await recorder;
    assert.equal(result.code, 0, result.stderr);
    assert.equal(invalid, undefined, `a live manifest was invalid: ${invalid}`);

    // It grew: at least two live states (the recorder waited for them), duration, segments and
    // peaks going up together.
    assert.ok(observed.length >= 2, JSON.stringify(observed));
    for (let i = 1; i < observed.length; i++) {
      assert.ok(observed[i]!.duration > observed[i - 1]!.duration, JSON.stringify(observed));
      assert.ok(observed[i]!.segments >= observed[i - 1]!.segments, JSON.stringify(observed));
      assert.ok(observed[i]!.pixels >= observed[i - 1]!.pixels, JSON.stringify(observed));
    }
    assert.ok(observed[0]!.duration < 20 && observed[0]!.segments >= 1);

    // Ended: an ordinary recording in place, the live-only files gone.
    const report = JSON.parse(result.stdout);
    assert.ok(report.updates >= 2);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.status, 'ended');
    assert.equal(manifest.refresh, undefined);
    assert.equal(manifest.liveWaveform, undefined);
    assert.ok(parseManifest(manifest).ok);
    assert.deepEqual(await listDir(out), ['audio', 'audio.m4a', 'manifest.json', 'waveform.json']);
    assert.match(await readFile(join(out, 'audio/index.m3u8'), 'utf8'), /#EXT-X-PLAYLIST-TYPE:EVENT[\s\S]*#EXT-X-ENDLIST/);
    assert.ok(!existsSync(join(work, '.out.live')), 'the control file is removed');
    assert.deepEqual(manifest.events.data.map((e: { time: number }) => e.time), [0, 0, 3, 12]);

    // The same finished file through pack.
    const packed = await runCli(
      ['pack', 'room.wav', '-o', 'packed', '-p', 'participants.json', '--events', 'events.jsonl', '--started-at', '2026-05-04T09:00:00Z', '--id', 'standup', '--title', 'Standup'],
      { cwd: work },
    );
    assert.equal(packed.code, 0, packed.stderr);
    const packedDir = join(work, 'packed');
    assert.deepEqual(manifest, JSON.parse(await readFile(join(packedDir, 'manifest.json'), 'utf8')), 'the manifests are the same');
    assert.equal(await readFile(join(out, 'waveform.json'), 'utf8'), await readFile(join(packedDir, 'waveform.json'), 'utf8'), 'the peaks are the same');
    assert.deepEqual(await packets(join(out, 'audio.m4a')), await packets(join(packedDir, 'audio.m4a')), 'audio.m4a holds the same AAC packets');
    assert.deepEqual(await packets(join(out, 'audio/index.m3u8')), await packets(join(packedDir, 'audio/index.m3u8')), 'the HLS segments hold the same packets');
  });

  test('live --end closes a room whose input goes on', async () => {
    const sim = simulate('long.wav', 'endless.wav', 1, work);
    await until(async () => existsSync(join(work, 'endless.wav')), 'the recorder to start');
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), BIN, 'live', 'endless.wav', '-o', 'ending', '-p', 'participants.json', '--refresh', '1'],
      { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await until(async () => (await readJson(join(work, 'ending/manifest.json')))?.status === 'live', 'a live manifest');
      const ended = await runCli(['live', '--end', '-o', 'ending'], { cwd: work });
      assert.equal(ended.code, 0, ended.stderr);
      assert.equal(await exited, 0, stderr);
    } finally {
      child.kill('SIGKILL');
      sim.child.kill('SIGTERM');
      await sim.done;
    }
    const manifest = JSON.parse(await readFile(join(work, 'ending/manifest.json'), 'utf8'));
    assert.equal(manifest.status, 'ended');
    assert.ok(manifest.duration > 0 && manifest.duration < 120, String(manifest.duration));
    assert.match(await readFile(join(work, 'ending/audio/index.m3u8'), 'utf8'), /#EXT-X-ENDLIST/);
    assert.ok(existsSync(join(work, 'ending/audio.m4a')) && existsSync(join(work, 'ending/waveform.json')));
    const again = await runCli(['live', '--end', '-o', 'ending'], { cwd: work });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /ending: no live room is being written there/);
  });
});
