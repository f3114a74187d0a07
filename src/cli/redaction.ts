/**
 * Consent enforcement on the data side: which time ranges must be silenced (everything a
 * participant with `consent.record: false` says, by diarization and by transcript), and the
 * transcript and segments with those people and ranges taken out.
 */
import { lowerBound } from '../model/binary-search.js';
import { buildTranscript, type DraftCue, type Participant, type Transcript } from '../model/transcript/index.js';
import { mergeRanges, type TimeRange } from './silence-filter.js';

/** A speaker turn attributed to a participant id. */
export interface AttributedRange extends TimeRange {
  speaker: string;
}

/** Ranges to silence: every turn and transcript cue of the `silenced` participants, merged. */
export function rangesToSilence(
  silenced: ReadonlySet<string>,
  turns: readonly AttributedRange[],
  transcript: Transcript | undefined,
): TimeRange[] {
  const ranges: TimeRange[] = turns.filter((turn) => silenced.has(turn.speaker));
  if (transcript) {
    for (let cue = 0; cue < transcript.cueCount; cue++) {
      if (silenced.has(participantOfCue(transcript, cue) ?? '')) {
        ranges.push({ start: transcript.cueStart[cue]!, end: transcript.cueEnd[cue]! });
      }
    }
  }
  return mergeRanges(ranges);
}

/** The participant id of a cue's speaker, if matched. */
export function participantOfCue(transcript: Transcript, cue: number): string | undefined {
  const speaker = transcript.cueSpeaker[cue]!;
  return speaker >= 0 ? transcript.speakers[speaker]!.participantId : undefined;
}

/** Whether `[start, end)` overlaps any of the merged, sorted `ranges`. O(log n). */
function overlapsAny(ranges: readonly TimeRange[], starts: Float64Array, start: number, end: number): boolean {
  const i = lowerBound(starts, Math.max(end, start + Number.EPSILON)) - 1;
  return i >= 0 && ranges[i]!.end > start;
}

/** What {@link redactTranscript} removed. */
export interface TranscriptRedaction {
  transcript: Transcript | undefined;
  droppedCues: number;
  droppedWords: number;
}

/**
 * Rebuilds the transcript without the cues of `silenced` participants and without any word that
 * overlaps a silenced range (what cannot be heard is not written either), matching speakers to
 * `participants` again. Cues left without words are dropped; undefined when no cue is left.
 */
export function redactTranscript(
  transcript: Transcript,
  silenced: ReadonlySet<string>,
  ranges: readonly TimeRange[],
  participants: readonly Participant[],
): TranscriptRedaction {
  const starts = Float64Array.from(ranges, (range) => range.start);
  const drafts: DraftCue[] = [];
  let droppedCues = 0;
  let droppedWords = 0;
  for (let cue = 0; cue < transcript.cueCount; cue++) {
    const [first, last] = transcript.wordsOfCue(cue);
    if (silenced.has(participantOfCue(transcript, cue) ?? '')) {
      droppedCues++;
      droppedWords += last - first;
      continue;
    }
    const words: string[] = [];
    const wordStarts: number[] = [];
    const wordEnds: number[] = [];
    for (let w = first; w < last; w++) {
      if (overlapsAny(ranges, starts, transcript.wordStart[w]!, transcript.wordEnd[w]!)) {
        droppedWords++;
        continue;
      }
      words.push(transcript.word(w));
      wordStarts.push(transcript.wordStart[w]!);
      wordEnds.push(transcript.wordEnd[w]!);
    }
    if (words.length === 0) {
      droppedCues++;
      continue;
    }
    const partial = words.length < last - first;
    // Keep times that came from the file; a partly cut cue also keeps the interpolated ones, so
    // the remaining words stay where they were instead of spreading over the silenced part.
    const keepTimes = transcript.cueWordTimed[cue] === 1 || partial;
    drafts.push({
      start: partial ? wordStarts[0]! : transcript.cueStart[cue]!,
      end: partial ? wordEnds.at(-1)! : transcript.cueEnd[cue]!,
      speaker: transcript.cueSpeaker[cue]!,
      words,
      ...(keepTimes ? { wordStarts, wordEnds } : {}),
    });
  }
  if (drafts.length === 0) return { transcript: undefined, droppedCues, droppedWords };
  // Only speakers who still have cues stay listed: a silenced person must not appear as a speaker.
  // They are re-matched by label, so people added since the import get their ids.
  const speakerIndex = new Map<number, number>();
  const speakers: { label: string }[] = [];
  for (const draft of drafts) {
    if (draft.speaker < 0) continue;
    let index = speakerIndex.get(draft.speaker);
    if (index === undefined) {
      index = speakers.length;
      speakerIndex.set(draft.speaker, index);
      speakers.push({ label: transcript.speakers[draft.speaker]!.label });
    }
    draft.speaker = index;
  }
  const built = buildTranscript(drafts, { speakers, participants, language: transcript.language });
  return { transcript: built.transcript, droppedCues, droppedWords };
}

/** Cuts the silenced `ranges` out of speaker turns (the audio there is silent), dropping what is left empty. */
export function subtractRanges<T extends TimeRange>(turns: readonly T[], ranges: readonly TimeRange[]): T[] {
  const starts = Float64Array.from(ranges, (range) => range.start);
  const out: T[] = [];
  for (const turn of turns) {
    let start = turn.start;
    // Ranges that can overlap the turn start at the last range beginning at or before it.
    let i = Math.max(0, lowerBound(starts, turn.start + Number.EPSILON) - 1);
    for (; i < ranges.length && ranges[i]!.start < turn.end; i++) {
      const range = ranges[i]!;
      if (range.end <= start) continue;
      if (range.start > start) out.push({ ...turn, start, end: range.start });
      start = Math.max(start, range.end);
    }
    if (turn.end > start) out.push({ ...turn, start, end: turn.end });
  }
  return out;
}
