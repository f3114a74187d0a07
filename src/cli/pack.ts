/**
 * `space-replay pack`: audio + side files → a folder the <space-replay> player can stream from.
 * Inputs are all checked (and the manifest validated) before any encoding; output is staged
 * beside --out and moved into place only when complete.
 */
import { access, readdir, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { effectiveRole } from '../manifest/index.js';
import { formatTime } from '../model/time.js';
import { toNormalizedJson, toWebVTT } from '../model/transcript/index.js';
import { formatHelp, parseCommand } from './args.js';
import { createStagingDir } from './atomic-dir.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { countOf } from './count.js';
import { findFfmpeg, probeAudio } from './ffmpeg.js';
import { describeFsError } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';
import { loadPackInputs, type PackPlan } from './pack-inputs.js';
import { buildManifest, checkManifest, eventsInFile, eventsJsonl, PACK_FILES, withInlineWaveform } from './pack-manifest.js';
import { PACK_SPEC, resolvePackOptions, type AacCoder, type PackOptions } from './pack-options.js';
import { createProgressBar, type ProgressBar } from './progress.js';
import { HLS_SEGMENT_SECONDS, transcode, WAVEFORM_SAMPLE_RATE, WAVEFORM_SAMPLES_PER_PIXEL, type TranscodePass } from './transcode.js';
import { prepareTracks, type PreparedTracks } from './tracks.js';
import { wavDeclaredDuration } from './wav-header.js';

/** What `pack --json` prints. */
export interface PackReport {
  out: string;
  id: string;
  duration: number;
  files: string[];
  /** How the audio was encoded: AAC LC, mono, at this bitrate, with this ffmpeg coder. */
  audio: { codec: 'aac'; bitrate: string; coder: AacCoder };
  hlsSegments: number;
  waveformPeaks: number;
  participants: number;
  addedSpeakers: string[];
  segments: number;
  redactions: { startTime: number; endTime: number }[];
  transcript?: { cues: number; words: number };
  chapters: number;
  clips: number;
  /** With --track: the labels of the tracks mixed, and of those left out (their participant refused recording). */
  tracks?: { mixed: string[]; excluded: string[] };
  /** Events written, by type; `inline` when they are in manifest.json, else in events.jsonl. */
  events?: { count: number; inline: boolean; byType: Record<string, number> };
  warnings: string[];
  notices: string[];
}

/** Runs `pack`; resolves to the exit code. */
export async function packCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(PACK_SPEC, argv);
  if (!parsed.ok) return usageError(io, parsed.message);
  if (parsed.value.help) {
    io.stdout.write(formatHelp(PACK_SPEC));
    return ExitCode.ok;
  }
  const now = io.now?.() ?? Date.now();
  const resolved = resolvePackOptions(parsed.value.values, parsed.value.positionals, io.cwd ?? process.cwd(), now);
  if (!resolved.ok) return usageError(io, resolved.message);
  const options = resolved.value;
  const result = await pack(options, io);
  if (!result.ok) {
    io.stderr.write(`${result.message}\n`);
    return io.signal?.aborted ? ExitCode.interrupted : ExitCode.failure;
  }
  const report = result.value;
  if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(summary(options, report));
  return ExitCode.ok;
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`${message}\nSee space-replay pack --help.\n`);
  return ExitCode.usage;
}

