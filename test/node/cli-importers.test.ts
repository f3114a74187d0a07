/**
 * `pack`'s readers on files as other tools write them: text encodings, speakers marked only where
 * they change, RTTM files holding several recordings, Podcasting 2.0 JSON chapters 1.2, nested
 * markup in cue text, and Whisper's empty transcript of a silent recording. Most cases call
 * `loadPackInputs` (no encoding); the refusals run the CLI to show the whole message and exit code.
 */
import { VOICE_ACTIVITY_DEFAULTS } from '../../src/cli/voice-activity.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readChaptersFile } from '../../src/cli/chapters.js';
import { readInputText } from '../../src/cli/input-file.js';
import { loadPackInputs } from '../../src/cli/pack-inputs.js';
import type { PackOptions } from '../../src/cli/pack-options.js';
import { listDir, makeRoomFolder, runCli } from './cli-harness.js';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url);
let work: string;
let srt: string;

before(async () => {
  work = await makeRoomFolder();
  srt = await readFile(fixture('transcripts/podcast-changes.srt'), 'utf8');
  for (const name of ['transcripts/podcast-changes.srt', 'transcripts/whisper-silence.json', 'chapters/complex-1.2.json', 'rttm/two-recordings.rttm']) {
    await copyFile(fixture(name), join(work, name.split('/')[1]!));
  }
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

/** `pack`'s options for the room folder, as resolvePackOptions would give them. */
function options(extra: Partial<PackOptions> = {}): PackOptions {
  return {
    audio: join(work, 'room.wav'),
    audioLabel: 'room.wav',
    out: join(work, 'out'),
    outLabel: 'out',
    participants: join(work, 'participants.json'),
    participantsLabel: 'participants.json',
    title: 'room',
    id: 'room',
    status: 'ended',
    allowDownload: false,
    vad: { ...VOICE_ACTIVITY_DEFAULTS },
    bitrate: '64k',
    aacCoder: 'fast',
    unknownSpeakers: 'error',
    force: false,
    json: false,
    ...extra,
  };
}

function input(name: string) {
  return { path: join(work, name), label: name };
}

/** The SRT fixture's text in another encoding, with its byte order mark. */
function encode(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'): Uint8Array {
  const codes = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0)!)];
  if (encoding === 'utf-8') return new TextEncoder().encode(`\ufeff${text}`);
  const wide = encoding.startsWith('utf-32');
  const units = wide ? codes : Array.from(String.fromCodePoint(...codes), (c) => c.charCodeAt(0));
  const bytes = new Uint8Array(units.length * (wide ? 4 : 2));
  const view = new DataView(bytes.buffer);
  units.forEach((unit, i) => (wide ? view.setUint32(i * 4, unit, encoding.endsWith('le')) : view.setUint16(i * 2, unit, encoding.endsWith('le'))));
  return bytes;
}

describe('text encodings', () => {
  for (const encoding of ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const) {
    test(`an SRT in ${encoding.toUpperCase()} with a byte order mark reads as its text`, async () => {
      const name = `room-${encoding}.srt`;
      await writeFile(join(work, name), encode(srt, encoding));
      assert.deepEqual(await readInputText(join(work, name), name), { ok: true, value: srt });
      const plan = await loadPackInputs(options({ transcript: input(name) }), 20);
      assert.ok(plan.ok, plan.ok ? '' : plan.message);
      assert.equal(plan.value.transcript?.cueText[0], 'Bienvenue à tous, welcome to the café.');
    });
  }

  test('a Windows-1252 transcript is refused, naming the file, the line and the likely encoding', async () => {
    // What an old Windows editor saves: every accented letter is one byte (à is 0xE0).
    await writeFile(join(work, 'room-1252.srt'), Buffer.from(srt, 'latin1'));
    const { code, stderr } = await runCli(['pack', 'room.wav', '-o', 'out', '-p', 'participants.json', '-t', 'room-1252.srt'], { cwd: work });
    assert.equal(code, 1);
    assert.match(stderr, /^room-1252\.srt: not UTF-8 \(looks like windows-1252\?\): byte 0xE0 on line 3; save the file as UTF-8$/m);
    assert.doesNotMatch(stderr, /\ufffd/);
    assert.deepEqual(await listDir(join(work, 'out')), []);
  });

  test('UTF-16 without a byte order mark is named as such, not read as garbage', async () => {
    await writeFile(join(work, 'room-bare16.srt'), encode(srt, 'utf-16le').subarray(2));
    assert.deepEqual(await readInputText(join(work, 'room-bare16.srt'), 'room-bare16.srt'), {
      ok: false,
      message: 'room-bare16.srt: looks like UTF-16 or UTF-32 without a byte order mark (many zero bytes); save the file as UTF-8',
    });
  });
});

// transcripts/podcast-changes.srt: a podcast SRT export, "Name:" at each change of speaker only.
describe('speakers marked only where they change', () => {
  test('an SRT with Name: at each change gives every cue its speaker, and pack its segments', async () => {
    const plan = await loadPackInputs(options({ transcript: input('podcast-changes.srt') }), 20);
    assert.ok(plan.ok, plan.ok ? '' : plan.message);
    const t = plan.value.transcript!;
    assert.deepEqual(
      Array.from(t.cueSpeaker, (s) => t.speakers[s]?.participantId),
      ['ada', 'ada', 'bo', 'bo', 'ada'],
    );
    assert.deepEqual(plan.value.segments, [
      { speaker: 'ada', startTime: 0.5, endTime: 5.8 },
      { speaker: 'bo', startTime: 6.5, endTime: 11.5 },
      { speaker: 'ada', startTime: 15.5, endTime: 19.5 },
    ]);
  });
});

