/**
 * `pack --events` and `inspect` with room events (spec 1.1). The events file is JSON Lines in the
 * manifest's event shape with platform labels in `participant`, the form docs/cli.md describes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEventsJsonl, parseManifest } from '../../src/manifest/index.js';
import { listDir, makeRoomFolder, runCli } from './cli-harness.js';

let work: string;

const EVENTS = [
  { time: 0, type: 'join', participant: 'ada' },
  { time: 0.2, type: 'stage', participant: 'ada', on: true },
  { time: 1, type: 'join', participant: 'Bo_Guest' },
  { time: 1.5, type: 'join', participant: 'Cy Private' },
  { time: 6, type: 'stage', participant: 'Bo Guest', on: true },
  { time: 2, type: 'join', participant: 'zed-from-the-platform' },
  { time: 3, type: 'reaction', participant: 'zed-from-the-platform', emoji: '👏' },
  { time: 12, type: 'hand', participant: 'cy', raised: true },
  { time: 8, type: 'pin', participant: 'ada', url: 'https://example.com/notes', title: 'Notes' },
  { time: 14, type: 'title-change', participant: 'ada', title: 'Fixture room, part 2' },
  { time: 16, type: 'leave', participant: 'Cy Private' },
  { time: 17, type: 'boost', participant: 'ada' },
];

const jsonl = (events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n');

before(async () => {
  work = await makeRoomFolder();
  await writeFile(join(work, 'events.jsonl'), `${jsonl(EVENTS)}\n`);
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('pack --events', () => {
  test('maps labels to participants, sorts by time, writes the events inline and the manifest as 1.1', async () => {
    const result = await runCli(['pack', 'room.wav', '-o', 'out/small', '-p', 'participants.json', '--events', 'events.jsonl', '--json'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /events\.jsonl:12: unknown event type "boost" \(ignored\)/);
    assert.match(result.stderr, /events\.jsonl: 2 event\(s\) of 1 label\(s\) matching no participant written without one/);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.events, { count: 11, inline: true, byType: { join: 4, stage: 2, reaction: 1, pin: 1, hand: 1, 'title-change': 1, leave: 1 } });
    const manifest = JSON.parse(await readFile(join(work, 'out/small/manifest.json'), 'utf8'));
    assert.equal(manifest.version, '1.1');
    assert.ok(parseManifest(manifest).ok);
    const data = manifest.events.data;
    assert.deepEqual(data.map((e: { time: number }) => e.time), [0, 0.2, 1, 1.5, 2, 3, 6, 8, 12, 14, 16]);
    assert.deepEqual(data[2], { time: 1, type: 'join', participant: 'bo' });
    assert.deepEqual(data[4], { time: 2, type: 'join' }, 'an unknown label on a join is dropped, not invented');
    assert.deepEqual(data[6], { time: 6, type: 'stage', participant: 'bo', on: true });
    assert.deepEqual(await listDir(join(work, 'out/small')), ['audio', 'audio.m4a', 'manifest.json', 'waveform.json']);
  });

  test('a pack without events still writes a 1.0 manifest', async () => {
    const result = await runCli(['pack', 'room.wav', '-o', 'out/plain', '-p', 'participants.json'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(await readFile(join(work, 'out/plain/manifest.json'), 'utf8')).version, '1.0');
  });

  test('more than 1,000 events go to events.jsonl, referenced by URL; inspect summarises them', async () => {
    const many = [
      ...EVENTS.slice(0, 5),
      ...Array.from({ length: 1500 }, (_, i) => ({ time: 2 + (i * 17) / 1500, type: 'reaction', emoji: i % 3 ? '👏' : '🔥' })),
      { time: 3, type: 'join' },
      { time: 4, type: 'join' },
      { time: 8, type: 'pin', participant: 'ada', url: 'notes.html', title: 'Notes' },
      { time: 10, type: 'leave' },
    ];
    await writeFile(join(work, 'many.jsonl'), jsonl(many));
    const packed = await runCli(['pack', 'room.wav', '-o', 'out/many', '-p', 'participants.json', '--events', 'many.jsonl'], { cwd: work });
    assert.equal(packed.code, 0, packed.stderr);
    assert.match(packed.stdout, /events\.jsonl\s+1,?509 events/);
    const out = join(work, 'out/many');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.events, { url: 'events.jsonl' });
    const file = await readFile(join(out, 'events.jsonl'), 'utf8');
    const read = parseEventsJsonl(file, { duration: manifest.duration, participants: manifest.participants.map((p: { id: string }) => p.id) });
    assert.ok(read.ok, JSON.stringify(read.errors));
    assert.equal(read.events.length, 1509);

    const inspected = await runCli(['inspect', 'out/many', '--json'], { cwd: work });
    assert.equal(inspected.code, 0, inspected.stderr);
    const events = JSON.parse(inspected.stdout).events;
    assert.equal(events.url, 'events.jsonl');
    assert.equal(events.count, 1509);
    assert.equal(events.byType.reaction, 1500);
    // ada, bo, cy and two anonymous listeners: 5 people from 4 s until one leaves at 10 s.
    assert.deepEqual(events.peakListeners, { count: 5, time: 4 });
    assert.deepEqual(events.pins, [{ time: 8, url: 'notes.html', title: 'Notes', by: 'Ada Host' }]);
    const text = await runCli(['inspect', 'out/many'], { cwd: work });
    assert.match(text.stdout, /Events: 1,?509 events \(events\.jsonl\): join 5, leave 1, stage 2, reaction 1500, pin 1/);
    assert.match(text.stdout, /peak: 5 people in the room at 0:04/);
    assert.match(text.stdout, /pin 0:08 {2}Notes <notes\.html> by Ada Host/);
  });

  test('inspect never names a participant who refused recording as a pin author', async () => {
    await writeFile(join(work, 'cy-pin.jsonl'), jsonl([{ time: 1, type: 'pin', participant: 'cy', url: 'https://example.com/x' }]));
    const packed = await runCli(['pack', 'room.wav', '-o', 'out/cy-pin', '-p', 'participants.json', '--events', 'cy-pin.jsonl'], { cwd: work });
    assert.equal(packed.code, 0, packed.stderr);
    const inspected = await runCli(['inspect', 'out/cy-pin', '--json'], { cwd: work });
    assert.deepEqual(JSON.parse(inspected.stdout).events.pins, [{ time: 1, url: 'https://example.com/x' }]);
  });

  test('bad events fail before anything is encoded, naming the file and line', async () => {
    const cases: [string, string, RegExp][] = [
      ['late.jsonl', jsonl([{ time: 1, type: 'join' }, { time: 25, type: 'join' }]), /^late\.jsonl:2: time: time 25 is past the end of the recording/m],
      ['who.jsonl', jsonl([{ time: 1, type: 'hand', participant: 'Nobody Known', raised: true }]), /^who\.jsonl:1: participant "Nobody Known" matches no participant/m],
      ['url.jsonl', jsonl([{ time: 1, type: 'pin', url: 'javascript:alert(1)' }]), /^url\.jsonl:1: url: scheme "javascript:" is not allowed/m],
      ['syntax.jsonl', '{"time": 1, "type": "join"}\n{"time": 2, "type" "join"}', /^syntax\.jsonl:2: invalid JSON at column 20: unexpected/m],
      ['emoji.jsonl', jsonl([{ time: 1, type: 'reaction' }]), /^emoji\.jsonl:1: emoji: required/m],
    ];
    for (const [name, text, expected] of cases) {
      await writeFile(join(work, name), text);
      const result = await runCli(['pack', 'room.wav', '-o', `out/${name}`, '-p', 'participants.json', '--events', name], { cwd: work });
      assert.equal(result.code, 1, name);
      assert.match(result.stderr, expected);
      assert.deepEqual(await listDir(join(work, `out/${name}`)), [], `${name}: nothing written`);
    }
  });
});
