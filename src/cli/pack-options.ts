/** The flags of `space-replay pack` and their checked, resolved values. */
import { basename, extname, resolve } from 'node:path';
import type { CommandSpec, FlagSpec, FlagValues } from './args.js';
import { parseInstant, parseSpan } from './expiry.js';
import { idForLabel } from './participants.js';
import { parseTrackFlag, type TrackInput } from './tracks.js';
import { VOICE_ACTIVITY_DEFAULTS, type VoiceActivityOptions } from './voice-activity.js';
import { fail, ok, type Outcome } from './outcome.js';

/** The flag table of `pack` (also the source of its `--help`). */
export const PACK_SPEC = {
  name: 'pack',
  summary:
    'Encode <audio> to HLS (fMP4 AAC) + audio.m4a, compute the waveform, import the transcript and\n' +
    'diarization, enforce consent (silencing people who did not agree to be recorded) and write a\n' +
    'validated manifest.json. Everything lands in --out at once, or nothing does.',
  positionals: ['<audio>'],
  // Without <audio>, --track gives the audio.
  optionalPositionals: 1,
  flags: {
    out: { type: 'string', short: 'o', placeholder: '<dir>', description: 'Output folder (required)' },
    participants: { type: 'string', short: 'p', placeholder: '<file>', description: 'participants.json: people, roles and consent (required)' },
    transcript: { type: 'string', short: 't', placeholder: '<file>', description: 'Transcript: WebVTT, SRT, Podcasting 2.0 JSON, Whisper JSON or normalized JSON' },
    diarization: { type: 'string', short: 'd', placeholder: '<file>', description: 'Who spoke when, as RTTM' },
    'rttm-file-id': {
      type: 'string',
      placeholder: '<id>',
      description: 'The recording to take from an RTTM that holds several (its file id, field 2; default: the audio’s name)',
    },
    track: {
      type: 'string',
      multiple: true,
      placeholder: '<label>=<file>[@s]',
      description: 'One participant’s own track instead of <audio> (repeat per person; @s: starts s seconds in). Mixed, and turns found in each',
    },
    'vad-threshold': { type: 'string', placeholder: '<dB>', description: 'With --track: level below which a track is silent (default -40)' },
    'vad-min-silence': { type: 'string', placeholder: '<s>', description: 'With --track: shorter pauses stay inside a turn (default 0.5)' },
    chapters: { type: 'string', placeholder: '<file>', description: 'Podcasting 2.0 JSON chapters' },
    clips: { type: 'string', placeholder: '<file>', description: 'Host clips: JSON array of {id, startTime, endTime, title?}' },
    events: { type: 'string', placeholder: '<file>', description: 'Room events as JSON Lines: joins, stage, hands, mutes, reactions, pins, title changes' },
    title: { type: 'string', placeholder: '<text>', description: 'Title (default: the audio file name)' },
    id: { type: 'string', placeholder: '<id>', description: 'Recording id (default: from the output folder name)' },
    language: { type: 'string', placeholder: '<tag>', description: 'BCP 47 language of the recording (default: the transcript’s)' },
    status: { type: 'string', placeholder: 'ended|live', description: 'Recording status (default ended; live writes no endedAt)' },
    'started-at': { type: 'string', placeholder: '<date-time>', description: 'When the room started, RFC 3339 (default: file time minus duration)' },
    'expires-in': { type: 'string', placeholder: '<span>', description: 'Expire after a span from now: 30d, 12h, 2w' },
    'expires-at': { type: 'string', placeholder: '<date-time>', description: 'Expire at this RFC 3339 date-time (may be in the past)' },
    'allow-download': { type: 'boolean', description: 'Offer audio.m4a (and transcript.vtt) for download' },
    bitrate: { type: 'string', placeholder: '<rate>', description: 'AAC bitrate (default 64k)' },
    'aac-coder': {
      type: 'string',
      placeholder: 'auto|fast|twoloop',
      description: 'ffmpeg’s AAC coder: auto (default) is fast at 64k and above, twoloop below',
    },
    fast: { type: 'boolean', description: 'Same as --aac-coder fast' },
    'unknown-speakers': {
      type: 'string',
      placeholder: 'error|speaker',
      description: 'A speaker label matching no participant: fail (default), or add them as a speaker with consent {record: true, clip: false}',
    },
    force: { type: 'boolean', short: 'f', description: 'Replace a non-empty --out folder' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  examples: [
    'space-replay pack room.wav --out public/rooms/launch --participants participants.json',
    'space-replay pack room.m4a -o out/ama -p people.json -t room.vtt -d room.rttm --chapters chapters.json --expires-in 30d',
    'space-replay pack live.wav -o out/now -p people.json --status live --bitrate 48k --json',
    'space-replay pack -o out/call -p people.json --track ada=ada.flac --track alan=alan.flac@1.5 --events events.jsonl',
  ],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/** `pack`'s inputs after checking: absolute paths plus the labels to name them by in messages. */
export interface PackOptions {
  audio: string;
  audioLabel: string;
  out: string;
  outLabel: string;
  participants: string;
  participantsLabel: string;
  transcript?: { path: string; label: string };
  diarization?: { path: string; label: string };
  /** `--rttm-file-id`: the RTTM file id to use. */
  rttmFileId?: string;
  /** Per-participant tracks given instead of one audio file (`audio` is then empty). */
  tracks?: TrackInput[];
  /** How speech is found in each track. */
  vad: VoiceActivityOptions;
  chapters?: { path: string; label: string };
  clips?: { path: string; label: string };
  events?: { path: string; label: string };
  title: string;
  id: string;
  language?: string;
  status: 'ended' | 'live';
  startedAt?: string;
  expiresAt?: string;
  allowDownload: boolean;
  bitrate: string;
  /** ffmpeg's AAC coder, resolved from `--aac-coder` (auto picks by bitrate) and `--fast`. */
  aacCoder: AacCoder;
  unknownSpeakers: 'error' | 'speaker';
  force: boolean;
  json: boolean;
}

type PackValues = FlagValues<typeof PACK_SPEC.flags>;

/** Checks flag values that need no file access; failures are usage errors. */
export function resolvePackOptions(values: PackValues, positionals: readonly string[], cwd: string, now: number): Outcome<PackOptions> {
  const trackFlags = values.track ?? [];
  if (positionals.length === 0 && trackFlags.length === 0) return fail('space-replay pack: missing <audio> (or --track <label>=<file> for each participant)');
  if (positionals.length > 0 && trackFlags.length > 0) return fail('space-replay pack: give <audio> or --track, not both');
  if (trackFlags.length > 0 && values.diarization) {
    return fail('space-replay pack: --diarization and --track cannot be combined: the tracks say who spoke when');
  }
  const tracks: TrackInput[] = [];
  for (const flag of trackFlags) {
    const track = parseTrackFlag(flag, cwd);
    if (!track.ok) return track;
    tracks.push(track.value);
  }
  const vad = { ...VOICE_ACTIVITY_DEFAULTS };
  if (values['vad-threshold'] !== undefined) {
    const db = Number(values['vad-threshold'].replace(/dB$/i, ''));
    if (!Number.isFinite(db) || db >= 0 || db < -100) return fail(`space-replay pack: --vad-threshold must be a level in dB between -100 and 0, like -40, not '${values['vad-threshold']}'`);
    vad.thresholdDb = db;
  }
  if (values['vad-min-silence'] !== undefined) {
    const s = Number(values['vad-min-silence']);
    if (!Number.isFinite(s) || s < 0.05 || s > 10) return fail(`space-replay pack: --vad-min-silence must be seconds between 0.05 and 10, not '${values['vad-min-silence']}'`);
    vad.minSilence = s;
  }
  const audioLabel = positionals[0] ?? `${tracks.length} track${tracks.length === 1 ? '' : 's'}`;
  if (!values.out) return fail('space-replay pack: --out <dir> is required');
  if (!values.participants) {
    return fail(
      'space-replay pack: --participants <file> is required: the manifest must say who opted in (a host) and what everyone consented to',
    );
  }
  if (values['rttm-file-id'] !== undefined && !values.diarization) return fail('space-replay pack: --rttm-file-id picks a recording of the --diarization file; give --diarization too');
  if (values['expires-in'] && values['expires-at']) return fail('space-replay pack: give --expires-in or --expires-at, not both');
  const status = values.status ?? 'ended';
  if (status !== 'ended' && status !== 'live') return fail(`space-replay pack: --status must be ended or live, not '${status}'`);
  const unknownSpeakers = values['unknown-speakers'] ?? 'error';
  if (unknownSpeakers !== 'error' && unknownSpeakers !== 'speaker') {
    return fail(`space-replay pack: --unknown-speakers must be error or speaker, not '${unknownSpeakers}'`);
  }
  const bitrate = values.bitrate ?? '64k';
  if (!/^\d{1,3}k$/.test(bitrate) || Number.parseInt(bitrate, 10) < 8 || Number.parseInt(bitrate, 10) > 320) {
    return fail(`space-replay pack: --bitrate must be between 8k and 320k, like 64k, not '${bitrate}'`);
  }
  const coder = values['aac-coder'] ?? (values.fast ? 'fast' : 'auto');
  if (coder !== 'auto' && coder !== 'fast' && coder !== 'twoloop') {
    return fail(`space-replay pack: --aac-coder must be auto, fast or twoloop, not '${coder}'`);
  }
  if (values.fast && coder !== 'fast') return fail(`space-replay pack: --fast means --aac-coder fast, not '${coder}'`);
  let expiresAt: string | undefined;
  if (values['expires-in']) {
    const span = parseSpan(values['expires-in'], '--expires-in');
    if (!span.ok) return span;
    expiresAt = new Date(now + span.value).toISOString();
  } else if (values['expires-at']) {
    const at = parseInstant(values['expires-at'], '--expires-at');
    if (!at.ok) return at;
    expiresAt = at.value;
  }
  let startedAt: string | undefined;
  if (values['started-at']) {
    const at = parseInstant(values['started-at'], '--started-at');
    if (!at.ok) return at;
    startedAt = at.value;
  }
  const out = resolve(cwd, values.out);
  const id = values.id ?? idForLabel(basename(out), new Set());
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    return fail(`space-replay pack: --id must be 1 to 64 letters, digits, "_" or "-", not '${id}'`);
  }
  const input = (path: string | undefined) => (path ? { path: resolve(cwd, path), label: path } : undefined);
  return ok({
    audio: positionals[0] !== undefined ? resolve(cwd, audioLabel) : '',
    audioLabel,
    ...(tracks.length > 0 ? { tracks } : {}),
    vad,
    out,
    outLabel: values.out,
    participants: resolve(cwd, values.participants),
    participantsLabel: values.participants,
    ...optional('transcript', input(values.transcript)),
    ...optional('diarization', input(values.diarization)),
    ...optional('rttmFileId', values['rttm-file-id']),
    ...optional('chapters', input(values.chapters)),
    ...optional('clips', input(values.clips)),
    ...optional('events', input(values.events)),
    title: values.title ?? (positionals[0] !== undefined ? basename(audioLabel, extname(audioLabel)) : id),
    id,
    ...optional('language', values.language),
    status,
    ...optional('startedAt', startedAt),
    ...optional('expiresAt', expiresAt),
    allowDownload: values['allow-download'] === true,
    bitrate,
    aacCoder: coder === 'auto' ? aacCoderFor(bitrate) : coder,
    unknownSpeakers,
    force: values.force === true,
    json: values.json === true,
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** An AAC coder of ffmpeg's native encoder. */
export type AacCoder = 'fast' | 'twoloop';

/**
 * The coder `--aac-coder auto` uses for a mono bitrate like `64k`. From 64 kbit/s up, the fast
 * coder (ffmpeg's default from 4.0 to 4.4) is about twice as quick and, by its maintainers'
 * listening, sounds as good or better; below, the two-loop search's psychoacoustic band choices
 * and noise substitution are worth its cost.
 */
export function aacCoderFor(bitrate: string): AacCoder {
  return Number.parseInt(bitrate, 10) >= 64 ? 'fast' : 'twoloop';
}
