/**
 * `space-replay redact`: consent withdrawn after the room. Silences everything a participant said
 * (or given ranges) in a packed folder, in place but atomically: the new folder is built beside the
 * old one (unchanged files hard-linked, changed ones written anew), its manifest validated, and
 * only then swapped in. A crash or Ctrl-C leaves the old folder as it was.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatIssue, parseManifest, type Manifest } from '../manifest/index.js';
import { parseTemporalFragment } from '../model/clip-link.js';
import { formatTime } from '../model/time.js';
import { importTranscript, type Transcript } from '../model/transcript/index.js';
import { formatHelp, parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { createStagingDir } from './atomic-dir.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { findFfmpeg } from './ffmpeg.js';
import { describeFsError } from './input-file.js';
import { linkTree } from './linked-copy.js';
import { isInFolder, localFileOf } from './manifest-source.js';
import { fail, ok, type Outcome } from './outcome.js';
import { repeak, type WaveformPixels } from './peaks-patch.js';
import { patchAudio, type AudioPatch } from './redact-audio.js';
import { rangesToSilence, redactTranscript, subtractRanges, type AttributedRange } from './redaction.js';
import { mergeRanges, type TimeRange } from './silence-filter.js';
import { transcriptFileFormat, writeTranscriptFile, type TranscriptFileFormat } from './transcript-files.js';

const REDACT_SPEC = {
  name: 'redact',
  summary:
    'Silence what a participant said (--participant) or time ranges (--range) in a packed recording folder,\n' +
    'in place: the audio (only the AAC packets and HLS segments touched), the transcripts and their\n' +
    'downloads, the waveform; the participant is marked as not consenting to recording, the ranges are\n' +
    'listed in redactions, and host clips over them are removed. The old folder stays whole until the\n' +
    'new one is complete and its manifest valid.',
  positionals: ['<folder>'],
  flags: {
    participant: { type: 'string', short: 'p', multiple: true, placeholder: '<id>', description: 'Silence everything this participant said and set their consent.record to false (repeatable)' },
    range: { type: 'string', short: 'r', multiple: true, placeholder: '<start,end>', description: 'Silence a range: seconds or times, e.g. 62,95 or 1:02,1:35 (repeatable)' },
    reason: { type: 'string', placeholder: '<text>', description: 'Why, shown to listeners (redactions[].reason)' },
    bitrate: { type: 'string', placeholder: '<rate>', description: "AAC bitrate of the re-encoded packets (default 64k, pack's default)" },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  examples: ['space-replay redact public/rooms/ama --participant alan', 'space-replay redact public/rooms/ama --range 62,95 --reason "a phone number"'],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/** What `redact --json` prints. */
export interface RedactReport {
  folder: string;
  ranges: { startTime: number; endTime: number }[];
  participants: string[];
  /** `changed`: where the decoded audio differs from before (the re-encoded packets' spans), seconds. */
  audio: { packets: number; changed: { startTime: number; endTime: number }[]; files: { path: string; bytes: number }[]; hlsSegments: number; hlsSegmentsRewritten: number };
  waveformPixels: number;
  transcripts: { path: string; wordsRemoved: number }[];
  clipsRemoved: { id: string; title?: string }[];
  /** Every file written anew, with its size; all other files of the folder are the same files as before (hard links). */
  written: { path: string; bytes: number }[];
  seconds: number;
}

/** A transcript file (or inline transcript) of the folder, imported. */
interface LoadedTranscript {
  /** Relative path, or `transcripts[i]` for inline data. */
  where: string;
  format: TranscriptFileFormat;
  transcript: Transcript;
  inlineIndex?: number;
}

