/** `space-replay live`'s command line: its flags, and the options they resolve to. */
import { basename, resolve } from 'node:path';
import type { CommandSpec, FlagSpec } from './args.js';
import { parseInstant } from './expiry.js';
import { fail, ok, type Outcome } from './outcome.js';
import { aacCoderFor, type AacCoder, type PackOptions } from './pack-options.js';
import { idForLabel } from './participants.js';
import { VOICE_ACTIVITY_DEFAULTS } from './voice-activity.js';

export const LIVE_SPEC = {
  name: 'live',
  summary:
    'Pack a room while it is recorded: follow <input> (a file being written, or a stream URL ffmpeg\n' +
    'reads), grow an HLS EVENT playlist and live peaks, and rewrite manifest.json (status live) every\n' +
    '--refresh seconds. The room ends when the input ends, on `live --end -o <dir>`, or on Ctrl-C;\n' +
    'the folder then holds what `pack` writes for the same audio.',
  positionals: ['<input>'],
  optionalPositionals: 1,
  flags: {
    out: { type: 'string', short: 'o', placeholder: '<dir>', description: 'Output folder (required)' },
    participants: { type: 'string', short: 'p', placeholder: '<file>', description: 'participants.json: people, roles and consent (required)' },
    events: { type: 'string', placeholder: '<file>', description: 'Room events as JSON Lines, read again at each update (it may grow)' },
    title: { type: 'string', placeholder: '<text>', description: 'Title (default: the input file name)' },
    id: { type: 'string', placeholder: '<id>', description: 'Recording id (default: from the output folder name)' },
    language: { type: 'string', placeholder: '<tag>', description: 'BCP 47 language of the recording' },
    'started-at': { type: 'string', placeholder: '<date-time>', description: 'When the room started, RFC 3339 (default: now)' },
    refresh: { type: 'string', placeholder: '<s>', description: 'Seconds between manifest updates, also the players’ reload hint (default 5)' },
    idle: { type: 'string', placeholder: '<s>', description: 'A followed file that has not grown for this long has ended (default 10)' },
    bitrate: { type: 'string', placeholder: '<rate>', description: 'AAC bitrate (default 64k)' },
    force: { type: 'boolean', short: 'f', description: 'Replace a non-empty --out folder' },
    end: { type: 'boolean', description: 'End the live room writing to --out (as its Ctrl-C does) and wait for it to close' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  examples: [
    'space-replay live recording.wav --out public/rooms/now -p people.json --title "Release standup"',
    'space-replay live https://example.com/room/stream.m3u8 -o public/rooms/now -p people.json --refresh 4',
    'space-replay live --end -o public/rooms/now',
  ],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/** What a `live` run was asked to do. */
export interface LiveOptions {
  input: string;
  inputLabel: string;
  /** A local file (followed while it grows) rather than a URL. */
  local: boolean;
  out: string;
  outLabel: string;
  participants: string;
  participantsLabel: string;
  events?: { path: string; label: string };
  title: string;
  id: string;
  language?: string;
  startedAt?: string;
  refresh: number;
  idle: number;
  bitrate: string;
  coder: AacCoder;
  force: boolean;
  json: boolean;
}

/** The options `live`'s flags and positionals give, or why they are wrong. */
export function resolveLiveOptions(values: Record<string, string | boolean | string[] | undefined>, positionals: readonly string[], cwd: string): Outcome<LiveOptions> {
  const input = positionals[0];
  if (input === undefined) return fail('space-replay live: missing <input>');
  if (typeof values.out !== 'string') return fail('space-replay live: --out <dir> is required');
  if (typeof values.participants !== 'string') return fail('space-replay live: --participants <file> is required');
  const seconds = (name: string, fallback: number, min: number, max: number): Outcome<number> => {
    const raw = values[name];
    if (raw === undefined) return ok(fallback);
    const n = Number(raw);
    return Number.isFinite(n) && n >= min && n <= max ? ok(n) : fail(`space-replay live: --${name} must be seconds from ${min} to ${max}, not '${String(raw)}'`);
  };
  const refresh = seconds('refresh', 5, 1, 3600);
  if (!refresh.ok) return refresh;
  const idle = seconds('idle', 10, 0.5, 3600);
  if (!idle.ok) return idle;
  const bitrate = typeof values.bitrate === 'string' ? values.bitrate : '64k';
  if (!/^\d{1,3}k$/.test(bitrate) || Number.parseInt(bitrate, 10) < 8 || Number.parseInt(bitrate, 10) > 320) {
    return fail(`space-replay live: --bitrate must be between 8k and 320k, like 64k, not '${bitrate}'`);
  }
  let startedAt: string | undefined;
  if (typeof values['started-at'] === 'string') {
    const at = parseInstant(values['started-at'], '--started-at');
    if (!at.ok) return at;
    startedAt = at.value;
  }
  const out = resolve(cwd, values.out);
  const id = typeof values.id === 'string' ? values.id : idForLabel(basename(out), new Set());
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return fail(`space-replay live: --id must be 1 to 64 letters, digits, "_" or "-", not '${id}'`);
  const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(input);
  return ok({
    input: url ? input : resolve(cwd, input),
    inputLabel: input,
    local: !url,
    out,
    outLabel: values.out,
    participants: resolve(cwd, values.participants),
    participantsLabel: values.participants,
    ...(typeof values.events === 'string' ? { events: { path: resolve(cwd, values.events), label: values.events } } : {}),
    title: typeof values.title === 'string' ? values.title : basename(input).replace(/\.[^.]*$/, '') || id,
    id,
    ...(typeof values.language === 'string' ? { language: values.language } : {}),
    ...(startedAt ? { startedAt } : {}),
    refresh: refresh.value,
    idle: idle.value,
    bitrate,
    coder: aacCoderFor(bitrate),
    force: values.force === true,
    json: values.json === true,
  });
}

/** The live options in the shape `buildManifest` and `checkManifest` read. */
export function asPackOptions(options: LiveOptions): PackOptions {
  return {
    audio: options.input,
    audioLabel: options.inputLabel,
    out: options.out,
    outLabel: options.outLabel,
    participants: options.participants,
    participantsLabel: options.participantsLabel,
    ...(options.events ? { events: options.events } : {}),
    vad: { ...VOICE_ACTIVITY_DEFAULTS },
    title: options.title,
    id: options.id,
    ...(options.language ? { language: options.language } : {}),
    status: 'live',
    allowDownload: false,
    bitrate: options.bitrate,
    aacCoder: options.coder,
    unknownSpeakers: 'error',
    force: options.force,
    json: options.json,
  };
}
