// Proves the transcript model imports and works in Node (no DOM): files read from disk as bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  importTranscript,
  toNormalizedJson,
  toPlainText,
  toWebVTT,
  type ImportSuccess,
} from '../../src/model/transcript/index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/transcripts/${name}`, import.meta.url)));

function ok(result: ReturnType<typeof importTranscript>): ImportSuccess {
  if (!result.ok) assert.fail(result.error);
  return result;
}

test('imports a WebVTT file from bytes in Node, with line numbers for skipped cues', () => {
  assert.equal(typeof document, 'undefined');
  const result = ok(importTranscript(fixture('interview.vtt'), { fileName: 'interview.vtt' }));
  const t = result.transcript;
  assert.equal(result.format, 'webvtt');
  assert.equal(t.language, 'fr');
  assert.deepEqual(t.cueText, ['Bonjour à tous, bienvenue.', 'Merci & bonjour !']);
  assert.deepEqual(t.speakers, [{ label: 'Ada Lovelace' }, { label: 'Grace Hopper' }]);
  assert.deepEqual(Array.from(t.wordStart.subarray(0, 4)), [0, 0.64, 0.8, 1.4]);
  assert.deepEqual(result.skipped, [{ line: 12, reason: 'cue end 00:00:05.000 is not after its start 00:00:06.000' }]);
  assert.equal(t.wordAt(0.9), 2);
  assert.equal(t.cueAt(3), 1);
  assert.deepEqual(
    t.search('BIENVENUE').map((h) => t.cueText[h.cue]!.slice(h.start, h.end)),
    ['bienvenue'],
  );
  assert.deepEqual(t.search('a tous').map((h) => [h.word, h.wordEnd]), [[1, 3]]);
});

test('imports Podcasting 2.0 JSON and writes all three outputs in Node', () => {
  const result = ok(importTranscript(fixture('podcast.json'), { participants: [{ id: 'ada', name: 'ada lovelace' }] }));
  const t = result.transcript;
  assert.equal(result.format, 'podcast-json');
  assert.deepEqual(t.cueText, ['Welcome to the show.', 'Glad to be here, thank you.']);
  assert.deepEqual(result.unmatchedSpeakers, ['Grace Hopper']);
  assert.equal(t.speakers[0]!.participantId, 'ada');
  assert.equal(toPlainText(t), '[0:00:00] Ada Lovelace: Welcome to the show.\n\n[0:00:02] Grace Hopper: Glad to be here, thank you.\n');
  const vtt = toWebVTT(t);
  assert.match(vtt, /<v Ada Lovelace>Welcome <00:00:00\.400>to <00:00:00\.700>the <00:00:01\.200>show\./);
  const again = ok(importTranscript(JSON.stringify(toNormalizedJson(t)))).transcript;
  assert.deepEqual(Array.from(again.wordStart), Array.from(t.wordStart));
  assert.deepEqual(again.speakers, t.speakers);
});

test('never throws on hostile input in Node', () => {
  for (const input of [undefined, 42, true, [], {}, '', 'WEBVTT', '{', new ArrayBuffer(0), Symbol('x'), () => 1]) {
    const result = importTranscript(input as unknown);
    assert.equal(result.ok, false);
  }
});
