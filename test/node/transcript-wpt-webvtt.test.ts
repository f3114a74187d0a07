// The web-platform-tests WebVTT file-parsing vectors (test/fixtures/wpt-webvtt) against
// importTranscript: cue count, and each cue's text, start and end where the vector asserts them.
// Where the project deliberately reads a file differently from a browser, DIFFERENCES says what
// it gives instead and why; docs/transcript.md lists the same cases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importTranscript } from '../../src/model/transcript/index.js';

interface Vector {
  name: string;
  title: string;
  vtt: string;
  cueCount: number | null;
  cues: { index: number; text?: string; startTime?: number; endTime?: number }[];
}

const { vectors } = JSON.parse(readFileSync(new URL('../fixtures/wpt-webvtt/vectors.json', import.meta.url), 'utf8')) as { vectors: Vector[] };

/** What this project gives instead of the browser's result, and why. */
const DIFFERENCES: Record<string, { why: string; cueCount?: number; text?: Record<number, string> }> = {
  'timings-negative': {
    why: 'a cue whose end is not after its start is skipped (and reported): it has no place on the timeline',
    cueCount: 0,
  },
  'whitespace-chars': { why: 'cue text is its words joined by single spaces', text: { 0: 'text1' } },
  nulls: { why: 'U+0000 is removed like every control character, not replaced by U+FFFD', text: { 2: '\uFFFDtext3' } },
};

describe('WPT WebVTT file-parsing vectors', () => {
  for (const vector of vectors) {
    const difference = DIFFERENCES[vector.name];
    test(`${vector.name} (${vector.title})${difference ? ` — differs: ${difference.why}` : ''}`, () => {
      const result = importTranscript(vector.vtt, { fileName: `${vector.name}.vtt` });
      const t = result.ok ? result.transcript : undefined;
      const count = t?.cueCount ?? 0;
      const expectedCount = difference?.cueCount ?? vector.cueCount;
      if (expectedCount !== null) assert.equal(count, expectedCount, result.ok ? 'cue count' : `cue count (import failed: ${result.error})`);
      if (difference?.cueCount !== undefined) return;
      for (const cue of vector.cues) {
        assert.ok(t && cue.index < t.cueCount, `cue ${cue.index} is missing`);
        const text = difference?.text?.[cue.index] ?? cue.text;
        if (text !== undefined) assert.equal(t.cueText[cue.index], text, `cue ${cue.index} text`);
        if (cue.startTime !== undefined) assert.equal(t.cueStart[cue.index], cue.startTime, `cue ${cue.index} start`);
        if (cue.endTime !== undefined) assert.equal(t.cueEnd[cue.index], cue.endTime, `cue ${cue.index} end`);
      }
    });
  }

  test('every deliberate difference names a vector', () => {
    const names = new Set(vectors.map((v) => v.name));
    for (const name of Object.keys(DIFFERENCES)) assert.ok(names.has(name), name);
  });
});
