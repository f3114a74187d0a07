import { expect } from '@esm-bundle/chai';
import { formatClipLink, parseClipLink, parseTemporalFragment, type ClipLinkTarget } from '../../src/model/clip-link.js';

const PAGE = 'https://example.org/rooms/42';

describe('clip links: parseTemporalFragment', () => {
  const valid: [string, { start: number; end?: number }][] = [
    ['90', { start: 90 }],
    ['90,120', { start: 90, end: 120 }],
    [',120', { start: 0, end: 120 }],
    ['npt:1:30,2:00', { start: 90, end: 120 }],
    ['npt:90', { start: 90 }],
    ['npt:,5', { start: 0, end: 5 }],
    ['1:02:03.5', { start: 3723.5 }],
    ['1m30s', { start: 90 }],
    ['1m30s,2m', { start: 90, end: 120 }],
    ['10.5,20.25', { start: 10.5, end: 20.25 }],
    // An end not after the start is dropped; the start still counts.
    ['120,90', { start: 120 }],
    ['90,90', { start: 90 }],
  ];
  for (const [value, range] of valid) {
    it(`reads t=${value}`, () => {
      expect(parseTemporalFragment(value)).to.deep.equal(range);
    });
  }

  const invalid = ['', ',', '90,', '-5', '5,-10', 'abc', '1:60', '1,2,3', 'smpte:00:01:00', 'clock:2011-10-01T00:00:00Z',
    'npt:npt:5', '5,npt:10', ' 5', '5 ', 'NaN', 'Infinity'];
  for (const value of invalid) {
    it(`ignores t=${value}`, () => {
      expect(parseTemporalFragment(value)).to.equal(undefined);
    });
  }
});

describe('clip links: parseClipLink', () => {
  it('reads the fragment forms of Media Fragments', () => {
    expect(parseClipLink(`${PAGE}#t=90`)).to.deep.equal({ start: 90 });
    expect(parseClipLink(`${PAGE}#t=90,120`)).to.deep.equal({ start: 90, end: 120 });
    expect(parseClipLink(`${PAGE}#t=,120`)).to.deep.equal({ start: 0, end: 120 });
    expect(parseClipLink(`${PAGE}#t=npt:1:30,2:00`)).to.deep.equal({ start: 90, end: 120 });
    expect(parseClipLink('#t=npt%3A90')).to.deep.equal({ start: 90 });
    expect(parseClipLink(new URL(`${PAGE}?x=1#t=5`))).to.deep.equal({ start: 5 });
  });

  it('reads ?t= in the query, YouTube-like times included, but the fragment wins', () => {
    expect(parseClipLink(`${PAGE}?t=90`)).to.deep.equal({ start: 90 });
    expect(parseClipLink(`${PAGE}?v=abc&t=1m30s`)).to.deep.equal({ start: 90 });
    expect(parseClipLink(`${PAGE}?t=1m30s#t=10`)).to.deep.equal({ start: 10 });
    expect(parseClipLink(`${PAGE}?t=30#t=bogus`)).to.deep.equal({ start: 30 });
    expect(parseClipLink(`${PAGE}?title=t%3D5#top`)).to.equal(undefined);
  });

  it('uses the last valid t= when there are several', () => {
    expect(parseClipLink(`${PAGE}#t=2&t=10`)).to.deep.equal({ start: 10 });
    expect(parseClipLink(`${PAGE}#t=2&t=oops`)).to.deep.equal({ start: 2 });
    expect(parseClipLink(`${PAGE}#t=2,5&t=-1&t=3,4`)).to.deep.equal({ start: 3, end: 4 });
  });

  it('ignores links without a valid time', () => {
    for (const url of [PAGE, `${PAGE}#`, `${PAGE}#intro`, `${PAGE}#id=rec`, `${PAGE}#t=`, `${PAGE}#t=-5`, `${PAGE}#t=1:60`,
      `${PAGE}#T=5`, `${PAGE}#xt=5`, `${PAGE}#t=%E0%A4%A`, '', '#', '?']) {
      expect(parseClipLink(url), url).to.equal(undefined);
    }
  });

  it('ignores unknown keys and keeps reading the rest', () => {
    expect(parseClipLink(`${PAGE}#section&foo=bar&t=7&&baz`)).to.deep.equal({ start: 7 });
  });

  it('clamps the range to the duration and then drops an end that is not after the start', () => {
    expect(parseClipLink(`${PAGE}#t=100,200`, { duration: 150 })).to.deep.equal({ start: 100, end: 150 });
    expect(parseClipLink(`${PAGE}#t=200`, { duration: 150 })).to.deep.equal({ start: 150 });
    expect(parseClipLink(`${PAGE}#t=160,200`, { duration: 150 })).to.deep.equal({ start: 150 });
    expect(parseClipLink(`${PAGE}#t=10,20`, { duration: NaN })).to.deep.equal({ start: 10, end: 20 });
  });

  it('reads the recording id and ignores links naming another recording', () => {
    expect(parseClipLink(`${PAGE}#t=90,120&id=rec-1`)).to.deep.equal({ start: 90, end: 120, id: 'rec-1' });
    expect(parseClipLink(`${PAGE}#id=rec-1&t=90`, { id: 'rec-1' })).to.deep.equal({ start: 90, id: 'rec-1' });
    expect(parseClipLink(`${PAGE}#t=90&id=rec-2`, { id: 'rec-1' })).to.equal(undefined);
    // A link without an id applies to every player.
    expect(parseClipLink(`${PAGE}#t=90`, { id: 'rec-1' })).to.deep.equal({ start: 90 });
    expect(parseClipLink(`${PAGE}#t=90&id=`, { id: 'rec-1' })).to.deep.equal({ start: 90 });
    expect(parseClipLink(`${PAGE}#t=1&id=caf%C3%A9%20%26%20co`)).to.deep.equal({ start: 1, id: 'café & co' });
  });

  it('never reads the id from the query, where it belongs to the site', () => {
    expect(parseClipLink(`${PAGE}?id=42&t=30`, { id: 'rec-1' })).to.deep.equal({ start: 30 });
  });

  it('never throws on odd input', () => {
    for (const input of [null, undefined, 42, {}, '%', '#%', '#t=%', '#=&=&', '#t=,,,', '#&&&t']) {
      expect(() => parseClipLink(input as unknown as string)).to.not.throw();
    }
  });
});

