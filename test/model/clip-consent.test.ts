import { expect } from '@esm-bundle/chai';
import { checkClipConsent, clipsAllowed, type ClipConsentManifest } from '../../src/model/clip-consent.js';

const yes = { record: true, clip: true };
const no = { record: true, clip: false };

const talk: ClipConsentManifest = {
  participants: [
    { id: 'ada', name: 'Ada Host', consent: yes },
    { id: 'bo', name: 'Bo Guest', consent: no },
    { id: 'cy', name: 'Cy Cohost', consent: yes },
    { id: 'dee', name: 'Dee Quiet', consent: no },
  ],
  segments: [
    { speaker: 'ada', startTime: 0.4, endTime: 5.227 },
    { speaker: 'bo', startTime: 5.627, endTime: 9.855 },
    { speaker: 'cy', startTime: 10.255, endTime: 13.799 },
    { speaker: 'ada', startTime: 14.199, endTime: 17.885 },
  ],
};

describe('checkClipConsent', () => {
  it('allows a clip of consenting speakers only', () => {
    expect(checkClipConsent(talk, 0, 5.5)).to.deep.equal({ ok: true });
    expect(checkClipConsent(talk, 10, 18)).to.deep.equal({ ok: true });
  });

  it('refuses a clip overlapping a non-consenting speaker, naming them', () => {
    expect(checkClipConsent(talk, 4, 6)).to.deep.equal({ ok: false, participants: [{ id: 'bo', name: 'Bo Guest' }] });
    expect(checkClipConsent(talk, 0, 18)).to.deep.equal({ ok: false, participants: [{ id: 'bo', name: 'Bo Guest' }] });
    expect(checkClipConsent(talk, 7, 8)).to.deep.equal({ ok: false, participants: [{ id: 'bo', name: 'Bo Guest' }] });
  });

  it('treats segments as half-open: touching is not overlapping', () => {
    expect(checkClipConsent(talk, 5, 5.627).ok).to.equal(true);
    expect(checkClipConsent(talk, 9.855, 10).ok).to.equal(true);
    expect(checkClipConsent(talk, 5, 5.628).ok).to.equal(false);
    expect(checkClipConsent(talk, 9.854, 10).ok).to.equal(false);
  });

  it('ignores a refusing participant who never speaks when segments are known', () => {
    const result = checkClipConsent(talk, 0, 100);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.participants.map((p) => p.id)).to.deep.equal(['bo']);
  });

  it('names several refusing speakers in participant order, each once', () => {
    const m: ClipConsentManifest = {
      participants: [
        { id: 'z', name: 'Zoë', consent: no },
        { id: 'a', name: 'Amir', consent: no },
      ],
      segments: [
        { speaker: 'a', startTime: 0, endTime: 2 },
        { speaker: 'z', startTime: 1, endTime: 3 },
        { speaker: 'a', startTime: 2.5, endTime: 4 },
      ],
    };
    expect(checkClipConsent(m, 0, 10)).to.deep.equal({ ok: false, participants: [{ id: 'z', name: 'Zoë' }, { id: 'a', name: 'Amir' }] });
    expect(checkClipConsent(m, 3, 3.5)).to.deep.equal({ ok: false, participants: [{ id: 'a', name: 'Amir' }] });
  });

  it('finds overlaps among unsorted, overlapping and nested segments', () => {
    const m: ClipConsentManifest = {
      participants: [{ id: 'x', name: 'X', consent: no }],
      segments: [
        { speaker: 'x', startTime: 50, endTime: 60 },
        { speaker: 'x', startTime: 0, endTime: 40 },
        { speaker: 'x', startTime: 10, endTime: 20 },
      ],
    };
    expect(checkClipConsent(m, 30, 35).ok).to.equal(false);
    expect(checkClipConsent(m, 40, 50).ok).to.equal(true);
    expect(checkClipConsent(m, 45, 51).ok).to.equal(false);
    expect(checkClipConsent(m, 60, 70).ok).to.equal(true);
  });

  it('has no implicit consent: a speaker missing from participants or without consent refuses', () => {
    const m = {
      participants: [{ id: 'a', name: 'A' }],
      segments: [
        { speaker: 'a', startTime: 0, endTime: 1 },
        { speaker: 'ghost', startTime: 2, endTime: 3 },
      ],
    } as ClipConsentManifest;
    expect(checkClipConsent(m, 0, 0.5)).to.deep.equal({ ok: false, participants: [{ id: 'a', name: 'A' }] });
    expect(checkClipConsent(m, 2, 2.5)).to.deep.equal({ ok: false, participants: [{ id: 'ghost', name: 'ghost' }] });
  });

  it('without segments, a refusing participant refuses every clip', () => {
    const m: ClipConsentManifest = { participants: [{ id: 'a', name: 'A', consent: yes }, { id: 'b', name: 'B', consent: no }] };
    expect(checkClipConsent(m, 0, 1)).to.deep.equal({ ok: false, participants: [{ id: 'b', name: 'B' }] });
    expect(checkClipConsent({ participants: [{ id: 'a', name: 'A', consent: yes }] }, 0, 1).ok).to.equal(true);
  });

  it('never throws on malformed input', () => {
    const bad = [
      null,
      {},
      { participants: 'x' },
      { participants: [null, 3, { id: 5 }], segments: [null, { speaker: 'a', startTime: NaN, endTime: 2 }, { speaker: 'a', startTime: 3, endTime: 1 }] },
    ];
    for (const m of bad) expect(() => checkClipConsent(m as unknown as ClipConsentManifest, 0, 1)).to.not.throw();
    // An empty or reversed range clips nothing.
    expect(checkClipConsent(talk, 7, 7).ok).to.equal(true);
    expect(checkClipConsent(talk, 8, 6).ok).to.equal(true);
    // A range that is not a number is checked as widely as it could reach.
    expect(checkClipConsent(talk, NaN, NaN).ok).to.equal(false);
  });

  it('indexes 100,000 segments once: later checks read no segment (their speed is in npm run bench:models)', () => {
    const segments = Array.from({ length: 100_000 }, (_, i) => ({ speaker: i % 2 ? 'no' : 'yes', startTime: i, endTime: i + 0.9 }));
    let reads = 0;
    // Counts reads of segments, so a check that scanned them instead of the index would show.
    const counted = new Proxy(segments, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const m: ClipConsentManifest = { participants: [{ id: 'yes', name: 'Yes', consent: yes }, { id: 'no', name: 'No', consent: no }], segments: counted };
    checkClipConsent(m, 0, 0.5); // builds the index
    const readsToIndex = reads;
    expect(readsToIndex).to.equal(100_000);
    let refused = 0;
    for (let k = 0; k < 10_000; k++) {
      const start = (k * 7919) % 99_990;
      const result = checkClipConsent(m, start, start + 0.5);
      // Odd seconds are "no"'s: [i, i + 0.9).
      expect(result.ok, `a clip at ${start}`).to.equal(Math.floor(start) % 2 === 0);
      if (!result.ok) refused++;
    }
    expect(refused).to.be.greaterThan(0);
    expect(reads - readsToIndex, 'segments read by 10,000 checks after the index').to.equal(0);
  });
});

describe('clipsAllowed', () => {
  it('is true until the recording expires', () => {
    const m = { retention: { expiresAt: '2030-01-01T00:00:00Z' } };
    expect(clipsAllowed(m, Date.parse('2029-12-31T23:59:59Z'))).to.equal(true);
    expect(clipsAllowed(m, Date.parse('2030-01-01T00:00:01Z'))).to.equal(false);
    expect(clipsAllowed({}, Date.now())).to.equal(true);
    expect(clipsAllowed(null as unknown as {}, Date.now())).to.equal(false);
  });
});
