/**
 * Writing a transcript out: WebVTT (voices and word timestamps), plain text by turn, and the
 * normalized JSON. All three read back with `importTranscript`.
 */
import {
  NORMALIZED_FORMAT,
  NORMALIZED_VERSION,
  type NormalizedCue,
  type NormalizedSpeaker,
  type NormalizedTranscript,
} from './normalized-json.js';
import type { Transcript } from './transcript.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `HH:MM:SS.mmm`, rounded to the millisecond. */
function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** `H:MM:SS`, whole seconds rounded down. */
function clockTime(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A first text line that starts like a cue setting would be read as settings; a character
// reference for its first letter keeps it text.
const LOOKS_LIKE_SETTING = /^(?:region|vertical|line|position|size|align)[:=]/;

/**
 * WebVTT text: one cue per cue, `<v Name>` for speakers, and `<hh:mm:ss.mmm>` before each word
 * whose time came from the source (cues with interpolated times get none). `<`, `>`, `&` escaped.
 */
export function toWebVTT(transcript: Transcript): string {
  const out: string[] = ['WEBVTT'];
  if (transcript.language) out.push(`Language: ${transcript.language.replace(/\s+/g, '')}`);
  out.push('');
  const { cueStart, cueEnd, cueSpeaker, cueFirstWord, cueWordTimed, wordStart, speakers } = transcript;
  for (let i = 0; i < transcript.cueCount; i++) {
    const start = cueStart[i]!;
    const startStamp = vttTime(start);
    const endStamp = vttTime(cueEnd[i]!);
    let line = '';
    const speaker = cueSpeaker[i]!;
    if (speaker >= 0) line += `<v ${escapeVtt(speakers[speaker]!.label)}>`;
    const first = cueFirstWord[i]!;
    const last = cueFirstWord[i + 1]!;
    const timed = cueWordTimed[i] === 1;
    for (let w = first; w < last; w++) {
      if (w > first) line += ' ';
      if (timed) {
        const stamp = vttTime(wordStart[w]!);
        // a stamp equal to the cue start says nothing; one past the cue end would be ignored
        if (stamp !== startStamp && stamp <= endStamp) line += `<${stamp}>`;
      }
      line += escapeVtt(transcript.word(w));
    }
    if (LOOKS_LIKE_SETTING.test(line)) line = `&#${line.charCodeAt(0)};${line.slice(1)}`;
    out.push(`${startStamp} --> ${endStamp}`, line, '');
  }
  return out.join('\n');
}

/** Options for `toPlainText`. */
export interface PlainTextOptions {
  /** Start each paragraph with `[H:MM:SS]` (default true). */
  timestamps?: boolean;
}

/** Plain text, one paragraph per turn: `[0:01:02] Ada: text`, paragraphs separated by a blank line. */
export function toPlainText(transcript: Transcript, options: PlainTextOptions = {}): string {
  const timestamps = options.timestamps ?? true;
  const paragraphs: string[] = [];
  for (let k = 0; k < transcript.turnCount; k++) {
    const speaker = transcript.turnSpeaker[k]!;
    let text = timestamps ? `[${clockTime(transcript.turnStart[k]!)}] ` : '';
    if (speaker >= 0) text += `${transcript.speakers[speaker]!.label}: `;
    text += transcript.cueText.slice(transcript.turnStartCue[k]!, transcript.turnEndCue[k]!).join(' ');
    paragraphs.push(text);
  }
  return paragraphs.length > 0 ? `${paragraphs.join('\n\n')}\n` : '';
}

// Times are written to the millisecond: finer digits are noise for a speech transcript, and they
// double the size of the JSON text and the time JSON.parse needs to read it back.
function toMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * The normalized JSON object (serialize it with `JSON.stringify`). Speakers get ids `s0`, `s1`, …
 * in speaker order; cues whose word times came from the source carry `wordOffsetsMs`. Times are
 * rounded to the millisecond.
 */
export function toNormalizedJson(transcript: Transcript): NormalizedTranscript {
  const speakers: NormalizedSpeaker[] = transcript.speakers.map((speaker, i) =>
    speaker.participantId !== undefined
      ? { id: `s${i}`, name: speaker.label, participant: speaker.participantId }
      : { id: `s${i}`, name: speaker.label },
  );
  const cues: NormalizedCue[] = new Array(transcript.cueCount);
  const { cueStart, cueEnd, cueSpeaker, cueText, cueFirstWord, cueWordTimed, wordStart, wordEnd } = transcript;
  for (let i = 0; i < transcript.cueCount; i++) {
    const startTime = toMs(cueStart[i]!);
    // rounding never reorders times, but it can make a cue shorter than 1 ms empty: keep it 1 ms long
    let endTime = toMs(cueEnd[i]!);
    if (endTime <= startTime) endTime = (Math.round(startTime * 1000) + 1) / 1000;
    const cue: NormalizedCue =
      cueSpeaker[i]! >= 0
        ? { startTime, endTime, speaker: `s${cueSpeaker[i]}`, text: cueText[i]! }
        : { startTime, endTime, text: cueText[i]! };
    if (cueWordTimed[i] === 1) {
      // Whole milliseconds after the cue start, flat: about half the JSON.parse time of [start, end]
      // pairs in seconds (no array per word, integers instead of decimals) and a third less text.
      const startMs = Math.round(startTime * 1000);
      const endMs = Math.round(endTime * 1000);
      const offsets: number[] = [];
      let previous = 0;
      for (let w = cueFirstWord[i]!; w < cueFirstWord[i + 1]!; w++) {
        const s = Math.min(Math.max(Math.round(wordStart[w]! * 1000) - startMs, previous), endMs - startMs);
        const e = Math.min(Math.max(Math.round(wordEnd[w]! * 1000) - startMs, s), endMs - startMs);
        offsets.push(s, e);
        previous = s;
      }
      cue.wordOffsetsMs = offsets;
    }
    cues[i] = cue;
  }
  return {
    format: NORMALIZED_FORMAT,
    version: NORMALIZED_VERSION,
    ...(transcript.language ? { language: transcript.language } : {}),
    ...(speakers.length > 0 ? { speakers } : {}),
    cues,
  };
}
