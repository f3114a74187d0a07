/**
 * Loading and reconciling `pack`'s side inputs: participants, transcript, diarization, chapters
 * and clips. Speaker labels are matched to participants, consent is applied (ranges to silence,
 * transcript and segments without the people who refused recording), and every problem comes
 * back as a message naming the file (and line) at fault.
 */
import { basename, extname } from 'node:path';
import { RANGE_END_TOLERANCE } from '../manifest/limits.js';
import { formatTime } from '../model/time.js';
import { importTranscript, matchSpeakers, type Transcript } from '../model/transcript/index.js';
import { readChaptersFile, readClipsFile, type ChaptersInput, type ClipInput } from './chapters.js';
import { readEventsFile } from './events-input.js';
import type { RoomEvent } from '../manifest/types.js';
import { readInputText } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';
import type { PackOptions } from './pack-options.js';
import { idForLabel, readParticipantsFile, type InputParticipant } from './participants.js';
import { participantOfCue, rangesToSilence, redactTranscript, subtractRanges, type AttributedRange } from './redaction.js';
import { pickRttmRecording, readRttmFile, type RttmTurn } from './rttm.js';
import type { TimeRange } from './silence-filter.js';

/** Reason written on every redaction `pack` makes. */
export const REDACTION_REASON = 'a participant did not consent to recording';

const MIN_SEGMENT_SECONDS = 0.01;

/** Everything `pack` needs besides the audio, reconciled. */
export interface PackPlan {
  participants: InputParticipant[];
  /** Ids of participants added for unknown speaker labels. */
  addedSpeakers: string[];
  /** The transcript after consent was applied; undefined without one (or when nothing is left). */
  transcript?: Transcript;
  /** Merged ranges to silence. */
  silence: TimeRange[];
  /** Speaker segments, sorted by start. */
  segments: { speaker: string; startTime: number; endTime: number }[];
  chapters?: ChaptersInput;
  clips?: ClipInput[];
  /** The room's events (`--events`), labels mapped to participant ids, sorted by time. */
  events?: RoomEvent[];
  /** Lines to print on stderr: what consent removed, what the transcript import skipped. */
  notices: string[];
}

