/** `space-replay inspect`: a short human summary of a recording folder or manifest. */
import { effectiveRole, formatEventsIssue, formatIssue, isAbsoluteUrl, isExpired, parseEventsJsonl, parseManifest, type Manifest } from '../manifest/index.js';
import { RoomEvents } from '../model/room-events.js';
import { SpeakerTimeline } from '../model/speakers.js';
import { formatTime } from '../model/time.js';
import { importTranscript } from '../model/transcript/index.js';
import { formatHelp, parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { countOf } from './count.js';
import { describeExpiry } from './expiry.js';
import { readInputText } from './input-file.js';
import { loadManifestSource, localFileOf } from './manifest-source.js';
import { terminalSafe } from './terminal-text.js';

const INSPECT_SPEC = {
  name: 'inspect',
  summary:
    'Summarise a recording: title, duration, status, participants with role, talk time and consent,\n' +
    'transcript words, redactions and expiry. Exit 1 when the manifest is unreadable or invalid.',
  positionals: ['<dir|manifest.json>'],
  flags: {
    json: { type: 'boolean', description: 'Print the summary as JSON' },
  },
  examples: ['space-replay inspect public/rooms/launch', 'space-replay inspect demo/recordings/garden-council/manifest.json --json'],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/** What `inspect --json` prints. */
export interface InspectReport {
  id: string;
  title: string;
  status: string;
  duration: number;
  startedAt: string;
  endedAt?: string;
  language?: string;
  expiresAt?: string;
  expired: boolean;
  /** "expires in 12 days", "expired 3 days ago", or "no expiry". */
  expiry: string;
  optInBy: string;
  participants: {
    id: string;
    name: string;
    role: string;
    talkTime: number;
    consent: { record: boolean; clip: boolean; download?: boolean };
  }[];
  segments: number;
  redactions: { count: number; seconds: number };
  /** Word and cue counts of the first transcript that could be read locally. */
  transcript?: { url: string; cues: number; words: number } | { url: string; error: string };
  chapters: number | undefined;
  clips: number;
  downloads: string[];
  /** Spec 1.1 events: counts by type, the busiest moment, the pins; or why they could not be read. */
  events?: EventsSummary | { url: string; error: string };
}

/** What `inspect` says about a recording's events. */
export interface EventsSummary {
  /** `(inline)` or the events file's URL. */
  url: string;
  count: number;
  byType: Record<string, number>;
  /** The most people in the room at once, when joins and leaves are given. */
  peakListeners?: { count: number; time: number };
  /** Pins in time order; `by` only for a participant who consented to recording. */
  pins: { time: number; url: string; title?: string; by?: string }[];
}

/** Runs `inspect`; resolves to the exit code. */
export async function inspectCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(INSPECT_SPEC, argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\nSee space-replay inspect --help.\n`);
    return ExitCode.usage;
  }
  if (parsed.value.help) {
    io.stdout.write(formatHelp(INSPECT_SPEC));
    return ExitCode.ok;
  }
  const source = await loadManifestSource(parsed.value.positionals[0]!, io.cwd ?? process.cwd(), false);
  if (!source.ok) {
    io.stderr.write(`${source.message}\n`);
    return ExitCode.failure;
  }
  const result = parseManifest(source.value.text);
  if (!result.ok) {
    io.stderr.write(`${source.value.label}: invalid manifest (run space-replay validate for details)\n`);
    for (const issue of result.errors.slice(0, 10)) io.stderr.write(`  ${formatIssue(issue)}\n`);
    return ExitCode.failure;
  }
  const report = await inspectManifest(result.manifest, source.value.dir!, io.now?.() ?? Date.now());
  io.stdout.write(parsed.value.values.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
  return ExitCode.ok;
}

/** Builds the summary of a valid manifest whose relative files sit in `dir`. */
export async function inspectManifest(manifest: Manifest, dir: string, now: number): Promise<InspectReport> {
  const timeline = new SpeakerTimeline(manifest.segments ?? [], { participants: manifest.participants.map((p) => p.id) });
  const talk = timeline.talkTimes();
  const redactions = manifest.redactions ?? [];
  const expiresAt = manifest.retention?.expiresAt;
  return {
    id: manifest.id,
    title: manifest.title,
    status: manifest.status,
    duration: manifest.duration,
    startedAt: manifest.startedAt,
    ...(manifest.endedAt ? { endedAt: manifest.endedAt } : {}),
    ...(manifest.language ? { language: manifest.language } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    expired: isExpired(manifest, now),
    expiry: expiresAt ? describeExpiry(expiresAt, now) : 'no expiry',
    optInBy: manifest.recording.optInBy,
    participants: manifest.participants.map((p) => ({
      id: p.id,
      name: p.name,
      role: effectiveRole(p.role),
      talkTime: talk.get(p.id) ?? 0,
      consent: { record: p.consent.record, clip: p.consent.clip, ...(p.consent.download !== undefined ? { download: p.consent.download } : {}) },
    })),
    segments: manifest.segments?.length ?? 0,
    redactions: { count: redactions.length, seconds: redactions.reduce((sum, r) => sum + (r.endTime - r.startTime), 0) },
    ...(await transcriptStats(manifest, dir)),
    chapters: await chapterCount(manifest, dir),
    clips: manifest.clips?.length ?? 0,
    downloads: Object.keys(manifest.downloads ?? {}).filter((key) => !key.startsWith('x-')),
    ...(await eventsSummary(manifest, dir)),
  };
}

async function eventsSummary(manifest: Manifest, dir: string): Promise<Pick<InspectReport, 'events'>> {
  const ref = manifest.events;
  if (!ref) return {};
  let url = '(inline)';
  let events = ref.data;
  if (ref.url !== undefined) {
    url = ref.url;
    if (isAbsoluteUrl(url)) return { events: { url, error: 'remote events file not fetched' } };
    const text = await readInputText(localFileOf(dir, url), url);
    if (!text.ok) return { events: { url, error: text.message } };
    const read = parseEventsJsonl(text.value, { duration: manifest.duration, participants: manifest.participants.map((p) => p.id) });
    if (!read.ok) return { events: { url, error: `invalid: ${formatEventsIssue(read.errors[0]!, url)}` } };
    events = read.events;
  }
  if (!events) return {};
  const room = new RoomEvents(events, manifest.participants);
  const peak = room.peakListeners();
  return {
    events: {
      url,
      count: events.length,
      byType: { ...room.counts },
      ...(peak ? { peakListeners: peak } : {}),
      pins: room.pins.map((p) => ({ time: p.time, url: p.url, ...(p.title ? { title: p.title } : {}), ...(p.by ? { by: p.by.name } : {}) })),
    },
  };
}

async function transcriptStats(manifest: Manifest, dir: string): Promise<Pick<InspectReport, 'transcript'>> {
  const refs = manifest.transcripts ?? [];
  // The JSON form carries exact word times; prefer it when there are several.
  const ref = refs.find((r) => r.type === 'application/json') ?? refs[0];
  if (!ref) return {};
  if (ref.data !== undefined) {
    const imported = await importTranscript(ref.data);
    return { transcript: imported.ok ? { url: '(inline)', cues: imported.transcript.cueCount, words: imported.transcript.wordCount } : { url: '(inline)', error: imported.error } };
  }
  if (isAbsoluteUrl(ref.url)) return { transcript: { url: ref.url, error: 'remote transcript not fetched' } };
  const text = await readInputText(localFileOf(dir, ref.url), ref.url);
  if (!text.ok) return { transcript: { url: ref.url, error: text.message } };
  const imported = await importTranscript(text.value, { type: ref.type, fileName: ref.url });
  return {
    transcript: imported.ok
      ? { url: ref.url, cues: imported.transcript.cueCount, words: imported.transcript.wordCount }
      : { url: ref.url, error: imported.error },
  };
}

async function chapterCount(manifest: Manifest, dir: string): Promise<number | undefined> {
  const chapters = manifest.chapters;
  if (!chapters) return 0;
  if (chapters.data) return chapters.data.chapters.length;
  if (isAbsoluteUrl(chapters.url)) return undefined;
  const text = await readInputText(localFileOf(dir, chapters.url), chapters.url);
  if (!text.ok) return undefined;
  try {
    const list = (JSON.parse(text.value) as { chapters?: unknown }).chapters;
    return Array.isArray(list) ? list.length : undefined;
  } catch {
    return undefined;
  }
}

function describe(r: InspectReport): string {
  const yes = (value: boolean | undefined) => (value === undefined ? '-' : value ? 'yes' : 'no');
  // Names escaped before padding, so the columns line up as printed.
  const names = r.participants.map((p) => terminalSafe(p.name));
  const nameWidth = Math.max(4, ...names.map((name) => name.length));
  const roleWidth = Math.max(4, ...r.participants.map((p) => p.role.length));
  const host = r.participants.find((p) => p.id === r.optInBy);
  const lines = [
    r.title,
    `  ${r.id} · ${r.status} · ${formatTime(r.duration)} · started ${r.startedAt}${r.language ? ` · ${r.language}` : ''}`,
    `  ${r.expiry}${r.expiresAt ? ` (${r.expiresAt})` : ''}`,
    `  opted in by ${host ? `${host.name} (${host.role})` : r.optInBy}`,
    '',
    `Participants (${r.participants.length}):`,
    ...r.participants.map(
      (p, i) =>
        `  ${names[i]!.padEnd(nameWidth)}  ${p.role.padEnd(roleWidth)}  talk ${formatTime(p.talkTime).padStart(5)}  ` +
        `consent: record ${yes(p.consent.record)}, clip ${yes(p.consent.clip)}, download ${yes(p.consent.download)}`,
    ),
    '',
  ];
  if (r.transcript && 'words' in r.transcript) lines.push(`Transcript: ${countOf(r.transcript.words, 'word')} in ${countOf(r.transcript.cues, 'cue')} (${r.transcript.url})`);
  else if (r.transcript) lines.push(`Transcript: ${r.transcript.url}: ${r.transcript.error}`);
  else lines.push('Transcript: none');
  lines.push(
    `Segments: ${r.segments} · Redactions: ${r.redactions.count} (${r.redactions.seconds.toFixed(1)} s silenced) · ` +
      `Chapters: ${r.chapters ?? '?'} · Clips: ${r.clips} · Downloads: ${r.downloads.length ? r.downloads.join(', ') : 'none'}`,
  );
  if (r.events && 'error' in r.events) lines.push(`Events: ${r.events.url}: ${r.events.error}`);
  else if (r.events) {
    const e = r.events;
    const types = Object.entries(e.byType).map(([type, n]) => `${type} ${n}`).join(', ');
    lines.push(`Events: ${countOf(e.count, 'event')} (${e.url}): ${types}`);
    if (e.peakListeners) lines.push(`  peak: ${countOf(e.peakListeners.count, 'person', 'people')} in the room at ${formatTime(e.peakListeners.time)}`);
    for (const pin of e.pins) {
      lines.push(`  pin ${formatTime(pin.time)}  ${terminalSafe(pin.title ?? pin.url)}${pin.title ? ` <${terminalSafe(pin.url)}>` : ''}${pin.by ? ` by ${terminalSafe(pin.by)}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
