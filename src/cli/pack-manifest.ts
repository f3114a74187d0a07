/**
 * Assembling `pack`'s manifest and checking it with `parseManifest`. The check runs on a variant
 * with the transcript, chapters and waveform inline, so the validator also vets the files that
 * will sit beside the manifest; the manifest written refers to them by relative URL.
 */
import { parseManifest } from '../manifest/index.js';
import { CHAPTERS_TYPE } from '../manifest/schema.js';
import type { ManifestIssue } from '../manifest/types.js';
import { MANIFEST_SCHEMA_ID, MANIFEST_VERSION } from '../manifest/version.js';
import type { AudiowaveformJson } from '../model/peaks.js';
import type { NormalizedTranscript } from '../model/transcript/index.js';
import { INLINE_EVENTS_MAX } from './events-input.js';
import { MAX_INLINE_EVENTS } from '../manifest/limits.js';
import { REDACTION_REASON, type PackPlan } from './pack-inputs.js';
import type { PackOptions } from './pack-options.js';

/** Relative paths of everything `pack` writes, as the manifest refers to them. */
export const PACK_FILES = {
  playlist: 'audio/index.m3u8',
  progressive: 'audio.m4a',
  waveform: 'waveform.json',
  transcriptJson: 'transcript.json',
  transcriptVtt: 'transcript.vtt',
  chapters: 'chapters.json',
  events: 'events.jsonl',
  manifest: 'manifest.json',
} as const;

/** What the manifest needs besides the options and the plan. */
export interface ManifestFacts {
  duration: number;
  startedAt: string;
  /** The participant who opted the recording in (first host, else first co-host). */
  optInBy: string;
  /** The normalized transcript that will be written (if any). */
  transcript?: NormalizedTranscript;
}

/** The manifest object to write (relative URLs), plus the variant with inline data to check. */
export function buildManifest(options: PackOptions, plan: PackPlan, facts: ManifestFacts): { written: Record<string, unknown>; checked: Record<string, unknown> } {
  const language = options.language ?? plan.transcript?.language;
  const hasTranscript = facts.transcript !== undefined;
  const started = Date.parse(facts.startedAt);
  const written: Record<string, unknown> = {
    $schema: MANIFEST_SCHEMA_ID,
    version: MANIFEST_VERSION,
    id: options.id,
    title: options.title,
    status: options.status,
    startedAt: facts.startedAt,
    ...(options.status === 'ended' ? { endedAt: new Date(started + Math.round(facts.duration * 1000)).toISOString() } : {}),
    duration: round(facts.duration),
    ...(language ? { language } : {}),
    audio: [
      { url: PACK_FILES.playlist, type: 'application/vnd.apple.mpegurl' },
      { url: PACK_FILES.progressive, type: 'audio/mp4' },
    ],
    waveform: { type: 'application/json', url: PACK_FILES.waveform },
    recording: { optInBy: facts.optInBy },
    ...(options.expiresAt ? { retention: { expiresAt: options.expiresAt } } : {}),
    participants: plan.participants,
    segments: plan.segments.map((s) => ({ speaker: s.speaker, startTime: round(s.startTime), endTime: round(s.endTime) })),
    ...(plan.silence.length > 0
      ? { redactions: plan.silence.map((r) => ({ startTime: round(r.start), endTime: round(r.end), reason: REDACTION_REASON })) }
      : {}),
    ...(hasTranscript
      ? {
          transcripts: [
            { type: 'application/json', ...(language ? { language } : {}), url: PACK_FILES.transcriptJson },
            { type: 'text/vtt', ...(language ? { language } : {}), url: PACK_FILES.transcriptVtt },
          ],
        }
      : {}),
    ...(plan.chapters ? { chapters: { type: CHAPTERS_TYPE, url: PACK_FILES.chapters } } : {}),
    ...(plan.clips ? { clips: plan.clips.map((clip) => ({ ...clip, createdBy: clip.createdBy ?? facts.optInBy })) } : {}),
    ...(plan.events ? { events: eventsInFile(plan) ? { url: PACK_FILES.events } : { data: plan.events } } : {}),
    ...(options.allowDownload
      ? { downloads: { audio: PACK_FILES.progressive, ...(hasTranscript ? { transcript: PACK_FILES.transcriptVtt } : {}) } }
      : {}),
  };
  written.version = specVersionFor(written);
  const checked: Record<string, unknown> = {
    ...written,
    ...(hasTranscript ? { transcripts: [{ type: 'application/json', data: facts.transcript }] } : {}),
    ...(plan.chapters ? { chapters: { type: CHAPTERS_TYPE, data: plan.chapters } } : {}),
    ...(plan.events && plan.events.length <= MAX_INLINE_EVENTS ? { events: { data: plan.events } } : {}),
  };
  return { written, checked };
}

/** Whether `pack` writes the events to `events.jsonl` rather than into the manifest. */
export function eventsInFile(plan: PackPlan): boolean {
  return plan.events !== undefined && plan.events.length > INLINE_EVENTS_MAX;
}

/** Events as JSON Lines, one object per line. */
export function eventsJsonl(events: readonly unknown[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}

/** Fields that spec 1.1 added: a manifest without them is written as 1.0, which every 1.x reader reads alike. */
const SPEC_1_1_FIELDS = ['events', 'liveWaveform', 'refresh'];

/** The lowest spec version whose fields `manifest` uses. */
export function specVersionFor(manifest: Record<string, unknown>): string {
  return SPEC_1_1_FIELDS.some((key) => manifest[key] !== undefined) ? MANIFEST_VERSION : '1.0';
}

/** The written manifest with the computed waveform inline, so the validator checks it against the duration. */
export function withInlineWaveform(written: Record<string, unknown>, waveform: AudiowaveformJson): Record<string, unknown> {
  return { ...written, waveform: { type: 'application/json', data: waveform } };
}

/**
 * Validates manifest variants; the issues come back as lines naming the input file each one
 * traces to (`participants.json: participants[1].consent.clip: …`), each line once.
 */
export function checkManifest(options: PackOptions, variants: readonly Record<string, unknown>[]): { ok: boolean; errors: string[]; warnings: string[] } {
  const errors = new Set<string>();
  const warnings = new Set<string>();
  for (const variant of variants) {
    const result = parseManifest(variant);
    if (!result.ok) for (const issue of result.errors) errors.add(describeIssue(options, issue));
    for (const issue of result.warnings) warnings.add(describeIssue(options, issue));
  }
  return { ok: errors.size === 0, errors: [...errors], warnings: [...warnings] };
}

function describeIssue(options: PackOptions, issue: ManifestIssue): string {
  const { path, message } = issue;
  const sources: [prefix: string, label: string | undefined, rename: string][] = [
    ['participants', options.participantsLabel, 'participants'],
    ['transcripts[0].data', options.transcript && `${PACK_FILES.transcriptJson} (from ${options.transcript.label})`, ''],
    ['chapters.data', options.chapters?.label, ''],
    ['clips', options.clips?.label, 'clips'],
    ['segments', options.diarization?.label ?? options.transcript?.label, 'segments'],
    ['events', options.events?.label, 'events'],
  ];
  for (const [prefix, label, rename] of sources) {
    if (label === undefined || !(path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))) continue;
    const inner = `${rename}${path.slice(prefix.length)}`.replace(/^\./, '');
    return `${label}: ${inner === '' ? '' : `${inner}: `}${message}`;
  }
  return `${PACK_FILES.manifest}: ${path === '' ? '' : `${path}: `}${message}`;
}

/** Seconds rounded to the millisecond, so the JSON stays short. */
function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