describe('nested markup in cue text', () => {
  test('the voice that tags written around tags spell goes through the unknown-speaker check', async () => {
    await writeFile(join(work, 'nested.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v <b>Mallory</b>>Hello\n');
    const plan = await loadPackInputs(options({ transcript: input('nested.vtt') }), 20);
    assert.ok(!plan.ok);
    assert.match(plan.message, /^nested\.vtt: speaker "Mallory" matches no participant in participants\.json/);
  });
});

// transcripts/whisper-silence.json: what openai-whisper writes for audio with no speech.
describe('Whisper JSON of a silent recording', () => {
  test('"segments": [] packs without a transcript and says so', async () => {
    const plan = await loadPackInputs(options({ transcript: input('whisper-silence.json') }), 20);
    assert.ok(plan.ok, plan.ok ? '' : plan.message);
    assert.equal(plan.value.transcript, undefined);
    assert.deepEqual(plan.value.notices.slice(0, 2), [
      'whisper-silence.json: "segments" is empty: the transcript has no words (a silent recording?)',
      'whisper-silence.json: packed without a transcript',
    ]);
  });
});

// rttm/two-recordings.rttm: RTTM as batch diarization runs and benchmark sets write it, the turns
// of several recordings in one file; field 2 names each (pyannote's "uri": the audio file name
// without its extension).
describe('RTTM holding several recordings', () => {
  test('the recording named like the audio is used, with a notice', async () => {
    const plan = await loadPackInputs(options({ diarization: input('two-recordings.rttm'), unknownSpeakers: 'speaker' }), 20);
    assert.ok(plan.ok, plan.ok ? '' : plan.message);
    assert.deepEqual(
      plan.value.segments.map((s) => [s.startTime, s.endTime]),
      [[0.5, 5.8], [6.5, 11.5], [15.5, 19.5]],
    );
    assert.ok(plan.value.notices.includes('two-recordings.rttm: holds 2 recordings; using the turns of file id "room", the audio\'s name'));
  });

  test('--rttm-file-id picks one', async () => {
    const plan = await loadPackInputs(options({ diarization: input('two-recordings.rttm'), rttmFileId: 'rehearsal', unknownSpeakers: 'speaker' }), 20);
    assert.ok(plan.ok, plan.ok ? '' : plan.message);
    assert.deepEqual(plan.value.segments.map((s) => [s.startTime, s.endTime]), [[0, 12], [12, 20]]);
  });

  test('without --rttm-file-id and no id named like the audio, pack refuses the file', async () => {
    await copyFile(join(work, 'room.wav'), join(work, 'talk.wav'));
    const { code, stderr } = await runCli(['pack', 'talk.wav', '-o', 'out', '-p', 'participants.json', '-d', 'two-recordings.rttm', '--unknown-speakers', 'speaker'], { cwd: work });
    assert.equal(code, 1);
    assert.match(
      stderr,
      /^two-recordings\.rttm: holds the turns of 2 recordings \(file ids "room", "rehearsal"\) and none is named like the audio \("talk"\); pick one with --rttm-file-id <id>$/m,
    );
    const unknown = await loadPackInputs(options({ diarization: input('two-recordings.rttm'), rttmFileId: 'dress' }), 20);
    assert.deepEqual(unknown, {
      ok: false,
      message: 'two-recordings.rttm: no turn has the file id "dress" given by --rttm-file-id; the file ids in it are "room", "rehearsal"',
    });
  });

  test('--rttm-file-id without --diarization is a usage error', async () => {
    const { code, stderr } = await runCli(['pack', 'room.wav', '-o', 'out', '-p', 'participants.json', '--rttm-file-id', 'room'], { cwd: work });
    assert.equal(code, 2);
    assert.match(stderr, /--rttm-file-id picks a recording of the --diarization file; give --diarization too/);
  });
});

// chapters/complex-1.2.json: in the shape of the Podcasting 2.0 namespace's own exampleComplex.json
// (docs/examples/chapters): a silent toc:false marker with a location, an untitled chapter, art,
// links, an endTime and a field outside the spec ("value").
describe('Podcasting 2.0 JSON chapters 1.2', () => {
  test('keeps what the player shows and reports what it leaves out', async () => {
    const read = await readChaptersFile(join(work, 'complex-1.2.json'), 'complex-1.2.json');
    assert.ok(read.ok, read.ok ? '' : read.message);
    assert.deepEqual(read.value.chapters, {
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Welcome' },
        { startTime: 3, title: 'Release notes', img: 'https://example.com/art/notes.jpg', url: 'https://example.com/changelog' },
        { startTime: 9, title: 'Questions', endTime: 15 },
        { startTime: 15.5, title: 'Goodbye' },
      ],
    });
    assert.deepEqual(read.value.notices, [
      'complex-1.2.json: left out chapters[2]: silent chapter markers (toc: false) are not listed',
      'complex-1.2.json: left out chapters[4]: no title to show in the chapter menu',
      'complex-1.2.json: left out chapters[3].value: not used by the player',
    ]);
  });

  test('a field of the wrong type is still an error naming its path', async () => {
    await writeFile(join(work, 'bad-toc.json'), JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'A', toc: 'no' }] }));
    assert.deepEqual(await readChaptersFile(join(work, 'bad-toc.json'), 'bad-toc.json'), { ok: false, message: 'bad-toc.json: chapters[0].toc: expected true or false' });
    await writeFile(join(work, 'bad-img.json'), JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'A', img: 'javascript:alert(1)' }] }));
    const bad = await readChaptersFile(join(work, 'bad-img.json'), 'bad-img.json');
    assert.ok(!bad.ok);
    assert.match(bad.message, /^bad-img\.json: chapters\[0\]\.img: scheme "javascript:" is not allowed/);
  });
});
