import { expect } from '@esm-bundle/chai';
import { importTranscript } from '../../../src/model/transcript/index.js';
import { importOk, times } from './expect-import.js';
import { PODCAST_SAMPLE, WHISPER_SAMPLE } from './samples.js';

describe('transcript import: Podcasting 2.0 JSON', () => {
  it('groups word segments into cues by speaker, sentence end and pauses', () => {
    const { transcript: t, format, skipped } = importOk(PODCAST_SAMPLE);
    expect(format).to.equal('podcast-json');
    expect(t.cueCount).to.equal(5);
    expect(t.wordCount).to.equal(15);
    expect(t.cueText).to.deep.equal(['Hello and welcome.', 'Today we talk', 'Yes indeed', 'Later then', 'A whole sentence segment here.']);
    expect(times(t.cueStart)).to.deep.equal([0.5, 2.1, 3.4, 6, 8]);
    expect(times(t.cueEnd)).to.deep.equal([2, 3.3, 4.1, 6.9, 10]);
    expect(Array.from(t.cueSpeaker)).to.deep.equal([0, 0, 1, 1, 0]);
    expect(t.speakers.map((s) => s.label)).to.deep.equal(['Ada Lovelace', 'Grace Hopper']);
    expect(skipped).to.deep.equal([
      { index: 9, reason: 'segments[9].endTime "7" is not a time in seconds >= 0' },
      { index: 11, reason: 'segments[11].body "" has no text' },
    ]);
  });

  it('keeps word segment times exactly and marks sentence segments as approximate', () => {
    const { transcript: t } = importOk(PODCAST_SAMPLE);
    expect(Array.from(t.cueWordTimed)).to.deep.equal([1, 1, 1, 1, 0]);
    expect(times(t.wordStart.subarray(0, 10))).to.deep.equal([0.5, 0.9, 1.4, 2.1, 2.5, 2.9, 3.4, 3.8, 6, 6.5]);
    expect(times(t.wordEnd.subarray(0, 10))).to.deep.equal([0.9, 1.4, 2, 2.5, 2.9, 3.3, 3.8, 4.1, 6.4, 6.9]);
    // a gap between "Later" and "then" is no word
    expect(t.wordAt(6.45)).to.equal(-1);
  });

  it('starts a new cue after 30 words without punctuation', () => {
    const segments = Array.from({ length: 65 }, (_, i) => ({ speaker: 'A', startTime: i * 0.3, endTime: i * 0.3 + 0.25, body: `w${i}` }));
    const { transcript: t } = importOk({ version: '1.0.0', segments });
    expect(Array.from(t.cueFirstWord)).to.deep.equal([0, 30, 60, 65]);
  });
});

describe('transcript import: Whisper JSON', () => {
  it('reads segments, word times, whisperX speakers and the language', () => {
    const { transcript: t, format, skipped } = importOk(WHISPER_SAMPLE);
    expect(format).to.equal('whisper-json');
    expect(t.language).to.equal('en');
    expect(t.cueCount).to.equal(3);
    expect(t.wordCount).to.equal(10);
    expect(t.cueText).to.deep.equal(['Hello there, Ada.', 'I have 2 questions.', 'No words here.']);
    expect(t.speakers.map((s) => s.label)).to.deep.equal(['SPEAKER_00', 'SPEAKER_01']);
    expect(Array.from(t.cueSpeaker)).to.deep.equal([0, 1, -1]);
    expect(Array.from(t.cueWordTimed)).to.deep.equal([1, 1, 0]);
    expect(skipped).to.deep.equal([{ index: 2, reason: 'segments[2].end 4.5 is not after start 5' }]);
  });

  it('keeps word gaps and fills a word without times between its neighbours', () => {
    const { transcript: t } = importOk(WHISPER_SAMPLE);
    expect(times(t.wordStart.subarray(0, 7))).to.deep.equal([0, 0.5, 1, 2.2, 2.4, 2.7, 3.1]);
    expect(times(t.wordEnd.subarray(0, 7))).to.deep.equal([0.4, 0.9, 1.6, 2.3, 2.7, 3.1, 3.9]);
  });

  it('reads openai-whisper output without speakers, and a bare segment array', () => {
    const plain = { text: 'x', segments: [{ id: 0, seek: 0, start: 1, end: 2, text: ' Hi there', tokens: [1, 2], avg_logprob: -0.2 }] };
    expect(importOk(plain).transcript.cueText).to.deep.equal(['Hi there']);
    expect(importOk(JSON.stringify(plain.segments)).format).to.equal('whisper-json');
  });

  it('widens a segment to hold words that stray outside it', () => {
    const json = { segments: [{ start: 1, end: 2, text: 'a b', words: [{ word: 'a', start: 0.9, end: 1.5 }, { word: 'b', start: 1.5, end: 2.1 }] }] };
    const { transcript: t } = importOk(json);
    expect([t.cueStart[0], t.cueEnd[0]]).to.deep.equal([0.9, 2.1]);
    expect(Array.from(t.wordStart)).to.deep.equal([0.9, 1.5]);
  });
});

