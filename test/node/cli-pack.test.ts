/** `space-replay pack` end to end with real ffmpeg: output layout, media, waveform, manifest and consent redaction. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifest } from '../../src/manifest/index.js';
import { decodeAudiowaveformJson } from '../../src/model/peaks.js';
import { importTranscript } from '../../src/model/transcript/index.js';
import { DIARIZATION_RTTM, listDir, makeRoomFolder, makeTone, maxVolume, probeDuration, runCli, writeJson } from './cli-harness.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
let work: string;

before(async () => {
  work = await makeRoomFolder();
  await writeJson(join(work, 'chapters.json'), { version: '1.2.0', chapters: [{ startTime: 0, title: 'Hello' }, { startTime: 15.5, title: 'Goodbye' }] });
  await writeJson(join(work, 'clips.json'), [{ id: 'welcome', startTime: 0.5, endTime: 6, title: 'Welcome' }]);
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

const fullPack = (out: string, ...extra: string[]) => [
  'pack', 'room.wav', '--out', out, '-p', 'participants.json', '-t', 'room.vtt', '-d', 'room.rttm',
  '--chapters', 'chapters.json', '--clips', 'clips.json', '--title', 'Fixture room', '--id', 'fixture',
  '--started-at', '2026-02-28T18:00:00Z', '--expires-in', '30d', ...extra,
];

describe('pack: a full recording', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  let out: string;

  before(async () => {
    result = await runCli(fullPack('out/full', '--allow-download'), { cwd: work, now: NOW });
    out = join(work, 'out/full');
  });

  test('exits 0, prints a summary, and reports the redaction on stderr', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Packed room\.wav → out\/full \(0:20\)/);
    assert.match(result.stderr, /consent: cy did not consent to recording: silenced 1 range\(s\), 3\.0 s of audio; dropped 1 transcript cue\(s\)/);
  });

  test('writes exactly the documented layout and nothing else beside it', async () => {
    assert.deepEqual(await listDir(out), ['audio', 'audio.m4a', 'chapters.json', 'manifest.json', 'transcript.json', 'transcript.vtt', 'waveform.json']);
    assert.deepEqual(await listDir(join(out, 'audio')), ['index.m3u8', 'init.mp4', 'seg000.m4s', 'seg001.m4s', 'seg002.m4s', 'seg003.m4s']);
    assert.deepEqual(await listDir(join(work, 'out')), ['full'], 'no staging folder is left');
    assert.equal((await stat(out)).mode & 0o777, 0o755, 'the folder is readable by a web server');
  });

  test('the playlist is a VOD fMP4 playlist whose segments all exist', async () => {
    const playlist = await readFile(join(out, 'audio/index.m3u8'), 'utf8');
    assert.match(playlist, /#EXT-X-PLAYLIST-TYPE:VOD/);
    assert.match(playlist, /#EXT-X-ENDLIST/);
    assert.match(playlist, /#EXT-X-MAP:URI="init\.mp4"/);
    const segments = playlist.split('\n').filter((line) => line.endsWith('.m4s'));
    assert.equal(segments.length, 4);
    for (const segment of segments) assert.ok(existsSync(join(out, 'audio', segment)), segment);
    const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
    assert.ok(durations.slice(0, -1).every((d) => Math.abs(d - 6) < 0.1), `~6 s segments: ${durations}`);
    assert.ok(Math.abs(durations.reduce((a, b) => a + b, 0) - 20) < 0.2);
  });

  test('audio.m4a is mono AAC of the input duration', async () => {
    assert.ok(Math.abs((await probeDuration(join(out, 'audio.m4a'))) - 20) < 0.1);
  });

  test('waveform.json decodes with the peaks module at 10 peaks per second', async () => {
    const decoded = decodeAudiowaveformJson(await readFile(join(out, 'waveform.json'), 'utf8'));
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.error);
    const peaks = decoded.peaks;
    assert.equal(peaks.version, 2);
    assert.equal(peaks.bits, 8);
    assert.equal(peaks.sampleRate / peaks.samplesPerPixel, 10);
    assert.ok(Math.abs(peaks.length - 200) <= 2, `length ${peaks.length}`);
    // The tone is loud where nobody was redacted and flat where Cy spoke (12–15 s).
    assert.ok(peaks.data[2 * 50 + 1]! > 0.05, 'peak at 5 s');
    for (let pixel = 122; pixel < 149; pixel++) assert.equal(peaks.data[2 * pixel + 1], 0, `pixel ${pixel} is silent`);
  });

  test('the manifest validates, uses relative URLs and carries every input', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const parsed = parseManifest(manifest);
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
    assert.equal(manifest.version, '1.0');
    assert.deepEqual(manifest.audio, [
      { url: 'audio/index.m3u8', type: 'application/vnd.apple.mpegurl' },
      { url: 'audio.m4a', type: 'audio/mp4' },
    ]);
    assert.deepEqual(manifest.waveform, { type: 'application/json', url: 'waveform.json' });
    assert.deepEqual(manifest.transcripts.map((t: { url: string; type: string }) => [t.type, t.url]), [
      ['application/json', 'transcript.json'],
      ['text/vtt', 'transcript.vtt'],
    ]);
    assert.deepEqual(manifest.chapters, { type: 'application/json+chapters', url: 'chapters.json' });
    assert.deepEqual(manifest.recording, { optInBy: 'ada' });
    assert.equal(manifest.retention.expiresAt, new Date(NOW + 30 * 86_400_000).toISOString());
    assert.equal(manifest.startedAt, '2026-02-28T18:00:00.000Z');
    assert.equal(manifest.endedAt, '2026-02-28T18:00:20.000Z');
    assert.deepEqual(manifest.downloads, { audio: 'audio.m4a', transcript: 'transcript.vtt' });
    assert.deepEqual(manifest.clips, [{ id: 'welcome', startTime: 0.5, endTime: 6, title: 'Welcome', createdBy: 'ada' }]);
    // Segments come from the RTTM (Bo matched by name), sorted, without the person who refused recording.
    assert.deepEqual(
      manifest.segments.map((s: { speaker: string; startTime: number; endTime: number }) => [s.speaker, s.startTime, s.endTime]),
      [['ada', 0.5, 6], ['bo', 6.5, 11.5], ['ada', 15.5, 19.5]],
    );
    assert.deepEqual(manifest.redactions, [{ startTime: 12, endTime: 15, reason: 'a participant did not consent to recording' }]);
  });

  test('the redacted range is silent in the encoded audio, the rest is not', async () => {
    assert.ok((await maxVolume(join(out, 'audio.m4a'), 12.1, 14.9)) < -60, 'Cy is silenced');
    assert.ok((await maxVolume(join(out, 'audio.m4a'), 7, 11)) > -30, 'Bo is heard');
    assert.ok((await maxVolume(join(out, 'audio.m4a'), 16, 19)) > -30, 'Ada is heard after the redaction');
  });

  test('the transcripts drop the refused speaker and keep voices and word times', async () => {
    const json = JSON.parse(await readFile(join(out, 'transcript.json'), 'utf8'));
    const imported = await importTranscript(json);
    assert.ok(imported.ok);
    assert.equal(imported.transcript.cueCount, 3);
    assert.ok(!imported.transcript.cueText.join(' ').includes('record what I say'));
    assert.deepEqual(json.speakers.map((s: { participant: string }) => s.participant), ['ada', 'bo']);
    const vtt = await readFile(join(out, 'transcript.vtt'), 'utf8');
    assert.match(vtt, /<v Ada Host>Welcome .*about <00:00:03\.000>testing/);
    assert.doesNotMatch(vtt, /Cy Private/);
  });
});

describe('pack: options and output handling', () => {
  test('--json prints a machine-readable report', async () => {
    const result = await runCli(['pack', 'room.wav', '-o', 'out/json', '-p', 'participants.json', '--json'], { cwd: work, now: NOW });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.id, 'json');
    assert.equal(report.hlsSegments, 4);
    assert.equal(report.waveformPeaks, 200);
    assert.deepEqual(report.files, ['audio/index.m3u8', 'audio.m4a', 'waveform.json', 'manifest.json']);
    // 64k by default, where --aac-coder auto picks ffmpeg's fast coder.
    assert.deepEqual(report.audio, { codec: 'aac', bitrate: '64k', coder: 'fast' });
    // Without diarization or transcript nobody can be located in the audio, so nothing is silenced.
    assert.deepEqual(report.redactions, []);
  });

  test('--aac-coder auto uses the two-loop coder below 64k; an explicit coder wins', async () => {
    const pack = async (name: string, extra: string[]) => {
      const result = await runCli(['pack', 'room.wav', '-o', `out/${name}`, '-p', 'participants.json', '--json', ...extra], { cwd: work, now: NOW });
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout).audio;
    };
    assert.deepEqual(await pack('low', ['--bitrate', '32k']), { codec: 'aac', bitrate: '32k', coder: 'twoloop' });
    assert.deepEqual(await pack('chosen', ['--aac-coder', 'twoloop']), { codec: 'aac', bitrate: '64k', coder: 'twoloop' });
    assert.deepEqual(await pack('fast', ['--bitrate', '48k', '--fast']), { codec: 'aac', bitrate: '48k', coder: 'fast' });
    // The coder really reaches ffmpeg: the two files differ.
    const [a, b] = await Promise.all([readFile(join(work, 'out/chosen/audio.m4a')), readFile(join(work, 'out/json/audio.m4a'))]);
    assert.notDeepEqual(a, b);
  });

  test('--force replaces an existing folder and leaves nothing beside it', async () => {
    const out = join(work, 'out/forced');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'old.txt'), 'old');
    const refused = await runCli(['pack', 'room.wav', '-o', 'out/forced', '-p', 'participants.json'], { cwd: work });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /out\/forced: folder exists and is not empty \(use --force to replace it\)/);
    assert.deepEqual(await listDir(out), ['old.txt']);
    const forced = await runCli(['pack', 'room.wav', '-o', 'out/forced', '-p', 'participants.json', '--force'], { cwd: work });
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(!existsSync(join(out, 'old.txt')));
    assert.ok(existsSync(join(out, 'manifest.json')));
    assert.deepEqual((await listDir(join(work, 'out'))).filter((name) => name.startsWith('.')), []);
  });

  test('--status live writes no endedAt; --expires-at may be in the past', async () => {
    const result = await runCli(
      ['pack', 'room.wav', '-o', 'out/live', '-p', 'participants.json', '--status', 'live', '--expires-at', '2026-01-01T00:00:00Z', '--started-at', '2025-12-31T20:00:00Z'],
      { cwd: work },
    );
    assert.equal(result.code, 0, result.stderr);
    const manifest = JSON.parse(await readFile(join(work, 'out/live/manifest.json'), 'utf8'));
    assert.equal(manifest.status, 'live');
    assert.equal(manifest.endedAt, undefined);
    assert.equal(manifest.retention.expiresAt, '2026-01-01T00:00:00.000Z');
  });

  test('--unknown-speakers speaker adds unknown labels without clip consent', async () => {
    await writeFile(join(work, 'extra.rttm'), `${DIARIZATION_RTTM}SPEAKER room 1 1.000 2.000 <NA> <NA> Zed <NA> <NA>\n`);
    const refused = await runCli(['pack', 'room.wav', '-o', 'out/zed', '-p', 'participants.json', '-d', 'extra.rttm'], { cwd: work });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^extra\.rttm:7: speaker label "Zed" matches no participant/m);
    const added = await runCli(['pack', 'room.wav', '-o', 'out/zed', '-p', 'participants.json', '-d', 'extra.rttm', '--unknown-speakers', 'speaker'], { cwd: work });
    assert.equal(added.code, 0, added.stderr);
    const manifest = JSON.parse(await readFile(join(work, 'out/zed/manifest.json'), 'utf8'));
    assert.deepEqual(manifest.participants.at(-1), { id: 'Zed', name: 'Zed', role: 'speaker', consent: { record: true, clip: false } });
    assert.ok(manifest.segments.some((s: { speaker: string }) => s.speaker === 'Zed'));
  });

  test('a TTY gets a progress bar on stderr; a pipe does not', async () => {
    const tty = await runCli(['pack', 'room.wav', '-o', 'out/tty', '-p', 'participants.json'], { cwd: work, isTTY: true });
    assert.equal(tty.code, 0, tty.stderr);
    assert.match(tty.stderr, /\r\x1b\[2Kencoding \[#+-*\] \d+\.\d%/);
    const piped = await runCli(['pack', 'room.wav', '-o', 'out/piped', '-p', 'participants.json'], { cwd: work });
    assert.doesNotMatch(piped.stderr, /\r|encoding \[/);
  });

  test('an abort (Ctrl-C) stops ffmpeg, removes the staging folder and exits 130', async () => {
    await makeTone(join(work, 'long.wav'), 900);
    await mkdir(join(work, 'abort'), { recursive: true });
    const controller = new AbortController();
    // Abort as soon as the staging folder appears, i.e. while ffmpeg is encoding.
    const watcher = watch(join(work, 'abort'), (_event, name) => {
      if (String(name).startsWith('.out.tmp-')) controller.abort();
    });
    try {
      const result = await runCli(['pack', 'long.wav', '-o', 'abort/out', '-p', 'participants.json'], { cwd: work, signal: controller.signal });
      assert.equal(result.code, 130);
      assert.match(result.stderr, /long\.wav: interrupted/);
    } finally {
      watcher.close();
    }
    assert.deepEqual(await listDir(join(work, 'abort')), []);
  });

  const interruptExecutable = async (folder: string, signals: number): Promise<{ code: number | null; stderr: string }> => {
    await mkdir(join(work, folder), { recursive: true });
    const bin = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), bin, 'pack', 'long.wav', '-o', `${folder}/out`, '-p', 'participants.json'], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let sent = false;
    const watcher = watch(join(work, folder), (_event, name) => {
      if (sent || !String(name).startsWith('.out.tmp-')) return;
      sent = true;
      for (let i = 0; i < signals; i++) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    watcher.close();
    return { code, stderr };
  };

  test('SIGINT to the real executable removes the staging folder and exits 130', async () => {
    const { code, stderr } = await interruptExecutable('sigint', 1);
    assert.equal(code, 130, stderr);
    assert.match(stderr, /long\.wav: interrupted/);
    assert.deepEqual(await listDir(join(work, 'sigint')), []);
  });

  test('a second SIGINT exits at once and still leaves nothing behind', async () => {
    const { code, stderr } = await interruptExecutable('sigint-twice', 2);
    assert.equal(code, 130, stderr);
    assert.deepEqual(await listDir(join(work, 'sigint-twice')), []);
  });
});
