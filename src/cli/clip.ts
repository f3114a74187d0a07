/**
 * `space-replay clip`: a clip of a packed recording as a file people can post: audio only (`.m4a`,
 * `.mp3`) or an audiogram video (`.mp4`) with the title, the waveform, who is speaking and the
 * words as captions. Cut from the packed audio; refused on the same grounds as in the player (an
 * expired recording, a participant who refused clips, a removed range, longer than the limit).
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { formatIssue, parseManifest, type Manifest } from '../manifest/index.js';
import { checkClipConsent, clipsAllowed } from '../model/clip-consent.js';
import { parseClipLink } from '../model/clip-link.js';
import { overlappingRedaction } from '../model/clip-redaction.js';
import { decodePeaks, type Peaks } from '../model/peaks.js';
import { formatTime, parseTime } from '../model/time.js';
import { importTranscript, type Transcript } from '../model/transcript/index.js';
import { formatHelp, parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { audiogramScript, type SpeakerSpan } from './audiogram-captions.js';
import { audiogramLayout, renderAudiogram, type AudiogramSize } from './audiogram.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { findFfmpeg, runFfmpeg, type FfmpegTools } from './ffmpeg.js';
import { describeFsError } from './input-file.js';
import { isInFolder, loadManifestSource, localFileOf, referencedContent } from './manifest-source.js';
import { fail, ok, type Outcome } from './outcome.js';
import { forEachPcmChunk } from './pcm-stream.js';
import { createProgressBar } from './progress.js';

/** The longest clip by default, seconds: the player's `max-clip` default. */
export const DEFAULT_MAX_CLIP_SECONDS = 120;