/** Loads the inputs of `pack` and applies consent; `duration` is the probed audio length. */
export async function loadPackInputs(
  options: PackOptions,
  duration: number,
  /** Turns found in per-participant tracks (`--track`): attributed like RTTM turns, and consent is by exclusion from the mix. */
  voice?: { label: string; turns: RttmTurn[] },
): Promise<Outcome<PackPlan>> {
  const notices: string[] = [];
  const loadedParticipants = await readParticipantsFile(options.participants, options.participantsLabel);
  if (!loadedParticipants.ok) return loadedParticipants;
  const participants = loadedParticipants.value;
  const addedSpeakers: string[] = [];
  const addSpeaker = (label: string): void => {
    const id = idForLabel(label, new Set(participants.map((p) => p.id)));
    // Consent cannot be invented: an unknown voice may be heard (it is in the audio already) but never clipped.
    participants.push({ id, name: label.slice(0, 128), role: 'speaker', consent: { record: true, clip: false } });
    addedSpeakers.push(id);
  };

  let transcript: Transcript | undefined;
  if (options.transcript) {
    const { path, label } = options.transcript;
    const text = await readInputText(path, label);
    if (!text.ok) return text;
    const imported = await importTranscript(text.value, {
      fileName: path,
      participants,
      ...(options.language ? { language: options.language } : {}),
    });
    if (!imported.ok) return fail(`${label}: ${imported.error}`);
    for (const item of imported.skipped) {
      const where = item.line !== undefined ? `:${item.line}` : item.index !== undefined ? ` (cue ${item.index})` : '';
      notices.push(`${label}${where}: skipped: ${item.reason}`);
    }
    for (const warning of imported.warnings) notices.push(`${label}: ${warning}`);
    // A transcript with no words (a silent recording) is packed as no transcript: there is nothing to show.
    if (imported.transcript.cueCount > 0) transcript = imported.transcript;
    else notices.push(`${label}: packed without a transcript`);
    if (transcript && transcript.duration > duration + RANGE_END_TOLERANCE) {
      return fail(
        `${label}: the transcript runs to ${clock(transcript.duration)} but the audio (${options.audioLabel}) ends at ${clock(duration)}`,
      );
    }
    for (const unmatched of transcript ? imported.unmatchedSpeakers : []) {
      if (options.unknownSpeakers === 'error') {
        return fail(
          `${label}: speaker "${unmatched}" matches no participant in ${options.participantsLabel} (by id or name); ` +
            'add them there, or pass --unknown-speakers speaker',
        );
      }
      addSpeaker(unmatched);
    }
  }

  let turns: AttributedRange[] = [];
  if (options.diarization) {
    const { path, label } = options.diarization;
    const rttm = await readRttmFile(path, label);
    if (!rttm.ok) return rttm;
    const recording = pickRttmRecording(rttm.value, label, { fileId: options.rttmFileId, audioName: basename(options.audio, extname(options.audio)) });
    if (!recording.ok) return recording;
    if (recording.value.notice) notices.push(recording.value.notice);
    const attributed = attributeTurns(recording.value.turns, participants, label, duration, options.unknownSpeakers === 'speaker' ? addSpeaker : undefined);
    if (!attributed.ok) return attributed;
    turns = attributed.value;
  } else if (voice) {
    const attributed = attributeTurns(voice.turns, participants, voice.label, duration, options.unknownSpeakers === 'speaker' ? addSpeaker : undefined);
    if (!attributed.ok) return attributed;
    turns = attributed.value;
  }

  let events: RoomEvent[] | undefined;
  if (options.events) {
    const read = await readEventsFile(options.events.path, options.events.label, participants, duration, options.unknownSpeakers === 'speaker' ? addSpeaker : undefined);
    if (!read.ok) return read;
    events = read.value.events;
    notices.push(...read.value.notices);
  }

  const silenced = new Set(participants.filter((p) => !p.consent.record).map((p) => p.id));
  // With tracks, someone who refused recording is not in the mix at all: nothing needs silencing,
  // and whoever spoke over them stays audible.
  const silence = voice ? [] : rangesToSilence(silenced, turns, transcript);
  let droppedCues = 0;
  let droppedWords = 0;
  if (transcript) {
    // Rebuilt even without redactions, so speakers added above are matched to their new ids.
    const redacted = redactTranscript(transcript, silenced, silence, participants);
    transcript = redacted.transcript;
    droppedCues = redacted.droppedCues;
    droppedWords = redacted.droppedWords;
  }
  if (silenced.size > 0) {
    const who = [...silenced].join(', ');
    const total = silence.reduce((sum, range) => sum + (range.end - range.start), 0);
    notices.push(
      voice
        ? `consent: ${who} did not consent to recording: their track is left out of the mix; ` +
            `dropped ${droppedCues} transcript cue(s) and ${droppedWords} word(s)`
        : silence.length > 0
        ? `consent: ${who} did not consent to recording: silenced ${silence.length} range(s), ${total.toFixed(1)} s of audio; ` +
            `dropped ${droppedCues} transcript cue(s) and ${droppedWords} word(s)`
        : `consent: ${who} did not consent to recording, but no diarization turn or transcript cue is theirs: nothing to silence`,
    );
  }
  for (const id of addedSpeakers) {
    notices.push(`participants: added "${id}" for an unknown speaker label (role speaker, consent {record: true, clip: false})`);
  }

  const attributedSource = options.diarization || voice ? turns : transcript ? cueRanges(transcript) : [];
  const segments = mergeTouching(subtractRanges(attributedSource.filter((turn) => !silenced.has(turn.speaker)), silence))
    // Slivers left by cutting out silenced ranges would round to nothing in the manifest.
    .filter((turn) => turn.end - turn.start >= MIN_SEGMENT_SECONDS)
    .map((turn) => ({ speaker: turn.speaker, startTime: turn.start, endTime: turn.end }));

  let chapters: ChaptersInput | undefined;
  if (options.chapters) {
    const loaded = await readChaptersFile(options.chapters.path, options.chapters.label);
    if (!loaded.ok) return loaded;
    chapters = loaded.value.chapters;
    notices.push(...loaded.value.notices);
  }
  let clips: ClipInput[] | undefined;
  if (options.clips) {
    const loaded = await readClipsFile(options.clips.path, options.clips.label);
    if (!loaded.ok) return loaded;
    clips = loaded.value;
  }
  return ok({
    participants,
    addedSpeakers,
    ...(transcript ? { transcript } : {}),
    silence,
    segments,
    ...(chapters ? { chapters } : {}),
    ...(clips ? { clips } : {}),
    ...(events ? { events } : {}),
    notices,
  });
}

