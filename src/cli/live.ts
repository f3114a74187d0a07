/**
 * `space-replay live`: packs a room while it is still being recorded. One ffmpeg process reads the
 * growing input (a file being written, followed until it stops growing, or a stream URL) and
 * encodes once into an HLS EVENT playlist and the progressive file, and streams PCM for the peaks.
 * Every `--refresh` seconds the new peaks are appended to `waveform.live.jsonl` and `manifest.json`
 * is replaced atomically (`status: "live"`, a `refresh` hint). When the input ends, on
 * `space-replay live --end`, or on Ctrl-C, the room is closed: the playlist gets `#EXT-X-ENDLIST`,
 * `waveform.json` and `audio.m4a` are written, and the manifest becomes the one `pack` writes.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatTime } from '../model/time.js';
import { createPeaksBuilder } from '../model/peaks.js';
import { LivePeaksWriter } from '../model/live-peaks.js';
import type { RoomEvent } from '../manifest/types.js';
import { formatHelp, parseCommand } from './args.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { readEventsFile } from './events-input.js';
import { findFfmpeg, type FfmpegTools } from './ffmpeg.js';
import { describeFsError } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';
import { buildManifest, checkManifest, eventsInFile, eventsJsonl, PACK_FILES } from './pack-manifest.js';
import { asPackOptions, LIVE_SPEC, resolveLiveOptions, type LiveOptions } from './live-options.js';
import type { PackOptions } from './pack-options.js';
import { controlFile, endLive } from './live-control.js';
import type { PackPlan } from './pack-inputs.js';
import { readParticipantsFile, type InputParticipant } from './participants.js';
import { forEachPcmChunk } from './pcm-stream.js';
import { HLS_SEGMENT_SECONDS, WAVEFORM_SAMPLE_RATE, WAVEFORM_SAMPLES_PER_PIXEL } from './transcode.js';

/** The growing peaks file of a live folder. */
export const LIVE_WAVEFORM_FILE = 'waveform.live.jsonl';
/** Where the progressive file is written until the room ends. */
const PARTIAL_M4A = '.audio.m4a.part';

/** What `live --json` prints when the room has ended. */
export interface LiveReport {
  out: string;
  id: string;
  duration: number;
  /** Manifest updates written while live. */
  updates: number;
  hlsSegments: number;
  waveformPeaks: number;
  files: string[];
}

/** Runs `live`; resolves to the exit code. */
export async function liveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(LIVE_SPEC, argv);
  if (!parsed.ok) return usage(io, parsed.message);
  if (parsed.value.help) {
    io.stdout.write(formatHelp(LIVE_SPEC));
    return ExitCode.ok;
  }
  const cwd = io.cwd ?? process.cwd();
  const values = parsed.value.values;
  if (values.end) {
    if (!values.out) return usage(io, 'space-replay live: --end needs --out <dir>, the folder of the live room');
    const ended = await endLive(resolve(cwd, values.out), values.out, io);
    if (!ended.ok) io.stderr.write(`${ended.message}\n`);
    return ended.ok ? ExitCode.ok : ExitCode.failure;
  }
  const options = resolveLiveOptions(values, parsed.value.positionals, cwd);
  if (!options.ok) return usage(io, options.message);
  const result = await live(options.value, io);
  if (!result.ok) {
    io.stderr.write(`${result.message}\n`);
    return ExitCode.failure;
  }
  const r = result.value;
  io.stdout.write(
    options.value.json
      ? `${JSON.stringify(r, null, 2)}\n`
      : `Ended ${options.value.inputLabel} → ${options.value.outLabel} (${formatTime(r.duration)}, ${r.updates} live update${r.updates === 1 ? '' : 's'}, ${r.hlsSegments} segments)\n`,
  );
  return ExitCode.ok;
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`${message}\nSee space-replay live --help.\n`);
  return ExitCode.usage;
}

