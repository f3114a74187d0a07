import { expect } from '@esm-bundle/chai';
import { toPlainText, toWebVTT } from '../../../src/model/transcript/index.js';
import { importOk } from './expect-import.js';
import { PODCAST_SAMPLE } from './samples.js';

describe('transcript serializers', () => {
  it('toWebVTT writes voices and word timestamps for timed cues only', () => {
    const { transcript: t } = importOk(PODCAST_SAMPLE);
    const vtt = toWebVTT(t);
    expect(vtt.split('\n').slice(0, 9)).to.deep.equal([
      'WEBVTT',
      '',
      '00:00:00.500 --> 00:00:02.000',
      '<v Ada Lovelace>Hello <00:00:00.900>and <00:00:01.400>welcome.',
      '',
      '00:00:02.100 --> 00:00:03.300',
      '<v Ada Lovelace>Today <00:00:02.500>we <00:00:02.900>talk',
      '',
      '00:00:03.400 --> 00:00:04.100',
    ]);
    expect(vtt).to.contain('00:00:08.000 --> 00:00:10.000\n<v Ada Lovelace>A whole sentence segment here.\n');
  });

  it('toWebVTT keeps text that looks like a cue setting as text', () => {
    const json = { format: 'space-replay-transcript', version: '1.0', cues: [{ startTime: 0, endTime: 1, text: 'line:5 is long' }] };
    const { transcript: t } = importOk(json);
    const vtt = toWebVTT(t);
    expect(vtt).to.contain('&#108;ine:5 is long');
    expect(importOk(vtt).transcript.cueText).to.deep.equal(['line:5 is long']);
  });

  it('toPlainText writes one paragraph per turn, with or without timestamps', () => {
    const { transcript: t } = importOk(PODCAST_SAMPLE);
    expect(toPlainText(t)).to.equal(
      '[0:00:00] Ada Lovelace: Hello and welcome. Today we talk\n\n' +
        '[0:00:03] Grace Hopper: Yes indeed Later then\n\n' +
        '[0:00:08] Ada Lovelace: A whole sentence segment here.\n',
    );
    expect(toPlainText(t, { timestamps: false }).split('\n')[0]).to.equal('Ada Lovelace: Hello and welcome. Today we talk');
    const long = importOk({ segments: [{ start: 3725.9, end: 3727, text: 'late' }] }).transcript;
    expect(toPlainText(long)).to.equal('[1:02:05] late\n');
  });
});
