import { expect } from '@esm-bundle/chai';
import { type Transcript } from '../../../src/model/transcript/index.js';
import { importOk } from './expect-import.js';
import { generateNormalized, seededRandom } from './generated-transcript.js';

// Words: a [1, 2), b [2, 3), gap, c [4, 5) in cue 0 [1, 5); cue 1 [7, 9) has d [7, 8), e [8, 9).
const SMALL = {
  format: 'space-replay-transcript',
  version: '1.0',
  speakers: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
  cues: [
    { startTime: 1, endTime: 5, speaker: 'a', text: 'a b c', words: [[1, 2], [2, 3], [4, 5]] },
    { startTime: 7, endTime: 9, speaker: 'a', text: 'd e', words: [[7, 8], [8, 9]] },
    { startTime: 9, endTime: 10, speaker: 'b', text: 'f', words: [[9, 10]] },
    { startTime: 20, endTime: 21, speaker: 'b', text: 'g', words: [[20, 21]] },
  ],
};

describe('transcript lookups', () => {
  let t: Transcript;
  before(() => {
    t = importOk(SMALL).transcript;
  });

  it('wordAt uses half-open ranges and returns -1 in gaps, before the first and after the last word', () => {
    expect(t.wordAt(0.999)).to.equal(-1);
    expect(t.wordAt(1)).to.equal(0);
    expect(t.wordAt(1.999)).to.equal(0);
    expect(t.wordAt(2)).to.equal(1);
    expect(t.wordAt(3)).to.equal(-1);
    expect(t.wordAt(3.5)).to.equal(-1);
    expect(t.wordAt(4)).to.equal(2);
    expect(t.wordAt(8)).to.equal(4);
    expect(t.wordAt(21)).to.equal(-1);
    expect(t.wordAt(1e9)).to.equal(-1);
    expect(t.wordAt(Number.NaN)).to.equal(-1);
  });

  it('word, wordLength and words cut word texts from the cue texts', () => {
    const u = importOk({
      format: 'space-replay-transcript',
      version: '1.0',
      cues: [
        { startTime: 0, endTime: 2, text: '  Café   au\tlait ' },
        { startTime: 2, endTime: 3, text: 'x' },
        { startTime: 3, endTime: 4, text: 'a 😀b' },
      ],
    }).transcript;
    expect(u.cueText[0]).to.equal('Café au lait');
    expect(u.words()).to.deep.equal(['Café', 'au', 'lait', 'x', 'a', '😀b']);
    expect([0, 1, 2, 3, 4, 5].map((w) => u.wordLength(w))).to.deep.equal([4, 2, 4, 1, 1, 3]);
    expect(u.word(2)).to.equal('lait');
    expect(u.word(5)).to.equal('😀b');
    expect(u.words(1, 3)).to.deep.equal(['au', 'lait']);
    expect(u.words(4, 99)).to.deep.equal(['a', '😀b']);
    expect(u.words(-3, 1)).to.deep.equal(['Café']);
    expect(u.word(6)).to.equal('');
    expect(u.word(-1)).to.equal('');
    expect(u.wordLength(6)).to.equal(0);
  });

  it('wordBefore gives the last word started at or before a time', () => {
    expect(t.wordBefore(0.5)).to.equal(-1);
    expect(t.wordBefore(1)).to.equal(0);
    expect(t.wordBefore(3.5)).to.equal(1);
    expect(t.wordBefore(6)).to.equal(2);
    expect(t.wordBefore(100)).to.equal(6);
  });

  it('cueAt, cueBefore, turnAt and turnOfCue', () => {
    expect([0.5, 1, 4.999, 5, 6, 7, 9, 10, 20].map((x) => t.cueAt(x))).to.deep.equal([-1, 0, 0, -1, -1, 1, 2, -1, 3]);
    expect(t.cueBefore(6)).to.equal(0);
    // cues 0-1 are A; cues 2 and 3 are B but 10 s apart, so they are two turns
    expect(t.turnCount).to.equal(3);
    expect(Array.from(t.turnStartCue)).to.deep.equal([0, 2, 3]);
    expect(Array.from(t.turnEndCue)).to.deep.equal([2, 3, 4]);
    expect(Array.from(t.turnSpeaker)).to.deep.equal([0, 1, 1]);
    expect(Array.from(t.turnStart)).to.deep.equal([1, 9, 20]);
    expect(Array.from(t.turnEnd)).to.deep.equal([9, 10, 21]);
    expect([0, 1, 6, 8.9, 9, 15, 21].map((x) => t.turnAt(x))).to.deep.equal([-1, 0, 0, 0, 1, -1, -1]);
    expect([0, 1, 2, 3].map((c) => t.turnOfCue(c))).to.deep.equal([0, 0, 1, 2]);
    expect(t.duration).to.equal(21);
  });

  it('starts a new turn after a long silence even for the same speaker', () => {
    const json = { ...SMALL, cues: [SMALL.cues[0], { ...SMALL.cues[1], startTime: 10.5, endTime: 12, words: [[10.5, 11], [11, 12]] }] };
    expect(importOk(json).transcript.turnCount).to.equal(2);
  });

  it('wordsInRange gives the words overlapping a range', () => {
    expect(t.wordsInRange(0, 1)).to.deep.equal([0, 0]);
    expect(t.wordsInRange(1.5, 2.5)).to.deep.equal([0, 2]);
    expect(t.wordsInRange(3, 4)).to.deep.equal([2, 2]);
    expect(t.wordsInRange(2, 4.5)).to.deep.equal([1, 3]);
    expect(t.wordsInRange(0, 100)).to.deep.equal([0, 7]);
    expect(t.wordsInRange(50, 60)).to.deep.equal([7, 7]);
  });

  it('snaps clip bounds to word starts and ends', () => {
    expect(t.snapToWordStart(0)).to.equal(1);
    expect(t.snapToWordStart(1.5)).to.equal(1);
    expect(t.snapToWordStart(2)).to.equal(2);
    expect(t.snapToWordStart(3.2)).to.equal(4);
    expect(t.snapToWordStart(30)).to.equal(30);
    expect(t.snapToWordEnd(0.5)).to.equal(0.5);
    expect(t.snapToWordEnd(1.5)).to.equal(2);
    expect(t.snapToWordEnd(2)).to.equal(2);
    expect(t.snapToWordEnd(3.5)).to.equal(3);
    expect(t.snapToWordEnd(4)).to.equal(3);
    expect(t.snapToWordEnd(100)).to.equal(21);
  });

  it('keeps lookups valid when cues overlap', () => {
    const json = {
      format: 'space-replay-transcript',
      version: '1.0',
      cues: [
        { startTime: 0, endTime: 10, text: 'long monologue here', words: [[0, 3], [3, 6], [6, 10]] },
        { startTime: 4, endTime: 5, text: 'yeah' },
      ],
    };
    const x = importOk(json).transcript;
    expect(x.cueAt(4.5)).to.equal(1);
    expect(x.cueAt(7)).to.equal(0);
    // the monologue keeps its word times; the interjection moves after them
    expect(Array.from(x.wordStart)).to.deep.equal([0, 3, 6, 10]);
    expect(Array.from(x.wordEnd)).to.deep.equal([3, 6, 10, 10]);
    for (let k = 1; k < x.wordCount; k++) {
      expect(x.wordStart[k]).to.be.at.least(x.wordStart[k - 1]!);
      expect(x.wordEnd[k - 1]).to.be.at.most(x.wordStart[k]!);
    }
  });

  it('imports a generated 40,000-word transcript; wordAt agrees with a linear scan', () => {
    const big = importOk(generateNormalized(40_000)).transcript;
    expect(big.wordCount).to.equal(40_000);
    const random = seededRandom(42);
    const span = big.duration + 2;
    for (let n = 0; n < 1000; n++) {
      const time = random() * span - 1;
      let linear = -1;
      for (let w = 0; w < big.wordCount; w++) {
        if (big.wordStart[w]! <= time && time < big.wordEnd[w]!) {
          linear = w;
          break;
        }
      }
      expect(big.wordAt(time), `time ${time}`).to.equal(linear);
      let before = -1;
      for (let w = 0; w < big.wordCount && big.wordStart[w]! <= time; w++) before = w;
      expect(big.wordBefore(time)).to.equal(before);
    }
  });
});