const CLIP_SPEC = {
  name: 'clip',
  summary:
    'Write a clip of a packed recording as a file: .m4a or .mp3 (audio), or .mp4 (an audiogram: title,\n' +
    'waveform, who is speaking, captions word by word). Refused over a participant who did not consent to\n' +
    'clips, over a removed range, for an expired recording, or past --max seconds.',
  positionals: ['<folder|manifest.json>'],
  flags: {
    start: { type: 'string', placeholder: '<time>', description: 'Start: seconds or a time, e.g. 62 or 1:02' },
    end: { type: 'string', placeholder: '<time>', description: 'End, with --start' },
    clip: { type: 'string', placeholder: '<id>', description: "One of the manifest's clips, by id" },
    link: { type: 'string', placeholder: '<url>', description: 'A clip link, e.g. https://example.org/rooms/ama#t=62,95' },
    out: { type: 'string', short: 'o', placeholder: '<file>', description: 'Output file: .m4a, .mp3 or .mp4 (audiogram); required' },
    size: { type: 'string', placeholder: 'square|16:9', description: 'Audiogram frame: square (1080×1080, default) or 16:9 (1280×720)' },
    max: { type: 'string', placeholder: '<seconds>', description: `Longest clip allowed (default ${DEFAULT_MAX_CLIP_SECONDS}, as the player)` },
    force: { type: 'boolean', short: 'f', description: 'Replace an existing --out file' },
  },
  examples: [
    'space-replay clip public/rooms/ama --start 62 --end 95 --out clip.mp4',
    "space-replay clip public/rooms/ama --link 'https://example.org/rooms/ama#t=1:02,1:35' --out clip.m4a",
    'space-replay clip public/rooms/ama --clip best-bit --size 16:9 --out best-bit.mp4',
  ],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

const FORMATS: Record<string, 'm4a' | 'mp3' | 'mp4'> = { '.m4a': 'm4a', '.mp3': 'mp3', '.mp4': 'mp4' };

/** Runs `clip`; resolves to the exit code. */
export async function clipCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(CLIP_SPEC, argv);
  const usage = (message: string): number => {
    io.stderr.write(`${message.startsWith('space-replay') ? message : `space-replay clip: ${message}`}\nSee space-replay clip --help.\n`);
    return ExitCode.usage;
  };
  if (!parsed.ok) return usage(parsed.message);
  if (parsed.value.help) {
    io.stdout.write(formatHelp(CLIP_SPEC));
    return ExitCode.ok;
  }
  const flags = parsed.value.values;
  if (!flags.out) return usage('--out is required (.m4a, .mp3 or .mp4)');
  const format = FORMATS[extname(flags.out).toLowerCase()];
  if (!format) return usage(`--out ${flags.out}: the extension says the format: .m4a or .mp3 (audio), .mp4 (audiogram)`);
  const ways = [flags.start !== undefined || flags.end !== undefined, flags.clip !== undefined, flags.link !== undefined].filter(Boolean).length;
  if (ways !== 1) return usage('give the range one way: --start and --end, --clip <id>, or --link <url>');
  const size = flags.size ?? 'square';
  if (size !== 'square' && size !== '16:9') return usage(`--size ${size}: expected square or 16:9`);
  if (format !== 'mp4' && flags.size !== undefined) return usage('--size is for .mp4 audiograms');
  const max = flags.max === undefined ? DEFAULT_MAX_CLIP_SECONDS : Number(flags.max);
  if (!(Number.isFinite(max) && max > 0)) return usage(`--max ${flags.max}: expected seconds, e.g. 90`);

  const cwd = io.cwd ?? process.cwd();
  const source = await loadManifestSource(parsed.value.positionals[0]!, cwd, false);
  if (!source.ok) return failure(io, source.message);
  const { text, label, dir } = source.value;
  const manifestResult = parseManifest(text);
  if (!manifestResult.ok) return failure(io, [`${label}: invalid manifest (run space-replay validate for details)`, ...manifestResult.errors.slice(0, 5).map((e) => `  ${formatIssue(e)}`)].join('\n'));
  const manifest = manifestResult.manifest;

  const range = clipRange(manifest, flags);
  if (!range.ok) return usage(range.message);
  const { start, end } = range.value;
  const refusal = refuse(manifest, start, end, max, io.now?.() ?? Date.now());
  if (refusal) return failure(io, `${label}: ${refusal}`);

  const audio = localAudio(manifest, dir!);
  if (!audio.ok) return failure(io, `${label}: ${audio.message}`);
  const tools = await findFfmpeg();
  if (!tools.ok) return failure(io, tools.message);

  const out = resolve(cwd, flags.out);
  if (!flags.force) {
    try {
      await stat(out);
      return failure(io, `${flags.out}: exists (use --force to replace it)`);
    } catch {
      // Absent: fine.
    }
  }
  // Written beside the target under a hidden name with the same extension (ffmpeg picks the format by it), then renamed.
  const temp = join(dirname(out), `.${basename(out, extname(out))}.tmp-${randomBytes(4).toString('hex')}${extname(out)}`);
  const work = await mkdtemp(join(tmpdir(), 'space-replay-clip-'));
  const cleanup = () => rm(temp, { force: true });
  // A second Ctrl-C exits at once: the half-written file goes with the process.
  const onExit = () => rmSync(temp, { force: true });
  process.on('exit', onExit);
  try {
    const bar = createProgressBar(io, 'clip', end - start);
    let written: Outcome<void>;
    if (format === 'mp4') {
      const job = await audiogramInputs(tools.value, manifest, dir!, audio.value, start, end, size);
      if (!job.ok) return failure(io, `${label}: ${job.message}`);
      written = await renderAudiogram(tools.value, {
        audio: audio.value, start, end, size, levels: job.value.levels, script: job.value.script, workDir: work, out: temp,
        ...(io.signal ? { signal: io.signal } : {}),
        onProgress: (s) => bar.update(s),
      });
    } else {
      written = await runFfmpeg(
        tools.value,
        ['-ss', start.toFixed(6), '-to', end.toFixed(6), '-i', audio.value, '-vn', ...(format === 'mp3' ? ['-c:a', 'libmp3lame', '-b:a', '96k'] : ['-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart']), temp],
        flags.out,
        { ...(io.signal ? { signal: io.signal } : {}), onProgress: (s) => bar.update(s) },
      );
    }
    bar.done();
    if (!written.ok) {
      await cleanup();
      return failure(io, written.message, io.signal?.aborted ? ExitCode.interrupted : ExitCode.failure);
    }
    await rename(temp, out);
  } catch (error) {
    await cleanup();
    return failure(io, `${flags.out}: cannot write (${describeFsError(error)})`);
  } finally {
    process.off('exit', onExit);
    await rm(work, { recursive: true, force: true });
  }
  const what = format === 'mp4' ? `audiogram ${size === 'square' ? '1080×1080' : '1280×720'}` : `${format} audio`;
  io.stdout.write(`wrote ${flags.out}: ${formatTime(start)}–${formatTime(end)} (${(end - start).toFixed(1)} s), ${what}\n`);
  return ExitCode.ok;
}

