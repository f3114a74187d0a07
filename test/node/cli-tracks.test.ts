/**
 * `pack --track`: per-participant tracks spoken by espeak-ng voices, placed at known times (with
 * overlapping speech and one track starting late), as call recorders write one file per person.
 * The segments come from each track's voice activity; the track of the participant who refused
 * recording must not be in the mix at all (measured: level and correlation), while whoever spoke
 * over them stays audible.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseManifest } from '../../src/manifest/index.js';
import { wavFile, wavSamples } from '../../scripts/lib/wav.js';
import { maxVolume, runCli, tempDir, writeJson } from './cli-harness.js';

const exec = promisify(execFile);
const RATE = 22050; // espeak-ng's rate

/** espeak-ng speech with its silent padding trimmed, as the demo recordings do. */
async function speak(voice: string, text: string, work: string): Promise<Int16Array> {
  const path = join(work, `say-${Math.random().toString(36).slice(2)}.wav`);
  await exec('espeak-ng', ['-v', voice, '-s', '165', '-w', path, text]);
  const samples = wavSamples(await readFile(path))!;
  let first = 0;
  let last = samples.length - 1;
  while (first < last && Math.abs(samples[first]!) < 200) first++;
  while (last > first && Math.abs(samples[last]!) < 200) last--;
  return samples.slice(first, last + 1);
}

interface Turn {
  speaker: string;
  start: number;
  end: number;
}

/** A track file: `pieces` at their room times, the file starting `offset` s into the room. */
async function writeTrack(path: string, pieces: { at: number; speech: Int16Array }[], offset: number): Promise<void> {
  const end = Math.max(...pieces.map((p) => p.at - offset + p.speech.length / RATE)) + 0.5;
  const samples = new Int16Array(Math.ceil(end * RATE));
  for (const { at, speech } of pieces) samples.set(speech, Math.round((at - offset) * RATE));
  await writeFile(path, wavFile(samples, RATE));
}

/** Mono 8 kHz float samples of `[start, end)` of a media file, decoded by ffmpeg. */
async function pcm(path: string, start: number, end: number, delay = 0): Promise<Float32Array> {
  const args = ['-v', 'error', '-i', path, '-af', `adelay=${Math.round(delay * 1000)}:all=1,atrim=${start}:${end}`, '-ac', '1', '-ar', '8000', '-f', 'f32le', 'pipe:1'];
  const { stdout } = await exec('ffmpeg', args, { encoding: 'buffer', maxBuffer: 64 << 20 });
  return new Float32Array(stdout.buffer.slice(stdout.byteOffset, stdout.byteOffset + stdout.byteLength));
}

/** The lag (±`maxLag` samples) at which `b` best matches `a`. */
function bestLag(a: Float32Array, b: Float32Array, maxLag = 24): number {
  let best = 0;
  let lagOfBest = 0;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let ab = 0;
    for (let i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) ab += a[i]! * b[i + lag]!;
    if (ab > best) {
      best = ab;
      lagOfBest = lag;
    }
  }
  return lagOfBest;
}

/**
 * Least squares `mix ≈ α·x + β·y` (x and y shifted by `lag`): how much of each track the mix holds.
 * Two voices correlate a little by chance, so this, not a correlation, says whether one is in it.
 */
function gains(mix: Float32Array, x: Float32Array, y: Float32Array, lag: number): { alpha: number; beta: number } {
  let xx = 0, yy = 0, xy = 0, mx = 0, my = 0;
  for (let i = Math.max(0, -lag); i < mix.length && i + lag < x.length && i + lag < y.length; i++) {
    const a = x[i + lag]!;
    const b = y[i + lag]!;
    const m = mix[i]!;
    xx += a * a;
    yy += b * b;
    xy += a * b;
    mx += m * a;
    my += m * b;
  }
  const det = xx * yy - xy * xy;
  return { alpha: (mx * yy - my * xy) / det, beta: (my * xx - mx * xy) / det };
}