/** Runs `redact`; resolves to the exit code. */
export async function redactCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(REDACT_SPEC, argv);
  const usage = (message: string): number => {
    io.stderr.write(`${message.startsWith('space-replay') ? message : `space-replay redact: ${message}`}\nSee space-replay redact --help.\n`);
    return ExitCode.usage;
  };
  if (!parsed.ok) return usage(parsed.message);
  if (parsed.value.help) {
    io.stdout.write(formatHelp(REDACT_SPEC));
    return ExitCode.ok;
  }
  const flags = parsed.value.values;
  const ids = flags.participant ?? [];
  const rangeTexts = flags.range ?? [];
  if (ids.length === 0 && rangeTexts.length === 0) return usage('give --participant <id> or --range <start,end>');
  const bitrate = flags.bitrate ?? '64k';
  if (!/^\d{1,3}k$/.test(bitrate) || Number(bitrate.slice(0, -1)) < 8 || Number(bitrate.slice(0, -1)) > 320) return usage(`--bitrate ${bitrate}: expected 8k to 320k`);
  if (flags.reason !== undefined && (flags.reason.trim() === '' || flags.reason.length > 500)) return usage('--reason: 1 to 500 characters');
  const label = parsed.value.positionals[0]!;
  const folder = resolve(io.cwd ?? process.cwd(), label);
  const started = performance.now();
  const result = await redact(folder, label, { ids, rangeTexts, bitrate, ...(flags.reason !== undefined ? { reason: flags.reason } : {}) }, io);
  if (!result.ok) {
    io.stderr.write(`${result.message}\n`);
    if (io.signal?.aborted) return ExitCode.interrupted;
    return result.message.startsWith('space-replay redact:') ? ExitCode.usage : ExitCode.failure;
  }
  const report = { ...result.value, seconds: Math.round((performance.now() - started) / 10) / 100 };
  io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
  if (report.ranges.length > 0 || report.participants.length > 0) {
    io.stderr.write(
      'notice: pages and feeds made from this recording before (share pages, list feeds, RSS) may still show what was removed: make them again\n',
    );
  }
  return ExitCode.ok;
}

interface RedactRequest {
  ids: readonly string[];
  rangeTexts: readonly string[];
  bitrate: string;
  reason?: string;
}

