/**
 * `pack --track label=file[@offset]`: one file per participant, as room and call recorders write
 * them, all starting together (or `offset` seconds into the room). Each label is matched to a
 * participant as RTTM labels are. The tracks of people who consented to recording are mixed; the
 * track of anyone whose `consent.record` is false is left out of the mix entirely (never decoded),
 * so nobody else is silenced over them. Speaker turns come from each included track's own voice
 * activity, so no diarization is needed.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { matchSpeakers } from '../model/transcript/index.js';
import { probeAudio, type FfmpegTools } from './ffmpeg.js';
import { describeFsError } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';
import { readParticipantsFile } from './participants.js';
import type { RttmTurn } from './rttm.js';
import { detectSpeech, type VoiceActivityOptions } from './voice-activity.js';

/** One `--track` flag, checked. */
export interface TrackInput {
  /** The speaker label: a participant id or name. */
  label: string;
  /** Absolute path of the audio file. */
  path: string;
  /** Seconds into the room at which the file starts. */
  offset: number;
  /** The flag's value as typed, for messages. */
  spec: string;
}

/** Reads `label=file` or `label=file@seconds`; failures are usage errors. */
export function parseTrackFlag(value: string, cwd: string): Outcome<TrackInput> {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) {
    return fail(`space-replay pack: --track must be <label>=<file> or <label>=<file>@<seconds>, not '${value}'`);
  }
  const label = value.slice(0, eq);
  let file = value.slice(eq + 1);
  let offset = 0;
  const at = /@(\d+(?:\.\d+)?)$/.exec(file);
  if (at) {
    offset = Number(at[1]);
    file = file.slice(0, at.index);
  } else if (/@-/.test(file)) {
    return fail(`space-replay pack: --track ${value}: the offset must be 0 or more seconds (a track starts in the room, not before it)`);
  }
  if (file === '') return fail(`space-replay pack: --track ${value}: no file`);
  return ok({ label, path: resolve(cwd, file), offset, spec: value });
}

/** What the tracks give `pack`. */
export interface PreparedTracks {
  /** The files to mix, with their offsets (people who refused recording are not among them). */
  mix: { path: string; offset: number }[];
  /** Speech of each mixed track, as RTTM-like turns labelled with the track's label. */
  turns: RttmTurn[];
  /** The room's length: the end of the longest track, left-out tracks included. */
  duration: number;
  /** The highest sample rate among the mixed tracks. */
  sampleRate: number;
  /** The newest modification time of the files (for the default start time). */
  mtimeMs: number;
  /** Labels of the tracks left out of the mix. */
  excluded: string[];
}

/**
 * Probes every track, matches labels to the participants in `participantsPath`, and finds the
 * speech in each track that will be mixed. An unknown label fails unless `unknownSpeakers`.
 */
export async function prepareTracks(
  tools: FfmpegTools,
  tracks: readonly TrackInput[],
  participants: { path: string; label: string },
  unknownSpeakers: boolean,
  vad: VoiceActivityOptions,
  signal?: AbortSignal,
): Promise<Outcome<PreparedTracks>> {
  const people = await readParticipantsFile(participants.path, participants.label);
  if (!people.ok) return people;
  const direct = matchSpeakers(tracks.map((t) => ({ label: t.label })), people.value);
  const spaced = matchSpeakers(tracks.map((t) => ({ label: t.label.replace(/_/g, ' ') })), people.value);
  const probed: { track: TrackInput; duration: number; sampleRate: number; refused: boolean }[] = [];
  let mtimeMs = 0;
  for (let i = 0; i < tracks.length; i++) {
    const track = tracks[i]!;
    const id = direct.participantIds[i] ?? spaced.participantIds[i];
    if (id === undefined && !unknownSpeakers) {
      return fail(
        `--track ${track.spec}: label "${track.label}" matches no participant in ${participants.label} (by id or name); ` +
          'add them there, or pass --unknown-speakers speaker',
      );
    }
    try {
      const info = await stat(track.path);
      if (!info.isFile()) return fail(`--track ${track.spec}: not a file`);
      mtimeMs = Math.max(mtimeMs, info.mtimeMs);
    } catch (error) {
      return fail(`--track ${track.spec}: cannot read file (${describeFsError(error)})`);
    }
    const probe = await probeAudio(tools, track.path, `--track ${track.spec}`);
    if (!probe.ok) return probe;
    const refused = id !== undefined && people.value.find((p) => p.id === id)?.consent.record === false;
    probed.push({ track, duration: probe.value.duration, sampleRate: probe.value.sampleRate, refused });
  }
  const mixed = probed.filter((p) => !p.refused);
  if (mixed.length === 0) return fail('--track: every track belongs to a participant who did not consent to recording; there is nothing to publish');

  const turns: RttmTurn[] = [];
  for (const { track, duration } of mixed) {
    const speech = await detectSpeech(tools, track.path, `--track ${track.spec}`, duration, vad, signal);
    if (!speech.ok) return speech;
    const line = tracks.indexOf(track) + 1;
    // One recording: every track's turns share its file id.
    for (const range of speech.value) turns.push({ label: track.label, start: range.start + track.offset, end: range.end + track.offset, line, fileId: 'tracks' });
  }
  turns.sort((a, b) => a.start - b.start);
  return ok({
    mix: mixed.map(({ track }) => ({ path: track.path, offset: track.offset })),
    turns,
    duration: Math.max(...probed.map((p) => p.track.offset + p.duration)),
    sampleRate: Math.max(...mixed.map((p) => p.sampleRate)),
    mtimeMs,
    excluded: probed.filter((p) => p.refused).map((p) => p.track.label),
  });
}