describe('transcript import: whisper-timestamped JSON and silence', () => {
  // whisper-timestamped (linto-ai) names a word's text "text" and adds "confidence" to words and segments.
  const timestamped = {
    text: ' Bonjour ! Est-ce que vous allez bien ?',
    segments: [
      {
        id: 0, seek: 0, start: 0.5, end: 1.5, text: ' Bonjour !', temperature: 0.0, avg_logprob: -0.4, compression_ratio: 0.8,
        no_speech_prob: 0.1, confidence: 0.93,
        words: [{ text: 'Bonjour', start: 0.5, end: 1.2, confidence: 0.96 }, { text: '!', start: 1.2, end: 1.5, confidence: 0.8 }],
      },
      {
        id: 1, seek: 0, start: 2.0, end: 3.8, text: ' Est-ce que vous allez bien ?', temperature: 0.0, avg_logprob: -0.3,
        compression_ratio: 0.8, no_speech_prob: 0.05, confidence: 0.88,
        words: [
          { text: 'Est-ce', start: 2.0, end: 2.4, confidence: 0.9 },
          { text: 'que', start: 2.4, end: 2.6, confidence: 0.95 },
          { text: 'vous', start: 2.6, end: 2.9, confidence: 0.97 },
          { text: 'allez', start: 2.9, end: 3.3, confidence: 0.92 },
          { text: 'bien', start: 3.3, end: 3.6, confidence: 0.94 },
          { text: '?', start: 3.6, end: 3.8, confidence: 0.7 },
        ],
      },
    ],
    language: 'fr',
  };

  it('takes word times from words that carry "text" instead of "word"', () => {
    const { transcript: t, format } = importOk(JSON.stringify(timestamped));
    expect(format).to.equal('whisper-json');
    expect(t.language).to.equal('fr');
    expect(t.words()).to.deep.equal(['Bonjour', '!', 'Est-ce', 'que', 'vous', 'allez', 'bien', '?']);
    expect(Array.from(t.cueWordTimed)).to.deep.equal([1, 1]);
    expect(times(t.wordStart)).to.deep.equal([0.5, 1.2, 2, 2.4, 2.6, 2.9, 3.3, 3.6]);
    expect(times(t.wordEnd)).to.deep.equal([1.2, 1.5, 2.4, 2.6, 2.9, 3.3, 3.6, 3.8]);
  });

  it('reads "segments": [] (a silent recording) as an empty transcript, with a warning', () => {
    const silence = importOk('{"text": "", "segments": [], "language": "en"}');
    expect(silence.format).to.equal('whisper-json');
    expect(silence.transcript.cueCount).to.equal(0);
    expect(silence.transcript.language).to.equal('en');
    expect(silence.warnings).to.deep.equal(['"segments" is empty: the transcript has no words (a silent recording?)']);
    const podcast = importOk({ version: '1.0.0', segments: [] });
    expect([podcast.format, podcast.transcript.cueCount, podcast.warnings.length]).to.deep.equal(['podcast-json', 0, 1]);
    const normalized = importOk({ format: 'space-replay-transcript', version: '1.1', cues: [] });
    expect([normalized.format, normalized.transcript.cueCount, normalized.warnings.length]).to.deep.equal(['normalized-json', 0, 1]);
    // a file with segments gives no warning
    expect(importOk(timestamped).warnings).to.deep.equal([]);
  });
});

