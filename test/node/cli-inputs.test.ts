/** The CLI's input readers and helpers, without ffmpeg: RTTM, JSON errors, spans, ranges, PCM chunking, flags. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { parseCommand } from '../../src/cli/args.js';
import { describeExpiry, parseInstant, parseSpan } from '../../src/cli/expiry.js';
import { parseJsonText } from '../../src/cli/json-file.js';
import { idForLabel } from '../../src/cli/participants.js';
import { forEachPcmChunk } from '../../src/cli/pcm-stream.js';
import { redactTranscript, subtractRanges } from '../../src/cli/redaction.js';
import { parseRttm } from '../../src/cli/rttm.js';
import { insideRangesExpression, mergeRanges, silenceFilterChain } from '../../src/cli/silence-filter.js';
import { importTranscript } from '../../src/model/transcript/index.js';

describe('RTTM', () => {
  test('reads SPEAKER lines sorted by start, skipping comments, blanks and other record types', () => {
    const parsed = parseRttm(
      [';; pyannote output', 'SPEAKER f 1 5.0 1.5 <NA> <NA> b <NA> <NA>', '', '# note', 'SPKR-INFO f 1 <NA> <NA> <NA> unknown a <NA> <NA>', 'SPEAKER f 1 0.25 2 <NA> <NA> a <NA> <NA>'].join('\n'),
      'd.rttm',
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, [
      { label: 'a', start: 0.25, end: 2.25, line: 6, fileId: 'f' },
      { label: 'b', start: 5, end: 6.5, line: 2, fileId: 'f' },
    ]);
  });

  const bad: [string, RegExp][] = [
    ['SPEAKER f 1 0 1 <NA> <NA>', /^d\.rttm:2: a SPEAKER line needs at least 8 fields/],
    ['SPEAKER f 1 -1 1 <NA> <NA> a <NA> <NA>', /^d\.rttm:2: onset '-1' is not a non-negative number/],
    ['SPEAKER f 1 0 0 <NA> <NA> a <NA> <NA>', /^d\.rttm:2: duration '0' is not a positive number/],
    // Number() reads these; an RTTM writer never writes them, so they are refused rather than guessed
    ['SPEAKER f 1 0x2 1 <NA> <NA> a <NA> <NA>', /^d\.rttm:2: onset '0x2' is not a non-negative number of seconds$/],
    ['SPEAKER f 1 1e3 1 <NA> <NA> a <NA> <NA>', /^d\.rttm:2: onset '1e3' is not a non-negative number of seconds$/],
    ['SPEAKER f 1 Infinity 1 <NA> <NA> a <NA> <NA>', /^d\.rttm:2: onset 'Infinity' is not a non-negative number of seconds$/],
    ['SPEAKER f 1 2 0b1 <NA> <NA> a <NA> <NA>', /^d\.rttm:2: duration '0b1' is not a positive number of seconds$/],
    ['SPEAKER f 1 0 1 <NA> <NA> <NA> <NA> <NA>', /^d\.rttm:2: the speaker label \(field 8\) is missing/],
    ['hello world', /^d\.rttm:2: expected a SPEAKER line, found 'hello'/],
  ];
  for (const [line, message] of bad) {
    test(`rejects "${line}" with file:line`, () => {
      const parsed = parseRttm(`SPEAKER f 1 0 1 <NA> <NA> a <NA> <NA>\r\n${line}\n`, 'd.rttm');
      assert.ok(!parsed.ok);
      assert.match(parsed.message, message);
    });
  }
});

describe('JSON input files', () => {
  test('syntax errors carry line and column', () => {
    const parsed = parseJsonText('{\n  "a": 1,\n  "b": }', 'p.json');
    assert.deepEqual(parsed, { ok: false, message: "p.json:3:8: invalid JSON: unexpected '}' (expected a value)" });
  });
  test('a byte order mark is skipped', () => {
    assert.deepEqual(parseJsonText('\ufeff[1]', 'p.json'), { ok: true, value: [1] });
  });
});

describe('expiry flags', () => {
  test('spans', () => {
    assert.deepEqual(parseSpan('30d', '--expires-in'), { ok: true, value: 30 * 86_400_000 });
    assert.deepEqual(parseSpan('1.5h', '--expires-in'), { ok: true, value: 5_400_000 });
    assert.ok(!parseSpan('30', '--expires-in').ok);
    assert.ok(!parseSpan('0d', '--expires-in').ok);
  });
  test('instants must be RFC 3339 date-times', () => {
    assert.deepEqual(parseInstant('2026-01-01T00:00:00+01:00', '--expires-at'), { ok: true, value: '2025-12-31T23:00:00.000Z' });
    assert.ok(!parseInstant('2026-01-01', '--expires-at').ok);
    assert.ok(!parseInstant('2026-02-30T00:00:00Z', '--expires-at').ok);
  });
  test('descriptions', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    assert.equal(describeExpiry('2026-03-13T00:00:00Z', now), 'expires in 12 days');
    assert.equal(describeExpiry('2026-03-01T01:00:00Z', now), 'expires in 1 hour');
    assert.equal(describeExpiry('2026-02-26T00:00:00Z', now), 'expired 3 days ago');
  });
});

describe('silence filter', () => {
  test('merges overlapping and touching ranges', () => {
    assert.deepEqual(mergeRanges([{ start: 5, end: 6 }, { start: 1, end: 2 }, { start: 2, end: 3 }, { start: 5.5, end: 7 }, { start: 9, end: 9 }]), [
      { start: 1, end: 3 },
      { start: 5, end: 7 },
    ]);
  });
  test('the enable expression is a balanced tree: depth grows with log n, not n', () => {
    const ranges = Array.from({ length: 300 }, (_, i) => ({ start: i * 10, end: i * 10 + 1 }));
    const expression = insideRangesExpression(ranges);
    assert.equal(expression.match(/between\(/g)!.length, 300);
    let depth = 0;
    let deepest = 0;
    for (const char of expression) {
      if (char === '(') deepest = Math.max(deepest, ++depth);
      else if (char === ')') depth--;
    }
    assert.ok(deepest <= 2 * Math.ceil(Math.log2(300)) + 2, `nesting depth ${deepest}`);
    assert.equal(silenceFilterChain([]), 'anull');
    assert.equal(
      silenceFilterChain([{ start: 1, end: 2 }, { start: 4, end: 5.5 }]),
      "asetnsamples=n=256:p=0,volume=volume=0:enable='if(lt(t,4),between(t,1,2),between(t,4,5.5))'",
    );
  });
});

describe('redaction helpers', () => {
  test('subtractRanges cuts silenced ranges out of turns', () => {
    const turns = [
      { speaker: 'a', start: 0, end: 10 },
      { speaker: 'b', start: 12, end: 13 },
      { speaker: 'c', start: 20, end: 25 },
    ];
    assert.deepEqual(subtractRanges(turns, [{ start: 2, end: 3 }, { start: 5, end: 12.5 }, { start: 24, end: 30 }]), [
      { speaker: 'a', start: 0, end: 2 },
      { speaker: 'a', start: 3, end: 5 },
      { speaker: 'b', start: 12.5, end: 13 },
      { speaker: 'c', start: 20, end: 24 },
    ]);
  });

  test('redactTranscript drops the silenced speaker, words inside ranges, and their speaker entry', async () => {
    const imported = await importTranscript(
      'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v A>one two three four\n\n00:00:04.000 --> 00:00:06.000\n<v B>secret words\n',
      { participants: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] },
    );
    assert.ok(imported.ok);
    const result = redactTranscript(imported.transcript, new Set(['b']), [{ start: 2, end: 6 }], [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }]);
    assert.equal(result.droppedCues, 1);
    assert.equal(result.droppedWords, 4);
    const t = result.transcript!;
    assert.deepEqual(t.words(), ['one', 'two']);
    // The cut cue ends with its last kept word ("three" began before 2 s and went too).
    assert.equal(t.cueStart[0], 0);
    assert.equal(t.cueEnd[0], t.wordEnd[1]);
    assert.ok(t.cueEnd[0]! < 2);
    assert.deepEqual(t.speakers, [{ label: 'A', participantId: 'a' }]);
  });
});

describe('PCM chunking', () => {
  test('samples split across chunks at odd offsets come out whole and in order', async () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const bytes = Buffer.from(samples.buffer);
    const pieces: Buffer[] = [];
    for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7) % 61 + 1) pieces.push(Buffer.from(bytes.subarray(at, at + size)));
    // Unaligned views: each piece sits one byte into a larger buffer.
    const unaligned = pieces.map((piece) => Buffer.concat([Buffer.alloc(1), piece]).subarray(1));
    const seen: number[] = [];
    await forEachPcmChunk(Readable.from(unaligned), (chunk) => seen.push(...chunk));
    assert.deepEqual(Float32Array.from(seen), samples);
  });
});

describe('flags', () => {
  const spec = {
    name: 'demo',
    summary: 'x',
    positionals: ['<file>'],
    flags: { out: { type: 'string', short: 'o', description: 'out' }, json: { type: 'boolean', description: 'json' } },
    examples: [],
  } as const;
  test('typed values, positionals and help', () => {
    const parsed = parseCommand(spec, ['a.wav', '-o', 'x', '--json']);
    assert.ok(parsed.ok);
    assert.deepEqual({ ...parsed.value.values }, { out: 'x', json: true });
    assert.deepEqual(parsed.value.positionals, ['a.wav']);
    assert.equal(parsed.value.help, false);
    const help = parseCommand(spec, ['-h']);
    assert.ok(help.ok && help.value.help);
  });
  test('usage mistakes are failures, not exceptions', () => {
    assert.deepEqual(parseCommand(spec, []), { ok: false, message: 'space-replay demo: missing <file>' });
    assert.deepEqual(parseCommand(spec, ['a', '--out']), { ok: false, message: "space-replay demo: Option '-o, --out <value>' argument missing" });
  });
  test('ids for unknown speaker labels are valid and unique', () => {
    assert.equal(idForLabel('SPEAKER_01', new Set()), 'SPEAKER_01');
    assert.equal(idForLabel('Zoë Ng', new Set(['Zoe-Ng'])), 'Zoe-Ng-2');
    assert.equal(idForLabel('???', new Set()), 'speaker');
  });
});