async function pack(options: PackOptions, io: CliIo): Promise<Outcome<PackReport>> {
  const tools = await findFfmpeg();
  if (!tools.ok) return tools;
  let source: { mtimeMs: number; duration: number; sampleRate: number; tracks?: PreparedTracks };
  if (options.tracks) {
    const prepared = await prepareTracks(
      tools.value,
      options.tracks,
      { path: options.participants, label: options.participantsLabel },
      options.unknownSpeakers === 'speaker',
      options.vad,
      io.signal,
    );
    if (!prepared.ok) return prepared;
    source = { ...prepared.value, tracks: prepared.value };
  } else {
    const audioInfo = await readableFile(options.audio, options.audioLabel);
    if (!audioInfo.ok) return audioInfo;
    const probe = await probeAudio(tools.value, options.audio, options.audioLabel);
    if (!probe.ok) return probe;
    source = { mtimeMs: audioInfo.value.mtimeMs, duration: probe.value.duration, sampleRate: probe.value.sampleRate };
  }
  const duration = source.duration;

  const loaded = await loadPackInputs(options, duration, source.tracks ? { label: '--track', turns: source.tracks.turns } : undefined);
  if (!loaded.ok) return loaded;
  const plan = loaded.value;
  for (const line of plan.notices) io.stderr.write(`${line}\n`);

  const optInBy = pickOptIn(plan);
  if (!optInBy) {
    return fail(`${options.participantsLabel}: no participant has role host or co-host, so nobody can opt the recording in (recording.optInBy)`);
  }
  if (options.allowDownload) {
    const refusing = plan.participants.find((p) => p.consent.record && p.consent.download === false);
    if (refusing) {
      return fail(`--allow-download: participant "${refusing.id}" in ${options.participantsLabel} has consent.download false`);
    }
  }
  const startedAt = options.startedAt ?? new Date(source.mtimeMs - duration * 1000).toISOString();
  const transcript = plan.transcript ? toNormalizedJson(plan.transcript) : undefined;
  const facts = { duration, startedAt, optInBy, ...(transcript ? { transcript } : {}) };

  // Everything but the waveform can be checked before a single second of audio is encoded.
  const manifests = buildManifest(options, plan, facts);
  const early = checkManifest(options, [manifests.checked, manifests.written]);
  if (!early.ok) return fail(['space-replay pack: the manifest would be invalid; nothing was written:', ...early.errors].join('\n'));

  const staging = await createStagingDir(options.out, options.force, options.outLabel);
  if (!staging.ok) return staging;
  const dir = staging.value.path;
  // One bar per ffmpeg pass, each made when its pass starts so its ETA is timed from there.
  let bar: ProgressBar | undefined;
  let barPass: TranscodePass | undefined;
  try {
    const encoded = await transcode(tools.value, {
      input: options.audio,
      label: options.audioLabel,
      outDir: dir,
      bitrate: options.bitrate,
      coder: options.aacCoder,
      sampleRate: Math.min(source.sampleRate, 48000),
      silence: plan.silence,
      ...(source.tracks ? { mix: source.tracks.mix, mixDuration: duration } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (pass, seconds) => {
        if (pass !== barPass) {
          bar?.done();
          bar = createProgressBar(io, pass, duration);
          barPass = pass;
        }
        bar!.update(seconds);
      },
    });
    bar?.done();
    if (!encoded.ok) return encoded;
    const { waveform, decodedDuration } = encoded.value;

    // A truncated or damaged file decodes shorter than its header says; the manifest must describe
    // the audio that was encoded, and the user must hear about it.
    // Tracks are padded to the longest one, so their mix has the probed length by construction.
    const mismatch = source.tracks ? undefined : await durationMismatch(options, duration, decodedDuration);
    let written = manifests.written;
    if (mismatch) {
      io.stderr.write(`warning: ${mismatch}\n`);
      written = buildManifest(options, plan, { ...facts, duration: decodedDuration }).written;
    }
    const final = checkManifest(options, [withInlineWaveform(written, waveform)]);
    if (!final.ok) return fail(['space-replay pack: the manifest is invalid; nothing was written:', ...final.errors].join('\n'));
    const warnings = [...(mismatch ? [mismatch] : []), ...final.warnings];
    for (const warning of final.warnings) io.stderr.write(`warning: ${warning}\n`);

    const files: string[] = [PACK_FILES.playlist, PACK_FILES.progressive, PACK_FILES.waveform];
    await writeFile(join(dir, PACK_FILES.waveform), JSON.stringify(waveform));
    if (plan.transcript && transcript) {
      await writeFile(join(dir, PACK_FILES.transcriptJson), JSON.stringify(transcript));
      await writeFile(join(dir, PACK_FILES.transcriptVtt), `${toWebVTT(plan.transcript).trimEnd()}\n`);
      files.push(PACK_FILES.transcriptJson, PACK_FILES.transcriptVtt);
    }
    if (plan.chapters) {
      await writeFile(join(dir, PACK_FILES.chapters), `${JSON.stringify(plan.chapters, null, 2)}\n`);
      files.push(PACK_FILES.chapters);
    }
    if (plan.events && eventsInFile(plan)) {
      await writeFile(join(dir, PACK_FILES.events), eventsJsonl(plan.events));
      files.push(PACK_FILES.events);
    }
    await writeFile(join(dir, PACK_FILES.manifest), `${JSON.stringify(written, null, 2)}\n`);
    files.push(PACK_FILES.manifest);
    const hlsSegments = (await readdir(join(dir, 'audio'))).filter((name) => name.endsWith('.m4s')).length;

    if (io.signal?.aborted) return fail(`${options.audioLabel}: interrupted`);
    const committed = await staging.value.commit();
    if (!committed.ok) return committed;
    const packed = report(options, plan, { duration: mismatch ? decodedDuration : duration, files, hlsSegments, waveformPeaks: waveform.length, warnings, notices: plan.notices });
    if (options.tracks) {
      const excluded = new Set(source.tracks?.excluded);
      packed.tracks = { mixed: options.tracks.map((t) => t.label).filter((l) => !excluded.has(l)), excluded: [...excluded] };
    }
    return ok(packed);
  } catch (error) {
    return fail(`${options.outLabel}: cannot write the output (${describeFsError(error)})`);
  } finally {
    bar?.done();
    staging.value.discard();
  }
}

/** Differences between the duration a file declares and what decodes that are worth a warning, seconds. */
const DURATION_TOLERANCE = 1;

/**
 * A warning when the audio decoded differs by more than {@link DURATION_TOLERANCE} from the
 * duration declared by ffprobe or, for WAV, by the header (ffprobe measures a WAV by its size).
 */
async function durationMismatch(options: PackOptions, probed: number, decoded: number): Promise<string | undefined> {
  const header = await wavDeclaredDuration(options.audio);
  const declared = [probed, ...(header !== undefined ? [header] : [])].reduce((a, b) => (Math.abs(b - decoded) > Math.abs(a - decoded) ? b : a));
  if (Math.abs(declared - decoded) <= DURATION_TOLERANCE) return undefined;
  const source = declared === probed ? 'ffprobe reads a duration of' : 'its WAV header declares';
  return (
    `${options.audioLabel}: ${source} ${declared.toFixed(3)} s, but ${decoded.toFixed(3)} s of audio could be decoded ` +
    `(the file may be truncated or damaged); the recording is ${decoded.toFixed(3)} s long`
  );
}

/** The audio must be a readable regular file; ffprobe's own message for a missing file is less clear. */
async function readableFile(path: string, label: string): Promise<Outcome<{ mtimeMs: number }>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail(`${label}: not a file`);
    await access(path, constants.R_OK);
    return ok({ mtimeMs: info.mtimeMs });
  } catch (error) {
    return fail(`${label}: cannot read file (${describeFsError(error)})`);
  }
}