function failure(io: CliIo, message: string, code: number = ExitCode.failure): number {
  io.stderr.write(`${message}\n`);
  return code;
}

/** The range from --start/--end, --clip or --link. */
function clipRange(manifest: Manifest, flags: { start?: string; end?: string; clip?: string; link?: string }): Outcome<{ start: number; end: number }> {
  if (flags.clip !== undefined) {
    const clip = (manifest.clips ?? []).find((c) => c.id === flags.clip);
    if (!clip) return fail(`--clip ${flags.clip}: no such clip (clips: ${(manifest.clips ?? []).map((c) => c.id).join(', ') || 'none'})`);
    return ok({ start: clip.startTime, end: clip.endTime });
  }
  if (flags.link !== undefined) {
    const target = parseClipLink(flags.link, { duration: manifest.duration, id: manifest.id });
    if (!target) return fail(`--link ${flags.link}: no clip range in it for this recording (expected #t=START,END, and id=${manifest.id} if it names one)`);
    if (target.end === undefined) return fail(`--link ${flags.link}: the link gives a start but no end (#t=START,END)`);
    return ok({ start: target.start, end: target.end });
  }
  if (flags.start === undefined || flags.end === undefined) return fail('--start and --end go together');
  const start = parseTime(flags.start);
  const end = parseTime(flags.end);
  if (start === undefined) return fail(`--start ${flags.start}: expected seconds or a time like 1:02`);
  if (end === undefined) return fail(`--end ${flags.end}: expected seconds or a time like 1:35`);
  if (!(end > start)) return fail(`--end ${flags.end} is not after --start ${flags.start}`);
  return ok({ start, end });
}

/** Why this range may not be clipped, or undefined: the player's rules (expiry, consent, redactions) and the length limit. */
export function refuse(manifest: Manifest, start: number, end: number, max: number, now: number): string | undefined {
  if (!clipsAllowed(manifest, now)) return `expired ${manifest.retention!.expiresAt}: no clips are made of an expired recording`;
  if (start >= manifest.duration) return `the clip starts at ${formatTime(start)}, after the end of the recording (${formatTime(manifest.duration)})`;
  if (end > manifest.duration + 0.5) return `the clip ends at ${formatTime(end)}, after the end of the recording (${formatTime(manifest.duration)})`;
  if (end - start > max + 1e-6) return `the clip is ${(end - start).toFixed(1)} s long, more than --max ${max} s`;
  const consent = checkClipConsent(manifest, start, end);
  if (!consent.ok) {
    const names = consent.participants.map((p) => `${p.name} (${p.id})`).join(', ');
    return `refused: ${names} did not consent to clips, and the range ${formatTime(start)}–${formatTime(end)} includes them speaking`;
  }
  const removed = overlappingRedaction(manifest, start, end);
  if (removed) {
    return `refused: the range overlaps ${formatTime(removed.startTime)}–${formatTime(removed.endTime)}, removed from the recording${removed.reason ? ` (${removed.reason})` : ''}`;
  }
  return undefined;
}

/** The packed progressive file (`audio.m4a`) to cut from; ffmpeg seeks in it without reading what comes before. */
function localAudio(manifest: Manifest, dir: string): Outcome<string> {
  const chosen = manifest.audio.find((a) => a.type !== 'application/vnd.apple.mpegurl' && isInFolder(a.url));
  if (!chosen) return fail('no progressive audio file (audio.m4a, as pack writes it) in the folder to cut the clip from');
  return ok(localFileOf(dir, chosen.url));
}

