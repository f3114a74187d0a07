/**
 * `space-replay redact` on a folder packed by `pack` (a steady tone, so every decoded sample can be
 * compared): the redacted range is silent, the rest decodes to the same samples, only the touched
 * HLS segments are new files, transcripts, waveform and manifest follow, and an interrupted run
 * leaves the folder as it was.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseManifest } from '../../src/manifest/index.js';
import { readM4aLayout, readPackets } from '../../src/cli/m4a-packets.js';
import { importTranscript } from '../../src/model/transcript/index.js';
import { makeRoomFolder, maxVolume, runCli } from './cli-harness.js';

const exec = promisify(execFile);
const NOW = Date.parse('2026-03-01T12:00:00Z');
let work: string;
let packed: string;

before(async () => {
  work = await makeRoomFolder();
  const run = await runCli(['pack', 'room.wav', '--out', 'packed', '-p', 'participants.json', '-t', 'room.vtt', '-d', 'room.rttm', '--started-at', '2026-03-01T10:00:00Z'], { cwd: work, now: NOW });
  assert.equal(run.code, 0, run.stderr);
  packed = join(work, 'packed');
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh copy of the packed folder. */
async function copyOfPacked(name: string): Promise<string> {
  const dir = join(work, name);
  await cp(packed, dir, { recursive: true });
  return dir;
}

/** The whole decoded audio, mono float samples. */
async function decode(path: string): Promise<{ samples: Float32Array; rate: number }> {
  const { stdout } = await exec('ffmpeg', ['-v', 'error', '-i', path, '-f', 'f32le', '-ac', '1', '-'], { encoding: 'buffer', maxBuffer: 1 << 28 });
  const probe = await exec('ffprobe', ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=sample_rate', '-of', 'csv=p=0', path]);
  return { samples: new Float32Array(stdout.buffer, stdout.byteOffset, stdout.length / 4), rate: Number(probe.stdout.trim()) };
}

const dBFS = (value: number) => 20 * Math.log10(Math.max(value, 1e-10));

async function filesWithInodes(dir: string): Promise<Map<string, { ino: number; hash: string }>> {
  const out = new Map<string, { ino: number; hash: string }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length + 1), { ino: (await stat(path)).ino, hash: createHash('sha1').update(await readFile(path)).digest('hex') });
  }
  return out;
}

