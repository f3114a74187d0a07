import { expect } from '@esm-bundle/chai';
import { parseVTTTimestamp } from 'media-captions';
import { readTimingLine } from '../../../src/model/transcript/timing-line.js';
import { splitWords, stripControls } from '../../../src/model/transcript/plain-text.js';
import { readCueWords, readSimpleCue, readTokenizedCue, type CueWords } from '../../../src/model/transcript/vtt-cue-text.js';
import { parseTimestampAt } from '../../../src/model/transcript/vtt-timestamp.js';
import { seededRandom } from './generated-transcript.js';

// The import's fast paths read the common shapes without regexes or media-captions' tokenizer.
// Each must give exactly what the slow path (media-captions) gives, on hand-picked and random input.

/** Random strings of `pieces`, for fuzzing. */
function fuzz(seed: number, count: number, pieces: readonly string[], maxPieces: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = Math.floor(random() * (maxPieces + 1));
    for (let k = 0; k < n; k++) s += pieces[Math.floor(random() * pieces.length)]!;
    out.push(s);
  }
  return out;
}

describe('transcript import fast paths: same results as media-captions', () => {
  it('parseTimestampAt equals parseVTTTimestamp, also inside a longer string', () => {
    const corpus = [
      '00:00:01.200', '00:01.200', '1:00:00.000', '99:59:59.999', '00:00:01', '00:01', '00:00:01.2', '00:00:01.25',
      '00:00:60.000', '00:60:00.000', '100:00:00.000', '0:0:01.000', '00:00:01.', '00:00:01.2345', '00:00:01,200',
      ' 00:00:01.200', '00:00:01.200 ', '', ':', '::', '00', '00:', ':00:00', '00::00', '00:00:00:00', '1:2', '12:34', '123:45',
      '00:00:01.a00', '0x:00:01.000', '٠٠:٠٠:٠١.٠٠٠', '00:00:01.200>', '00:00\u00a001',
    ];
    const random = fuzz(11, 3000, ['0', '1', '5', '9', '6', ':', '.', ',', ' ', 'a'], 14);
    for (const text of [...corpus, ...random]) {
      const expected = parseVTTTimestamp(text);
      expect(parseTimestampAt(text, 0, text.length), JSON.stringify(text)).to.equal(expected);
      expect(parseTimestampAt(`<${text}>x`, 1, text.length + 1), JSON.stringify(text)).to.equal(expected);
    }
  });

  it('splitWords equals the regex split of the text without controls', () => {
    const corpus = [
      '', ' ', 'one', ' one  two\tthree\nfour ', 'a\u00a0b\u2028c\u3000d\ufeffe', 'nul\u0000 and bell\u0007 ok', '\u0085x\u009fy',
      'مرحبا بالعالم', '\u202Egnp.exe \u2066isolated\u2069', '漢字かんじ', 'x\u0001 \u0001y', '\u0001', ' \u0001 ', 'Zürich café',
    ];
    const random = fuzz(12, 3000, ['a', 'é', ' ', '  ', '\t', '\n', '\u00a0', '\u0001', '\u0085', '\u200f', '漢', '\u2003', 'bc'], 10);
    for (const text of [...corpus, ...random]) {
      const expected = stripControls(text).split(/\s+/).filter((w) => w !== '');
      expect(splitWords(text), JSON.stringify(text)).to.deep.equal(expected);
    }
  });

  /** A cue's words with NaN made comparable. */
  const plain = (cue: CueWords) => ({ ...cue, starts: cue.starts?.map((s) => (Number.isNaN(s) ? 'NaN' : s)) });

  it('reads simple cues without the tokenizer, with the tokenizer\'s result', () => {
    const simple = [
      'Hello world',
      '  spaced\tout\nover lines  ',
      '<v Ada Lovelace>Hello world',
      '<v Ada Lovelace>Hello <00:00:01.200>world <00:00:01.700>again',
      '<v Ada>Hi</v>',
      '<v.loud Grace Hopper>Thanks',
      '<v.loud.red   Ada   Lovelace >Hi</v>',
      '<v\tTab Name>x',
      '<v\nName>x',
      '<v>nameless',
      '<v >blank name',
      '<v.c>class only',
      '<v Bob>One</v> <v Carol>Two</v>',
      '<v Ada>no closing tag',
      'hel<00:00:01.000>lo world',
      '<00:00:01.000>first <00:00:09.000>outside <00:00:01.500>backwards',
      '<00:00:01.000> <00:00:01.100>two stamps, one word',
      'bad <00:00:61.000>stamp <1 2>and <00:01.300>short <0>x <9:99>y',
      'a > b >> c',
      '\u202Egnp.exe \u2066isolated\u2069 \u200Fmark مرحبا بالعالم',
      'nul\u0000 and bell\u0007 and\u0001split',
      'x\u00a0y\u2028z',
      '</b>stray end tag</ruby>',
      '',
      '   ',
    ];
    for (const text of simple) {
      const fast = readSimpleCue(text, 1, 5);
      expect(fast, JSON.stringify(text)).to.not.equal(undefined);
      expect(plain(fast!), JSON.stringify(text)).to.deep.equal(plain(readTokenizedCue(text, 1, 5)));
    }
  });

  it('leaves every other shape to the tokenizer, and readCueWords agrees with it everywhere', () => {
    const other = [
      'Ada &amp; Grace',
      'caf&#233; &#x263A; &apos;ok&#39;',
      '<v &lt;img&gt;>voice',
      '<b>bold</b> <i>it</i>',
      '<v Ada><c.x>nested <b>tags</b></c>',
      '<ruby>漢字<rt>かんじ</rt></ruby>',
      '<lang ar>مرحبا</lang>',
      'a < b',
      'a <b',
      '<v Ada',
      '<00:00:01.000',
      '<00:00<b>:01.000>x',
      '<v/x Name>end tag shape',
      '<vfoo>unknown',
      '<script>alert(1)</script>b',
      '<img src=x onerror=alert(1)>look',
      '<v Ada <b>>broken',
    ];
    for (const text of other) {
      expect(readSimpleCue(text, 1, 5), JSON.stringify(text)).to.equal(undefined);
      expect(plain(readCueWords(text, 1, 5))).to.deep.equal(plain(readTokenizedCue(text, 1, 5)));
    }
    const pieces = [
      'w', 'ord', ' ', '  ', '\n', '\t', 'é', 'ش', '\u0001', '\u00a0', '>', '<', '</v>', '<v Ada>', '<v.a.b  Bo  b>', '<v>', '<v\tX>',
      '<00:00:02.000>', '<00:00:09.000>', '<00:00:0x.000>', '<00:03.500>', '<b>', '</b>', '</', '&amp;', '&', '<1>', '<v.c>',
    ];
    let fastCount = 0;
    for (const text of fuzz(13, 4000, pieces, 12)) {
      const fast = readSimpleCue(text, 1, 5);
      const slow = readTokenizedCue(text, 1, 5);
      if (fast) {
        fastCount++;
        expect(plain(fast), JSON.stringify(text)).to.deep.equal(plain(slow));
      }
      expect(plain(readCueWords(text, 1, 5)), JSON.stringify(text)).to.deep.equal(plain(slow));
    }
    // the fuzz must exercise the fast path, not only the fallback
    expect(fastCount).to.be.greaterThan(500);
  });

  it('reads timing lines by the WebVTT grammar (VTT) and like media-captions (SRT), with and without the common-shape fast path', () => {
    // WebVTT's grammar as a regex: `[h…:]mm:ss.fff`, space, tab or form feed round the arrow,
    // anything after the end time.
    const VTT_TIME = '(?:(\\d+):([0-5]\\d):([0-5]\\d)|()([0-5]\\d):([0-5]\\d))\\.(\\d{3})';
    const VTT_LINE = new RegExp(`^[ \\t\\f]*${VTT_TIME}[ \\t\\f]*-->[ \\t\\f]*${VTT_TIME}`);
    const seconds = (m: RegExpExecArray, at: number) =>
      Number(m[at] || m[at + 3] || 0) * 3600 + Number(m[at + 1] ?? m[at + 4]) * 60 + Number(m[at + 2] ?? m[at + 5]) + Number(m[at + 6]) / 1e3;
    /** What a timing line gives: [start, end] when usable. */
    function expected(line: string, kind: 'vtt' | 'srt'): [number, number] | undefined {
      let start: number | null = null;
      let end: number | null = null;
      if (kind === 'vtt') {
        const m = VTT_LINE.exec(line);
        if (m) [start, end] = [seconds(m, 1), seconds(m, 8)];
      } else {
        const [startText = '', trailing = ''] = line.replace(/,/g, '.').trim().split(/\s*-->\s*/);
        start = parseVTTTimestamp(startText);
        end = parseVTTTimestamp(trailing.split(/\s/)[0] ?? '');
      }
      return start !== null && end !== null && end > start ? [start, end] : undefined;
    }
    const corpus = [
      '00:00:01.000 --> 00:00:04.000',
      '00:00:01.000 --> 00:00:04.000 region:left align:start',
      '00:00:01.000 --> 00:00:04.000\talign:start',
      '00:00:01.000 --> 00:00:04.000\u00a0align:start',
      '00:00:01.000 --> 00:00:04.000x',
      '00:00:01.000 --> 00:00:04.000 --> 00:00:05.000',
      '00:00:01,000 --> 00:00:04,000',
      '00:00:01,000 --> 00:00:04.000',
      '00:00:01.000  -->  00:00:04.000',
      '00:00:01.000-->00:00:04.000',
      '00:01.000 --> 00:04.000',
      '1:00:01.000 --> 1:00:04.000',
      ' 00:00:01.000 --> 00:00:04.000',
      '00:00:59.999 --> 00:01:00.000',
      '99:59:58.000 --> 99:59:59.999',
      '00:00:60.000 --> 00:01:04.000',
      '00:00:01.000 --> 00:00:64.000',
      '00:60:01.000 --> 01:00:04.000',
      '00:00:04.000 --> 00:00:01.000',
      '00:00:04.000 --> 00:00:04.000',
      '00:00:01.000 --> ',
      '00:00:0a.000 --> 00:00:04.000',
      '00:00:25.000-->00:00:27.000',
      '\t00:00:25.000 --> 00:00:27.000',
      '\f00:00:25.000\f-->\f00:00:27.000',
      '\v00:00:25.000 --> 00:00:27.000',
      '100:00:01.000 --> 100:00:04.000',
      '0:00:01.000 --> 0:00:04.000',
      '00:00.000 --> 00:01.000line:40%',
      '00:00:00.000 --> 00:00:01.000\u0000align:end',
      '00:00:00.00 --> 00:00:01.000',
      '00:00:00 --> 00:00:01.000',
      '00:00 --> 00:01.000',
      '00:00.0 --> 00:01.000',
      '60:00.000 --> 61:00.000',
      '00:00,500 --> 00:01,5',
    ];
    const random = seededRandom(14);
    const stamp = () => {
      const d = () => String(Math.floor(random() * 10));
      return `${d()}${d()}:${Math.floor(random() * 7)}${d()}:${Math.floor(random() * 7)}${d()}${random() < 0.2 ? ',' : '.'}${d()}${d()}${d()}`;
    };
    const lines = [...corpus];
    for (let i = 0; i < 2000; i++) lines.push(`${stamp()} --> ${stamp()}${random() < 0.3 ? ' align:start' : ''}`);
    for (const kind of ['vtt', 'srt'] as const) {
      for (const line of lines) {
        const want = expected(line, kind);
        const got = readTimingLine(line, kind, 7);
        if (want) expect(got, `${kind} ${JSON.stringify(line)}`).to.deep.equal({ line: 7, start: want[0], end: want[1], text: '' });
        else expect(got, `${kind} ${JSON.stringify(line)}`).to.be.a('string');
      }
    }
  });
});
