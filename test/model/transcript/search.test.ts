import { expect } from '@esm-bundle/chai';
import { foldText } from '../../../src/model/transcript/index.js';
import { importOk } from './expect-import.js';

const JSON_T = {
  format: 'space-replay-transcript',
  version: '1.0',
  cues: [
    { startTime: 0, endTime: 4, text: 'Meet me at the Café in Zürich', words: [[0, 0.5], [0.5, 1], [1, 1.5], [1.5, 2], [2, 2.5], [2.5, 3], [3, 4]] },
    { startTime: 5, endTime: 7, text: 'the cafe closes at NOON' },
    { startTime: 8, endTime: 10, text: 'Die Straße ist ﬁne, CAFÉ' },
    { startTime: 11, endTime: 12, text: 'ΟΔΟΣ e\u0301te 😀 smile' },
  ],
};

describe('transcript search', () => {
  const t = importOk(JSON_T).transcript;

  it('ignores case and diacritics both ways', () => {
    const cafe = t.search('cafe');
    expect(cafe.map((h) => [h.cue, h.start, h.end])).to.deep.equal([
      [0, 15, 19],
      [1, 4, 8],
      [2, 20, 24],
    ]);
    expect(t.cueText[0]!.slice(15, 19)).to.equal('Café');
    expect(t.search('CAFÉ').map((h) => h.cue)).to.deep.equal([0, 1, 2]);
    expect(t.search('zurich').map((h) => t.cueText[h.cue]!.slice(h.start, h.end))).to.deep.equal(['Zürich']);
  });

  it('returns word indices and times', () => {
    const [hit] = t.search('café');
    expect(hit).to.deep.equal({ cue: 0, word: 4, wordEnd: 5, start: 15, end: 19, startTime: 2, endTime: 2.5 });
  });

  it('matches multi-word queries across word boundaries, with any whitespace in the query', () => {
    const hits = t.search('  THE   cafe ');
    expect(hits.map((h) => [h.cue, h.word, h.wordEnd, t.cueText[h.cue]!.slice(h.start, h.end)])).to.deep.equal([
      [0, 3, 5, 'the Café'],
      [1, 7, 9, 'the cafe'],
    ]);
    expect(hits[0]!.startTime).to.equal(1.5);
    expect(hits[0]!.endTime).to.equal(2.5);
    expect(t.search('at the').map((h) => h.cue)).to.deep.equal([0]);
    expect(t.search('zürich the')).to.deep.equal([]); // never across cues
  });

  it('maps offsets back to the original text when folding changes length', () => {
    // ß folds to "ss", ﬁ to "fi", e + combining acute to "e"
    const strasse = t.search('strasse');
    expect(strasse).to.have.length(1);
    expect(t.cueText[2]!.slice(strasse[0]!.start, strasse[0]!.end)).to.equal('Straße');
    const fine = t.search('fine');
    expect(t.cueText[2]!.slice(fine[0]!.start, fine[0]!.end)).to.equal('ﬁne');
    const ete = t.search('ete');
    expect(t.cueText[3]!.slice(ete[0]!.start, ete[0]!.end)).to.equal('e\u0301te');
    const after = t.search('ist');
    expect(t.cueText[2]!.slice(after[0]!.start, after[0]!.end)).to.equal('ist');
  });

  it('handles final sigma and characters outside the BMP', () => {
    expect(t.search('οδος').map((h) => h.cue)).to.deep.equal([3]);
    expect(t.search('οδοσ').map((h) => h.cue)).to.deep.equal([3]);
    const smile = t.search('😀 s');
    expect(t.cueText[3]!.slice(smile[0]!.start, smile[0]!.end)).to.equal('😀 s');
  });

  it('returns nothing for an empty or blank query, and honours a limit', () => {
    expect(t.search('')).to.deep.equal([]);
    expect(t.search(' \t\n ')).to.deep.equal([]);
    expect(t.search('e')).to.have.length.greaterThan(3);
    expect(t.search('e', { limit: 2 })).to.have.length(2);
  });

  it('returns hits in time order, non-overlapping within a cue', () => {
    const hits = t.search('e');
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i]!.startTime).to.be.at.least(hits[i - 1]!.startTime);
      if (hits[i]!.cue === hits[i - 1]!.cue) expect(hits[i]!.start).to.be.at.least(hits[i - 1]!.end);
    }
    expect(t.search('aa')).to.deep.equal([]);
  });

  it('foldText folds case, marks and compatibility forms', () => {
    expect(foldText('Crème BRÛLÉE')).to.equal('creme brulee');
    expect(foldText('İstanbul')).to.equal('istanbul');
    expect(foldText('ẞ')).to.equal('ss');
    expect(foldText('ＡＢＣ')).to.equal('abc');
    expect(foldText('مَرْحَبًا')).to.equal('مرحبا');
  });
});
