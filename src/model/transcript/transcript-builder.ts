/**
 * Turns the cues an importer read into a `Transcript`: sorts cues by start (stable), gives every
 * word a time (interpolating by character length where the file has none), makes the word
 * timeline monotonic for binary search, and matches speakers to participants.
 */
import { matchSpeakers, type Participant } from './speaker-match.js';
import { Transcript, type Speaker } from './transcript.js';

/** A cue as an importer read it, before indexing. */
export interface DraftCue {
  start: number;
  end: number;
  /** Index into the draft speakers, -1 for none. */
  speaker: number;
  /** Whitespace-free tokens, at least one. */
  words: string[];
  /** Per-word start times from the file (NaN where unknown); absent when the file has none. */
  wordStarts?: number[] | undefined;
  /** Per-word end times from the file (NaN where unknown); absent when unknown. */
  wordEnds?: number[] | undefined;
}

/** Inputs besides the cues. */
export interface BuildOptions {
  /** Speakers referenced by `DraftCue.speaker`, in order. */
  speakers?: readonly Speaker[];
  /** Manifest participants to match speakers without a participant id against. */
  participants?: readonly Participant[] | undefined;
  language?: string | undefined;
}

/** The built transcript and the speaker labels that matched no participant. */
export interface BuildResult {
  transcript: Transcript;
  unmatchedSpeakers: string[];
}

/** Spreads words `from..to-1` over [spanStart, spanEnd) in proportion to their length (plus one for the space). */
function distribute(
  words: readonly string[],
  from: number,
  to: number,
  spanStart: number,
  spanEnd: number,
  starts: Float64Array,
  ends: Float64Array,
  base: number,
): void {
  let total = 0;
  for (let k = from; k < to; k++) total += words[k]!.length + 1;
  const span = spanEnd > spanStart ? spanEnd - spanStart : 0;
  let acc = 0;
  for (let k = from; k < to; k++) {
    starts[base + k] = spanStart + (span * acc) / total;
    acc += words[k]!.length + 1;
    ends[base + k] = k + 1 < to ? spanStart + (span * acc) / total : spanEnd;
  }
}

/**
 * Fills word times of one cue into `starts`/`ends` at `base`; returns true when any time came from
 * the file. File times that are not finite, leave the cue, go backwards or end before they start
 * are treated as unknown.
 */
function fillCueWords(cue: DraftCue, starts: Float64Array, ends: Float64Array, base: number): boolean {
  const n = cue.words.length;
  const fileStarts = cue.wordStarts;
  if (!fileStarts || fileStarts.length !== n) {
    distribute(cue.words, 0, n, cue.start, cue.end, starts, ends, base);
    return false;
  }
  const fileEnds = cue.wordEnds && cue.wordEnds.length === n ? cue.wordEnds : undefined;
  const s = new Float64Array(n);
  const e = new Float64Array(n);
  let timed = false;
  let previous = cue.start;
  for (let k = 0; k < n; k++) {
    const start = fileStarts[k]!;
    if (Number.isFinite(start) && start >= previous && start <= cue.end) {
      s[k] = start;
      previous = start;
      timed = true;
      const end = fileEnds ? fileEnds[k]! : NaN;
      e[k] = Number.isFinite(end) && end >= start && end <= cue.end ? end : NaN;
    } else {
      s[k] = NaN;
      e[k] = NaN;
    }
  }
  if (!timed) {
    distribute(cue.words, 0, n, cue.start, cue.end, starts, ends, base);
    return false;
  }
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && Number.isNaN(s[j]!)) j++;
    const spanEnd = j < n ? s[j]! : cue.end;
    if (Number.isNaN(s[i]!)) {
      // leading words before the first timed one share [cue start, first time)
      distribute(cue.words, i, j, cue.start, spanEnd, starts, ends, base);
    } else if (j === i + 1 && !Number.isNaN(e[i]!)) {
      starts[base + i] = s[i]!;
      ends[base + i] = e[i]!;
    } else {
      // a timed word followed by untimed ones: they share the span until the next time
      const spanStart = s[i]!;
      const untimedFrom = !Number.isNaN(e[i]!) ? i + 1 : i;
      if (untimedFrom === i + 1) {
        starts[base + i] = spanStart;
        ends[base + i] = e[i]!;
        distribute(cue.words, i + 1, j, e[i]!, spanEnd, starts, ends, base);
      } else {
        distribute(cue.words, i, j, spanStart, spanEnd, starts, ends, base);
      }
    }
    i = j;
  }
  return true;
}

