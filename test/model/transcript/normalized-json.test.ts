import { expect } from '@esm-bundle/chai';
import { toNormalizedJson, toWebVTT, type NormalizedTranscript, type Transcript } from '../../../src/model/transcript/index.js';
import { importOk } from './expect-import.js';
import { generateNormalized } from './generated-transcript.js';
import { PODCAST_SAMPLE, SRT_SAMPLE, WEBVTT_SAMPLE, WHISPER_SAMPLE } from './samples.js';

const SAMPLE: NormalizedTranscript = {
  format: 'space-replay-transcript',
  version: '1.0',
  language: 'en',
  speakers: [
    { id: 's0', name: 'Ada Lovelace', participant: 'ada' },
    { id: 'g', name: 'Grace Hopper' },
  ],
  cues: [
    { startTime: 0.0, endTime: 2.4, speaker: 's0', text: 'Hello world', words: [[0.0, 0.5], [0.5, 2.4]] },
    { startTime: 3, endTime: 5, speaker: 'g', text: 'Hi  Ada,\nhow are you?' },
  ],
};

/** Every column and field of a transcript except the times, as plain data. */
function snapshot(t: Transcript) {
  return {
    cueSpeaker: Array.from(t.cueSpeaker),
    cueText: t.cueText,
    cueFirstWord: Array.from(t.cueFirstWord),
    cueWordTimed: Array.from(t.cueWordTimed),
    wordText: t.words(),
    wordCue: Array.from(t.wordCue),
    wordOffset: Array.from(t.wordOffset),
    speakers: t.speakers,
    language: t.language,
    turns: [Array.from(t.turnStartCue), Array.from(t.turnEndCue), Array.from(t.turnSpeaker)],
  };
}

/** The time columns of a transcript, by name. */
function timeColumns(t: Transcript): Record<string, Float64Array> {
  return { cueStart: t.cueStart, cueEnd: t.cueEnd, wordStart: t.wordStart, wordEnd: t.wordEnd, turnStart: t.turnStart, turnEnd: t.turnEnd };
}

/** Expects every time of `y` within half a millisecond of `x` (toNormalizedJson rounds to ms). */
function expectSameTimes(y: Transcript, x: Transcript): void {
  const ys = timeColumns(y);
  for (const [name, xs] of Object.entries(timeColumns(x))) {
    expect(ys[name]!.length, name).to.equal(xs.length);
    for (let i = 0; i < xs.length; i++) expect(Math.abs(ys[name]![i]! - xs[i]!), `${name}[${i}]`).to.be.at.most(0.0005 + 1e-9);
  }
}

