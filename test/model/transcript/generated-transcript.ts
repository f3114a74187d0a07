/**
 * Deterministic large transcripts for tests and timing: `wordCount` words in cues of 4–8 words,
 * four speakers, word times in whole milliseconds with small gaps, in the normalized JSON and as WebVTT.
 */
import type { NormalizedTranscript } from '../../../src/model/transcript/index.js';

const VOCABULARY = ['the', 'replay', 'café', 'Zürich', 'audio', 'room', 'speaker', 'naïve', 'stream', 'clip', 'wave', 'Straße', 'hello', 'world', 'link', 'share'];

/** A seeded pseudo-random generator (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A transcript of `wordCount` timed words as normalized JSON. */
export function generateNormalized(wordCount: number, seed = 7): NormalizedTranscript {
  const random = seededRandom(seed);
  const speakers = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'].map((name, i) => ({ id: `s${i}`, name }));
  const cues: NormalizedTranscript['cues'] = [];
  // Whole milliseconds, as `toNormalizedJson` writes them, so the JSON text has a realistic size.
  const ms = (seconds: number) => Math.round(seconds * 1000);
  let t = 500;
  let speaker = 0;
  let made = 0;
  while (made < wordCount) {
    const n = Math.min(wordCount - made, 4 + Math.floor(random() * 5));
    if (random() < 0.3) speaker = Math.floor(random() * speakers.length);
    const words: [number, number][] = [];
    const text: string[] = [];
    const start = t;
    for (let k = 0; k < n; k++) {
      const duration = ms(0.15 + random() * 0.4);
      words.push([t / 1000, (t + duration) / 1000]);
      text.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
      t += duration + (random() < 0.2 ? ms(0.1 + random() * 0.3) : 0);
    }
    cues.push({ startTime: start / 1000, endTime: words[n - 1]![1], speaker: `s${speaker}`, text: text.join(' '), words });
    t += ms(0.2 + random() * 1.5);
    made += n;
  }
  return { format: 'space-replay-transcript', version: '1.0', language: 'en', speakers, cues };
}

function stamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** The same transcript as WebVTT with voices and inline word timestamps. */
export function generateWebVTT(wordCount: number, seed = 7): string {
  const json = generateNormalized(wordCount, seed);
  const names = new Map(json.speakers!.map((s) => [s.id, s.name]));
  const out = ['WEBVTT', ''];
  for (const cue of json.cues) {
    const words = cue.text.split(' ');
    const body = words.map((w, k) => (k === 0 ? w : `<${stamp(cue.words![k]![0])}>${w}`)).join(' ');
    out.push(`${stamp(cue.startTime)} --> ${stamp(cue.endTime)}`, `<v ${names.get(cue.speaker!)}>${body}`, '');
  }
  return out.join('\n');
}
