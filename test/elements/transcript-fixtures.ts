/** Transcripts and participants for the transcript panel and clip editor tests. */
import { importTranscript, type NormalizedTranscript, type Transcript } from '../../src/model/transcript/index.js';

/** Imports normalized JSON, failing the test when it does not import. */
export function transcriptOf(json: NormalizedTranscript, participants?: { id: string; name: string }[]): Transcript {
  const result = importTranscript(json, participants ? { participants } : {});
  if (!result.ok) throw new Error(result.error);
  return result.transcript;
}

/** Times for `text`'s words: `gap` s apart, each `length` s long, from `start`. */
export function timed(start: number, text: string, length = 0.4, gap = 0.1): { startTime: number; endTime: number; text: string; words: [number, number][] } {
  const words = text.split(' ').map((_, i): [number, number] => [start + i * (length + gap), start + i * (length + gap) + length]);
  return { startTime: start, endTime: words[words.length - 1]![1], text, words };
}

/** Three speakers in four turns with word times (0.4 s words, 0.1 s apart); Bo refuses clipping. */
export const TALK: NormalizedTranscript = {
  format: 'space-replay-transcript',
  version: '1.0',
  language: 'en',
  speakers: [
    { id: 's0', name: 'Ada Host', participant: 'ada' },
    { id: 's1', name: 'Bo Guest', participant: 'bo' },
    { id: 's2', name: 'Cy Cohost', participant: 'cy' },
  ],
  cues: [
    { ...timed(0.4, 'Welcome to the replay test recording.'), speaker: 's0' },
    { ...timed(3.5, 'Today we talk about audio on the web.'), speaker: 's0' },
    { ...timed(7.6, 'Thanks for having me. Streaming long rooms is harder than it looks.'), speaker: 's1' },
    { ...timed(13.8, 'Segments keep the memory small, even for four hours at the café.'), speaker: 's2' },
    { ...timed(20, 'And peaks let us draw the waveform without decoding anything.'), speaker: 's0' },
  ],
};

/** Who speaks when in {@link TALK}, as manifest segments. */
export const TALK_SEGMENTS = [
  { speaker: 'ada', startTime: 0.4, endTime: 7.4 },
  { speaker: 'bo', startTime: 7.6, endTime: 13.5 },
  { speaker: 'cy', startTime: 13.8, endTime: 19.7 },
  { speaker: 'ada', startTime: 20, endTime: 24.9 },
];

/** Participants of the talk fixture. */
export const TALK_PARTICIPANTS = [
  { id: 'ada', name: 'Ada Host', avatar: 'avatar-ada.png', consent: { record: true, clip: true } },
  { id: 'bo', name: 'Bo Guest', avatar: 'javascript:alert(1)', consent: { record: true, clip: false } },
  { id: 'cy', name: 'Cy Cohost', consent: { record: true, clip: true } },
];