describe('space-replay redact', () => {
  test('--range: silent inside, the same decoded samples outside the re-encoded packets, only the touched segments written', async () => {
    const dir = await copyOfPacked('range');
    const before = await filesWithInodes(dir);
    const original = await decode(join(dir, 'audio.m4a'));
    const run = await runCli(['redact', 'range', '--range', '3,5', '--reason', 'a phone number', '--json'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.ranges, [{ startTime: 3, endTime: 5 }]);

    // The redacted range: below −60 dBFS from 50 ms inside its edges, and over its whole length as RMS.
    const redacted = await decode(join(dir, 'audio.m4a'));
    const { rate } = redacted;
    assert.equal(redacted.samples.length, original.samples.length, 'same length');
    let peak = 0;
    let energy = 0;
    for (let i = 3 * rate; i < 5 * rate; i++) {
      energy += redacted.samples[i]! ** 2;
      if (i >= 3.05 * rate && i < 4.95 * rate) peak = Math.max(peak, Math.abs(redacted.samples[i]!));
    }
    assert.ok(dBFS(peak) < -60, `peak ${dBFS(peak).toFixed(1)} dBFS`);
    assert.ok(dBFS(Math.sqrt(energy / (2 * rate))) < -60, 'RMS over the whole range');

    // Outside the spans of the re-encoded packets the packets are the same bytes; decoded, samples
    // differ only by the decoder's noise substitution, whose random generator runs through every
    // packet before (about one 16-bit step; two decodes of the same file that start at different
    // places differ the same way).
    const [changed] = report.audio.changed as { startTime: number; endTime: number }[];
    assert.ok(changed && changed.startTime < 3 && changed.endTime > 5 && changed.startTime > 2.8 && changed.endTime < 5.2, JSON.stringify(changed));
    let outside = 0;
    let noise = 0;
    for (let i = 0; i < original.samples.length; i++) {
      if (i >= Math.floor(changed.startTime * rate) && i < Math.ceil(changed.endTime * rate)) {
        if (i < 3 * rate || i >= 5 * rate) noise = Math.max(noise, Math.abs(original.samples[i]! - redacted.samples[i]!));
        continue;
      }
      outside = Math.max(outside, Math.abs(original.samples[i]! - redacted.samples[i]!));
    }
    assert.ok(dBFS(outside) < -80, `outside the re-encoded packets: ${dBFS(outside).toFixed(1)} dBFS`);
    // Next to the range, inside the re-encoded packets: the encoder's own noise, 40 dB under the tone.
    assert.ok(dBFS(noise) < -55, `re-encoding noise ${dBFS(noise).toFixed(1)} dBFS`);

    // Packet for packet: all but the re-encoded ones are the same bytes.
    const [a, b] = [await readM4aLayout(join(packed, 'audio.m4a')), await readM4aLayout(join(dir, 'audio.m4a'))];
    assert.ok(a.ok && b.ok);
    assert.equal(b.value.sizes.length, a.value.sizes.length);
    const differentPackets: number[] = [];
    const oldPackets = await readPackets(join(packed, 'audio.m4a'), a.value, 0, a.value.sizes.length - 1);
    const newPackets = await readPackets(join(dir, 'audio.m4a'), b.value, 0, b.value.sizes.length - 1);
    oldPackets.forEach((packet, i) => packet.equals(newPackets[i]!) || differentPackets.push(i));
    assert.ok(differentPackets.length > 0 && differentPackets.length <= report.audio.packets);

    // The HLS rendition is silent there too, and only the segments holding new packets are new files.
    // (pack's HLS has no edit list, so it plays the encoder's 1024 priming samples first.)
    const hls = await decode(join(dir, 'audio/index.m3u8'));
    let hlsDifference = 0;
    for (let i = 0; i < redacted.samples.length; i++) hlsDifference = Math.max(hlsDifference, Math.abs(redacted.samples[i]! - hls.samples[i + 1024]!));
    assert.ok(dBFS(hlsDifference) < -80, `HLS against audio.m4a: ${dBFS(hlsDifference).toFixed(1)} dBFS`);
    const after = await filesWithInodes(dir);
    const rewritten = [...after].filter(([name, file]) => before.get(name)!.ino !== file.ino).map(([name]) => name).sort();
    const segmentsRewritten = rewritten.filter((name) => name.endsWith('.m4s'));
    assert.equal(segmentsRewritten.length, report.audio.hlsSegmentsRewritten);
    assert.ok(segmentsRewritten.length >= 1 && segmentsRewritten.length <= 2, segmentsRewritten.join());
    assert.deepEqual(rewritten.filter((name) => !name.endsWith('.m4s')), ['audio.m4a', 'manifest.json', 'transcript.json', 'transcript.vtt', 'waveform.json']);
    for (const [name, file] of after) if (!rewritten.includes(name)) assert.equal(file.hash, before.get(name)!.hash, name);

    // The waveform: flat over the range, untouched elsewhere.
    const oldPeaks = JSON.parse(before.has('waveform.json') ? await readFile(join(packed, 'waveform.json'), 'utf8') : '{}');
    const newPeaks = JSON.parse(await readFile(join(dir, 'waveform.json'), 'utf8'));
    const pixel = newPeaks.samples_per_pixel / newPeaks.sample_rate;
    for (let p = 0; p < newPeaks.length; p++) {
      const t = p * pixel;
      if (t >= 3 && t + pixel <= 5) assert.ok(Math.abs(newPeaks.data[2 * p]) <= 1 && Math.abs(newPeaks.data[2 * p + 1]) <= 1, `pixel at ${t.toFixed(1)} s`);
      if (t + pixel <= changed.startTime || t >= changed.endTime + pixel) {
        assert.deepEqual(newPeaks.data.slice(2 * p, 2 * p + 2), oldPeaks.data.slice(2 * p, 2 * p + 2), `pixel at ${t.toFixed(1)} s`);
      }
    }

    // The manifest: a redaction with the reason, segments cut around it, still valid.
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    assert.ok(parseManifest(manifest).ok);
    assert.deepEqual(manifest.redactions.at(-1), { startTime: 3, endTime: 5, reason: 'a phone number' });
    assert.deepEqual(
      manifest.segments.filter((s: { speaker: string }) => s.speaker === 'ada').slice(0, 2),
      [{ speaker: 'ada', startTime: 0.5, endTime: 3 }, { speaker: 'ada', startTime: 5, endTime: 6 }],
    );
    // The transcripts lose exactly the words in the range ("testing command line tools" started at 3.0).
    for (const file of ['transcript.vtt', 'transcript.json']) {
      const imported = importTranscript(await readFile(join(dir, file), 'utf8'), { fileName: file });
      assert.ok(imported.ok);
      const text = imported.transcript.cueText.join(' ');
      assert.match(text, /Welcome to the room, today we talk about/);
      assert.doesNotMatch(text, /testing|command line/);
    }
  });

  test('--participant: everything they said is silent and removed, and they are no longer recorded', async () => {
    const dir = await copyOfPacked('participant');
    const run = await runCli(['redact', 'participant', '--participant', 'bo'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Redacted participant in place \([\d.]+ s\)\n {2}silenced 1 range, 5\.0 s: 0:06–0:11\n/);
    assert.match(run.stdout, /participant bo: consent\.record set to false/);
    assert.match(run.stderr, /notice: pages and feeds made from this recording before/);
    assert.ok((await maxVolume(join(dir, 'audio.m4a'), 6.55, 11.45)) < -60, 'Bo is silent');
    assert.ok((await maxVolume(join(dir, 'audio.m4a'), 1, 6)) > -30, 'Ada is heard');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    const parsed = parseManifest(manifest);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
    assert.equal(manifest.participants.find((p: { id: string }) => p.id === 'bo').consent.record, false);
    assert.ok(!manifest.segments.some((s: { speaker: string }) => s.speaker === 'bo'));
    assert.deepEqual(manifest.redactions.at(-1), { startTime: 6.5, endTime: 11.5, reason: 'a participant withdrew consent to recording' });
    const vtt = await readFile(join(dir, 'transcript.vtt'), 'utf8');
    assert.doesNotMatch(vtt, /Bo Guest|real ffmpeg/);
    assert.match(vtt, /<v Ada Host>/);
  });

  test('host clips over the range are removed and named; a transcript download is written again', async () => {
    const dir = await copyOfPacked('clips');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    manifest.clips = [
      { id: 'over', startTime: 16, endTime: 18, title: 'Goodbye' },
      { id: 'kept', startTime: 1, endTime: 2 },
    ];
    manifest.downloads = { transcript: 'transcript.srt' };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(dir, 'transcript.srt'), '1\n00:00:15,500 --> 00:00:19,500\nAda Host: Thank you all, see you next week.\n');
    const run = await runCli(['redact', 'clips', '--range', '0:17,0:17.5'], { cwd: work, now: NOW });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /clip over "Goodbye" removed: it overlapped a redaction/);
    const after = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    assert.deepEqual(after.clips.map((c: { id: string }) => c.id), ['kept']);
    const srt = await readFile(join(dir, 'transcript.srt'), 'utf8');
    assert.match(srt, /^1\n00:00:00,500 --> 00:00:06,000\nAda Host: Welcome/);
    // "all, see" were spoken within 17–17.5 s (word times spread over the cue): gone from the download too.
    assert.match(srt, /\n3\n00:00:15,500 --> 00:00:19,500\nAda Host: Thank you you next week\.\n/);
  });

  test('Ctrl-C while it runs leaves the folder exactly as it was, and no staging folder', async () => {
    const dir = await copyOfPacked('interrupted');
    const before = await filesWithInodes(dir);
    const controller = new AbortController();
    const running = runCli(['redact', 'interrupted', '--participant', 'bo'], { cwd: work, now: NOW, signal: controller.signal });
    // Abort as soon as the staging folder exists (the run is then part way through).
    for (;;) {
      if ((await readdir(work)).some((name) => name.startsWith('.interrupted.tmp-'))) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    const run = await running;
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /interrupted/);
    assert.deepEqual(await filesWithInodes(dir), before);
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('.interrupted')), []);
  });

  test('bad input: a clear message naming the flag or file, and nothing changed', async () => {
    const dir = await copyOfPacked('bad');
    const before = await filesWithInodes(dir);
    const cases: [string[], number, RegExp][] = [
      [['redact', 'bad'], 2, /^space-replay redact: give --participant <id> or --range <start,end>\n/],
      [['redact', 'bad', '--participant', 'zed'], 2, /--participant zed: no such participant in bad\/manifest\.json \(ids: ada, bo, cy\)/],
      [['redact', 'bad', '--range', '9,3'], 2, /--range 9,3: expected START,END with END after START/],
      [['redact', 'bad', '--range', '50,60'], 2, /--range 50,60: starts after the end of the recording/],
      [['redact', 'bad', '--range', '1,2', '--bitrate', 'loud'], 2, /--bitrate loud: expected 8k to 320k/],
      [['redact', 'missing', '--range', '1,2'], 1, /^missing: cannot read \(/],
      [['redact', 'bad', '--participant', 'cy'], 2, /nothing to redact in bad: cy already not recorded, and no speech of theirs is located/],
    ];
    for (const [argv, code, message] of cases) {
      const run = await runCli(argv, { cwd: work, now: NOW });
      assert.equal(run.code, code, `${argv.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, argv.join(' '));
    }
    await writeFile(join(dir, 'manifest.json'), '{"version": "1.0"}');
    const invalid = await runCli(['redact', 'bad', '--range', '1,2'], { cwd: work, now: NOW });
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /^bad\/manifest\.json: invalid manifest \(run space-replay validate for details\)/);
    const after = await filesWithInodes(dir);
    after.delete('manifest.json');
    before.delete('manifest.json');
    assert.deepEqual(after, before);
  });
});
