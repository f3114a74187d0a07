import { expect } from '@esm-bundle/chai';
import { importTranscript } from '../../../src/model/transcript/index.js';
import { importOk, times } from './expect-import.js';
import { WEBVTT_SAMPLE } from './samples.js';

describe('transcript import: WebVTT', () => {
  it('reads cues, voices, tags, entities and skips NOTE, STYLE and REGION blocks', () => {
    const { transcript: t, format, skipped } = importOk(WEBVTT_SAMPLE);
    expect(format).to.equal('webvtt');
    expect(t.language).to.equal('en');
    expect(t.cueCount).to.equal(4);
    expect(t.wordCount).to.equal(24);
    expect(t.speakers).to.deep.equal([{ label: 'Ada Lovelace' }, { label: 'Grace Hopper' }]);
    // the last cue has no voice: it keeps Grace's, the speaker before it
    expect(Array.from(t.cueSpeaker)).to.deep.equal([0, 1, 1, 1]);
    expect(times(t.cueStart)).to.deep.equal([1, 4.5, 10, 13]);
    expect(times(t.cueEnd)).to.deep.equal([4, 7, 12, 15]);
    expect(t.cueText).to.deep.equal([
      'Welcome to the replay of our café chat.',
      'Thanks, Ada & everyone <3',
      'Ruby 漢字 and مرحبا بالعالم multi-line text',
      'No voice here, "quoted"',
    ]);
    expect(skipped).to.have.length(5);
  });

  it('reports skipped cues with their line numbers', () => {
    const { skipped } = importOk(WEBVTT_SAMPLE);
    expect(skipped.map((s) => s.line)).to.deep.equal([21, 24, 31, 36, 39]);
    expect(skipped[0]!.reason).to.equal('cue end 00:00:06.000 is not after its start 00:00:07.000');
    expect(skipped[1]!.reason).to.equal('bad cue end time "00:00:09,500"');
    expect(skipped[2]!.reason).to.contain('without a cue timing line');
    expect(skipped[3]!.reason).to.equal('cue end 00:00:16.000 is not after its start 00:00:16.000');
    expect(skipped[4]!.reason).to.equal('cue has no text');
  });

  it('takes word times from inline timestamps and interpolates the words between them', () => {
    const { transcript: t } = importOk(WEBVTT_SAMPLE);
    expect(t.hasWordTimings).to.equal(true);
    expect(Array.from(t.cueWordTimed)).to.deep.equal([1, 0, 0, 0]);
    const [first, last] = t.wordsOfCue(0);
    expect(t.words(first, last)).to.deep.equal(['Welcome', 'to', 'the', 'replay', 'of', 'our', 'café', 'chat.']);
    // "Welcome to the" share [1, 1.8) by length+1 (8, 3, 4 of 15); each timestamp starts a word
    expect(times(t.wordStart.subarray(first, last))).to.deep.equal([1, 1.4267, 1.5867, 1.8, 2.4, 2.6571, 3, 3.4545]);
    expect(times(t.wordEnd.subarray(first, last))).to.deep.equal([1.4267, 1.5867, 1.8, 2.4, 2.6571, 3, 3.4545, 4]);
  });

  it('spreads untimed cues over their span by character length', () => {
    const { transcript: t } = importOk(WEBVTT_SAMPLE);
    const [first, last] = t.wordsOfCue(3);
    expect(t.words(first, last)).to.deep.equal(['No', 'voice', 'here,', '"quoted"']);
    expect(times(t.wordStart.subarray(first, last))).to.deep.equal([13, 13.25, 13.75, 14.25]);
    expect(t.wordEnd[last - 1]).to.equal(15);
  });

  it('drops ruby annotations and keeps right-to-left text as is', () => {
    const { transcript: t } = importOk(WEBVTT_SAMPLE);
    expect(t.cueText[2]).to.not.contain('かんじ');
    expect(t.cueText[2]).to.contain('مرحبا بالعالم');
  });

  it('joins a word split by markup and decodes numeric character references once', () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nhel<b>lo</b> caf&#233; &#x263A; &amp;#233; &apos;ok&#39;\n';
    const { transcript: t } = importOk(vtt);
    expect(t.words()).to.deep.equal(['hello', 'café', '☺', '&#233;', "'ok'"]);
  });

  it('keeps a stray "<" as text and does not let unknown tags rename the voice', () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Bob><span class=x>a < b</span> <img src=x onerror=alert(1)>done\n';
    const { transcript: t } = importOk(vtt);
    expect(t.speakers).to.deep.equal([{ label: 'Bob' }]);
    expect(t.cueText[0]).to.equal('a < b done');
  });

  it('reads a <v> voice with a class, a closing </v>, and the first voice of a cue', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:01.000',
      '<v.loud.red   Ada   Lovelace >Hi</v>',
      '',
      '00:00:01.000 --> 00:00:02.000',
      '<v Bob>One</v> <v Carol>Two</v>',
      '',
    ].join('\n');
    const { transcript: t } = importOk(vtt);
    expect(t.speakers.map((s) => s.label)).to.deep.equal(['Ada Lovelace', 'Bob']);
    expect(t.cueText).to.deep.equal(['Hi', 'One Two']);
  });

  it('ignores timestamps outside the cue and words with many timestamps', () => {
    const stamps = Array.from({ length: 500 }, (_, i) => `<00:00:${String(Math.floor(i / 10)).padStart(2, '0')}.${String((i % 10) * 100).padStart(3, '0')}>w${i}`);
    const vtt = `WEBVTT\n\n00:00:00.000 --> 00:01:00.000\n${stamps.join(' ')} <00:02:00.000>late\n`;
    const { transcript: t } = importOk(vtt);
    expect(t.wordCount).to.equal(501);
    expect(t.wordStart[499]).to.equal(49.9);
    // the out-of-cue timestamp is dropped: "late" shares the rest of w499's span
    expect(t.wordStart[500]).to.be.greaterThan(49.9);
    expect(t.wordEnd[500]).to.equal(60);
  });

  it('accepts CRLF and CR line breaks and a byte order mark', () => {
    const crlf = '\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nHello\r\n';
    const cr = 'WEBVTT\r\r00:00:01.000 --> 00:00:02.000\rHello\r';
    expect(importOk(crlf).transcript.cueText).to.deep.equal(['Hello']);
    expect(importOk(cr).transcript.cueText).to.deep.equal(['Hello']);
  });

  it('sorts cues by start time, stably', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:05.000 --> 00:00:06.000',
      'third',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'first',
      '',
      '00:00:05.000 --> 00:00:05.500',
      'fourth',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'second',
      '',
    ].join('\n');
    expect(importOk(vtt).transcript.cueText).to.deep.equal(['first', 'second', 'third', 'fourth']);
  });

  it('fails with one error when every cue is unreadable', () => {
    const result = importTranscript('WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nbackwards\n');
    expect(result).to.deep.equal({
      ok: false,
      error: 'no readable cues: 1 item(s) skipped, the first at line 3: cue end 00:00:01.000 is not after its start 00:00:02.000',
    });
  });
});