async function redact(folder: string, label: string, request: RedactRequest, io: CliIo): Promise<Outcome<Omit<RedactReport, 'seconds'>>> {
  try {
    if (!(await stat(folder)).isDirectory()) return fail(`${label}: not a folder (give the recording folder that pack wrote)`);
  } catch (error) {
    return fail(`${label}: cannot read (${describeFsError(error)})`);
  }
  const manifestPath = join(folder, 'manifest.json');
  const manifestLabel = join(label, 'manifest.json');
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    return fail(`${manifestLabel}: cannot read (${describeFsError(error)})`);
  }
  const parsed = parseManifest(text);
  if (!parsed.ok) return fail([`${manifestLabel}: invalid manifest (run space-replay validate for details)`, ...parsed.errors.slice(0, 5).map((e) => `  ${formatIssue(e)}`)].join('\n'));
  const manifest = parsed.manifest;
  // The document as written is what gets changed and written back, so unknown keys and key order survive.
  const raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, any>;

  for (const id of request.ids) {
    if (!manifest.participants.some((p) => p.id === id)) {
      return fail(`space-replay redact: --participant ${id}: no such participant in ${manifestLabel} (ids: ${manifest.participants.map((p) => p.id).join(', ')})`);
    }
  }
  const explicit: TimeRange[] = [];
  for (const value of request.rangeTexts) {
    const range = parseTemporalFragment(value);
    if (!range || range.end === undefined) return fail(`space-replay redact: --range ${value}: expected START,END with END after START (e.g. 62,95 or 1:02,1:35)`);
    if (range.start >= manifest.duration) return fail(`space-replay redact: --range ${value}: starts after the end of the recording (${formatTime(manifest.duration)})`);
    explicit.push({ start: range.start, end: Math.min(range.end, manifest.duration) });
  }

  const loaded = await loadTranscripts(folder, manifest);
  if (!loaded.ok) return loaded;
  const silenced = new Set(request.ids);
  const turns: AttributedRange[] = (manifest.segments ?? []).map((s) => ({ start: s.startTime, end: s.endTime, speaker: s.speaker }));
  const ranges = mergeRanges([...explicit, ...loaded.value.transcripts.flatMap((t) => rangesToSilence(silenced, turns, t.transcript)), ...rangesToSilence(silenced, turns, undefined)]);

  if (ranges.length === 0 && request.ids.every((id) => manifest.participants.find((p) => p.id === id)!.consent.record === false)) {
    return fail(`space-replay redact: nothing to redact in ${label}: ${request.ids.join(', ')} already not recorded, and no speech of theirs is located`);
  }
  const tools = await findFfmpeg();
  if (!tools.ok) return tools;
  const staging = await createStagingDir(folder, true, label);
  if (!staging.ok) return staging;
  const dir = staging.value.path;
  try {
    await linkTree(folder, dir, new Set());
    const written: { path: string; bytes: number }[] = [];
    const replace = async (relative: string, content: string | Buffer) => {
      const path = localFileOf(dir, relative);
      await rm(path, { force: true });
      await writeFile(path, content, { mode: 0o644 });
      written.push({ path: relative, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length });
    };

    let audio: AudioPatch | undefined;
    let waveformPixels = 0;
    if (ranges.length > 0) {
      const patched = await patchAudio(tools.value, folder, dir, manifest, ranges, request.bitrate, io.signal);
      if (!patched.ok) return patched;
      audio = patched.value;
      const waveform = await repeakWaveform(tools.value, folder, raw, manifest, audio, io.signal);
      if (!waveform.ok) return waveform;
      waveformPixels = waveform.value.pixels;
      if (waveform.value.file) await replace(waveform.value.file.path, waveform.value.file.text);
    }

    const transcripts: RedactReport['transcripts'] = [];
    let main: { kept: Transcript | undefined; removed: number } | undefined;
    for (const item of loaded.value.transcripts) {
      const redacted = redactTranscript(item.transcript, silenced, ranges, manifest.participants);
      const kept = redacted.transcript;
      main ??= { kept, removed: item.transcript.wordCount - (kept?.wordCount ?? 0) };
      if (redacted.droppedCues === 0 && redacted.droppedWords === 0) continue;
      const content = kept ? writeTranscriptFile(kept, item.format) : emptyTranscriptFile(item.format);
      if (item.inlineIndex !== undefined) raw.transcripts[item.inlineIndex].data = JSON.parse(content);
      else await replace(item.where, content);
      transcripts.push({ path: item.where, wordsRemoved: item.transcript.wordCount - (kept?.wordCount ?? 0) });
    }
    for (const derived of main && main.removed > 0 ? loaded.value.derived : []) {
      const content = main?.kept ? writeTranscriptFile(main.kept, derived.format) : emptyTranscriptFile(derived.format);
      await replace(derived.path, content);
      transcripts.push({ path: derived.path, wordsRemoved: main?.removed ?? 0 });
    }

    const clipsRemoved = updateManifest(raw, manifest, silenced, ranges, request.reason);
    const check = parseManifest(raw);
    if (!check.ok) {
      return fail([`${manifestLabel}: the redacted manifest would be invalid; nothing was changed:`, ...check.errors.slice(0, 5).map((e) => `  ${formatIssue(e)}`)].join('\n'));
    }
    await replace('manifest.json', `${JSON.stringify(raw, null, 2)}\n`);

    if (io.signal?.aborted) return fail(`${label}: interrupted; nothing was changed`);
    const committed = await staging.value.commit();
    if (!committed.ok) return committed;
    const segmentFiles = audio ? audio.files.length - 1 : 0;
    return ok({
      folder: label,
      ranges: ranges.map((r) => ({ startTime: round(r.start), endTime: round(r.end) })),
      participants: [...request.ids],
      audio: {
        packets: audio?.packets ?? 0,
        changed: (audio?.changed ?? []).map((r) => ({ startTime: round(r.start), endTime: round(r.end) })),
        files: audio?.files ?? [], hlsSegments: audio?.segmentCount ?? 0,
        hlsSegmentsRewritten: segmentFiles,
      },
      waveformPixels,
      transcripts,
      clipsRemoved,
      written: [...(audio?.files ?? []), ...written],
    });
  } catch (error) {
    return fail(`${label}: cannot write the redacted folder (${describeFsError(error)}); nothing was changed`);
  } finally {
    staging.value.discard();
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Every transcript of the folder: the manifest's (files and inline data), plus downloads that are
 * transcripts in another form (`downloads.transcript`, `transcript.srt`, `transcript.txt`), which
 * are written again from the redacted transcript.
 */
async function loadTranscripts(folder: string, manifest: Manifest): Promise<Outcome<{ transcripts: LoadedTranscript[]; derived: { path: string; format: TranscriptFileFormat }[] }>> {
  const transcripts: LoadedTranscript[] = [];
  const seen = new Set<string>();
  for (const [i, ref] of (manifest.transcripts ?? []).entries()) {
    if (ref.data !== undefined) {
      const imported = importTranscript(ref.data, { type: ref.type, participants: manifest.participants });
      if (!imported.ok) return fail(`transcripts[${i}]: ${imported.error}`);
      const format: TranscriptFileFormat = 'format' in ref.data ? 'normalized-json' : 'podcast-json';
      transcripts.push({ where: `transcripts[${i}]`, format, transcript: imported.transcript, inlineIndex: i });
      continue;
    }
    if (!isInFolder(ref.url)) return fail(`transcripts[${i}] ${ref.url}: not a file in the folder, so its words cannot be removed here`);
    const path = localFileOf(folder, ref.url);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      return fail(`${ref.url}: cannot read (${describeFsError(error)})`);
    }
    const format = transcriptFileFormat(ref.type, ref.url, text);
    if (!format) return fail(`${ref.url}: unknown transcript format`);
    const imported = importTranscript(text, { type: ref.type, fileName: ref.url, participants: manifest.participants });
    if (!imported.ok) return fail(`${ref.url}: ${imported.error}`);
    transcripts.push({ where: ref.url, format, transcript: imported.transcript });
    seen.add(ref.url.split(/[?#]/)[0]!);
  }
  const derived: { path: string; format: TranscriptFileFormat }[] = [];
  const candidates = [manifest.downloads?.transcript, 'transcript.srt', 'transcript.txt'];
  for (const candidate of candidates) {
    if (candidate === undefined || !isInFolder(candidate)) continue;
    const path = candidate.split(/[?#]/)[0]!;
    if (seen.has(path)) continue;
    try {
      if (!(await stat(localFileOf(folder, path))).isFile()) continue;
    } catch {
      continue;
    }
    const format = transcriptFileFormat(undefined, path, '');
    if (format) derived.push({ path, format });
    seen.add(path);
  }
  return ok({ transcripts, derived });
}

function emptyTranscriptFile(format: TranscriptFileFormat): string {
  switch (format) {
    case 'vtt':
      return 'WEBVTT\n';
    case 'normalized-json':
      return JSON.stringify({ format: 'space-replay-transcript', version: '1.1', cues: [] });
    case 'podcast-json':
      return JSON.stringify({ version: '1.0.0', segments: [] });
    default:
      return '';
  }
}

/** Recomputes the waveform over what changed: a local JSON file, or inline data. */
async function repeakWaveform(
  tools: Parameters<typeof repeak>[0],
  folder: string,
  raw: Record<string, any>,
  manifest: Manifest,
  audio: AudioPatch,
  signal?: AbortSignal,
): Promise<Outcome<{ pixels: number; file?: { path: string; text: string } }>> {
  const ref = manifest.waveform;
  if (!ref) return ok({ pixels: 0 });
  if (ref.type !== 'application/json') return fail(`waveform ${ref.url}: binary .dat peaks are not updated by redact (pack writes JSON); convert them first`);
  let data: WaveformPixels;
  let path: string | undefined;
  if (ref.data) {
    data = raw.waveform.data as WaveformPixels;
  } else {
    path = ref.url;
    try {
      data = JSON.parse(await readFile(localFileOf(folder, ref.url), 'utf8')) as WaveformPixels;
    } catch (error) {
      return fail(`${ref.url}: cannot read (${describeFsError(error)})`);
    }
  }
  if ((data as { channels?: number }).channels !== undefined && (data as { channels?: number }).channels !== 1) {
    return fail(`${path ?? 'waveform.data'}: ${(data as { channels?: number }).channels} channels; redact recomputes mono peaks as pack writes them`);
  }
  const pixels = await repeak(tools, audio.progressive, data, audio.changed, signal);
  if (!pixels.ok) return pixels;
  return ok({ pixels: pixels.value, ...(path ? { file: { path, text: JSON.stringify(data) } } : {}) });
}

/**
 * The manifest changes: participants' consent.record false, their segments dropped and everyone's
 * cut around the ranges, the ranges appended to redactions, and clips over a range or made by a
 * silenced participant removed (returned).
 */
function updateManifest(raw: Record<string, any>, manifest: Manifest, silenced: ReadonlySet<string>, ranges: readonly TimeRange[], reason: string | undefined): { id: string; title?: string }[] {
  for (const participant of raw.participants as Record<string, any>[]) {
    if (silenced.has(participant.id)) participant.consent.record = false;
  }
  if (Array.isArray(raw.segments)) {
    const kept = (manifest.segments ?? []).filter((s) => !silenced.has(s.speaker)).map((s) => ({ ...s, start: s.startTime, end: s.endTime }));
    raw.segments = subtractRanges(kept, ranges).map(({ start, end, speaker }) => ({ speaker, startTime: round(start), endTime: round(end) }));
  }
  const existing = manifest.redactions ?? [];
  const added = ranges.filter((r) => !existing.some((e) => e.startTime <= r.start && r.end <= e.endTime));
  const why = reason ?? (silenced.size > 0 ? 'a participant withdrew consent to recording' : undefined);
  if (added.length > 0) {
    raw.redactions = [...(Array.isArray(raw.redactions) ? raw.redactions : []), ...added.map((r) => ({ startTime: round(r.start), endTime: round(r.end), ...(why ? { reason: why } : {}) }))];
  }
  const removed: { id: string; title?: string }[] = [];
  if (Array.isArray(raw.clips)) {
    raw.clips = (raw.clips as Record<string, any>[]).filter((clip) => {
      const over = ranges.some((r) => clip.startTime < r.end && r.start < clip.endTime);
      if (!over && !silenced.has(clip.createdBy)) return true;
      removed.push({ id: clip.id, ...(typeof clip.title === 'string' ? { title: clip.title } : {}) });
      return false;
    });
  }
  return removed;
}

function summary(report: RedactReport): string {
  const seconds = report.ranges.reduce((sum, r) => sum + r.endTime - r.startTime, 0);
  const lines = [`Redacted ${report.folder} in place (${report.seconds} s)`];
  if (report.ranges.length > 0) {
    const list = report.ranges.slice(0, 6).map((r) => `${formatTime(r.startTime)}–${formatTime(r.endTime)}`).join(', ');
    lines.push(`  silenced ${report.ranges.length} range${report.ranges.length === 1 ? '' : 's'}, ${seconds.toFixed(1)} s: ${list}${report.ranges.length > 6 ? ', …' : ''}`);
    lines.push(
      `  audio: ${report.audio.packets} AAC packets re-encoded; ${report.audio.files[0]?.path ?? 'audio'} rewritten, ` +
        `${report.audio.hlsSegmentsRewritten} of ${report.audio.hlsSegments} HLS segments rewritten`,
    );
    lines.push(`  waveform: ${report.waveformPixels} pixels recomputed`);
  } else {
    lines.push('  nothing to silence: no speech of theirs is located');
  }
  for (const t of report.transcripts) lines.push(`  ${t.path}: ${t.wordsRemoved} words removed`);
  for (const id of report.participants) lines.push(`  participant ${id}: consent.record set to false`);
  const bytes = report.written.reduce((sum, f) => sum + f.bytes, 0);
  lines.push(`  ${report.written.length} files written (${(bytes / 1e6).toFixed(1)} MB); the others are kept as they were`);
  for (const clip of report.clipsRemoved) lines.push(`  clip ${clip.id}${clip.title ? ` "${clip.title}"` : ''} removed: it overlapped a redaction or was made by a silenced participant`);
  return `${lines.join('\n')}\n`;
}