/** Builds a `Transcript` from draft cues (any order). Never throws for well-typed input. */
export function buildTranscript(draft: readonly DraftCue[], options: BuildOptions = {}): BuildResult {
  let cues = draft;
  for (let i = 1; i < cues.length; i++) {
    if (cues[i]!.start < cues[i - 1]!.start) {
      // Array.prototype.sort is stable, so cues starting together keep file order
      cues = cues.slice().sort((a, b) => a.start - b.start);
      break;
    }
  }
  const cueCount = cues.length;
  let wordCount = 0;
  for (const cue of cues) wordCount += cue.words.length;

  const cueStart = new Float64Array(cueCount);
  const cueEnd = new Float64Array(cueCount);
  const cueSpeaker = new Int32Array(cueCount);
  const cueText: string[] = new Array(cueCount);
  const cueFirstWord = new Uint32Array(cueCount + 1);
  const cueWordTimed = new Uint8Array(cueCount);
  const wordStart = new Float64Array(wordCount);
  const wordEnd = new Float64Array(wordCount);
  const wordText: string[] = new Array(wordCount);
  const wordCue = new Uint32Array(wordCount);
  const wordOffset = new Uint32Array(wordCount);

  let w = 0;
  for (let i = 0; i < cueCount; i++) {
    const cue = cues[i]!;
    cueStart[i] = cue.start;
    cueEnd[i] = cue.end;
    cueSpeaker[i] = cue.speaker;
    cueFirstWord[i] = w;
    cueWordTimed[i] = fillCueWords(cue, wordStart, wordEnd, w) ? 1 : 0;
    let offset = 0;
    const words = cue.words;
    for (let k = 0; k < words.length; k++) {
      wordText[w + k] = words[k]!;
      wordCue[w + k] = i;
      wordOffset[w + k] = offset;
      offset += words[k]!.length + 1;
    }
    cueText[i] = words.join(' ');
    w += words.length;
  }
  cueFirstWord[cueCount] = w;

  // Binary search needs word starts and ends non-decreasing and words disjoint. Two words that
  // merely overlap a little (aligner jitter) lose the overlap from the earlier word's end. A word
  // starting before the previous one did comes from a cue overlapping the previous cue (crosstalk):
  // it moves to the previous word's end, so the earlier speech keeps its times.
  for (let k = 1; k < wordCount; k++) {
    if (wordStart[k]! < wordStart[k - 1]!) {
      wordStart[k] = wordEnd[k - 1]!;
      if (wordEnd[k]! < wordStart[k]!) wordEnd[k] = wordStart[k]!;
    } else if (wordEnd[k - 1]! > wordStart[k]!) {
      wordEnd[k - 1] = wordStart[k]!;
    }
  }

  const given = options.speakers ?? [];
  const { participantIds, unmatched } = matchSpeakers(given, options.participants);
  const speakers: Speaker[] = given.map((speaker, i) => {
    const participantId = participantIds[i];
    return participantId === undefined ? { label: speaker.label } : { label: speaker.label, participantId };
  });

  const transcript = new Transcript({
    cueStart,
    cueEnd,
    cueSpeaker,
    cueText,
    cueFirstWord,
    cueWordTimed,
    wordStart,
    wordEnd,
    wordText,
    wordCue,
    wordOffset,
    speakers,
    language: options.language,
  });
  return { transcript, unmatchedSpeakers: unmatched };
}
