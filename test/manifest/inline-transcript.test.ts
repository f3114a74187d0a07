import { expect } from '@esm-bundle/chai';
import * as v from 'valibot';
import { checkInlineTranscript, countTokens } from '../../src/manifest/inline-transcript.js';
import { IssueCollector } from '../../src/manifest/issues.js';
import { parseManifest } from '../../src/manifest/index.js';
import { CueSchema, PodcastTranscriptSegmentSchema } from '../../src/manifest/schema.js';
import { minimalManifest } from './fixtures.js';
import { errorsOf, okOf } from './issue-assertions.js';

// Cues the valibot schema and the hand loop must judge alike. Every well-typed cue here has
// startTime < endTime and one word timing per token, so rule 2 and the token count (which only
// the loop checks) never decide.
const cues: unknown[] = [
  { startTime: 0, endTime: 1, text: 'hi' },
  { startTime: 0, endTime: 1, text: '' },
  { startTime: 0.5, endTime: 1, text: 'two words', words: [[0.5, 0.7], [0.7, 1]] },
  { startTime: 0, endTime: 1, text: 'hi', speaker: 's0' },
  { startTime: 0, endTime: 1, text: 'hi', extra: true },
  { startTime: 0, endTime: 1, text: 'x'.repeat(10_000) },
  { startTime: 0, endTime: 1, text: 'x'.repeat(10_001) },
  { startTime: -1, endTime: 1, text: 'hi' },
  { startTime: '0', endTime: 1, text: 'hi' },
  { startTime: 0, text: 'hi' },
  { endTime: 1, text: 'hi' },
  { startTime: 0, endTime: 1 },
  { startTime: 0, endTime: 1, text: 5 },
  { startTime: 0, endTime: 1, text: 'hi', speaker: 5 },
  { startTime: 0, endTime: 1, text: 'hi', words: 'all' },
  { startTime: 0, endTime: 1, text: 'hi', words: [0, 1] },
  { startTime: 0, endTime: 1, text: 'hi', words: [[0]] },
  { startTime: 0, endTime: 1, text: 'hi', words: [[0, 1, 2]] },
  { startTime: 0, endTime: 1, text: 'hi', words: [[0, '1']] },
  { startTime: 0, endTime: 1, text: 'hi', words: [[-1, 1]] },
  { startTime: 0, endTime: 1, text: 'hi', words: [null] },
  { startTime: null, endTime: 1, text: 'hi' },
  { startTime: 0.5, endTime: 1, text: 'two words', wordOffsetsMs: [0, 200, 200, 500] },
  { startTime: 0, endTime: 1, text: 'hi', wordOffsetsMs: 'all' },
  { startTime: 0, endTime: 1, text: 'hi', wordOffsetsMs: [0, 1.5] },
  { startTime: 0, endTime: 1, text: 'hi', wordOffsetsMs: [-1, 5] },
  { startTime: 0, endTime: 1, text: 'hi', wordOffsetsMs: [0, '5'] },
  { startTime: 0, endTime: 1, text: 'hi', wordOffsetsMs: [null, 5] },
  { startTime: 0, endTime: 1, text: 'hi', wordOffsetsMs: [0, Infinity] },
  null,
  'cue',
  [0, 1, 'hi'],
  42,
];

const segments: unknown[] = [
  { startTime: 0, endTime: 1, body: 'hi' },
  { startTime: 0, endTime: 1, body: 'hi', speaker: 'Ada' },
  { startTime: 0, endTime: 1, body: '' },
  { startTime: 0, endTime: 1, body: 'x'.repeat(10_001) },
  { startTime: 0, endTime: 1 },
  { startTime: 0, endTime: 1, body: 1 },
  { startTime: 0, endTime: 1, body: 'hi', speaker: false },
  { startTime: -0.5, endTime: 1, body: 'hi' },
  { endTime: 1, body: 'hi' },
  null,
  [],
];

function handLoopAccepts(data: Record<string, unknown>): boolean {
  const issues = new IssueCollector();
  checkInlineTranscript(data, 'data', { duration: undefined }, issues);
  return !issues.hasErrors;
}

