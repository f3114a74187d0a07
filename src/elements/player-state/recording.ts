/**
 * A recording as the player shows it, built from manifest text or an object: validated, its
 * speakers indexed, its peaks decoded, its URLs checked again. This module is a chunk of its own
 * (the validator is the bulk of it), fetched while the manifest downloads; the element's main
 * chunk only holds the glue.
 */

import { isExpired } from '../../manifest/expiry.js';
import type { ManifestIssue } from '../../manifest/issues.js';
import { parseManifest } from '../../manifest/parse.js';
import type { Manifest, Participant } from '../../manifest/types.js';
import { channelPeaks, compactChannel, decodePeaks, downsampleCompact, type Peaks } from '../../model/peaks.js';
import { SpeakerTimeline } from '../../model/speakers.js';
import { nextTask } from './next-task.js';
import { usableUrl } from './safe-url.js';

/** One participant as the speaker list shows them. */
export interface SpeakerRow {
  /** The participant. */
  participant: Participant;
  /** Lane row and colour slot, or -1 for someone who never speaks. */
  row: number;
  /** Seconds they talk. */
  talk: number;
  /** Avatar URL that passed the URL rule again (cleared when the image fails). */
  avatar: string | undefined;
  /** Up to two initials, for a missing or broken avatar. */
  initials: string;
}

/** What the player shows: a valid manifest and what is derived from it. */
export interface Recording {
  /** The validated manifest, URLs resolved. */
  manifest: Manifest;
  /** Validator warnings (unknown keys, …), logged, not shown. */
  warnings: ManifestIssue[];
  /** The manifest's own URL (what relative URLs resolved against). */
  baseUrl: string;
  /** Who spoke when. */
  timeline: SpeakerTimeline;
  /** Participants who consented to be recorded, in manifest order. */
  speakers: SpeakerRow[];
  /** Number of speakers who speak (lane rows). */
  rows: number;
  /** Peaks for wavesurfer (one value per pixel, 0..1), or `null`. */
  wave: Float32Array | null;
  /** An overview of `bins` min/max pairs over the whole recording, or `null` without peaks. */
  overview(bins: number): Float32Array | null;
  /** The download link, when the manifest allows downloads and the URL passes. */
  download: string | undefined;
}

/** The outcome of {@link buildRecording}. */
export type RecordingResult =
  | { ok: true; recording: Recording }
  | { ok: false; code: 'manifest-invalid' | 'manifest-version' | 'expired'; message: string; issues?: ManifestIssue[]; title?: string };

/** Validates `input` (JSON text or an object) and derives the recording; `peaks` fetches the waveform bytes. */
export async function buildRecording(
  input: unknown,
  baseUrl: string,
  fetchPeaks: (url: string) => Promise<ArrayBuffer | null>,
): Promise<RecordingResult> {
  const result = parseManifest(input, { baseUrl });
  if (!result.ok) {
    const first = result.errors[0];
    const version = result.errors.length === 1 && first?.path === 'version' && /unsupported/.test(first.message);
    const lines = result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
    return { ok: false, code: version ? 'manifest-version' : 'manifest-invalid', message: lines.join('\n'), issues: result.errors };
  }
  const manifest = result.manifest;
  // Expired: stop before anything else is fetched.
  if (isExpired(manifest)) return { ok: false, code: 'expired', message: `the recording expired at ${manifest.retention?.expiresAt}`, title: manifest.title };

  const ref = manifest.waveform;
  let peaks: Peaks | null = null;
  if (ref) {
    const bytes = ref.url !== undefined ? await fetchPeaks(ref.url) : ref.data;
    await nextTask();
    const decoded = bytes ? decodePeaks(bytes) : null;
    // A missing or broken waveform only costs the picture.
    if (decoded?.ok && decoded.peaks.length > 0) peaks = decoded.peaks;
  }

  await nextTask();
  const timeline = new SpeakerTimeline(manifest.segments ?? [], { participants: manifest.participants.map((p) => p.id) });
  let rows = 0;
  const speakers = manifest.participants
    .filter((p) => p.consent.record)
    .map((participant): SpeakerRow => {
      const talk = timeline.talkTime(participant.id);
      return { participant, row: talk > 0 ? rows++ : -1, talk, avatar: usableUrl(participant.avatar, baseUrl), initials: initialsOf(participant.name) };
    });
  // Kept for redrawing the overview at another width: the file's integers, not the decoded floats
  // (for 4 hours of 8-bit peaks, 0.3 MB instead of 1.1 MB).
  const compact = peaks ? compactChannel(peaks) : null;
  const wave = peaks ? channelPeaks(peaks) : null;
  let cached: { bins: number; pairs: Float32Array } | null = null;
  return {
    ok: true,
    recording: {
      manifest,
      warnings: result.warnings,
      baseUrl,
      timeline,
      speakers,
      rows,
      wave,
      overview: (bins) => {
        if (!compact || bins < 1) return null;
        if (cached?.bins !== bins) cached = { bins, pairs: downsampleCompact(compact, bins) };
        return cached.pairs;
      },
      download: usableUrl(manifest.downloads?.audio, baseUrl),
    },
  };
}

/** Up to two initials of a name. */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  return letters.map((w) => String.fromCodePoint(w.codePointAt(0) ?? 63).toUpperCase()).join('');
}