describe('transcript import: errors and sniffing', () => {
  const cases: [string, unknown, string][] = [
    ['empty text', '  \n ', 'the transcript file is empty'],
    ['null', null, 'no transcript given (input is empty)'],
    ['not a transcript', 'Hello, this is a letter.', 'not a transcript: expected WebVTT (first line "WEBVTT"), SRT (numbered cues with "-->" timings) or JSON'],
    ['broken JSON', '{"segments": [', 'the transcript is not valid JSON'],
    ['unknown JSON shape', { hello: 'world' }, 'unknown JSON shape: expected {"format": "space-replay-transcript"'],
    ['unknown format', { format: 'other', cues: [] }, 'unknown transcript JSON format "other"'],
    ['normalized without format', { cues: [] }, 'JSON has "cues" but no "format"'],
    ['segments of neither shape', { segments: [{ foo: 1 }] }, 'unknown JSON shape: "segments" entries have neither'],
    ['no cues', 'WEBVTT\n\nNOTE nothing here\n', 'no cues found in the file'],
    ['every cue unreadable (JSON)', { version: '1.0.0', segments: [{ startTime: -1, endTime: 1, body: 'x' }] }, 'no readable cues: 1 item(s) skipped, the first at segments[0].startTime -1 is not a time in seconds >= 0'],
    ['unsupported version', { format: 'space-replay-transcript', version: '2.0', cues: [] }, 'unsupported space-replay-transcript version "2.0"'],
  ];
  for (const [name, input, error] of cases) {
    it(`fails for ${name}`, () => {
      const result = importTranscript(input);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error.startsWith(error), result.error).to.equal(true);
    });
  }

  it('fails when there are more cues than the cap', () => {
    const vtt = `WEBVTT\n\n${Array.from({ length: 11 }, (_, i) => `00:00:${String(i).padStart(2, '0')}.000 --> 00:00:${String(i).padStart(2, '0')}.500\nw${i}\n`).join('\n')}`;
    expect(importTranscript(vtt, { maxCues: 10 })).to.deep.equal({ ok: false, error: 'too many cues: 11 (the limit is 10)' });
    expect(importTranscript(vtt, { maxCues: 11 }).ok).to.equal(true);
    const json = { format: 'space-replay-transcript', version: '1.0', cues: Array.from({ length: 3 }, () => ({ startTime: 0, endTime: 1, text: 'x' })) };
    expect(importTranscript(json, { maxCues: 2 })).to.deep.equal({ ok: false, error: 'too many cues: 3 (the limit is 2)' });
  });

  it('reads bytes: UTF-32 by its byte order mark, and refuses bytes that are not UTF-8', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCafé ☕\n';
    const codes = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0)!)];
    for (const little of [true, false]) {
      const utf32 = new Uint8Array(codes.length * 4);
      codes.forEach((code, i) => new DataView(utf32.buffer).setUint32(i * 4, code, little));
      expect(importOk(utf32).transcript.cueText).to.deep.equal(['Café ☕']);
    }
    // "Café" in Windows-1252: é is the single byte 0xE9
    const latin = Uint8Array.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCafé\n', (c) => c.charCodeAt(0));
    expect(importTranscript(latin)).to.deep.equal({
      ok: false,
      error: 'not UTF-8 (looks like windows-1252?): byte 0xE9 on line 4; save the file as UTF-8',
    });
  });

  it('reads bytes: UTF-8 with a byte order mark and UTF-16', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCafé ☕\n';
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(importOk(utf8.buffer).transcript.cueText).to.deep.equal(['Café ☕']);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect(importOk(utf16).transcript.cueText).to.deep.equal(['Café ☕']);
    const utf16be = new Uint8Array(2 + text.length * 2);
    utf16be[0] = 0xfe;
    utf16be[1] = 0xff;
    for (let i = 0; i < text.length; i++) new DataView(utf16be.buffer).setUint16(2 + i * 2, text.charCodeAt(i), false);
    expect(importOk(utf16be).transcript.cueText).to.deep.equal(['Café ☕']);
  });

  it('follows the given type over sniffing', () => {
    const result = importTranscript('{"not": "vtt"}', { type: 'text/vtt' });
    expect(result).to.deep.equal({ ok: false, error: 'no readable cues: 1 item(s) skipped, the first at line 1: text block without a cue timing line ("-->")' });
  });

  it('uses the language option over the file', () => {
    expect(importOk(WHISPER_SAMPLE, { language: 'en-GB' }).transcript.language).to.equal('en-GB');
  });
});