function pickOptIn(plan: PackPlan): string | undefined {
  const role = (p: PackPlan['participants'][number]) => effectiveRole(p.role);
  return (plan.participants.find((p) => role(p) === 'host') ?? plan.participants.find((p) => role(p) === 'co-host'))?.id;
}

function report(
  options: PackOptions,
  plan: PackPlan,
  facts: { duration: number; files: string[]; hlsSegments: number; waveformPeaks: number; warnings: string[]; notices: string[] },
): PackReport {
  return {
    out: options.out,
    id: options.id,
    duration: facts.duration,
    files: facts.files,
    audio: { codec: 'aac', bitrate: options.bitrate, coder: options.aacCoder },
    hlsSegments: facts.hlsSegments,
    waveformPeaks: facts.waveformPeaks,
    participants: plan.participants.length,
    addedSpeakers: plan.addedSpeakers,
    segments: plan.segments.length,
    redactions: plan.silence.map((range) => ({ startTime: range.start, endTime: range.end })),
    ...(plan.transcript ? { transcript: { cues: plan.transcript.cueCount, words: plan.transcript.wordCount } } : {}),
    chapters: plan.chapters?.chapters.length ?? 0,
    clips: plan.clips?.length ?? 0,
    ...(plan.events ? { events: { count: plan.events.length, inline: !eventsInFile(plan), byType: countByType(plan.events) } } : {}),
    warnings: facts.warnings,
    notices: facts.notices,
  };
}

function countByType(events: readonly { type: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return counts;
}

function summary(options: PackOptions, r: PackReport): string {
  const rows: [string, string][] = [
    [PACK_FILES.playlist, `${countOf(r.hlsSegments, 'fMP4 segment')} of ~${HLS_SEGMENT_SECONDS} s, AAC mono ${options.bitrate} (${options.aacCoder} coder)`],
    [PACK_FILES.progressive, 'progressive copy (faststart)'],
    [PACK_FILES.waveform, `${countOf(r.waveformPeaks, 'peak')} (${WAVEFORM_SAMPLE_RATE / WAVEFORM_SAMPLES_PER_PIXEL} per second)`],
  ];
  if (r.transcript) {
    rows.push([PACK_FILES.transcriptJson, `${countOf(r.transcript.cues, 'cue')}, ${countOf(r.transcript.words, 'word')}`], [PACK_FILES.transcriptVtt, 'WebVTT with voices']);
  }
  if (r.chapters > 0) rows.push([PACK_FILES.chapters, countOf(r.chapters, 'chapter')]);
  if (r.events && !r.events.inline) rows.push([PACK_FILES.events, countOf(r.events.count, 'event')]);
  rows.push([
    PACK_FILES.manifest,
    `valid: ${countOf(r.participants, 'participant')}, ${countOf(r.segments, 'segment')}, ${countOf(r.redactions.length, 'redaction')}, ${countOf(r.clips, 'clip')}` +
      (r.events?.inline ? `, ${countOf(r.events.count, 'event')}` : ''),
  ]);
  const width = Math.max(...rows.map(([file]) => file.length));
  const lines = [`Packed ${options.audioLabel} → ${options.outLabel} (${formatTime(r.duration)})`];
  for (const [file, what] of rows) lines.push(`  ${file.padEnd(width)}  ${what}`);
  return `${lines.join('\n')}\n`;
}