/** The largest normalized correlation of `a` and `b` over lags of ±`maxLag` samples. */
function correlation(a: Float32Array, b: Float32Array, maxLag = 24): number {
  let best = 0;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) {
      const x = a[i]!;
      const y = b[i + lag]!;
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    const r = aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
    if (Math.abs(r) > Math.abs(best)) best = r;
  }
  return best;
}

let work: string;
const turns: Turn[] = [];
let onlyCy: [number, number];
let crosstalk: [number, number];

before(async () => {
  work = await tempDir('space-replay-tracks-');
  const [a1, l1, c1, a2, c2] = await Promise.all([
    speak('en-us+f3', 'Welcome to the room, today we test separate tracks.', work),
    speak('en-gb', 'I am the second voice, and I talk over the first one.', work),
    speak('en-us+m3', 'Please keep everything I say out of the recording.', work),
    speak('en-us+f3', 'Thanks, that is all from me for now, goodbye.', work),
    speak('en-us+m3', 'And this part too, if you please.', work),
  ]);
  const len = (s: Int16Array) => s.length / RATE;
  // Alan starts 0.6 s before Ada ends; Cy speaks alone, then over Ada.
  const a1At = 0.5;
  const l1At = a1At + len(a1) - 0.6;
  const c1At = l1At + len(l1) + 0.8;
  const a2At = c1At + len(c1) + 0.8;
  const c2At = a2At + 0.7;
  turns.push(
    { speaker: 'ada', start: a1At, end: a1At + len(a1) },
    { speaker: 'alan', start: l1At, end: l1At + len(l1) },
    { speaker: 'ada', start: a2At, end: a2At + len(a2) },
  );
  onlyCy = [c1At + 0.1, c1At + len(c1) - 0.1];
  crosstalk = [c2At + 0.1, Math.min(c2At + len(c2), a2At + len(a2)) - 0.1];
  assert.ok(crosstalk[1] - crosstalk[0] > 1, 'the crosstalk window is long enough to measure');
  await writeTrack(join(work, 'ada.wav'), [{ at: a1At, speech: a1 }, { at: a2At, speech: a2 }], 0);
  // Alan's recorder started 1.5 s into the room.
  await writeTrack(join(work, 'alan.wav'), [{ at: l1At, speech: l1 }], 1.5);
  await writeTrack(join(work, 'cy.wav'), [{ at: c1At, speech: c1 }, { at: c2At, speech: c2 }], 0);
  await writeJson(join(work, 'participants.json'), [
    { id: 'ada', name: 'Ada Host', role: 'host', consent: { record: true, clip: true } },
    { id: 'alan', name: 'Alan Guest', role: 'speaker', consent: { record: true, clip: true } },
    { id: 'cy', name: 'Cy Private', role: 'speaker', consent: { record: false, clip: false } },
  ]);
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('pack --track', () => {
  let manifest: Record<string, any>;
  let stderr: string;
  let report: Record<string, any>;

  before(async () => {
    const result = await runCli(
      ['pack', '-o', 'out', '-p', 'participants.json', '--track', 'ada=ada.wav', '--track', 'Alan_Guest=alan.wav@1.5', '--track', 'cy=cy.wav', '--json'],
      { cwd: work },
    );
    assert.equal(result.code, 0, result.stderr);
    stderr = result.stderr;
    report = JSON.parse(result.stdout);
    manifest = JSON.parse(await readFile(join(work, 'out/manifest.json'), 'utf8'));
  });

  test('the manifest is valid, without redactions, and reports the left-out track', () => {
    assert.ok(parseManifest(manifest).ok);
    assert.equal(manifest.redactions, undefined, 'nothing is silenced by range');
    assert.deepEqual(report.tracks, { mixed: ['ada', 'Alan_Guest'], excluded: ['cy'] });
    assert.match(stderr, /consent: cy did not consent to recording: their track is left out of the mix/);
    const longest = Math.max(...turns.map((t) => t.end), crosstalk[1]);
    assert.ok(manifest.duration >= longest, `duration ${manifest.duration} covers every track`);
  });

  test('segments come from each track and match the known turns within 0.3 s, overlap included', () => {
    const segments = manifest.segments as { speaker: string; startTime: number; endTime: number }[];
    assert.ok(!segments.some((s) => s.speaker === 'cy'), 'no segment of the participant who refused recording');
    for (const speaker of ['ada', 'alan']) {
      const known = turns.filter((t) => t.speaker === speaker);
      const found = segments.filter((s) => s.speaker === speaker);
      assert.equal(found.length, known.length, `${speaker}: ${JSON.stringify(found)}`);
      known.forEach((turn, i) => {
        assert.ok(Math.abs(found[i]!.startTime - turn.start) <= 0.3, `${speaker} start ${found[i]!.startTime} vs ${turn.start}`);
        assert.ok(Math.abs(found[i]!.endTime - turn.end) <= 0.3, `${speaker} end ${found[i]!.endTime} vs ${turn.end}`);
      });
    }
    const ada = segments.find((s) => s.speaker === 'ada')!;
    const alan = segments.find((s) => s.speaker === 'alan')!;
    assert.ok(alan.startTime < ada.endTime, 'the overlapping speech of two included tracks is in both segments');
  });

  test('the left-out track is absent from the mix: silence where only they spoke', async () => {
    const mix = join(work, 'out/audio.m4a');
    assert.ok((await maxVolume(join(work, 'cy.wav'), ...onlyCy)) > -30, 'control: Cy is loud on their own track');
    assert.ok((await maxVolume(mix, ...onlyCy)) < -60, 'Cy alone: the mix is silent');
  });

  test('whoever spoke over them is kept, and the mix does not correlate with their track', async () => {
    const mix = join(work, 'out/audio.m4a');
    assert.ok((await maxVolume(mix, ...crosstalk)) > -30, 'Ada is audible over Cy');
    const mixed = await pcm(mix, ...crosstalk);
    const ada = await pcm(join(work, 'ada.wav'), ...crosstalk);
    const cy = await pcm(join(work, 'cy.wav'), ...crosstalk);
    const withAda = correlation(mixed, ada);
    assert.ok(withAda > 0.6, `the mix follows Ada's track (r = ${withAda.toFixed(3)})`);
    // Mixed at full level (normalize=0), Cy's share would be about 1; it is nothing.
    const { alpha, beta } = gains(mixed, ada, cy, bestLag(mixed, ada));
    assert.ok(alpha > 0.7, `Ada's share of the mix: ${alpha.toFixed(3)}`);
    assert.ok(Math.abs(beta) < 0.05, `Cy's share of the mix: ${beta.toFixed(3)} (below -26 dB)`);
    // Alan's offset: his speech is in the mix where the room has it, not 1.5 s early.
    const alanTurn = turns.find((t) => t.speaker === 'alan')!;
    const window: [number, number] = [turns[0]!.end + 0.1, alanTurn.end - 0.1];
    const alanMixed = await pcm(mix, ...window);
    const alanTrack = await pcm(join(work, 'alan.wav'), ...window, 1.5);
    assert.ok(correlation(alanMixed, alanTrack) > 0.6, 'Alan is mixed at his offset');
  });

  test('usage errors: a label that matches nobody, --track with <audio> or --diarization, a bad offset', async () => {
    const unknown = await runCli(['pack', '-o', 'out2', '-p', 'participants.json', '--track', 'zed=ada.wav'], { cwd: work });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /--track zed=ada\.wav: label "zed" matches no participant in participants\.json/);
    const both = await runCli(['pack', 'ada.wav', '-o', 'out2', '-p', 'participants.json', '--track', 'ada=ada.wav'], { cwd: work });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /give <audio> or --track, not both/);
    const rttm = await runCli(['pack', '-o', 'out2', '-p', 'participants.json', '--track', 'ada=ada.wav', '-d', 'x.rttm'], { cwd: work });
    assert.equal(rttm.code, 2);
    const offset = await runCli(['pack', '-o', 'out2', '-p', 'participants.json', '--track', 'ada=ada.wav@-2'], { cwd: work });
    assert.equal(offset.code, 2);
    assert.match(offset.stderr, /the offset must be 0 or more seconds/);
    const none = await runCli(['pack', '-o', 'out2', '-p', 'participants.json'], { cwd: work });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /missing <audio> \(or --track/);
  });
});
