/**
 * Clip consent: may a clip `[start, end)` be made? Not when it overlaps speech of a participant
 * whose `consent.clip` is not `true`, and not once the recording has expired. Pure; see docs/clips.md.
 */
import { isExpired, type Retained } from './expiry.js';
import { upperBound } from './binary-search.js';

/** The part of a participant the check reads. */
export interface ConsentParticipant {
  /** Participant id, as segments name it. */
  readonly id: string;
  /** Display name, for the refusal message. */
  readonly name: string;
  /** What they agreed to; only `clip === true` allows clipping them. */
  readonly consent?: { readonly clip?: boolean } | undefined;
}

/** The part of a speaker segment the check reads (half-open `[startTime, endTime)`). */
export interface ConsentSegment {
  /** Participant id. */
  readonly speaker: string;
  /** Start, seconds. */
  readonly startTime: number;
  /** End, seconds (exclusive). */
  readonly endTime: number;
}

/** The part of a manifest the check reads. */
export interface ClipConsentManifest {
  /** Everyone in the room. */
  readonly participants: readonly ConsentParticipant[];
  /** Who spoke when; without it a refusing participant may speak anywhere. */
  readonly segments?: readonly ConsentSegment[] | undefined;
}

/** A participant named in a refusal. */
export interface ClipParticipant {
  /** Participant id. */
  id: string;
  /** Display name (the id when the speaker is not a listed participant). */
  name: string;
}

/** Outcome of {@link checkClipConsent}: allowed, or refused naming who would be clipped. */
export type ClipConsentResult = { ok: true } | { ok: false; participants: ClipParticipant[] };

/** One refusing speaker's speech as disjoint, sorted intervals (so starts and ends both ascend). */
interface RefusedSpeech {
  participant: ClipParticipant;
  /** Undefined: no timing known, so the participant counts as speaking everywhere. */
  starts?: Float64Array;
  ends?: Float64Array;
}

/** Per-manifest index of refusing speakers' speech, built once. */
class ClipConsentIndex {
  readonly refused: RefusedSpeech[];

  constructor(manifest: ClipConsentManifest) {
    const participants = Array.isArray(manifest.participants) ? manifest.participants : [];
    const segments = Array.isArray(manifest.segments) ? manifest.segments : [];
    const known = new Map<string, ConsentParticipant>();
    for (const p of participants) if (p && typeof p.id === 'string') known.set(p.id, p);

    // No implicit consent: a speaker who is not listed, or whose consent.clip is not true, refuses.
    const refuses = (id: string): boolean => known.get(id)?.consent?.clip !== true;
    const byRefuser = new Map<string, [number, number][]>();
    for (const s of segments) {
      if (!s || typeof s.speaker !== 'string' || !refuses(s.speaker)) continue;
      const { startTime, endTime } = s;
      if (!(Number.isFinite(startTime) && Number.isFinite(endTime) && endTime > startTime)) continue;
      let list = byRefuser.get(s.speaker);
      if (!list) byRefuser.set(s.speaker, (list = []));
      list.push([startTime, endTime]);
    }

    this.refused = [];
    const timed = segments.length > 0;
    for (const p of participants) {
      if (!p || typeof p.id !== 'string' || !refuses(p.id)) continue;
      const participant = { id: p.id, name: typeof p.name === 'string' && p.name ? p.name : p.id };
      const list = byRefuser.get(p.id);
      if (list) this.refused.push({ participant, ...mergeIntervals(list) });
      // Without any segments nobody's speech is located, so a refusing participant may be anywhere.
      else if (!timed) this.refused.push({ participant });
      byRefuser.delete(p.id);
    }
    for (const [id, list] of byRefuser) this.refused.push({ participant: { id, name: id }, ...mergeIntervals(list) });
  }

  /** O(p log n): one binary search per refusing speaker (p is small: those who said no). */
  check(start: number, end: number): ClipConsentResult {
    const s = Number.isFinite(start) ? start : 0;
    const e = Number.isFinite(end) ? end : Infinity;
    if (!(e > s)) return { ok: true };
    const hit: ClipParticipant[] = [];
    for (const r of this.refused) {
      if (!r.starts || !r.ends) {
        hit.push({ ...r.participant });
        continue;
      }
      const i = upperBound(r.ends, s);
      if (i < r.starts.length && r.starts[i]! < e) hit.push({ ...r.participant });
    }
    return hit.length === 0 ? { ok: true } : { ok: false, participants: hit };
  }
}

function mergeIntervals(list: [number, number][]): { starts: Float64Array; ends: Float64Array } {
  list.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of list) {
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]!) ends[last] = Math.max(ends[last]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

// Keyed on the arrays, not the manifest object, so a manifest rebuilt around the same data reuses its index.
const indexes = new WeakMap<object, WeakMap<object, ClipConsentIndex>>();
const NO_SEGMENTS: readonly ConsentSegment[] = [];

function indexOf(manifest: ClipConsentManifest): ClipConsentIndex {
  const participants = (Array.isArray(manifest.participants) ? manifest.participants : NO_SEGMENTS) as object;
  const segments = (Array.isArray(manifest.segments) ? manifest.segments : NO_SEGMENTS) as object;
  let bySegments = indexes.get(participants);
  if (!bySegments) indexes.set(participants, (bySegments = new WeakMap()));
  let index = bySegments.get(segments);
  if (!index) bySegments.set(segments, (index = new ClipConsentIndex(manifest)));
  return index;
}

/**
 * Whether a clip `[start, end)` may be made: refused when it overlaps a segment of a participant
 * whose `consent.clip` is not `true` (or of a speaker missing from `participants`), naming them in
 * participant order. Without segments, any refusing participant refuses every clip. The index is
 * built once per participants/segments arrays; each check is O(p log n). Never throws.
 */
export function checkClipConsent(manifest: ClipConsentManifest, start: number, end: number): ClipConsentResult {
  if (!manifest || typeof manifest !== 'object') return { ok: true };
  return indexOf(manifest).check(start, end);
}

/** Whether clips may be made of this recording at `now` (ms since the epoch): not once it has expired. */
export function clipsAllowed(manifest: Retained, now: number = Date.now()): boolean {
  if (!manifest || typeof manifest !== 'object') return false;
  return !isExpired(manifest, now);
}