describe('transcript import: normalized JSON', () => {
  it('reads speakers, participants, cues and word times', () => {
    const { transcript: t, format, skipped } = importOk(SAMPLE);
    expect(format).to.equal('normalized-json');
    expect(skipped).to.deep.equal([]);
    expect(t.speakers).to.deep.equal([{ label: 'Ada Lovelace', participantId: 'ada' }, { label: 'Grace Hopper' }]);
    expect(t.cueText).to.deep.equal(['Hello world', 'Hi Ada, how are you?']);
    expect(Array.from(t.cueSpeaker)).to.deep.equal([0, 1]);
    expect(Array.from(t.wordStart.subarray(0, 2))).to.deep.equal([0, 0.5]);
    expect(Array.from(t.wordEnd.subarray(0, 2))).to.deep.equal([0.5, 2.4]);
    expect(Array.from(t.cueWordTimed)).to.deep.equal([1, 0]);
  });

  it('drops word times whose count does not match the text, keeping the cue', () => {
    const json = { ...SAMPLE, cues: [{ startTime: 0, endTime: 2, text: 'one two three', words: [[0, 1], [1, 2]] }] };
    const { transcript: t, skipped } = importOk(json);
    expect(t.cueText).to.deep.equal(['one two three']);
    expect(t.cueWordTimed[0]).to.equal(0);
    expect(skipped).to.deep.equal([{ index: 0, reason: 'cues[0].words has 2 entries for 3 words in text: word times dropped, cue kept' }]);
  });

  it('skips malformed cues by index and keeps cues with an unknown speaker', () => {
    const json = {
      ...SAMPLE,
      cues: [
        { startTime: 0, endTime: 1, text: 'fine' },
        { startTime: 2, endTime: 1, text: 'backwards' },
        { startTime: Number.NaN, endTime: 1, text: 'nan' },
        { startTime: -1, endTime: 1, text: 'negative' },
        'not a cue',
        { startTime: 3, endTime: 4, text: '   ' },
        { startTime: 5, endTime: 6, text: 'who', speaker: 'nobody' },
        { startTime: 7, endTime: 8, text: 'a b', words: [[7, 7.5], [6.9, 8]] },
        { startTime: 9, endTime: 10, text: 'a b', words: [[9, 9.5], [9.5, 10.5]] },
      ],
    };
    const { transcript: t, skipped } = importOk(json);
    expect(t.cueText).to.deep.equal(['fine', 'who', 'a b', 'a b']);
    expect(Array.from(t.cueSpeaker)).to.deep.equal([-1, -1, -1, -1]);
    expect(skipped).to.deep.equal([
      { index: 1, reason: 'cues[1].endTime 1 is not after startTime 2' },
      { index: 2, reason: 'cues[2].startTime null is not a time in seconds >= 0' },
      { index: 3, reason: 'cues[3].startTime -1 is not a time in seconds >= 0' },
      { index: 4, reason: 'cues[4] is not an object' },
      { index: 5, reason: 'cues[5].text "   " has no text' },
      { index: 6, reason: 'cues[6].speaker "nobody" is not a speakers[].id: cue kept without speaker' },
      { index: 7, reason: 'cues[7].words[1] [6.9, 8] is out of order or outside the cue [7, 8]: word times dropped, cue kept' },
      { index: 8, reason: 'cues[8].words[1] [9.5, 10.5] is out of order or outside the cue [9, 10]: word times dropped, cue kept' },
    ]);
  });

  it('round-trips through toNormalizedJson, for every importer: all equal, times to the millisecond', () => {
    for (const input of [SAMPLE, WEBVTT_SAMPLE, SRT_SAMPLE, PODCAST_SAMPLE, WHISPER_SAMPLE, generateNormalized(3000)]) {
      const x = importOk(input).transcript;
      const json = JSON.parse(JSON.stringify(toNormalizedJson(x)));
      const y = importOk(json).transcript;
      expect(snapshot(y)).to.deep.equal(snapshot(x));
      expectSameTimes(y, x);
    }
  });

  it('round-trips a transcript with millisecond times exactly', () => {
    const x = importOk(generateNormalized(3000)).transcript;
    const y = importOk(JSON.parse(JSON.stringify(toNormalizedJson(x)))).transcript;
    for (const [name, column] of Object.entries(timeColumns(y))) expect(Array.from(column), name).to.deep.equal(Array.from(timeColumns(x)[name]!));
  });

  it('writes times rounded to the millisecond and keeps a cue shorter than 1 ms 1 ms long', () => {
    const x = importOk({
      format: 'space-replay-transcript',
      version: '1.0',
      cues: [
        { startTime: 1.23456, endTime: 2.0004, text: 'a b', words: [[1.23456, 1.5], [1.6666666, 2.0004]] },
        { startTime: 3.0001, endTime: 3.0004, text: 'tiny' },
      ],
    }).transcript;
    const json = toNormalizedJson(x);
    expect(json.cues).to.deep.equal([
      { startTime: 1.235, endTime: 2, text: 'a b', wordOffsetsMs: [0, 265, 432, 765] },
      { startTime: 3, endTime: 3.001, text: 'tiny' },
    ]);
    expect(importOk(json).transcript.cueCount).to.equal(2);
  });

  it('writes exactly the documented shape', () => {
    const x = importOk(SAMPLE).transcript;
    expect(toNormalizedJson(x)).to.deep.equal({
      format: 'space-replay-transcript',
      version: '1.1',
      language: 'en',
      speakers: [
        { id: 's0', name: 'Ada Lovelace', participant: 'ada' },
        { id: 's1', name: 'Grace Hopper' },
      ],
      cues: [
        { startTime: 0, endTime: 2.4, speaker: 's0', text: 'Hello world', wordOffsetsMs: [0, 500, 500, 2400] },
        { startTime: 3, endTime: 5, speaker: 's1', text: 'Hi Ada, how are you?' },
      ],
    });
  });

  it('reads 1.1 word times (wordOffsetsMs: whole milliseconds after the cue start) exactly', () => {
    const { transcript: t, skipped } = importOk({
      format: 'space-replay-transcript',
      version: '1.1',
      cues: [
        { startTime: 3.034, endTime: 5.481, text: 'link audio replay', wordOffsetsMs: [0, 249, 392, 604, 604, 2447] },
        // Both forms: wordOffsetsMs wins.
        { startTime: 6, endTime: 7, text: 'a b', wordOffsetsMs: [0, 100, 500, 1000], words: [[6, 6.9], [6.9, 7]] },
      ],
    });
    expect(skipped).to.deep.equal([]);
    // The doubles JSON.parse gives for the decimal texts, not sums that drift in the last digit.
    expect(Array.from(t.wordStart)).to.deep.equal([3.034, 3.426, 3.638, 6, 6.5]);
    expect(Array.from(t.wordEnd)).to.deep.equal([3.283, 3.638, 5.481, 6.1, 7]);
    expect(Array.from(t.cueWordTimed)).to.deep.equal([1, 1]);
  });

  it('drops bad wordOffsetsMs with a reason, keeping the cue and spreading its words', () => {
    const cue = (wordOffsetsMs: unknown) => ({ startTime: 1, endTime: 2, text: 'one two', wordOffsetsMs });
    const { transcript: t, skipped } = importOk({
      format: 'space-replay-transcript',
      version: '1.1',
      cues: [cue([0, 100, 200]), cue([0, 100, 200, 300.5]), cue([0, 100, '200', 300]), cue([500, 600, 100, 300]), cue([0, 100, 200, 1001]), cue({ 0: 1 })],
    });
    expect(skipped.map((x) => x.reason)).to.deep.equal([
      'cues[0].wordOffsetsMs has 3 numbers for 2 words in text (a start and an end each: 4): word times dropped, cue kept',
      'cues[1].wordOffsetsMs[2..3] 200, 300.5 are not whole milliseconds: word times dropped, cue kept',
      'cues[2].wordOffsetsMs[2..3] "200", 300 are not whole milliseconds: word times dropped, cue kept',
      "cues[3].wordOffsetsMs[2..3] 100, 300 is out of order or outside the cue's 1000 ms: word times dropped, cue kept",
      "cues[4].wordOffsetsMs[2..3] 200, 1001 is out of order or outside the cue's 1000 ms: word times dropped, cue kept",
      'cues[5].wordOffsetsMs is {"0":1}, not an array of whole milliseconds: word times dropped, cue kept',
    ]);
    expect(t.cueCount).to.equal(6);
    expect(Array.from(t.cueWordTimed)).to.deep.equal([0, 0, 0, 0, 0, 0]);
  });

  it('writes word times in a third less text than 1.0 pairs, and 1.0 readers still get the cues', () => {
    const x = importOk(generateNormalized(3000)).transcript;
    const written = JSON.stringify(toNormalizedJson(x));
    const pairs = JSON.stringify(generateNormalized(3000));
    expect(written.length).to.be.below(pairs.length * 0.8);
    // What a 1.0 reader keeps: the cues and their text, words spread over each cue.
    const legacy = JSON.parse(written) as NormalizedTranscript;
    for (const c of legacy.cues) delete c.wordOffsetsMs;
    expect(importOk(legacy).transcript.cueText).to.deep.equal(x.cueText);
  });

  it('round-trips approximately through toWebVTT (times to the millisecond)', () => {
    for (const input of [SAMPLE, WEBVTT_SAMPLE, PODCAST_SAMPLE, generateNormalized(2000)]) {
      const x = importOk(input).transcript;
      const y = importOk(toWebVTT(x)).transcript;
      const ms = (a: ArrayLike<number>) => Array.from(a, (v) => Math.round(v * 1000));
      expect(y.cueText).to.deep.equal(x.cueText);
      expect(y.words()).to.deep.equal(x.words());
      const labels = (t: Transcript) => Array.from(t.cueSpeaker, (s) => (s >= 0 ? t.speakers[s]!.label : null));
      expect(labels(y)).to.deep.equal(labels(x));
      expect(ms(y.cueStart)).to.deep.equal(ms(x.cueStart));
      expect(ms(y.cueEnd)).to.deep.equal(ms(x.cueEnd));
      expect(Array.from(y.cueWordTimed)).to.deep.equal(Array.from(x.cueWordTimed));
      expect(y.language).to.equal(x.language);
      // WebVTT has word starts only: compare starts of timed cues, to the millisecond
      for (let i = 0; i < x.cueCount; i++) {
        if (x.cueWordTimed[i] !== 1) continue;
        const [first, last] = x.wordsOfCue(i);
        expect(ms(y.wordStart.subarray(first, last))).to.deep.equal(ms(x.wordStart.subarray(first, last)));
      }
    }
  });
});
