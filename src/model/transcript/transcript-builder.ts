/**
 * Turns the cues an importer read into a `Transcript`: sorts cues by start (stable), gives every
 * word a time (interpolating by character length where the file has none), makes the word
 * timeline monotonic for binary search, and matches speakers to participants.
 */
import { matchSpeakers, type Participant } from './speaker-match.js';
import { Transcript, type Speaker, type TranscriptColumns } from './transcript.js';

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

/**
 * A draft cue made by one of this library's readers, which may carry two things it already has,
 * so the builder need not make them again. Only instances of this class are trusted with them: a
 * plain object with the same fields is an ordinary `DraftCue`, so no caller can set them by accident.
 */
export class ReaderCue implements DraftCue {
  wordStarts: number[] | undefined = undefined;
  wordEnds: number[] | undefined = undefined;

  constructor(
    public start: number,
    public end: number,
    public speaker: number,
    public words: string[],
    /** The words joined by single spaces, usually the file's own string. */
    public joinedText: string,
    /**
     * Word times as `[start, end]` pairs the reader has checked: one per word, starts in order
     * from the cue start, each end between its start and the cue end (the normalized JSON's
     * `words`). Copied as they are, with no `wordStarts`/`wordEnds` arrays made in between.
     */
    public checkedTimes: readonly (readonly number[])[] | undefined,
    /**
     * Word times as the normalized JSON's `wordOffsetsMs`, checked by the reader: start and end of
     * each word in whole milliseconds after the cue start, in order, within the cue.
     */
    public checkedOffsetsMs?: readonly number[],
  ) {}
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
  const offsets = cue instanceof ReaderCue ? cue.checkedOffsetsMs : undefined;
  if (offsets) {
    // Whole milliseconds over 1000: each time is the double JSON.parse gives for its decimal text.
    const startMs = Math.round(cue.start * 1000);
    for (let k = 0; k < n; k++) {
      starts[base + k] = (startMs + offsets[2 * k]!) / 1000;
      ends[base + k] = (startMs + offsets[2 * k + 1]!) / 1000;
    }
    return n > 0;
  }
  const checked = cue instanceof ReaderCue ? cue.checkedTimes : undefined;
  if (checked) {
    for (let k = 0; k < n; k++) {
      const pair = checked[k]!;
      starts[base + k] = pair[0]!;
      ends[base + k] = pair[1]!;
    }
    return n > 0;
  }
  const fileStarts = cue.wordStarts;
  if (!fileStarts || fileStarts.length !== n) {
    distribute(cue.words, 0, n, cue.start, cue.end, starts, ends, base);
    return false;
  }
  const fileEnds = cue.wordEnds && cue.wordEnds.length === n ? cue.wordEnds : undefined;
  // First the usable file times go straight into the output columns, NaN where unknown (no
  // scratch arrays: this runs for every cue). Then the unknown stretches are interpolated in place;
  // `distribute` only writes the words of its stretch, which are unknown or already read.
  let timed = false;
  let previous = cue.start;
  for (let k = 0; k < n; k++) {
    const start = fileStarts[k]!;
    if (Number.isFinite(start) && start >= previous && start <= cue.end) {
      starts[base + k] = start;
      previous = start;
      timed = true;
      const end = fileEnds ? fileEnds[k]! : NaN;
      ends[base + k] = Number.isFinite(end) && end >= start && end <= cue.end ? end : NaN;
    } else {
      starts[base + k] = NaN;
      ends[base + k] = NaN;
    }
  }
  if (!timed) {
    distribute(cue.words, 0, n, cue.start, cue.end, starts, ends, base);
    return false;
  }
  let i = 0;
  while (i < n) {
    const si = starts[base + i]!;
    const ei = ends[base + i]!;
    let j = i + 1;
    while (j < n && Number.isNaN(starts[base + j]!)) j++;
    if (j === i + 1 && !Number.isNaN(ei)) {
      // a word with both times from the file, followed by another timed word: already in place
      i = j;
      continue;
    }
    const spanEnd = j < n ? starts[base + j]! : cue.end;
    if (Number.isNaN(si)) {
      // leading words before the first timed one share [cue start, first time)
      distribute(cue.words, i, j, cue.start, spanEnd, starts, ends, base);
    } else if (!Number.isNaN(ei)) {
      // a timed word keeps its end; the untimed words after it share the span until the next time
      distribute(cue.words, i + 1, j, ei, spanEnd, starts, ends, base);
    } else {
      // a word with only a start, and the untimed ones after it, share the span until the next time
      distribute(cue.words, i, j, si, spanEnd, starts, ends, base);
    }
    i = j;
  }
  return true;
}

