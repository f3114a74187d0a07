/**
 * Running the system's ffmpeg and ffprobe: finding them, probing an input, and running a job with
 * progress, cancellation and a bounded capture of its error output.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fail, ok, type Outcome } from './outcome.js';

/** The one-line message shown when ffmpeg or ffprobe is not installed. */
export const MISSING_FFMPEG =
  'space-replay needs ffmpeg: install it with `apt-get install ffmpeg` (Debian/Ubuntu) or `brew install ffmpeg`';

/** Paths of the two tools and ffmpeg's major version (option spellings changed in 7). */
export interface FfmpegTools {
  ffmpeg: string;
  ffprobe: string;
  major: number;
}

/** Finds ffmpeg and ffprobe (overridable with `SPACE_REPLAY_FFMPEG` / `SPACE_REPLAY_FFPROBE`). */
export async function findFfmpeg(env: Record<string, string | undefined> = process.env): Promise<Outcome<FfmpegTools>> {
  const ffmpeg = env['SPACE_REPLAY_FFMPEG'] || 'ffmpeg';
  const ffprobe = env['SPACE_REPLAY_FFPROBE'] || 'ffprobe';
  const [version, probeVersion] = await Promise.all([capture(ffmpeg, ['-version']), capture(ffprobe, ['-version'])]);
  if (!version.ok || !probeVersion.ok) return fail(MISSING_FFMPEG);
  const major = Number(/ffmpeg version n?(\d+)/.exec(version.value)?.[1] ?? '0');
  return ok({ ffmpeg, ffprobe, major });
}

/** What ffprobe says about an audio input. */
export interface AudioProbe {
  /** Seconds. */
  duration: number;
  sampleRate: number;
  channels: number;
}

/** Probes `path` for its first audio stream; fails naming `label` when there is none or it is unreadable. */
export async function probeAudio(tools: FfmpegTools, path: string, label = path): Promise<Outcome<AudioProbe>> {
  const result = await capture(tools.ffprobe, [
    '-v', 'error',
    '-select_streams', 'a:0',
    '-show_entries', 'format=duration:stream=sample_rate,channels,duration',
    '-of', 'json',
    path,
  ]);
  if (!result.ok) return fail(`${label}: ffmpeg cannot read this file (${lastLine(result.message)})`);
  let parsed: { streams?: { sample_rate?: string; channels?: number; duration?: string }[]; format?: { duration?: string } };
  try {
    parsed = JSON.parse(result.value);
  } catch {
    return fail(`${label}: ffprobe printed unreadable output`);
  }
  const stream = parsed.streams?.[0];
  if (!stream) return fail(`${label}: ffmpeg finds no audio stream in this file`);
  // The audio stream's own duration first: a video's container may run on after its audio ends.
  const streamDuration = Number(stream.duration);
  const duration = Number.isFinite(streamDuration) && streamDuration > 0 ? streamDuration : Number(parsed.format?.duration);
  if (!Number.isFinite(duration) || duration <= 0) return fail(`${label}: ffmpeg cannot tell the duration of this file`);
  return ok({ duration, sampleRate: Number(stream.sample_rate) || 48000, channels: stream.channels ?? 1 });
}

/** Options of one ffmpeg run. */
export interface FfmpegRunOptions {
  /** Kills ffmpeg when aborted. */
  signal?: AbortSignal;
  /** Called with the seconds of output written so far (from `-progress`). */
  onProgress?: (seconds: number) => void;
  /** Consumes ffmpeg's stdout (for `pipe:1` outputs); ffmpeg waits while it is not read. */
  consumeStdout?: (stdout: Readable) => Promise<void>;
}

/**
 * Runs ffmpeg with `args` (progress goes to fd 3, so stdout stays free for data). Fails with the
 * last lines ffmpeg printed on stderr, prefixed by `label`.
 */
export function runFfmpeg(tools: FfmpegTools, args: readonly string[], label: string, options: FfmpegRunOptions = {}): Promise<Outcome<void>> {
  const fullArgs = ['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:3', '-y', ...args];
  return new Promise((resolve) => {
    if (options.signal?.aborted) return resolve(fail(`${label}: interrupted`));
    const child = spawn(tools.ffmpeg, fullArgs, {
      stdio: ['ignore', options.consumeStdout ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const stderrTail = new TailBuffer(4096);
    let consumerError: unknown;
    let consumed: Promise<void> = Promise.resolve();
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => stderrTail.push(text));
    const progress = child.stdio[3] as Readable;
    let pending = '';
    progress.setEncoding('utf8');
    progress.on('data', (text: string) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        // out_time_us is right in every version; out_time_ms is also microseconds (a historic misnomer).
        const match = /^out_time_us=(\d+)/.exec(line);
        if (match && options.onProgress) options.onProgress(Number(match[1]) / 1e6);
      }
    });
    if (options.consumeStdout) {
      consumed = options.consumeStdout(child.stdout!).catch((error: unknown) => {
        consumerError = error;
        child.kill('SIGKILL');
      });
    }
    const onAbort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let spawnError: NodeJS.ErrnoException | undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.on('close', async (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      await consumed;
      if (spawnError) return resolve(fail(spawnError.code === 'ENOENT' ? MISSING_FFMPEG : `${label}: ${spawnError.message}`));
      if (options.signal?.aborted) return resolve(fail(`${label}: interrupted`));
      if (consumerError) return resolve(fail(`${label}: ${consumerError instanceof Error ? consumerError.message : String(consumerError)}`));
      if (code !== 0) return resolve(fail(`${label}: ffmpeg failed (${lastLine(stderrTail.text()) || `exit code ${code}`})`));
      resolve(ok(undefined));
    });
  });
}

/** Runs a tool to completion and returns its stdout, or its stderr as the failure. */
function capture(command: string, args: readonly string[]): Promise<Outcome<string>> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err = new TailBuffer(4096);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => err.push(text));
    child.on('error', (error) => resolve(fail(error.message)));
    child.on('close', (code) => {
      if (code === 0) resolve(ok(Buffer.concat(out).toString('utf8')));
      else resolve(fail(err.text() || `exit code ${code}`));
    });
  });
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? '';
}

/** Keeps only the end of a long text stream, so a chatty ffmpeg cannot grow memory. */
class TailBuffer {
  private content = '';
  constructor(private readonly limit: number) {}
  push(text: string): void {
    this.content = (this.content + text).slice(-this.limit);
  }
  text(): string {
    return this.content;
  }
}