/** Reads the sample rate of the input's first audio stream (48 kHz when ffprobe cannot tell in time). */
function probeSampleRate(tools: FfmpegTools, input: string): Promise<number> {
  return new Promise((done) => {
    const child = spawn(tools.ffprobe, ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=sample_rate', '-of', 'csv=p=0', input], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (out += text));
    child.on('error', () => done(48000));
    child.on('close', () => {
      clearTimeout(timer);
      const rate = Number.parseInt(out.trim(), 10);
      done(Number.isInteger(rate) && rate > 0 ? Math.min(rate, 48000) : 48000);
    });
  });
}

/** Duration and segment count of an HLS playlist (0 when it does not exist yet). */
async function playlistState(path: string): Promise<{ duration: number; segments: number; ended: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { duration: 0, segments: 0, ended: false };
  }
  let duration = 0;
  let segments = 0;
  for (const m of text.matchAll(/^#EXTINF:([\d.]+)/gm)) {
    duration += Number(m[1]);
    segments++;
  }
  return { duration, segments, ended: /^#EXT-X-ENDLIST/m.test(text) };
}

/** Replaces `name` in `dir` by `text`: written beside it, then renamed, so a reader never sees half of it. */
async function replaceFile(dir: string, name: string, text: string): Promise<void> {
  const temp = join(dir, `.${name}.tmp-${process.pid}`);
  await writeFile(temp, text, { mode: 0o644 });
  await rename(temp, join(dir, name));
}

async function live(options: LiveOptions, io: CliIo): Promise<Outcome<LiveReport>> {
  const tools = await findFfmpeg();
  if (!tools.ok) return tools;
  if (options.local) {
    try {
      if (!(await stat(options.input)).isFile()) return fail(`${options.inputLabel}: not a file`);
    } catch (error) {
      return fail(`${options.inputLabel}: cannot read file (${describeFsError(error)})`);
    }
  }
  const people = await readParticipantsFile(options.participants, options.participantsLabel);
  if (!people.ok) return people;
  const participants: InputParticipant[] = people.value;
  const optInBy = (participants.find((p) => p.role === 'host') ?? participants.find((p) => p.role === 'co-host'))?.id;
  if (!optInBy) return fail(`${options.participantsLabel}: no participant has role host or co-host, so nobody can opt the recording in (recording.optInBy)`);

  // The folder is written in place from the start: it is live, players read it while it grows.
  try {
    const existing = await readdir(options.out).catch(() => undefined);
    if (existing && existing.length > 0) {
      if (!options.force) return fail(`${options.outLabel}: folder exists and is not empty (use --force to replace it)`);
      await rm(options.out, { recursive: true, force: true });
    }
    await mkdir(join(options.out, 'audio'), { recursive: true });
  } catch (error) {
    return fail(`${options.outLabel}: cannot create the folder (${describeFsError(error)})`);
  }
  const control = controlFile(options.out);
  writeFileSync(control, JSON.stringify({ pid: process.pid }));
  const removeControl = () => rmSync(control, { force: true });
  process.on('exit', removeControl);

  try {
    return await record(options, io, tools.value, participants, optInBy);
  } finally {
    removeControl();
    process.off('exit', removeControl);
  }
}

async function record(options: LiveOptions, io: CliIo, tools: FfmpegTools, participants: InputParticipant[], optInBy: string): Promise<Outcome<LiveReport>> {
  const { out } = options;
  const sampleRate = await probeSampleRate(tools, options.input);
  const startedAt = options.startedAt ?? new Date().toISOString();
  const packOptions = asPackOptions(options);
  const peaks = createPeaksBuilder({ sampleRate: WAVEFORM_SAMPLE_RATE, samplesPerPixel: WAVEFORM_SAMPLES_PER_PIXEL, bits: 8 });
  const livePeaks = new LivePeaksWriter({ sample_rate: WAVEFORM_SAMPLE_RATE, samples_per_pixel: WAVEFORM_SAMPLES_PER_PIXEL, bits: 8 });
  await writeFile(join(out, LIVE_WAVEFORM_FILE), livePeaks.headerLine(), { mode: 0o644 });
  let samples = 0;

  const graph =
    `[0:a:0]aformat=channel_layouts=mono,aresample=${sampleRate},anull,asplit=2[enc][pcm];` +
    `[pcm]aresample=${WAVEFORM_SAMPLE_RATE},aformat=sample_fmts=flt[wave]`;
  // One encoder, two muxers (tee): the HLS segments and audio.m4a hold the very same AAC packets.
  // Relative paths (ffmpeg runs in the folder) keep ':' and '|' of a user's path out of the tee syntax.
  const hls =
    `[f=hls:hls_time=${HLS_SEGMENT_SECONDS}:hls_playlist_type=event:hls_segment_type=fmp4:hls_flags=temp_file:` +
    `hls_fmp4_init_filename=init.mp4:hls_segment_filename=audio/seg%03d.m4s]audio/index.m3u8`;
  const args = [
    '-hide_banner', '-v', 'error', '-nostats', '-y',
    ...(options.local ? ['-follow', '1', '-rw_timeout', String(Math.round(options.idle * 1e6)), '-i', `file:${options.input}`] : ['-i', options.input]),
    '-filter_complex', graph,
    '-map', '[enc]', '-c:a', 'aac', '-aac_coder', options.coder, '-b:a', options.bitrate,
    '-f', 'tee', `${hls}|[f=mp4:movflags=+faststart]${PARTIAL_M4A}`,
    '-map', '[wave]', '-c:a', 'pcm_f32le', '-f', 'f32le', 'pipe:1',
  ];
  const child = spawn(tools.ffmpeg, args, { cwd: out, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderrTail = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => (stderrTail = (stderrTail + text).slice(-4096)));
  child.stdin!.on('error', () => {});
  const pcm = forEachPcmChunk(child.stdout!, (chunk) => {
    samples += chunk.length;
    peaks.push(chunk);
    livePeaks.push(chunk);
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    io.stderr.write(`${options.outLabel}: ending the room…\n`);
    // "q" makes ffmpeg finish its outputs (ENDLIST, the MP4 index), as the input ending does.
    child.stdin!.end('q');
    setTimeout(() => child.kill('SIGINT'), 5000).unref();
  };
  io.signal?.addEventListener('abort', stop, { once: true });
  const exited = new Promise<number | null>((done) => {
    child.on('error', () => done(-1));
    child.on('close', (code) => done(code));
  });

  let updates = 0;
  let lastEvents: RoomEvent[] | undefined;
  let eventsError = '';
  const readEvents = async (duration: number): Promise<RoomEvent[] | undefined> => {
    if (!options.events) return undefined;
    const read = await readEventsFile(options.events.path, options.events.label, participants, Number.MAX_SAFE_INTEGER, undefined);
    if (!read.ok) {
      if (read.message !== eventsError) io.stderr.write(`warning: ${read.message} (keeping the events read before)\n`);
      eventsError = read.message;
    } else lastEvents = read.value.events;
    return lastEvents?.filter((event) => event.time <= duration);
  };
  let failure: string | undefined;
  const update = async (): Promise<void> => {
    const line = livePeaks.takeLine();
    if (line) await writeFile(join(out, LIVE_WAVEFORM_FILE), line, { flag: 'a' });
    const state = await playlistState(join(out, 'audio/index.m3u8'));
    if (state.segments === 0) return;
    const events = await readEvents(state.duration);
    const plan = livePlan(participants, events);
    const { written } = buildManifest(packOptions, plan, { duration: state.duration, startedAt, optInBy });
    const manifest = liveVariant(written, options.refresh);
    const checked = checkManifest(packOptions, [{ ...manifest, ...(events ? { events: { data: events } } : {}) }]);
    if (!checked.ok) {
      failure = ['space-replay live: the live manifest would be invalid; the last valid one stays:', ...checked.errors].join('\n');
      stop();
      return;
    }
    if (events && eventsInFile(plan)) await replaceFile(out, PACK_FILES.events, eventsJsonl(events));
    await replaceFile(out, PACK_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    updates++;
  };
  // Updates run one at a time: a slow disk must not interleave two manifest writes.
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(update).catch((error: unknown) => {
      failure = `${options.outLabel}: cannot write the live folder (${describeFsError(error)})`;
      stop();
    });
  };
  const timer = setInterval(tick, options.refresh * 1000);
  const code = await exited;
  clearInterval(timer);
  await pcm.catch(() => undefined);
  await running;
  io.signal?.removeEventListener('abort', stop);
  if (failure) return fail(failure);
  const state = await playlistState(join(out, 'audio/index.m3u8'));
  if (code !== 0 && !(stopping && state.ended)) {
    return fail(`${options.inputLabel}: ffmpeg failed (${stderrTail.trim().split('\n').at(-1) || `exit code ${code}`}); ${options.outLabel} keeps its last live manifest`);
  }
  if (state.segments === 0 || samples === 0) return fail(`${options.inputLabel}: no audio was read; nothing to publish`);
  return close(options, io, { packOptions, participants, optInBy, startedAt, samples, peaks, livePeaks, updates, segments: state.segments, readEvents });
}

/** What closing the room needs from the live run. */
interface Closing {
  packOptions: PackOptions;
  participants: InputParticipant[];
  optInBy: string;
  startedAt: string;
  samples: number;
  peaks: ReturnType<typeof createPeaksBuilder>;
  livePeaks: LivePeaksWriter;
  updates: number;
  segments: number;
  readEvents: (duration: number) => Promise<RoomEvent[] | undefined>;
}

async function close(options: LiveOptions, io: CliIo, c: Closing): Promise<Outcome<LiveReport>> {
  const { out } = options;
  const decoded = c.samples / WAVEFORM_SAMPLE_RATE;
  // As pack does: the duration the finished file declares, unless it is more than a second off.
  const declared = options.local ? await finishedDuration(options.input) : undefined;
  const duration = declared !== undefined && Math.abs(declared - decoded) <= 1 ? declared : decoded;
  const waveform = c.peaks.finish();
  const events = await c.readEvents(duration);
  const plan = livePlan(c.participants, events);
  const { written, checked } = buildManifest({ ...c.packOptions, status: 'ended' }, plan, { duration, startedAt: c.startedAt, optInBy: c.optInBy });
  const valid = checkManifest(c.packOptions, [{ ...checked, waveform: { type: 'application/json', data: waveform } }]);
  if (!valid.ok) return fail(['space-replay live: the final manifest would be invalid; the folder keeps its last live manifest:', ...valid.errors].join('\n'));
  for (const warning of valid.warnings) io.stderr.write(`warning: ${warning}\n`);
  await writeFile(join(out, PACK_FILES.waveform), JSON.stringify(waveform), { mode: 0o644 });
  await rename(join(out, PARTIAL_M4A), join(out, PACK_FILES.progressive));
  const files: string[] = [PACK_FILES.playlist, PACK_FILES.progressive, PACK_FILES.waveform];
  if (events && eventsInFile(plan)) {
    await replaceFile(out, PACK_FILES.events, eventsJsonl(events));
    files.push(PACK_FILES.events);
  } else await rm(join(out, PACK_FILES.events), { force: true });
  await replaceFile(out, PACK_FILES.manifest, `${JSON.stringify(written, null, 2)}\n`);
  files.push(PACK_FILES.manifest);
  // Players reload the manifest when the live peaks are gone; the final waveform replaces them.
  await rm(join(out, LIVE_WAVEFORM_FILE), { force: true });
  return ok({ out, id: options.id, duration, updates: c.updates, hlsSegments: c.segments, waveformPeaks: waveform.length, files });
}

/** The duration ffprobe reads from the finished input file, when it can. */
function finishedDuration(path: string): Promise<number | undefined> {
  return new Promise((done) => {
    const ffprobe = process.env['SPACE_REPLAY_FFPROBE'] || 'ffprobe';
    const child = spawn(ffprobe, ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=duration:format=duration', '-of', 'json', path], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (text += chunk));
    child.on('error', () => done(undefined));
    child.on('close', () => {
      try {
        const parsed = JSON.parse(text) as { streams?: { duration?: string }[]; format?: { duration?: string } };
        const d = Number(parsed.streams?.[0]?.duration ?? parsed.format?.duration);
        done(Number.isFinite(d) && d > 0 ? d : undefined);
      } catch {
        done(undefined);
      }
    });
  });
}

/** The plan of a live room: participants and events; no transcript, diarization or redactions. */
function livePlan(participants: InputParticipant[], events: RoomEvent[] | undefined): PackPlan {
  return { participants, addedSpeakers: [], silence: [], segments: [], notices: [], ...(events ? { events } : {}) };
}

/** The manifest while live: HLS only (audio.m4a is not finished), live peaks, the refresh hint. */
function liveVariant(written: Record<string, unknown>, refresh: number): Record<string, unknown> {
  const { waveform: _waveform, audio, downloads: _downloads, ...rest } = written;
  const manifest: Record<string, unknown> = {
    ...rest,
    status: 'live',
    refresh,
    audio: (audio as { type: string }[]).filter((source) => source.type === 'application/vnd.apple.mpegurl'),
    liveWaveform: { url: LIVE_WAVEFORM_FILE },
    version: '1.1',
  };
  delete manifest.endedAt;
  return manifest;
}

