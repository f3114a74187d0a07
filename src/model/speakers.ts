/**
 * Who speaks when: a columnar index over a manifest's speaker segments, which may overlap
 * (people talking over each other). Answers "who is speaking at t" in O(log n), navigates turns,
 * sums talk time and lists overlapping speech. Pure.
 */
import { upperBound } from './binary-search.js';

/** One speaker segment as the manifest lists it. */
export interface SpeakerSegment {
  /** Participant id of the speaker. */
  speaker: string;
  /** Start, seconds. */
  startTime: number;
  /** End, seconds (exclusive). */
  endTime: number;
}

/** A turn: one speaker's segments merged across short gaps. */
export interface SpeakerTurn {
  /** Position in {@link SpeakerTimeline.turns}. */
  index: number;
  /** Participant id. */
  speaker: string;
  /** Start, seconds. */
  start: number;
  /** End, seconds (exclusive). */
  end: number;
}

/** A stretch where two or more different people speak at once. */
export interface OverlapRange {
  /** Start, seconds. */
  start: number;
  /** End, seconds (exclusive). */
  end: number;
  /** Everyone who speaks somewhere in the stretch, in order of their segments' starts. */
  speakers: string[];
}

/** Options of {@link SpeakerTimeline}. */
export interface SpeakerTimelineOptions {
  /** Participant ids in manifest order: they come first in `speakers`, even those who never speak. */
  participants?: readonly string[];
  /** Segments of one speaker less than this many seconds apart form one turn (default 1). */
  mergeGap?: number;
  /** `previousTurn` goes back to the current turn's start when more than this many seconds into it, else to the turn before (default 1). */
  restartThreshold?: number;
}

// Navigation treats a time this close before a turn's start as at it: a seek may land a hair early.
const NAVIGATION_TOLERANCE = 0.01;

interface TurnColumn {
  starts: Float64Array;
  /** Index into the timeline's turn columns. */
  turns: Uint32Array;
}

/**
 * Speaker segments indexed for lookups. Segments are kept sorted by start in typed-array columns.
 * Lookups use a sweep-line index: the sorted set of all segment boundaries cuts time into
 * elementary intervals, and each interval lists the segments active in it (CSR layout). Building
 * costs O(n log n + P), where P, the sum of active segments over intervals, stays O(n) unless
 * many segments nest inside each other; `speakerAt` is then one binary search, O(log n), and
 * `speakersAt` O(log n + k) for k people at once, whatever the length of the segments (a
 * prefix-max-of-ends scan degrades to O(n) behind one long segment).
 */
export class SpeakerTimeline {
  /** Participant ids: the given participants, then other speakers in order of first segment. */
  readonly speakers: readonly string[];
  /** Segment starts, ascending. */
  readonly starts: Float64Array;
  /** Segment ends, by segment. */
  readonly ends: Float64Array;
  /** Segment speakers as indexes into {@link speakers}. */
  readonly speakerIndexes: Uint32Array;
  /** Input segments left out because their speaker or times were invalid (end must be after start). */
  readonly skippedSegments: number;
  /** Turn starts, ascending (ties by end). */
  readonly turnStarts: Float64Array;
  /** Turn ends, by turn. */
  readonly turnEnds: Float64Array;
  /** Turn speakers as indexes into {@link speakers}. */
  readonly turnSpeakerIndexes: Uint32Array;

  readonly #speakerIds = new Map<string, number>();
  readonly #bounds: Float64Array;
  readonly #offsets: Uint32Array;
  readonly #members: Uint32Array;
  readonly #talkTimes: Float64Array;
  readonly #turnsBySpeaker: TurnColumn[];
  readonly #allTurns: TurnColumn;
  readonly #restartThreshold: number;
  #turns: SpeakerTurn[] | undefined;
  #overlaps: OverlapRange[] | undefined;

  /** Indexes `segments` (any order; invalid ones are skipped and counted, never thrown on). */
  constructor(segments: readonly SpeakerSegment[], options: SpeakerTimelineOptions = {}) {
    const mergeGap = finiteOr(options.mergeGap, 1);
    this.#restartThreshold = finiteOr(options.restartThreshold, 1);

    const speakers: string[] = [];
    const idOf = (id: string): number => {
      let index = this.#speakerIds.get(id);
      if (index === undefined) {
        index = speakers.length;
        speakers.push(id);
        this.#speakerIds.set(id, index);
      }
      return index;
    };
    for (const id of options.participants ?? []) if (typeof id === 'string' && id !== '') idOf(id);

    const valid: SpeakerSegment[] = [];
    for (const segment of Array.isArray(segments) ? segments : []) {
      if (isValidSegment(segment)) valid.push(segment);
    }
    this.skippedSegments = (Array.isArray(segments) ? segments.length : 0) - valid.length;
    // Stable sort: segments that start together keep input order, so "most recent" is well defined.
    if (!isSortedByStart(valid)) valid.sort((a, b) => a.startTime - b.startTime);
    const n = valid.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.speakerIndexes = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const segment = valid[i]!;
      this.starts[i] = segment.startTime;
      this.ends[i] = segment.endTime;
      this.speakerIndexes[i] = idOf(segment.speaker);
    }
    this.speakers = speakers;

