/**
 * The audio half of `pack`: one ffmpeg pass decodes the input once, mixes it to mono, silences the
 * redacted ranges and both encodes `audio.m4a` and streams 8 kHz float PCM to the peaks builder;
 * a second, copy-only pass cuts that AAC into fMP4 HLS segments.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPeaksBuilder, type AudiowaveformJson } from '../model/peaks.js';
import { runFfmpeg, type FfmpegTools } from './ffmpeg.js';
import { forEachPcmChunk } from './pcm-stream.js';
import { silenceFilterChain, type TimeRange } from './silence-filter.js';
import { ok, type Outcome } from './outcome.js';
import type { AacCoder } from './pack-options.js';

/** Sample rate of the PCM the waveform is computed from; 800 samples a pixel gives 10 pixels a second. */
export const WAVEFORM_SAMPLE_RATE = 8000;
/** Samples per waveform pixel at {@link WAVEFORM_SAMPLE_RATE}. */
export const WAVEFORM_SAMPLES_PER_PIXEL = 800;
/** Target HLS segment length, seconds. */
export const HLS_SEGMENT_SECONDS = 6;

/** What to encode and where. */
export interface TranscodeJob {
  input: string;
  /** The input path as the user typed it, for messages. */
  label: string;
  /** Folder receiving `audio.m4a`, `audio/index.m3u8` and its segments. */
  outDir: string;
  /** AAC bitrate, e.g. `64k`. */
  bitrate: string;
  /** ffmpeg's AAC coder: `fast` is about twice as quick as `twoloop`, which is better at low bitrates. */
  coder: AacCoder;
  /** Output sample rate, Hz. */
  sampleRate: number;
  /** Ranges to silence, seconds. */
  silence: readonly TimeRange[];
  /**
   * Files to mix instead of `input` (per-participant tracks), each starting `offset` seconds in,
   * padded with silence to `mixDuration` seconds.
   */
  mix?: readonly { path: string; offset: number }[];
  mixDuration?: number;
  signal?: AbortSignal;
  /** Seconds of the input done so far in each pass: the encoding, then the (quicker) HLS segmenting. */
  onProgress?: (pass: TranscodePass, seconds: number) => void;
}

/** The two ffmpeg passes of {@link transcode}. */
export type TranscodePass = 'encoding' | 'segmenting';

/** What {@link transcode} made besides the files. */
export interface TranscodeResult {
  waveform: AudiowaveformJson;
  /** Seconds of audio ffmpeg could decode (from the PCM it streamed), whatever the header said. */
  decodedDuration: number;
}

/** Encodes the audio files and returns the waveform computed on the way. */
export async function transcode(tools: FfmpegTools, job: TranscodeJob): Promise<Outcome<TranscodeResult>> {
  // The graph lives in a file: hundreds of redaction ranges would overflow a command line.
  const scriptPath = join(job.outDir, '.filter-graph.txt');
  const mono = `aformat=channel_layouts=mono,aresample=${job.sampleRate}`;
  const source = job.mix
    ? // normalize=0: each voice keeps its level (amix would otherwise divide every input by the count).
      job.mix.map((track, i) => `[${i}:a:0]${mono},adelay=delays=${Math.round(track.offset * job.sampleRate)}S:all=1[t${i}];`).join('') +
      `${job.mix.map((_, i) => `[t${i}]`).join('')}amix=inputs=${job.mix.length}:duration=longest:normalize=0,apad=whole_dur=${job.mixDuration ?? 0}`
    : `[0:a:0]${mono}`;
  const graph =
    `${source},${silenceFilterChain(job.silence)},asplit=2[enc][pcm];` +
    `[pcm]aresample=${WAVEFORM_SAMPLE_RATE},aformat=sample_fmts=flt[wave]`;
  await writeFile(scriptPath, graph);
  // ffmpeg 7 replaced -filter_complex_script with the generic "-/option file" form.
  const graphArgs = tools.major >= 7 ? ['-/filter_complex', scriptPath] : ['-filter_complex_script', scriptPath];
  const builder = createPeaksBuilder({ sampleRate: WAVEFORM_SAMPLE_RATE, samplesPerPixel: WAVEFORM_SAMPLES_PER_PIXEL, bits: 8 });
  let samples = 0;
  const progress = (pass: TranscodePass) => (job.onProgress ? { onProgress: (seconds: number) => job.onProgress!(pass, seconds) } : {});
  const encoded = await runFfmpeg(
    tools,
    [
      ...(job.mix ? job.mix.flatMap((track) => ['-i', track.path]) : ['-i', job.input]),
      ...graphArgs,
      '-map', '[enc]', '-c:a', 'aac', '-aac_coder', job.coder, '-b:a', job.bitrate, '-movflags', '+faststart', join(job.outDir, 'audio.m4a'),
      '-map', '[wave]', '-c:a', 'pcm_f32le', '-f', 'f32le', 'pipe:1',
    ],
    job.label,
    {
      ...(job.signal ? { signal: job.signal } : {}),
      ...progress('encoding'),
      consumeStdout: (stdout) =>
        forEachPcmChunk(stdout, (chunk) => {
          samples += chunk.length;
          builder.push(chunk);
        }),
    },
  );
  await rm(scriptPath, { force: true });
  if (!encoded.ok) return encoded;

  const hlsDir = join(job.outDir, 'audio');
  await mkdir(hlsDir);
  const segmented = await runFfmpeg(
    tools,
    [
      '-i', join(job.outDir, 'audio.m4a'),
      '-c', 'copy',
      '-f', 'hls',
      '-hls_time', String(HLS_SEGMENT_SECONDS),
      '-hls_playlist_type', 'vod',
      '-hls_segment_type', 'fmp4',
      '-hls_fmp4_init_filename', 'init.mp4',
      '-hls_segment_filename', join(hlsDir, 'seg%03d.m4s'),
      join(hlsDir, 'index.m3u8'),
    ],
    `${job.label} (HLS segmenting)`,
    { ...(job.signal ? { signal: job.signal } : {}), ...progress('segmenting') },
  );
  if (!segmented.ok) return segmented;
  return ok({ waveform: builder.finish(), decodedDuration: samples / WAVEFORM_SAMPLE_RATE });
}
