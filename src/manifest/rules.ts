/**
 * The manifest rules no schema can express (docs/manifest.md, "Rules"): references, ranges, order,
 * consent, status and dates, inline waveform data, url-or-data. They run on the schema's output
 * even when the schema found errors, but skip every value the schema already rejected, so one
 * mistake is reported once and not echoed as nonsense by the rules.
 */

import { lowerBound } from '../model/binary-search.js';
import { decodeAudiowaveformJson } from '../model/peaks.js';
import { parseDateTime } from './date-time.js';
import type { IssueCollector } from './issues.js';
import { RANGE_END_TOLERANCE, WAVEFORM_DURATION_TOLERANCE } from './limits.js';
import { OPT_IN_ROLES, ROLES } from './schema.js';
import { checkTimeRange } from './time-range.js';
import type { InlineTranscript } from './types.js';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Infinity;
}

/** The role a participant is read as: unknown or absent roles are `speaker`. */
export function effectiveRole(role: unknown): string {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? role : 'speaker';
}

interface Known {
  index: number;
  name: string;
  role: string;
  /** The role as written, when it is not one this version knows. */
  unknownRole: string | undefined;
  record: boolean | undefined;
  clip: boolean | undefined;
}

/** Everything the rules read, with the helpers that say which values are trustworthy. */
class RuleContext {
  readonly duration: number | undefined;
  /** Participants by id; `undefined` when the list as a whole is unusable (wrong type, over its cap). */
  readonly participants: Map<string, Known> | undefined;

  constructor(
    readonly manifest: Fields,
    readonly issues: IssueCollector,
  ) {
    const d = manifest.duration;
    this.duration = typeof d === 'number' && d > 0 && !issues.failedAt('duration') ? d : undefined;
    this.participants = this.indexParticipants();
  }

  /** Whether `item[key]` is a time the schema accepted. */
  time(item: Fields, path: string, key: string): number | undefined {
    const value = item[key];
    return isTime(value) && !this.issues.failedAt(`${path}.${key}`) ? value : undefined;
  }

  /** A string field the schema accepted. */
  string(item: Fields, path: string, key: string): string | undefined {
    const value = item[key];
    return typeof value === 'string' && !this.issues.failedAt(`${path}.${key}`) ? value : undefined;
  }

  private indexParticipants(): Map<string, Known> | undefined {
    const list = this.manifest.participants;
    if (!Array.isArray(list) || this.issues.errorAt('participants')) return undefined;
    const byId = new Map<string, Known>();
    list.forEach((p: unknown, index) => {
      if (!isObject(p) || typeof p.id !== 'string') return;
      const seen = byId.get(p.id);
      if (seen) {
        this.issues.error(`participants[${index}].id`, `duplicate participant id "${p.id}" (also participants[${seen.index}])`);
        return;
      }
      const consent = isObject(p.consent) ? p.consent : {};
      byId.set(p.id, {
        index,
        name: typeof p.name === 'string' ? p.name : p.id,
        role: effectiveRole(p.role),
        unknownRole: typeof p.role === 'string' && effectiveRole(p.role) !== p.role ? p.role : undefined,
        record: typeof consent.record === 'boolean' ? consent.record : undefined,
        clip: typeof consent.clip === 'boolean' ? consent.clip : undefined,
      });
    });
    return byId;
  }

  /** Rule 1: `id` at `path` names a participant. Returns it, or undefined (error recorded when it names nobody). */
  participant(id: string | undefined, path: string): Known | undefined {
    if (id === undefined || !this.participants) return undefined;
    const found = this.participants.get(id);
    if (!found) this.issues.error(path, `"${id}" is not the id of a participant`);
    return found;
  }

  /** Rule 4: nothing is attributed to a participant who did not consent to recording. */
  attributable(found: Known | undefined, id: string, path: string, what: string): void {
    if (found?.record === false) {
      this.issues.error(path, `${what} is attributed to participant "${id}", who has not consented to recording (consent.record is false)`);
    }
  }
}

