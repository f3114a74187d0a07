/**
 * Who is in a set (on stage, hand raised, muted, in the room) at any time, from a time-ordered list
 * of joins and departures. Only effective changes are kept (a second "on" for someone already in
 * is none), with a snapshot of the set every {@link CHECKPOINT_EVERY} changes, so a lookup is a
 * binary search plus at most that many changes replayed: O(log n), whatever the room's length.
 * Pure: no DOM.
 */

import { upperBound } from './binary-search.js';

/** Changes between two stored snapshots. */
export const CHECKPOINT_EVERY = 32;

/** Builds a {@link MembershipTimeline}: feed changes in time order, then `finish()`. */
export class MembershipBuilder {
  private readonly times: number[] = [];
  private readonly keys: number[] = [];
  private readonly ons: number[] = [];
  private readonly current: number[] = [];
  private readonly members = new Set<number>();
  private readonly snapshots: Int32Array[] = [new Int32Array(0)];

  /** `key` joins (`on`) or leaves the set at `time`; nothing happens when it is already so. */
  change(time: number, key: number, on: boolean): void {
    if (this.members.has(key) === on) return;
    if (on) {
      this.members.add(key);
      this.current.push(key);
    } else {
      this.members.delete(key);
      this.current.splice(this.current.indexOf(key), 1);
    }
    this.times.push(time);
    this.keys.push(key);
    this.ons.push(on ? 1 : 0);
    if (this.times.length % CHECKPOINT_EVERY === 0) this.snapshots.push(Int32Array.from(this.current));
  }

  /** Whether `key` is in the set after the changes so far. */
  has(key: number): boolean {
    return this.members.has(key);
  }

  /** The keys in the set now, in the order they joined. */
  keysNow(): readonly number[] {
    return this.current;
  }

  finish(): MembershipTimeline {
    return new MembershipTimeline(Float64Array.from(this.times), Int32Array.from(this.keys), Uint8Array.from(this.ons), this.snapshots);
  }
}

/** The set's members at any time; see {@link MembershipBuilder}. */
export class MembershipTimeline {
  private cachedIndex = -1;
  private cached: Int32Array = new Int32Array(0);

  constructor(
    /** When each effective change happened, ascending. */
    readonly times: Float64Array,
    private readonly keys: Int32Array,
    private readonly ons: Uint8Array,
    private readonly snapshots: readonly Int32Array[],
  ) {}

  /** Number of effective changes. */
  get changeCount(): number {
    return this.times.length;
  }

  /** Number of changes at or before `time`: the state at `time` is the state after that many. */
  changesAt(time: number): number {
    return upperBound(this.times, time);
  }

  /**
   * The members at `time` (changes at exactly `time` applied), in the order they joined. The same
   * array is returned while no change lies between two lookups, so a caller can compare by identity.
   */
  at(time: number): Int32Array {
    return this.afterChanges(this.changesAt(time));
  }

  /** The members after the first `count` changes. */
  afterChanges(count: number): Int32Array {
    if (count === this.cachedIndex) return this.cached;
    const checkpoint = Math.floor(count / CHECKPOINT_EVERY);
    const members = Array.from(this.snapshots[checkpoint]!);
    for (let i = checkpoint * CHECKPOINT_EVERY; i < count; i++) {
      const key = this.keys[i]!;
      if (this.ons[i] === 1) members.push(key);
      else members.splice(members.lastIndexOf(key), 1);
    }
    this.cachedIndex = count;
    this.cached = Int32Array.from(members);
    return this.cached;
  }
}