describe('clip links: formatClipLink', () => {
  it('writes the range and id into the fragment', () => {
    expect(formatClipLink(PAGE, { start: 90 })).to.equal(`${PAGE}#t=90`);
    expect(formatClipLink(PAGE, { start: 90.5, end: 120.25 })).to.equal(`${PAGE}#t=90.5,120.25`);
    expect(formatClipLink(PAGE, { start: 0, end: 12 })).to.equal(`${PAGE}#t=0,12`);
    expect(formatClipLink(PAGE, { start: 1, id: 'café & co' })).to.equal(`${PAGE}#t=1&id=caf%C3%A9%20%26%20co`);
    expect(formatClipLink(new URL(`${PAGE}?q=1`), { start: 3 })).to.equal(`${PAGE}?q=1#t=3`);
  });

  it('replaces t= and id=, keeps other fragment pairs, drops a plain anchor', () => {
    expect(formatClipLink(`${PAGE}#t=5&id=old&lang=fr`, { start: 7, id: 'new' })).to.equal(`${PAGE}#t=7&id=new&lang=fr`);
    expect(formatClipLink(`${PAGE}#intro`, { start: 7 })).to.equal(`${PAGE}#t=7`);
    expect(formatClipLink(`${PAGE}#a=%20x&t=1&t=2`, { start: 7 })).to.equal(`${PAGE}#t=7&a=%20x`);
  });

  it('leaves out an end that is not after the start, and clamps negative times to 0', () => {
    expect(formatClipLink(PAGE, { start: 90, end: 90 })).to.equal(`${PAGE}#t=90`);
    expect(formatClipLink(PAGE, { start: 90, end: 30 })).to.equal(`${PAGE}#t=90`);
    expect(formatClipLink(PAGE, { start: 90, end: 90.0001 })).to.equal(`${PAGE}#t=90`);
    expect(formatClipLink(PAGE, { start: -3 })).to.equal(`${PAGE}#t=0`);
  });

  it('round-trips 2,000 generated targets within a millisecond', () => {
    // mulberry32: a small seeded PRNG, so a failure replays.
    let seed = 20240601;
    const rand = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const idChars = 'abcXYZ019-_.~ &=#?%+/:,éü中🎙';
    const pages = [PAGE, `${PAGE}?v=1`, `${PAGE}#keep=1`, `${PAGE}?t=999#t=1&id=x&keep=%20`, 'page.html', ''];
    for (let n = 0; n < 2000; n++) {
      // Up to 30 hours, in whole milliseconds, so some have hours and fractions.
      const start = Math.floor(rand() * 30 * 3600 * 1000) / 1000;
      const target: ClipLinkTarget = { start };
      if (rand() < 0.6) target.end = start + (1 + Math.floor(rand() * 3 * 3600 * 1000)) / 1000;
      if (rand() < 0.5) {
        target.id = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => [...idChars][Math.floor(rand() * [...idChars].length)]).join('');
      }
      const page = pages[n % pages.length]!;
      const link = formatClipLink(page, target);
      const back = parseClipLink(link, target.id === undefined ? {} : { id: target.id });
      expect(back, link).to.not.equal(undefined);
      expect(Math.abs(back!.start - target.start), link).to.be.at.most(0.001);
      if (target.end === undefined) expect(back!.end, link).to.equal(undefined);
      else expect(Math.abs(back!.end! - target.end), link).to.be.at.most(0.001);
      expect(back!.id, link).to.equal(target.id);
    }
  });
});
