import { expect } from '@esm-bundle/chai';
import { constrainClip, nudgeBySeconds, nudgeByWord } from '../../src/elements/space-replay-clip-editor/clip-range.js';
import { formatClipTime } from '../../src/elements/space-replay-clip-editor/clip-time.js';
import { embedCode, escapeAttribute, httpUrl } from '../../src/elements/space-replay-clip-editor/embed-code.js';
import { TALK, transcriptOf } from './transcript-fixtures.js';

describe('clip editor range rules', () => {
  const limits = { duration: 100, maxClip: 30 };

  it('keeps a range inside the recording, at least 0.1 s and at most maxClip long', () => {
    expect(constrainClip({ start: -5, end: 10 }, limits)).to.deep.equal({ start: 0, end: 10, shortened: false });
    expect(constrainClip({ start: 90, end: 150 }, limits)).to.deep.equal({ start: 90, end: 100, shortened: false });
    expect(constrainClip({ start: 10, end: 90 }, limits)).to.deep.equal({ start: 10, end: 40, shortened: true });
    expect(constrainClip({ start: 10, end: 10.05 }, limits)).to.deep.equal({ start: 10, end: 10.1, shortened: false });
    expect(constrainClip({ start: 99.99, end: 100 }, limits)).to.deep.equal({ start: 99.9, end: 100, shortened: false });
    expect(constrainClip({ start: 0, end: 500 }, { maxClip: NaN })).to.deep.equal({ start: 0, end: 120, shortened: true });
  });

  it('nudges by 0.1 s without float residue, and refuses to pass the cap or the other end', () => {
    expect(nudgeBySeconds({ start: 1.2, end: 5 }, 'start', -0.1, limits)).to.deep.equal({ start: 1.1, end: 5 });
    expect(nudgeBySeconds({ start: 1.2, end: 5 }, 'end', 0.1, limits)).to.deep.equal({ start: 1.2, end: 5.1 });
    expect(nudgeBySeconds({ start: 4.9, end: 5 }, 'start', 0.1, limits)).to.deep.equal({ start: 4.9, end: 5 });
    expect(nudgeBySeconds({ start: 10, end: 40 }, 'start', -0.1, limits)).to.deep.equal({ start: 10, end: 40 });
    expect(nudgeBySeconds({ start: 0, end: 5 }, 'start', -0.1, limits)).to.deep.equal({ start: 0, end: 5 });
  });

  it('nudges to the next or previous word boundary', () => {
    const t = transcriptOf(TALK);
    const r = { start: t.wordStart[2]!, end: t.wordEnd[5]! };
    expect(nudgeByWord(r, 'start', 1, t, limits).start).to.equal(t.wordStart[3]);
    expect(nudgeByWord(r, 'start', -1, t, limits).start).to.equal(t.wordStart[1]);
    expect(nudgeByWord(r, 'end', 1, t, limits).end).to.equal(t.wordEnd[6]);
    expect(nudgeByWord(r, 'end', -1, t, limits).end).to.equal(t.wordEnd[4]);
    // From inside a word: to the boundaries around it.
    expect(nudgeByWord({ start: t.wordStart[2]! + 0.1, end: 9 }, 'start', -1, t, limits).start).to.equal(t.wordStart[2]);
    expect(nudgeByWord({ start: t.wordStart[0]!, end: 9 }, 'start', -1, t, limits).start).to.equal(t.wordStart[0]);
    const last = t.wordCount - 1;
    expect(nudgeByWord({ start: 20, end: t.wordEnd[last]! }, 'end', 1, t, limits).end).to.equal(t.wordEnd[last]);
  });
});

describe('clip times and embed code', () => {
  it('formats to a tenth, in the language', () => {
    expect(formatClipTime(62.35)).to.equal('1:02.3');
    expect(formatClipTime(59.99)).to.equal('0:59.9');
    expect(formatClipTime(3723.5)).to.equal('1:02:03.5');
    expect(formatClipTime(5, 'en', true)).to.equal('0:00:05.0');
    expect(formatClipTime(62.35, 'fr')).to.equal('1:02,3');
    expect(formatClipTime(NaN)).to.equal('0:00.0');
  });

  it('escapes attribute values and allows only http(s) embeds', () => {
    expect(escapeAttribute(`"><script>'&`)).to.equal('&quot;&gt;&lt;script&gt;&#39;&amp;');
    expect(httpUrl('javascript:alert(1)')).to.equal(undefined);
    expect(httpUrl('data:text/html,x')).to.equal(undefined);
    expect(httpUrl('/relative')).to.equal(undefined);
    expect(httpUrl('https://example.org/e.html?src=a#t=1,2')).to.equal('https://example.org/e.html?src=a#t=1,2');
    const code = embedCode('https://e.org/?a=1&b="2"', 'T <b>');
    const doc = new DOMParser().parseFromString(code, 'text/html');
    const frames = doc.querySelectorAll('iframe');
    expect(frames).to.have.length(1);
    expect(frames[0]!.getAttribute('src')).to.equal('https://e.org/?a=1&b="2"');
    expect(frames[0]!.getAttribute('title')).to.equal('T <b>');
    expect(doc.body.children).to.have.length(1);
  });
});
