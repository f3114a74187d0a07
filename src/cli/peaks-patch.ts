/**
 * Recomputing the waveform peaks of stretches of a packed recording from its audio, after those
 * stretches changed: the pixels they cover are decoded again (8 kHz float PCM from ffmpeg, as pack
 * computes them) and written over the old values; the other pixels are left as they were.
 */
import { createPeaksBuilder } from '../model/peaks.js';
import { runFfmpeg, type FfmpegTools } from './ffmpeg.js';
import { ok, type Outcome } from './outcome.js';
import { forEachPcmChunk } from './pcm-stream.js';
import type { TimeRange } from './silence-filter.js';

/** The audiowaveform JSON fields the patch reads and writes (mono). */
export interface WaveformPixels {
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8 | 16;
  length: number;
  data: number[];
}

/** Re-peaks the pixels over `spans` (seconds) from `audio`, in place. Returns how many pixels were recomputed. */
export async function repeak(tools: FfmpegTools, audio: string, waveform: WaveformPixels, spans: readonly TimeRange[], signal?: AbortSignal): Promise<Outcome<number>> {
  const { sample_rate: rate, samples_per_pixel: perPixel, bits } = waveform;
  const pixelSeconds = perPixel / rate;
  let changed = 0;
  for (const span of spans) {
    const first = Math.max(0, Math.floor(span.start / pixelSeconds));
    const last = Math.min(waveform.length - 1, Math.ceil(span.end / pixelSeconds));
    if (last < first) continue;
    // One pixel of lead-in, dropped, so the resampler has settled by the first pixel kept.
    const lead = first > 0 ? 1 : 0;
    const from = (first - lead) * pixelSeconds;
    const builder = createPeaksBuilder({ sampleRate: rate, samplesPerPixel: perPixel, bits });
    const decoded = await runFfmpeg(
      tools,
      ['-ss', from.toFixed(6), '-i', audio, '-t', ((last + 1 - first + lead) * pixelSeconds).toFixed(6), '-af', `aformat=channel_layouts=mono,aresample=${rate},aformat=sample_fmts=flt`, '-f', 'f32le', 'pipe:1'],
      `${audio} (waveform ${span.start.toFixed(1)}–${span.end.toFixed(1)} s)`,
      { ...(signal ? { signal } : {}), consumeStdout: (stdout) => forEachPcmChunk(stdout, (samples) => builder.push(samples)) },
    );
    if (!decoded.ok) return decoded;
    const peaks = builder.finish();
    for (let p = first; p <= last; p++) {
      const i = p - first + lead;
      if (i >= peaks.length) break;
      waveform.data[2 * p] = peaks.data[2 * i]!;
      waveform.data[2 * p + 1] = peaks.data[2 * i + 1]!;
      changed++;
    }
  }
  return ok(changed);
}