/** The bars, speakers and captions of an audiogram. */
async function audiogramInputs(
  tools: FfmpegTools,
  manifest: Manifest,
  dir: string,
  audio: string,
  start: number,
  end: number,
  size: AudiogramSize,
): Promise<Outcome<{ levels: number[]; script: string }>> {
  const layout = audiogramLayout(size);
  const bars = Math.floor(layout.band.width / 12);
  const peaks = await loadPeaks(manifest, dir);
  const levels = peaks ? barsFromPeaks(peaks, start, end, bars) : await barsFromAudio(tools, audio, start, end, bars);
  if (!levels.ok) return levels;
  const names = new Map(manifest.participants.filter((p) => p.consent.record).map((p) => [p.id, p.name]));
  const speakers: SpeakerSpan[] = (manifest.segments ?? [])
    .filter((s) => s.endTime > start && s.startTime < end && names.has(s.speaker))
    .map((s) => ({ start: s.startTime - start, end: s.endTime - start, name: names.get(s.speaker)! }));
  const transcript = await loadTranscript(manifest, dir);
  const script = audiogramScript({ layout, duration: end - start, title: manifest.title, speakers, start, end, ...(transcript ? { transcript } : {}) });
  return ok({ levels: levels.value, script });
}

async function loadPeaks(manifest: Manifest, dir: string): Promise<Peaks | undefined> {
  if (!manifest.waveform) return undefined;
  const content = await referencedContent(manifest.waveform, dir);
  if (!content?.ok) return undefined;
  const decoded = decodePeaks(content.value);
  return decoded.ok ? decoded.peaks : undefined;
}

/** `bars` heights in [0, 1] over the clip from precomputed peaks, the loudest bar 1. */
function barsFromPeaks(peaks: Peaks, start: number, end: number, bars: number): Outcome<number[]> {
  const perSecond = peaks.sampleRate / peaks.samplesPerPixel;
  const first = Math.floor(start * perSecond);
  const last = Math.min(peaks.length, Math.ceil(end * perSecond));
  const values: number[] = [];
  for (let b = 0; b < bars; b++) {
    const from = first + Math.floor(((last - first) * b) / bars);
    const to = Math.max(from + 1, first + Math.floor(((last - first) * (b + 1)) / bars));
    let level = 0;
    for (let p = from; p < Math.min(to, peaks.length); p++) {
      const i = 2 * peaks.channels * p;
      level = Math.max(level, -peaks.data[i]!, peaks.data[i + 1]!);
    }
    values.push(level);
  }
  return ok(normalize(values));
}

function normalize(values: number[]): number[] {
  // A near-silent clip keeps small bars instead of magnifying noise.
  const loudest = Math.max(0.1, ...values);
  return values.map((v) => Math.round((v / loudest) * 1000) / 1000);
}

/** The same bars when the folder has no peaks: decoded by ffmpeg (8 kHz mono) for the clip's range only. */
async function barsFromAudio(tools: FfmpegTools, audio: string, start: number, end: number, bars: number): Promise<Outcome<number[]>> {
  const values = new Array<number>(bars).fill(0);
  const perBar = ((end - start) * 8000) / bars;
  let index = 0;
  const decoded = await runFfmpeg(tools, ['-ss', start.toFixed(6), '-to', end.toFixed(6), '-i', audio, '-ac', '1', '-ar', '8000', '-f', 'f32le', 'pipe:1'], audio, {
    consumeStdout: async (stdout) => {
      await forEachPcmChunk(stdout, (samples) => {
        for (const sample of samples) {
          const b = Math.min(bars - 1, Math.floor(index++ / perBar));
          values[b] = Math.max(values[b]!, Math.abs(sample));
        }
      });
    },
  });
  return decoded.ok ? ok(normalize(values)) : decoded;
}

async function loadTranscript(manifest: Manifest, dir: string): Promise<Transcript | undefined> {
  const refs = manifest.transcripts ?? [];
  const ref = refs.find((r) => r.type === 'application/json') ?? refs[0];
  if (!ref) return undefined;
  const content = await referencedContent(ref, dir);
  if (!content?.ok) return undefined;
  const imported = importTranscript(content.value, { type: ref.type, ...(ref.url ? { fileName: ref.url } : {}), participants: manifest.participants });
  return imported.ok ? imported.transcript : undefined;
}
