/**
 * Rendering an audiogram with ffmpeg: a still background, a waveform band whose bars light up as
 * the clip plays, and the ASS captions. The bars come from the packed peaks: a mask image (PAM,
 * which ffmpeg reads natively) in the background colour with the bars cut out is laid over a dim
 * band and an accent box that slides in from the left with time, so played bars show the accent.
 * Everything else is a still picture, which is why x264 encodes it quickly.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runFfmpeg, type FfmpegTools } from './ffmpeg.js';
import type { AudiogramLayout } from './audiogram-captions.js';
import type { Outcome } from './outcome.js';

/** `square` (1080 × 1080) or `16:9` (1280 × 720). */
export type AudiogramSize = 'square' | '16:9';

/** Frames per second: captions change per word, and 15 frames (67 ms) follow speech closely. */
export const AUDIOGRAM_FPS = 15;

const BACKGROUND = [0x10, 0x18, 0x2a] as const;
const DIM = '0x3b4a63';
const ACCENT = '0xffc847';

/** Where everything goes for each size. */
export function audiogramLayout(size: AudiogramSize): AudiogramLayout & { band: { x: number; y: number; width: number; height: number } } {
  if (size === '16:9') {
    return {
      width: 1280, height: 720, margin: 64,
      titleTop: 48, titleSize: 44,
      band: { x: 64, y: 210, width: 1152, height: 200 },
      speakerTop: 440, speakerSize: 34,
      captionBottom: 60, captionSize: 50, pageCharacters: 56,
    };
  }
  return {
    width: 1080, height: 1080, margin: 72,
    titleTop: 72, titleSize: 52,
    band: { x: 72, y: 330, width: 936, height: 280 },
    speakerTop: 650, speakerSize: 40,
    captionBottom: 110, captionSize: 60, pageCharacters: 40,
  };
}

/**
 * The mask: background colour everywhere but the bars, which are transparent. `levels` are bar
 * heights in [0, 1], one per bar, drawn mirrored about the band's middle.
 */
export function waveformMask(width: number, height: number, levels: readonly number[]): Buffer {
  const header = Buffer.from(`P7\nWIDTH ${width}\nHEIGHT ${height}\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n`, 'ascii');
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set([...BACKGROUND, 255], i * 4);
  const slot = width / Math.max(1, levels.length);
  const barWidth = Math.max(1, Math.floor(slot * 0.6));
  levels.forEach((level, b) => {
    const barHeight = Math.max(4, Math.round(Math.min(1, Math.max(0, level)) * height));
    const x0 = Math.floor(b * slot + (slot - barWidth) / 2);
    const y0 = Math.floor((height - barHeight) / 2);
    for (let y = y0; y < y0 + barHeight; y++) {
      for (let x = x0; x < Math.min(width, x0 + barWidth); x++) pixels[(y * width + x) * 4 + 3] = 0;
    }
  });
  return Buffer.concat([header, pixels]);
}

/** What to render. */
export interface AudiogramJob {
  audio: string;
  start: number;
  end: number;
  size: AudiogramSize;
  /** Bar heights in [0, 1]. */
  levels: readonly number[];
  /** The ASS script. */
  script: string;
  /** A private temporary folder for the mask and the script. */
  workDir: string;
  out: string;
  signal?: AbortSignal;
  onProgress?: (seconds: number) => void;
}

/** Encodes the audiogram: H.264 video and AAC audio in MP4 (`+faststart`, so it plays while it downloads). */
export async function renderAudiogram(tools: FfmpegTools, job: AudiogramJob): Promise<Outcome<void>> {
  const layout = audiogramLayout(job.size);
  const { band } = layout;
  const duration = job.end - job.start;
  const mask = join(job.workDir, 'mask.pam');
  const script = join(job.workDir, 'captions.ass');
  await writeFile(mask, waveformMask(band.width, band.height, job.levels));
  await writeFile(script, job.script);
  const d = duration.toFixed(3);
  // The graph goes through a file, so the only escaping is filtergraph quoting of the script's path.
  const graph = [
    `color=c=0x${BACKGROUND.map((v) => v.toString(16).padStart(2, '0')).join('')}:s=${layout.width}x${layout.height}:r=${AUDIOGRAM_FPS}:d=${d},`,
    `drawbox=x=${band.x}:y=${band.y}:w=${band.width}:h=${band.height}:color=${DIM}:t=fill[base];`,
    `color=c=${ACCENT}:s=${band.width}x${band.height}:r=${AUDIOGRAM_FPS}:d=${d}[played];`,
    `[base][played]overlay=x='${band.x - band.width}+${band.width}*t/${d}':y=${band.y}:eval=frame[lit];`,
    // The accent box starts left of the band: paint that margin back.
    `[lit]drawbox=x=0:y=${band.y}:w=${band.x}:h=${band.height}:color=0x${BACKGROUND.map((v) => v.toString(16).padStart(2, '0')).join('')}:t=fill[clean];`,
    `[clean][1:v]overlay=x=${band.x}:y=${band.y}:shortest=1[bars];`,
    `[bars]ass=filename=${filterPath(script)}[video]`,
  ].join('');
  const graphFile = join(job.workDir, 'graph.txt');
  await writeFile(graphFile, graph);
  const graphArgs = tools.major >= 7 ? ['-/filter_complex', graphFile] : ['-filter_complex_script', graphFile];
  return runFfmpeg(
    tools,
    [
      '-ss', job.start.toFixed(6), '-to', job.end.toFixed(6), '-i', job.audio,
      '-loop', '1', '-framerate', String(AUDIOGRAM_FPS), '-i', mask,
      ...graphArgs,
      '-map', '[video]', '-map', '0:a:0',
      '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p', '-r', String(AUDIOGRAM_FPS),
      '-c:a', 'aac', '-b:a', '96k',
      '-t', d, '-movflags', '+faststart', job.out,
    ],
    job.out,
    { ...(job.signal ? { signal: job.signal } : {}), ...(job.onProgress ? { onProgress: job.onProgress } : {}) },
  );
}

/**
 * A path as a filter option value inside a filtergraph description, escaped at both levels that
 * ffmpeg's filtergraph syntax has: the option value (`\`, `'`, `:`), then the graph (`\`, `'`, `[`, `]`, `,`, `;`).
 */
export function filterPath(path: string): string {
  const value = path.replace(/[\\':]/g, (c) => `\\${c}`);
  return value.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}
