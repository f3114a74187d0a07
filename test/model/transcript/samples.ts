/**
 * Realistic transcript samples for the importer tests. Line numbers matter: the comments next to
 * the WebVTT and SRT samples say which lines are skipped and why.
 */

/**
 * WebVTT with a header, STYLE, REGION and NOTE blocks, voices, inline word timestamps, tags,
 * entities, RTL text, and malformed cues on lines 21 (end before start), 24 (bad end time),
 * 31 (block without timing), 36 (zero length) and 39 (no text).
 */
export const WEBVTT_SAMPLE = [
  'WEBVTT', // 1
  'Kind: captions',
  'Language: en',
  '',
  'STYLE', // 5
  '::cue(v[voice="Ada Lovelace"]) { color: yellow }',
  '',
  'REGION',
  'id:left width:40% lines:3',
  '', // 10
  'NOTE This file was edited by hand.',
  'It has two lines.',
  '',
  'intro',
  '00:00:01.000 --> 00:00:04.000 region:left align:start', // 15
  '<v Ada Lovelace>Welcome to the <00:00:01.800><b>replay</b> <00:00:02.400>of our <00:00:03.000><i>café</i> chat.',
  '',
  '00:00:04.500 --> 00:00:07.000',
  '<v.loud Grace Hopper>Thanks, Ada &amp; everyone &lt;3',
  '', // 20
  '00:00:07.000 --> 00:00:06.000',
  '<v Ada Lovelace>This cue ends before it starts.',
  '',
  '00:00:08.000 --> 00:00:09,500',
  '<v Ada Lovelace>Bad end time.', // 25
  '',
  '00:00:10.000 --> 00:00:12.000',
  '<v Grace Hopper><c.highlight>Ruby</c> <ruby>漢字<rt>かんじ</rt></ruby> and <lang ar>مرحبا بالعالم</lang>',
  'multi-line text',
  '', // 30
  'just a stray line without timing',
  '',
  '00:00:13.000 --> 00:00:15.000',
  'No voice here, &quot;quoted&quot;',
  '', // 35
  '00:00:16.000 --> 00:00:16.000',
  'Zero length.',
  '',
  '00:00:17.000 --> 00:00:18.000',
  '', // 40
].join('\n');

/**
 * SRT with comma decimals, `NAME:` prefixes, tags, an SSA override, and bad blocks on lines 10
 * (end before start) and 19 (bad start time). "Note:" prefixes only one cue, so it stays text.
 */
export const SRT_SAMPLE = [
  '1', // 1
  '00:00:01,000 --> 00:00:03,500',
  'ADA: Hello everyone, welcome.',
  '',
  '2', // 5
  '00:00:03,600 --> 00:00:06,000',
  'GRACE: Thanks for having me.',
  '',
  '3',
  '00:00:06,500 --> 00:00:05,000', // 10
  'ADA: Backwards cue.',
  '',
  '4',
  '00:00:07,000 --> 00:00:09,000',
  '<i>ADA: Italic line</i>', // 15
  'second line {\\an8}',
  '',
  '5',
  '00:00:xx,000 --> 00:00:10,000',
  'Broken timing.', // 20
  '',
  '6',
  '00:00:10,000 --> 00:00:12,250',
  'GRACE: One more & done <font color="red">red</font>',
  '', // 25
  '7',
  '00:00:12,500 --> 00:00:13,000',
  'Note: this is not a speaker.',
  '',
].join('\r\n');

/**
 * Podcasting 2.0 JSON, mostly one word per segment. Skipped: index 9 (endTime is a string),
 * index 11 (empty body). The gap before index 8 (1.9 s) starts a new cue.
 */
export const PODCAST_SAMPLE = {
  version: '1.0.0',
  segments: [
    { speaker: 'Ada Lovelace', startTime: 0.5, endTime: 0.9, body: 'Hello' },
    { speaker: 'Ada Lovelace', startTime: 0.9, endTime: 1.4, body: 'and' },
    { speaker: 'Ada Lovelace', startTime: 1.4, endTime: 2.0, body: 'welcome.' },
    { speaker: 'Ada Lovelace', startTime: 2.1, endTime: 2.5, body: 'Today' },
    { speaker: 'Ada Lovelace', startTime: 2.5, endTime: 2.9, body: 'we' },
    { speaker: 'Ada Lovelace', startTime: 2.9, endTime: 3.3, body: 'talk' },
    { speaker: 'Grace Hopper', startTime: 3.4, endTime: 3.8, body: 'Yes' },
    { speaker: 'Grace Hopper', startTime: 3.8, endTime: 4.1, body: 'indeed' },
    { speaker: 'Grace Hopper', startTime: 6.0, endTime: 6.4, body: 'Later' },
    { speaker: 'Grace Hopper', startTime: 6.4, endTime: '7', body: 'on' },
    { speaker: 'Grace Hopper', startTime: 6.5, endTime: 6.9, body: 'then' },
    { speaker: 'Grace Hopper', startTime: 7.0, endTime: 7.0, body: '' },
    { speaker: 'Ada Lovelace', startTime: 8.0, endTime: 10.0, body: 'A whole sentence segment here.' },
  ],
};

/** whisperX-style JSON: word times, diarized speakers, a word without times, a bad segment (index 2). */
export const WHISPER_SAMPLE = {
  text: ' Hello there, Ada. I have 2 questions. No words here.',
  language: 'en',
  segments: [
    {
      id: 0,
      start: 0.0,
      end: 2.0,
      text: ' Hello there, Ada.',
      speaker: 'SPEAKER_00',
      words: [
        { word: ' Hello', start: 0.0, end: 0.4, probability: 0.93, speaker: 'SPEAKER_00' },
        { word: ' there,', start: 0.5, end: 0.9, probability: 0.88, speaker: 'SPEAKER_00' },
        { word: ' Ada.', start: 1.0, end: 1.6, probability: 0.97, speaker: 'SPEAKER_00' },
      ],
    },
    {
      id: 1,
      start: 2.2,
      end: 4.0,
      text: ' I have 2 questions.',
      speaker: 'SPEAKER_01',
      words: [
        { word: 'I', start: 2.2, end: 2.3, score: 0.9, speaker: 'SPEAKER_01' },
        { word: 'have', start: 2.4, end: 2.7, score: 0.9, speaker: 'SPEAKER_01' },
        { word: '2' },
        { word: 'questions.', start: 3.1, end: 3.9, score: 0.8, speaker: 'SPEAKER_01' },
      ],
    },
    { id: 2, start: 5.0, end: 4.5, text: ' broken' },
    { id: 3, start: 5.0, end: 6.5, text: ' No words here.' },
  ],
};