    [this.#bounds, this.#offsets, this.#members] = buildSweepIndex(this.starts, this.ends);

    // Per speaker: union of segments for talk time (self-overlap counted once) and turns
    // (segments closer than mergeGap joined). Segments are in start order, so one pass each.
    const talk = new Float64Array(speakers.length);
    const unionEnd = new Float64Array(speakers.length).fill(-Infinity);
    const unionStart = new Float64Array(speakers.length);
    const turnStart = new Float64Array(speakers.length);
    const turnEnd = new Float64Array(speakers.length).fill(-Infinity);
    const turns: { start: number; end: number; speaker: number }[] = [];
    for (let i = 0; i < n; i++) {
      const sp = this.speakerIndexes[i]!;
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      if (start > unionEnd[sp]!) {
        if (unionEnd[sp]! > -Infinity) talk[sp]! += unionEnd[sp]! - unionStart[sp]!;
        unionStart[sp] = start;
        unionEnd[sp] = end;
      } else if (end > unionEnd[sp]!) {
        unionEnd[sp] = end;
      }
      if (turnEnd[sp] === -Infinity || start - turnEnd[sp]! >= mergeGap) {
        if (turnEnd[sp] !== -Infinity) turns.push({ start: turnStart[sp]!, end: turnEnd[sp]!, speaker: sp });
        turnStart[sp] = start;
        turnEnd[sp] = end;
      } else if (end > turnEnd[sp]!) {
        turnEnd[sp] = end;
      }
    }
    for (let sp = 0; sp < speakers.length; sp++) {
      if (unionEnd[sp]! > -Infinity) talk[sp]! += unionEnd[sp]! - unionStart[sp]!;
      if (turnEnd[sp] !== -Infinity) turns.push({ start: turnStart[sp]!, end: turnEnd[sp]!, speaker: sp });
    }
    this.#talkTimes = talk;

    turns.sort((a, b) => a.start - b.start || a.end - b.end || a.speaker - b.speaker);
    this.turnStarts = Float64Array.from(turns, (t) => t.start);
    this.turnEnds = Float64Array.from(turns, (t) => t.end);
    this.turnSpeakerIndexes = Uint32Array.from(turns, (t) => t.speaker);
    const perSpeaker: number[][] = speakers.map(() => []);
    turns.forEach((t, i) => perSpeaker[t.speaker]!.push(i));
    this.#allTurns = { starts: this.turnStarts, turns: Uint32Array.from(turns, (_, i) => i) };
    this.#turnsBySpeaker = perSpeaker.map((indexes) => ({
      starts: Float64Array.from(indexes, (i) => this.turnStarts[i]!),
      turns: Uint32Array.from(indexes),
    }));
  }

  /** Number of (valid) segments. */
  get segmentCount(): number {
    return this.starts.length;
  }

  /** Index of a participant id in {@link speakers}, or -1. */
  speakerIndex(id: string): number {
    return this.#speakerIds.get(id) ?? -1;
  }

  /** Who is speaking at `t` (segments are half-open); when several are, whose segment started last. O(log n). */
  speakerAt(t: number): string | undefined {
    const interval = this.#intervalAt(t);
    if (interval < 0) return undefined;
    const to = this.#offsets[interval + 1]!;
    if (to === this.#offsets[interval]) return undefined;
    return this.speakers[this.speakerIndexes[this.#members[to - 1]!]!];
  }

  /** Everyone speaking at `t`, each once, in order of their segments' starts. O(log n + k). */
  speakersAt(t: number): string[] {
    const interval = this.#intervalAt(t);
    if (interval < 0) return [];
    const result: string[] = [];
    for (let m = this.#offsets[interval]!; m < this.#offsets[interval + 1]!; m++) {
      const id = this.speakers[this.speakerIndexes[this.#members[m]!]!]!;
      if (!result.includes(id)) result.push(id);
    }
    return result;
  }

  /** All turns, sorted by start: one speaker's segments less than `mergeGap` apart joined (built once, on first use). */
  get turns(): readonly SpeakerTurn[] {
    this.#turns ??= Array.from(this.turnStarts, (_, i) => this.#turn(i));
    return this.#turns;
  }

  /** The first turn (of anyone, or of `speaker`) starting after `t`; undefined when none or the speaker is unknown. */
  nextTurn(t: number, speaker?: string): SpeakerTurn | undefined {
    const column = this.#turnColumn(speaker);
    if (!column) return undefined;
    const i = upperBound(column.starts, t + NAVIGATION_TOLERANCE);
    return i < column.starts.length ? this.#turn(column.turns[i]!) : undefined;
  }

  /**
   * The turn to go back to from `t`, like a media player's "previous track": the start of the turn
   * under way when more than `restartThreshold` seconds into it, else the turn before it (of anyone,
   * or of `speaker`). Undefined when there is none.
   */
  previousTurn(t: number, speaker?: string): SpeakerTurn | undefined {
    const column = this.#turnColumn(speaker);
    if (!column) return undefined;
    const i = upperBound(column.starts, t + NAVIGATION_TOLERANCE) - 1;
    if (i < 0) return undefined;
    if (t - column.starts[i]! > this.#restartThreshold) return this.#turn(column.turns[i]!);
    return i > 0 ? this.#turn(column.turns[i - 1]!) : undefined;
  }

  /** Seconds `speaker` talks, their own overlapping segments counted once; 0 for unknown ids. */
  talkTime(speaker: string): number {
    const index = this.speakerIndex(speaker);
    return index < 0 ? 0 : this.#talkTimes[index]!;
  }

  /** Talk time of every speaker, in {@link speakers} order. */
  talkTimes(): Map<string, number> {
    return new Map(this.speakers.map((id, i) => [id, this.#talkTimes[i]!]));
  }

  /** Stretches where two or more different people speak, merged when adjacent (computed once). */
  overlaps(): OverlapRange[] {
    if (!this.#overlaps) {
      const ranges: OverlapRange[] = [];
      let current: OverlapRange | undefined;
      for (let j = 0; j + 1 < this.#bounds.length; j++) {
        const ids: string[] = [];
        for (let m = this.#offsets[j]!; m < this.#offsets[j + 1]!; m++) {
          const id = this.speakers[this.speakerIndexes[this.#members[m]!]!]!;
          if (!ids.includes(id)) ids.push(id);
        }
        if (ids.length < 2) {
          current = undefined;
          continue;
        }
        if (current && current.end === this.#bounds[j]) {
          current.end = this.#bounds[j + 1]!;
          for (const id of ids) if (!current.speakers.includes(id)) current.speakers.push(id);
        } else {
          current = { start: this.#bounds[j]!, end: this.#bounds[j + 1]!, speakers: ids };
          ranges.push(current);
        }
      }
      this.#overlaps = ranges;
    }
    return this.#overlaps.map((r) => ({ ...r, speakers: [...r.speakers] }));
  }

  /** Index of the elementary interval containing `t`, or -1 before the first or after the last boundary. */
  #intervalAt(t: number): number {
    const j = upperBound(this.#bounds, t) - 1;
    return j >= 0 && j + 1 < this.#bounds.length ? j : -1;
  }

  #turnColumn(speaker: string | undefined): TurnColumn | undefined {
    if (speaker === undefined) return this.#allTurns;
    const index = this.speakerIndex(speaker);
    return index < 0 ? undefined : this.#turnsBySpeaker[index];
  }

  #turn(i: number): SpeakerTurn {
    return { index: i, speaker: this.speakers[this.turnSpeakerIndexes[i]!]!, start: this.turnStarts[i]!, end: this.turnEnds[i]! };
  }
}

function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function isValidSegment(segment: unknown): segment is SpeakerSegment {
  if (typeof segment !== 'object' || segment === null) return false;
  const { speaker, startTime, endTime } = segment as Record<string, unknown>;
  return (
    typeof speaker === 'string' &&
    speaker !== '' &&
    typeof startTime === 'number' &&
    typeof endTime === 'number' &&
    Number.isFinite(startTime) &&
    Number.isFinite(endTime) &&
    startTime >= 0 &&
    endTime > startTime
  );
}

function isSortedByStart(segments: readonly SpeakerSegment[]): boolean {
  for (let i = 1; i < segments.length; i++) if (segments[i]!.startTime < segments[i - 1]!.startTime) return false;
  return true;
}

/**
 * Cuts time at every segment boundary; for each elementary interval [bounds[j], bounds[j+1]) lists
 * the active segments, ascending (so by start), in members[offsets[j] .. offsets[j+1]).
 */
function buildSweepIndex(starts: Float64Array, ends: Float64Array): [Float64Array, Uint32Array, Uint32Array] {
  const n = starts.length;
  const all = new Float64Array(2 * n);
  all.set(starts);
  all.set(ends, n);
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (unique === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i]!;
  const bounds = all.slice(0, unique);

  const offsets = new Uint32Array(Math.max(unique, 1));
  let members = new Uint32Array(Math.max(16, 2 * n));
  let size = 0;
  const active: number[] = [];
  let next = 0;
  for (let j = 0; j + 1 < unique; j++) {
    const b = bounds[j]!;
    let kept = 0;
    for (let a = 0; a < active.length; a++) if (ends[active[a]!]! > b) active[kept++] = active[a]!;
    active.length = kept;
    // Segments starting here have larger indexes than any active one, so the list stays ascending.
    while (next < n && starts[next]! <= b) active.push(next++);
    offsets[j] = size;
    if (size + active.length > members.length) {
      const grown = new Uint32Array(Math.max(2 * members.length, size + active.length));
      grown.set(members);
      members = grown;
    }
    for (const segment of active) members[size++] = segment;
  }
  if (unique > 0) offsets[unique - 1] = size;
  return [bounds, offsets, members.slice(0, size)];
}
