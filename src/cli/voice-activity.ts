/**
 * Voice activity of one speaker's own track, with ffmpeg's `silencedetect`: on a track that holds
 * one voice, speech is whatever is louder than the threshold, and pauses shorter than the minimum
 * silence stay inside a turn. No model and no dependency: every ffmpeg has the filter, it reads any
 * input ffmpeg reads, and on a close microphone a level threshold is what separates speech from
 * room noise (a learned detector earns its keep on a mixed recording, which this never sees).
 */
import { spawn } from 'node:child_process';
import type { FfmpegTools } from './ffmpeg.js';
import { fail, ok, type Outcome } from './outcome.js';
import type { TimeRange } from './silence-filter.js';

/** How speech is told from silence. */
export interface VoiceActivityOptions {
  /** Level below which the track is silent, dBFS (default -40). */
  thresholdDb: number;
  /** Silences shorter than this, seconds, are pauses inside a turn (default 0.5). */
  minSilence: number;
  /** Speech shorter than this, seconds, is dropped as a click or a breath (default 0.15). */
  minSpeech: number;
}

/** The defaults `pack --track` uses. */
export const VOICE_ACTIVITY_DEFAULTS: VoiceActivityOptions = { thresholdDb: -40, minSilence: 0.5, minSpeech: 0.15 };

const SILENCE_START = /silence_start: (-?[\d.]+(?:e[-+]?\d+)?)/;
const SILENCE_END = /silence_end: (-?[\d.]+(?:e[-+]?\d+)?)/;

/**
 * The speech in `path` (seconds from the start of the file, sorted, not overlapping), given its
 * `duration`. Fails naming `label` when ffmpeg cannot read it.
 */
export function detectSpeech(
  tools: FfmpegTools,
  path: string,
  label: string,
  duration: number,
  options: VoiceActivityOptions = VOICE_ACTIVITY_DEFAULTS,
  signal?: AbortSignal,
): Promise<Outcome<TimeRange[]>> {
  const filter = `aformat=channel_layouts=mono,silencedetect=noise=${options.thresholdDb}dB:d=${options.minSilence}`;
  const args = ['-hide_banner', '-nostdin', '-nostats', '-v', 'info', '-i', path, '-map', '0:a:0', '-af', filter, '-f', 'null', '-'];
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(fail(`${label}: interrupted`));
    const child = spawn(tools.ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const silences: TimeRange[] = [];
    let openStart: number | undefined;
    let pending = '';
    let tail = '';
    child.stderr.setEncoding('utf8');
    // Read line by line: only the silence lines are kept, so a long track holds no log in memory.
    child.stderr.on('data', (text: string) => {
      pending += text;
      const lines = pending.split(/\r?\n|\r/);
      pending = lines.pop()!;
      for (const line of lines) {
        const start = SILENCE_START.exec(line);
        const end = SILENCE_END.exec(line);
        if (start) openStart = Math.max(0, Number(start[1]));
        else if (end) {
          silences.push({ start: openStart ?? 0, end: Number(end[1]) });
          openStart = undefined;
        } else if (line.trim()) tail = line.trim();
      }
    });
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => resolve(fail(`${label}: ${error.message}`)));
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return resolve(fail(`${label}: interrupted`));
      if (code !== 0) return resolve(fail(`${label}: ffmpeg failed (${tail || `exit code ${code}`})`));
      // A silence still open at the end runs to the end of the track.
      if (openStart !== undefined) silences.push({ start: openStart, end: duration });
      resolve(ok(speechBetween(silences, duration, options.minSpeech)));
    });
  });
}

/** The complement of `silences` (sorted) within `[0, duration)`, without pieces shorter than `minSpeech`. */
export function speechBetween(silences: readonly TimeRange[], duration: number, minSpeech: number): TimeRange[] {
  const out: TimeRange[] = [];
  let at = 0;
  for (const silence of silences) {
    if (silence.start > at) out.push({ start: at, end: Math.min(silence.start, duration) });
    at = Math.max(at, silence.end);
  }
  if (duration > at) out.push({ start: at, end: duration });
  return out.filter((range) => range.end - range.start >= minSpeech);
}