describe('inline transcripts', () => {
  it('the cue loop accepts exactly what CueSchema accepts', () => {
    for (const cue of cues) {
      const data = { format: 'space-replay-transcript', version: '1.0', speakers: [{ id: 's0' }], cues: [cue] };
      expect(handLoopAccepts(data), JSON.stringify(cue)?.slice(0, 80)).to.equal(v.safeParse(CueSchema, cue).success);
    }
  });

  it('the Podcasting 2.0 loop accepts exactly what PodcastTranscriptSegmentSchema accepts', () => {
    for (const segment of segments) {
      const data = { version: '1.0.0', segments: [segment] };
      expect(handLoopAccepts(data), JSON.stringify(segment)?.slice(0, 80)).to.equal(v.safeParse(PodcastTranscriptSegmentSchema, segment).success);
    }
  });

  it('counts whitespace-separated tokens as split(/\\s+/) does', () => {
    for (const text of ['', ' ', 'a', ' a ', 'a  b', 'a\tb\nc', 'a\u00a0b', 'a\u3000b c', 'Hello, world!']) {
      const expected = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
      expect(countTokens(text), JSON.stringify(text)).to.equal(expected);
    }
  });

  it('returns fresh cues with only the known fields', () => {
    const input = minimalManifest();
    const cue = { startTime: 0, endTime: 1, text: 'a b', words: [[0, 0.5], [0.5, 1]], confidence: 0.9 };
    input.transcripts = [{ type: 'application/json', data: { format: 'space-replay-transcript', version: '1.0', cues: [cue], extra: 1 } }];
    const { manifest } = okOf(parseManifest(input));
    const data = manifest.transcripts![0]!.data as { cues: unknown[] };
    expect(data).to.deep.equal({ format: 'space-replay-transcript', version: '1.0', cues: [{ startTime: 0, endTime: 1, text: 'a b', words: [[0, 0.5], [0.5, 1]] }] });
    expect(data.cues[0]).not.to.equal(cue);
  });

  it('reads 1.1 wordOffsetsMs and says when their count does not fit the text', () => {
    const input = minimalManifest();
    const cues = [
      { startTime: 0, endTime: 1, text: 'a b', wordOffsetsMs: [0, 500, 500, 1000] },
      { startTime: 1, endTime: 2, text: 'a b c', wordOffsetsMs: [0, 500, 500, 1000] },
      { startTime: 2, endTime: 3, text: 'a', wordOffsetsMs: [0, 0.5] },
    ];
    input.transcripts = [{ type: 'application/json', data: { format: 'space-replay-transcript', version: '1.1', cues } }];
    expect(errorsOf(parseManifest(input)).map((e) => `${e.path}: ${e.message}`)).to.deep.equal([
      'transcripts[0].data.cues[1].wordOffsetsMs: 4 numbers for 3 words in text (a start and an end each: 6)',
      'transcripts[0].data.cues[2].wordOffsetsMs[1]: must be whole milliseconds of 0 or more, got number 0.5',
    ]);
    input.transcripts[0]!.data!.cues = cues.slice(0, 1);
    const { manifest } = okOf(parseManifest(input));
    expect((manifest.transcripts![0]!.data as { cues: unknown[] }).cues).to.deep.equal([cues[0]]);
  });

  it('parses a manifest with 20,000 inline cues with word timings', () => {
    const input = minimalManifest();
    input.duration = 40_010;
    const list = [];
    for (let i = 0; i < 20_000; i++) {
      const t = i * 2;
      const words = Array.from({ length: 9 }, (_, j) => [t + j * 0.1, t + j * 0.1 + 0.1]);
      list.push({ startTime: t, endTime: t + 1.5, speaker: 's0', text: 'hello there my friend how are you doing today', words });
    }
    input.transcripts = [
      { type: 'application/json', data: { format: 'space-replay-transcript', version: '1.0', speakers: [{ id: 's0', participant: 'ada' }], cues: list } },
    ];
    // Speed is measured by `npm run bench:models`, not asserted here; this checks the large case is read whole.
    const parsed = okOf(parseManifest(input));
    const data = parsed.manifest.transcripts![0]!.data as { cues: unknown[] };
    expect(data.cues).to.have.length(20_000);
  });
});