/** Rules 1 and 4 for the opt-in, segments, clips and inline transcript speakers; rule 1 for clip ids. */
function checkReferences(c: RuleContext, transcripts: readonly (InlineTranscript | undefined)[]): void {
  const { manifest, issues } = c;
  if (isObject(manifest.recording)) {
    const id = c.string(manifest.recording, 'recording', 'optInBy');
    const host = c.participant(id, 'recording.optInBy');
    if (host && !OPT_IN_ROLES.includes(host.role)) {
      const role = host.unknownRole === undefined ? host.role : `${host.role} (role "${host.unknownRole}")`;
      issues.error('recording.optInBy', `participant "${id}" is a ${role}; the opt-in must come from a host or co-host`);
    }
  }
  asArray(manifest.segments).forEach((s, i) => {
    if (!isObject(s)) return;
    const path = `segments[${i}]`;
    const id = c.string(s, path, 'speaker');
    c.attributable(c.participant(id, `${path}.speaker`), id!, `${path}.speaker`, 'this segment');
  });
  const clipIds = new Map<string, number>();
  asArray(manifest.clips).forEach((clip, i) => {
    if (!isObject(clip)) return;
    const path = `clips[${i}]`;
    const clipId = c.string(clip, path, 'id');
    if (clipId !== undefined) {
      const first = clipIds.get(clipId);
      if (first !== undefined) issues.error(`${path}.id`, `duplicate clip id "${clipId}" (also clips[${first}])`);
      else clipIds.set(clipId, i);
    }
    const by = c.string(clip, path, 'createdBy');
    c.attributable(c.participant(by, `${path}.createdBy`), by!, `${path}.createdBy`, 'this clip');
  });
  transcripts.forEach((data, i) => {
    if (!data || !('speakers' in data) || !data.speakers) return;
    data.speakers.forEach((speaker, j) => {
      if (speaker.participant === undefined) return;
      const path = `transcripts[${i}].data.speakers[${j}].participant`;
      c.attributable(c.participant(speaker.participant, path), speaker.participant, path, `transcript speaker "${speaker.id}"`);
    });
  });
}

/** Rule 2 for segments, redactions, clips and inline chapters; rule 3 for segments and chapters. */
function checkRanges(c: RuleContext): void {
  const { manifest, issues, duration } = c;
  const ranges = (list: unknown, name: string, ordered: boolean): void => {
    let previous: { start: number; index: number } | undefined;
    asArray(list).forEach((item, i) => {
      if (!isObject(item)) return;
      const path = `${name}[${i}]`;
      const start = c.time(item, path, 'startTime');
      const end = c.time(item, path, 'endTime');
      if (start !== undefined && end !== undefined) checkTimeRange(start, end, name, i, duration, issues);
      if (start === undefined || !ordered) return;
      if (previous && start < previous.start) {
        issues.error(
          `${path}.startTime`,
          `starts at ${start}, before ${name}[${previous.index}] (${previous.start}): ${name} must be in start order`,
        );
      }
      previous = { start, index: i };
    });
  };
  ranges(manifest.segments, 'segments', true);
  ranges(manifest.redactions, 'redactions', false);
  ranges(manifest.clips, 'clips', false);

  const chapters = isObject(manifest.chapters) && isObject(manifest.chapters.data) ? manifest.chapters.data.chapters : undefined;
  let previous: { start: number; index: number } | undefined;
  asArray(chapters).forEach((chapter, i) => {
    if (!isObject(chapter)) return;
    const path = `chapters.data.chapters[${i}]`;
    const start = c.time(chapter, path, 'startTime');
    if (start === undefined) return;
    const end = c.time(chapter, path, 'endTime');
    if (end !== undefined) checkTimeRange(start, end, 'chapters.data.chapters', i, duration, issues);
    else if (duration !== undefined && start >= duration + RANGE_END_TOLERANCE) {
      issues.error(`${path}.startTime`, `startTime ${start} is past the end of the recording (duration ${duration} s)`);
    }
    if (previous && start < previous.start) {
      issues.error(
        `${path}.startTime`,
        `starts at ${start}, before chapters[${previous.index}] (${previous.start}): chapters must be in start order`,
      );
    }
    previous = { start, index: i };
  });
}

/** Rule 5: no clip overlaps speech by a participant who did not consent to clips. */
function checkClipConsent(c: RuleContext): void {
  const { manifest, issues, participants } = c;
  if (!participants) return;
  const refused = new Set([...participants].filter(([, p]) => p.clip === false).map(([id]) => id));
  if (refused.size === 0) return;

  const spans: { start: number; end: number; speaker: string; index: number }[] = [];
  asArray(manifest.segments).forEach((s, i) => {
    if (!isObject(s)) return;
    const path = `segments[${i}]`;
    const speaker = c.string(s, path, 'speaker');
    const start = c.time(s, path, 'startTime');
    const end = c.time(s, path, 'endTime');
    if (speaker !== undefined && refused.has(speaker) && start !== undefined && end !== undefined && end > start) {
      spans.push({ start, end, speaker, index: i });
    }
  });
  if (spans.length === 0) return;
  spans.sort((a, b) => a.start - b.start);
  const starts = Float64Array.from(spans, (s) => s.start);
  // maxEnd[i]: the latest end among spans[0..i], so the backward scan can stop early.
  const maxEnd = new Float64Array(spans.length);
  spans.forEach((s, i) => (maxEnd[i] = Math.max(s.end, i > 0 ? maxEnd[i - 1]! : -Infinity)));

  asArray(manifest.clips).forEach((clip, j) => {
    if (!isObject(clip)) return;
    const path = `clips[${j}]`;
    const start = c.time(clip, path, 'startTime');
    const end = c.time(clip, path, 'endTime');
    if (start === undefined || end === undefined || !(end > start)) return;
    const clipName = c.string(clip, path, 'id') ?? path;
    const named = new Set<string>();
    // Half-open ranges overlap when span.start < clip end and span.end > clip start.
    for (let i = lowerBound(starts, end) - 1; i >= 0 && maxEnd[i]! > start; i--) {
      const span = spans[i]!;
      if (span.end <= start || named.has(span.speaker)) continue;
      named.add(span.speaker);
      const who = participants.get(span.speaker)!;
      issues.error(
        path,
        `clip "${clipName}" overlaps speech by participant "${span.speaker}" (${who.name}), who has not consented to clips ` +
          `(consent.clip is false): segments[${span.index}] ${span.start}–${span.end} s`,
      );
    }
  });
}