/**
 * Maps RTTM labels to participant ids: by id, then by name, then by name with `_` read as a space
 * (RTTM fields cannot hold spaces). An unknown label fails with its first line unless `addSpeaker`.
 */
function attributeTurns(
  turns: readonly RttmTurn[],
  participants: InputParticipant[],
  label: string,
  duration: number,
  addSpeaker: ((label: string) => void) | undefined,
): Outcome<AttributedRange[]> {
  const labels = [...new Set(turns.map((turn) => turn.label))];
  const idOf = new Map<string, string>();
  const resolveLabels = (): string[] => {
    const unresolved = labels.filter((speaker) => !idOf.has(speaker));
    const direct = matchSpeakers(unresolved.map((speaker) => ({ label: speaker })), participants);
    const spaced = matchSpeakers(unresolved.map((speaker) => ({ label: speaker.replace(/_/g, ' ') })), participants);
    const missing: string[] = [];
    unresolved.forEach((speaker, i) => {
      const id = direct.participantIds[i] ?? spaced.participantIds[i];
      if (id === undefined) missing.push(speaker);
      else idOf.set(speaker, id);
    });
    return missing;
  };
  const missing = resolveLabels();
  if (missing.length > 0) {
    if (!addSpeaker) {
      const first = turns.find((turn) => turn.label === missing[0])!;
      return fail(
        `${label}:${first.line}: speaker label "${first.label}" matches no participant (by id or name); ` +
          'add them to the participants file, or pass --unknown-speakers speaker',
      );
    }
    for (const speaker of missing) addSpeaker(speaker);
    resolveLabels();
  }
  const out: AttributedRange[] = [];
  for (const turn of turns) {
    if (turn.end > duration + RANGE_END_TOLERANCE) {
      return fail(`${label}:${turn.line}: the turn ends at ${clock(turn.end)}, after the end of the audio (${clock(duration)})`);
    }
    out.push({ speaker: idOf.get(turn.label)!, start: turn.start, end: Math.min(turn.end, duration) });
  }
  return ok(out);
}

/** One attributed range per transcript cue that has a matched speaker. */
function cueRanges(transcript: Transcript): AttributedRange[] {
  const out: AttributedRange[] = [];
  for (let cue = 0; cue < transcript.cueCount; cue++) {
    const speaker = participantOfCue(transcript, cue);
    if (speaker !== undefined) out.push({ speaker, start: transcript.cueStart[cue]!, end: transcript.cueEnd[cue]! });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Joins consecutive ranges of one speaker that touch or overlap; input sorted by start. */
function mergeTouching(ranges: readonly AttributedRange[]): AttributedRange[] {
  const out: AttributedRange[] = [];
  for (const range of ranges) {
    const last = out.at(-1);
    if (last && last.speaker === range.speaker && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

function clock(seconds: number): string {
  return `${formatTime(seconds)}.${String(Math.floor((seconds % 1) * 10))}`;
}