describe('transcript import: WebVTT as tools write it', () => {
  it('reads a cue right after the WEBVTT line: a line holding "-->" ends the header', () => {
    // Some converters write no blank line after the signature; the WebVTT parser starts the cue there.
    const vtt = 'WEBVTT\n00:00:00.000 --> 00:00:01.000\nfirst\n\n00:00:01.000 --> 00:00:02.000\nsecond\n';
    const { transcript: t, skipped } = importOk(vtt);
    expect(t.cueText).to.deep.equal(['first', 'second']);
    expect(skipped).to.deep.equal([]);
    const withHeader = 'WEBVTT\nKind: captions\nLanguage: de\n00:00:00.000 --> 00:00:01.000\nerste\n';
    const read = importOk(withHeader);
    expect(read.transcript.cueText).to.deep.equal(['erste']);
    expect(read.transcript.language).to.equal('de');
  });

  it('starts a new cue at a timing line inside a cue (a missing blank line)', () => {
    // youtube-dl's auto-caption exports: word timestamps in <c> spans, and sometimes no blank line between cues.
    const vtt = [
      'WEBVTT',
      'Kind: captions',
      'Language: en',
      '',
      '00:00:00.000 --> 00:00:02.310 align:start position:0%',
      'so<00:00:00.480><c> today</c><00:00:00.960><c> we</c>',
      '00:00:02.310 --> 00:00:04.560 align:start position:0%',
      'talk<00:00:02.800><c> about</c><00:00:03.500><c> captions</c>',
      '',
      '00:00:04.560 --> 00:00:06.000 align:start position:0%',
      'and<00:00:05.000><c> timing</c>',
      '',
    ].join('\n');
    const { transcript: t, skipped } = importOk(vtt);
    expect(t.cueText).to.deep.equal(['so today we', 'talk about captions', 'and timing']);
    expect(times(t.cueStart)).to.deep.equal([0, 2.31, 4.56]);
    const [first, last] = t.wordsOfCue(1);
    expect(times(t.wordStart.subarray(first, last))).to.deep.equal([2.31, 2.8, 3.5]);
    expect(skipped).to.deep.equal([]);
  });

  it('keeps prose with an arrow as cue text, but a broken timing line inside a cue still ends it', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:02.000',
      '<v Ada>Flow goes A --> B',
      '00:00:02.000 --> 00:00:0x.000',
      'lost with its broken timing line',
      '00:00:04.000 --> 00:00:05.000',
      'next',
      '',
    ].join('\n');
    const { transcript: t, skipped } = importOk(vtt);
    expect(t.cueText).to.deep.equal(['Flow goes A --> B', 'next']);
    expect(skipped).to.deep.equal([{ line: 5, reason: 'bad cue end time "00:00:0x.000"' }]);
  });

  it('reads timing lines by the WebVTT grammar: the valid forms it used to refuse', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:25.000-->00:00:27.000',
      'no spaces round the arrow',
      '',
      '  \t00:00:27.000 --> 00:00:28.000',
      'whitespace before the start',
      '',
      '100:00:00.000 --> 100:00:01.500',
      'three-digit hours',
      '',
      '00:30.000 --> 00:31.000line:40%',
      'settings right after the end',
      '',
    ].join('\n');
    const { transcript: t, skipped } = importOk(vtt);
    expect(times(t.cueStart)).to.deep.equal([25, 27, 30, 360000]);
    expect(times(t.cueEnd)).to.deep.equal([27, 28, 31, 360001.5]);
    expect(skipped).to.deep.equal([]);
  });

  it('reads timing lines by the WebVTT grammar: the invalid forms it used to accept', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.00 --> 00:00:01.000',
      'two fraction digits',
      '',
      '00:00:01.000 --> 00:00:02',
      'no fraction',
      '',
      '00:02 --> 00:03.000',
      'minutes and seconds only',
      '',
      '00:03.0 --> 00:04.000',
      'one fraction digit',
      '',
      '00:04.000 --> 00:05.000',
      'valid',
      '',
    ].join('\n');
    const { transcript: t, skipped } = importOk(vtt);
    expect(t.cueText).to.deep.equal(['valid']);
    expect(skipped).to.deep.equal([
      { line: 3, reason: 'bad cue start time "00:00:00.00"' },
      { line: 6, reason: 'bad cue end time "00:00:02"' },
      { line: 9, reason: 'bad cue start time "00:02"' },
      { line: 12, reason: 'bad cue start time "00:03.0"' },
    ]);
  });

  it('carries a <v> voice to the cues after it until another voice (Podcasting 2.0 style)', () => {
    // The Podcasting 2.0 transcript spec's WebVTT writes <v Name> only where the speaker changes.
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:04.000',
      '<v Alice Host>Welcome back to the show.',
      '',
      '00:00:04.000 --> 00:00:08.000',
      'Today we talk about chapters.',
      '',
      '00:00:08.000 --> 00:00:11.000',
      '<v Bob Guest>Thanks for having me.',
      '',
      '00:00:11.000 --> 00:00:13.000',
      'It is good to be here.',
      '',
      '00:00:13.000 --> 00:00:14.000',
      '<v Alice Host>Great.',
      '',
      '00:00:14.000 --> 00:00:15.000',
      '<v>[music]',
      '',
      '00:00:15.000 --> 00:00:16.000',
      'still music',
      '',
    ].join('\n');
    const { transcript: t } = importOk(vtt);
    expect(t.speakers.map((s) => s.label)).to.deep.equal(['Alice Host', 'Bob Guest']);
    // an explicit voice always wins, and an empty <v> means no speaker from there on
    expect(Array.from(t.cueSpeaker)).to.deep.equal([0, 0, 1, 1, 0, -1, -1]);
  });
});