/** Rule 6: a live recording has no endedAt; endedAt is not before startedAt; expiry is after the end. */
function checkStatusAndDates(c: RuleContext): void {
  const { manifest, issues } = c;
  const date = (value: unknown, path: string): number | undefined => (issues.failedAt(path) ? undefined : parseDateTime(value));
  const started = date(manifest.startedAt, 'startedAt');
  const ended = date(manifest.endedAt, 'endedAt');
  if (manifest.status === 'live' && manifest.endedAt !== undefined) {
    issues.error('endedAt', 'a live recording has no endedAt (set status to "ended", or remove endedAt)');
  }
  if (started !== undefined && ended !== undefined && ended < started) {
    issues.error('endedAt', `endedAt ${String(manifest.endedAt)} is before startedAt ${String(manifest.startedAt)}`);
  }
  if (isObject(manifest.retention)) {
    const expires = date(manifest.retention.expiresAt, 'retention.expiresAt');
    const after = ended ?? started;
    const afterName = ended !== undefined ? 'endedAt' : 'startedAt';
    if (expires !== undefined && after !== undefined && expires <= after) {
      issues.error(
        'retention.expiresAt',
        `expiresAt ${String(manifest.retention.expiresAt)} must be after ${afterName} ${String(manifest[afterName])}`,
      );
    }
  }
}

/** Rule 9 (exactly one of url and data; inline data is JSON) and rule 7 (inline waveform data). */
function checkReferencedData(c: RuleContext): void {
  const { manifest, issues, duration } = c;
  const oneOf = (ref: unknown, path: string): ref is Fields => {
    if (!isObject(ref)) return false;
    if (ref.url !== undefined && ref.data !== undefined) issues.error(path, 'has both url and data; give exactly one');
    else if (ref.url === undefined && ref.data === undefined) issues.error(path, 'needs url or data');
    return ref.data !== undefined;
  };
  const jsonOnly = (ref: Fields, path: string): void => {
    if (typeof ref.type === 'string' && ref.type !== 'application/json' && !issues.failedAt(`${path}.type`)) {
      issues.error(`${path}.type`, `inline data must be JSON: type "application/json", got "${ref.type}"`);
    }
  };

  const waveform = manifest.waveform;
  if (oneOf(waveform, 'waveform')) {
    jsonOnly(waveform, 'waveform');
    if (!issues.failedAt('waveform.data')) {
      const decoded = decodeAudiowaveformJson(waveform.data);
      if (!decoded.ok) issues.error('waveform.data', decoded.error);
      else if (duration !== undefined && Math.abs(decoded.peaks.duration - duration) > WAVEFORM_DURATION_TOLERANCE) {
        issues.error(
          'waveform.data',
          `the waveform covers ${decoded.peaks.duration.toFixed(3)} s but duration is ${duration} s ` +
            `(more than ${WAVEFORM_DURATION_TOLERANCE} s apart)`,
        );
      }
    }
  }
  asArray(manifest.transcripts).forEach((ref, i) => {
    if (oneOf(ref, `transcripts[${i}]`)) jsonOnly(ref, `transcripts[${i}]`);
  });
  oneOf(manifest.chapters, 'chapters');
  oneOf(manifest.events, 'events');
}

/**
 * Runs every cross-field rule on `manifest` (the schema's output, possibly partial), recording
 * errors in `issues`. `transcripts[i]` is the checked inline data of `manifest.transcripts[i]`.
 */
export function checkManifestRules(manifest: Fields, issues: IssueCollector, transcripts: readonly (InlineTranscript | undefined)[]): void {
  const c = new RuleContext(manifest, issues);
  checkReferences(c, transcripts);
  checkRanges(c);
  checkClipConsent(c);
  checkStatusAndDates(c);
  checkReferencedData(c);
}