/** The draft cues in start order: `draft` itself when already sorted. */
function sortedByStart(draft: readonly DraftCue[]): readonly DraftCue[] {
  for (let i = 1; i < draft.length; i++) {
    // Array.prototype.sort is stable, so cues starting together keep file order
    if (draft[i]!.start < draft[i - 1]!.start) return draft.slice().sort((a, b) => a.start - b.start);
  }
  return draft;
}

/** The cue and word columns, before speakers are matched. */
type Columns = Omit<TranscriptColumns, 'speakers' | 'language'>;

// Each pass below is a function of its own, one loop each. V8 optimizes a long loop while it runs
// (on-stack replacement); code after the loop that has never run yet lacks type feedback, and
// every run of one big function with several loops would drop out of optimized code there.

/** Fills the cue and word columns from cues in start order; word times as the file gives them. */
function fillColumns(cues: readonly DraftCue[]): Columns {
  const cueCount = cues.length;
  let wordCount = 0;
  for (let i = 0; i < cueCount; i++) wordCount += cues[i]!.words.length;
  const columns: Columns = {
    cueStart: new Float64Array(cueCount),
    cueEnd: new Float64Array(cueCount),
    cueSpeaker: new Int32Array(cueCount),
    cueText: new Array<string>(cueCount),
    cueFirstWord: new Uint32Array(cueCount + 1),
    cueWordTimed: new Uint8Array(cueCount),
    wordStart: new Float64Array(wordCount),
    wordEnd: new Float64Array(wordCount),
    wordCue: new Uint32Array(wordCount),
    wordOffset: new Uint32Array(wordCount),
  };
  fillCues(cues, columns);
  return columns;
}

/** Writes every cue and its words into the pre-sized columns. */
function fillCues(cues: readonly DraftCue[], columns: Columns): void {
  const { cueStart, cueEnd, cueSpeaker, cueFirstWord, cueWordTimed, wordStart, wordEnd, wordCue, wordOffset } = columns;
  const cueText = columns.cueText as string[];
  let w = 0;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    cueStart[i] = cue.start;
    cueEnd[i] = cue.end;
    cueSpeaker[i] = cue.speaker;
    cueFirstWord[i] = w;
    cueWordTimed[i] = fillCueWords(cue, wordStart, wordEnd, w) ? 1 : 0;
    let offset = 0;
    const words = cue.words;
    for (let k = 0; k < words.length; k++) {
      wordCue[w + k] = i;
      wordOffset[w + k] = offset;
      offset += words[k]!.length + 1;
    }
    cueText[i] = cue instanceof ReaderCue ? cue.joinedText : words.join(' ');
    w += words.length;
    cueFirstWord[i + 1] = w;
  }
}

/**
 * Binary search needs word starts and ends non-decreasing and words disjoint. Two words that
 * merely overlap a little (aligner jitter) lose the overlap from the earlier word's end. A word
 * starting before the previous one did comes from a cue overlapping the previous cue (crosstalk):
 * it moves to the previous word's end, so the earlier speech keeps its times.
 */
function makeMonotonic(wordStart: Float64Array, wordEnd: Float64Array): void {
  for (let k = 1; k < wordStart.length; k++) {
    if (wordStart[k]! < wordStart[k - 1]!) {
      wordStart[k] = wordEnd[k - 1]!;
      if (wordEnd[k]! < wordStart[k]!) wordEnd[k] = wordStart[k]!;
    } else if (wordEnd[k - 1]! > wordStart[k]!) {
      wordEnd[k - 1] = wordStart[k]!;
    }
  }
}

/** Builds a `Transcript` from draft cues (any order). Never throws for well-typed input. */
export function buildTranscript(draft: readonly DraftCue[], options: BuildOptions = {}): BuildResult {
  const columns = fillColumns(sortedByStart(draft));
  makeMonotonic(columns.wordStart, columns.wordEnd);
  const given = options.speakers ?? [];
  const { participantIds, unmatched } = matchSpeakers(given, options.participants);
  const speakers: Speaker[] = given.map((speaker, i) => {
    const participantId = participantIds[i];
    return participantId === undefined ? { label: speaker.label } : { label: speaker.label, participantId };
  });
  const transcript = new Transcript({ ...columns, speakers, language: options.language });
  return { transcript, unmatchedSpeakers: unmatched };
}
