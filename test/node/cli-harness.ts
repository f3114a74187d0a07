/**
 * Shared helpers of the CLI tests: running the CLI in-process with captured output, generating
 * small audio fixtures with ffmpeg, and measuring what ffmpeg hears in a time range.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../../src/cli/main.js';

const exec = promisify(execFile);

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with `cwd` as its working directory. */
export async function runCli(
  argv: string[],
  options: { cwd?: string; isTTY?: boolean; signal?: AbortSignal; now?: number } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: options.isTTY ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.now !== undefined ? { now: () => options.now! } : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'space-replay-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes a constant, loud stereo tone of `seconds` (so silence can only come from redaction). */
export async function makeTone(path: string, seconds: number): Promise<void> {
  await exec('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`, '-ac', '2', path]);
}

/** Duration of a media file according to ffprobe, seconds. */
export async function probeDuration(path: string): Promise<number> {
  const { stdout } = await exec('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path]);
  return Number(stdout.trim());
}

/** The loudest sample in [start, end) of a media file, in dB (ffmpeg volumedetect; -91 is digital silence). */
export async function maxVolume(path: string, start: number, end: number): Promise<number> {
  const { stderr } = await exec('ffmpeg', ['-hide_banner', '-ss', String(start), '-to', String(end), '-i', path, '-af', 'volumedetect', '-f', 'null', '-']);
  const match = /max_volume: (-?[\d.]+) dB/.exec(stderr);
  if (!match) throw new Error(`volumedetect printed no max_volume:\n${stderr}`);
  return Number(match[1]);
}

/** Names in `dir`, sorted (empty when it does not exist). */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** Writes `value` as JSON. */
export function writeJson(path: string, value: unknown): Promise<void> {
  return writeFile(path, JSON.stringify(value, null, 2));
}

/** Participants used by the fixtures: a host, a speaker who refuses clips, and one who refuses recording. */
export const PARTICIPANTS = [
  { id: 'ada', name: 'Ada Host', role: 'host', consent: { record: true, clip: true, download: true } },
  { id: 'bo', name: 'Bo Guest', role: 'speaker', consent: { record: true, clip: false } },
  { id: 'cy', name: 'Cy Private', role: 'speaker', consent: { record: false, clip: false } },
];

/** A 20 s fixture's transcript: Ada 0.5–6, Bo 6.5–11.5, Cy 12–15, Ada 15.5–19.5. */
export const TRANSCRIPT_VTT = `WEBVTT

00:00:00.500 --> 00:00:06.000
<v Ada Host>Welcome to the room, today we talk about <00:00:03.000>testing command line tools.

00:00:06.500 --> 00:00:11.500
<v Bo Guest>Thanks Ada, I test everything with real ffmpeg.

00:00:12.000 --> 00:00:15.000
<v Cy Private>Please do not record what I say here.

00:00:15.500 --> 00:00:19.500
<v Ada Host>Thank you all, see you next week.
`;

/** The same turns as RTTM, labelled by participant id (Bo by name, to exercise name matching). */
export const DIARIZATION_RTTM = `;; fixture diarization
SPEAKER room 1 0.500 5.500 <NA> <NA> ada <NA> <NA>
SPEAKER room 1 15.500 4.000 <NA> <NA> ada <NA> <NA>
SPEAKER room 1 12.000 3.000 <NA> <NA> cy <NA> <NA>

SPEAKER room 1 6.500 5.000 <NA> <NA> Bo_Guest <NA> <NA>
`;

/**
 * A fresh temporary folder holding the 20 s fixture room: `room.wav` (a tone), `participants.json`,
 * `room.vtt` and `room.rttm`.
 */
export async function makeRoomFolder(): Promise<string> {
  const work = await tempDir();
  await makeTone(join(work, 'room.wav'), 20);
  await writeJson(join(work, 'participants.json'), PARTICIPANTS);
  await writeFile(join(work, 'room.vtt'), TRANSCRIPT_VTT);
  await writeFile(join(work, 'room.rttm'), DIARIZATION_RTTM);
  return work;
}
