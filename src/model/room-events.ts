/**
 * The room's events (manifest spec 1.1) indexed for playback: at any time, who is on stage, whose
 * hand is up, who is muted, how many are in the room, the title, the pins so far, and reaction
 * density at any zoom. Every lookup is O(log n) and returns the same object while nothing changed,
 * and `nextChangeAfter` says when to look again, so a player does no work per frame.
 *
 * Consent is applied here: a participant whose `consent.record` is false (or an id the participant
 * list does not hold) is never named. They are counted (`unnamed`), and a pin or title change of
 * theirs has no author. Pure: no DOM; runs in Node and browsers.
 */

import { upperBound } from './binary-search.js';
import { MembershipBuilder, type MembershipTimeline } from './membership-timeline.js';
import { ReactionDensity } from './reaction-density.js';

/** An event as the manifest gives it (`RoomEvent` of `space-replay/manifest`); other types are ignored. */
export interface RoomEventInput {
  time: number;
  type: string;
  participant?: string;
  on?: boolean;
  raised?: boolean;
  emoji?: string;
  url?: string;
  title?: string;
}

/** What the index needs of a participant. */
export interface RoomParticipantInput {
  id: string;
  name: string;
  consent: { record: boolean };
}

/** A participant who may be named. */
export interface RoomPerson {
  id: string;
  name: string;
}

/** Members of a set at some time: the people who may be named, and how many others. */
export interface PeopleAt {
  /** Named people, in the order they joined the set. */
  people: readonly RoomPerson[];
  /** People who did not consent to recording: counted, never named. */
  unnamed: number;
}

/** A pinned link. */
export interface RoomPin {
  time: number;
  url: string;
  title?: string;
  /** Who pinned it, when they may be named. */
  by?: RoomPerson;
}

/** The busiest moment of the room. */
export interface PeakListeners {
  count: number;
  /** When that count was first reached, seconds. */
  time: number;
}

/** The event types read, in the order `counts` lists them. */
const TYPE_ORDER = ['join', 'leave', 'stage', 'hand', 'mute', 'unmute', 'reaction', 'pin', 'title-change'] as const;
const REACTION = TYPE_ORDER.indexOf('reaction');

const NOBODY: PeopleAt = Object.freeze({ people: Object.freeze([]) as readonly RoomPerson[], unnamed: 0 });

/** Builds the index; see the module comment. 100,000 events index in a few milliseconds. */
export class RoomEvents {
  /** Reactions, for the density strip and its text summary. */
  readonly reactions: ReactionDensity;
  /** Pins in time order. */
  readonly pins: readonly RoomPin[];
  /** Whether join or leave events were given (else there is no listener count). */
  readonly hasPresence: boolean;
  /** Events read, by type (unknown types not counted). */
  readonly counts: Readonly<Record<string, number>>;

  private readonly people: (RoomPerson | undefined)[] = [];
  private readonly stage: MembershipTimeline;
  private readonly hands: MembershipTimeline;
  private readonly muted: MembershipTimeline;
  private readonly presenceTimes: Float64Array;
  private readonly presenceCounts: Int32Array;
  private readonly titleTimes: Float64Array;
  private readonly titles: readonly string[];
  private readonly pinTimes: Float64Array;
  private readonly changeTimes: Float64Array;
  private readonly views = new WeakMap<MembershipTimeline, { raw: Int32Array; view: PeopleAt }>();

  constructor(events: readonly RoomEventInput[], participants: readonly RoomParticipantInput[]) {
    // Keys: participant index for known ids; ids the list lacks get keys past it, never named.
    const keyOf = new Map<string, number>();
    participants.forEach((p, i) => {
      if (keyOf.has(p.id)) return;
      keyOf.set(p.id, i);
      this.people[i] = p.consent.record === true ? { id: p.id, name: p.name } : undefined;
    });
    const key = (id: string): number => {
      let k = keyOf.get(id);
      if (k === undefined) {
        k = Math.max(participants.length, this.people.length);
        keyOf.set(id, k);
        this.people[k] = undefined;
      }
      return k;
    };

    const list = isSorted(events) ? events : [...events].sort((a, b) => a.time - b.time);
    const stage = new MembershipBuilder();
    const hands = new MembershipBuilder();
    const muted = new MembershipBuilder();
    const present = new Set<number>();
    let anonymous = 0;
    const presenceTimes: number[] = [];
    const presenceCounts: number[] = [];
    const titleTimes: number[] = [];
    const titles: string[] = [];
    const pins: RoomPin[] = [];
    const scan = scanReactions(list);
    const typeCounts = new Array<number>(TYPE_ORDER.length).fill(0);
    let hasPresence = false;

    for (let n = 0; n < scan.others.length; n++) {
      const event = list[scan.others[n]!]!;
      const time = event.time;
      const type = event.type;
      const who = typeof event.participant === 'string' ? key(event.participant) : -1;
      switch (type) {
        case 'join':
        case 'leave': {
          hasPresence = true;
          const joining = event.type === 'join';
          const before = present.size + anonymous;
          if (who < 0) anonymous = Math.max(0, anonymous + (joining ? 1 : -1));
          else if (joining) present.add(who);
          else {
            present.delete(who);
            // Someone who left is no longer on stage, raising a hand or muted.
            stage.change(time, who, false);
            hands.change(time, who, false);
            muted.change(time, who, false);
          }
          const after = present.size + anonymous;
          if (after !== before) {
            presenceTimes.push(time);
            presenceCounts.push(after);
          }
          break;
        }
        case 'stage':
          if (who >= 0 && typeof event.on === 'boolean') stage.change(time, who, event.on);
          break;
        case 'hand':
          if (who >= 0 && typeof event.raised === 'boolean') hands.change(time, who, event.raised);
          break;
        case 'mute':
        case 'unmute':
          if (who >= 0) muted.change(time, who, event.type === 'mute');
          break;
        case 'pin': {
          if (typeof event.url !== 'string') continue;
          const by = who >= 0 ? this.people[who] : undefined;
          pins.push({ time, url: event.url, ...(event.title !== undefined ? { title: event.title } : {}), ...(by ? { by } : {}) });
          break;
        }
        case 'title-change':
          if (typeof event.title !== 'string') continue;
          titleTimes.push(time);
          titles.push(event.title);
          break;
        default:
          continue;
      }
      typeCounts[TYPE_ORDER.indexOf(type)]++;
    }
    typeCounts[REACTION] = scan.count;
    const counts: Record<string, number> = {};
    TYPE_ORDER.forEach((type, i) => {
      if (typeCounts[i]! > 0) counts[type] = typeCounts[i]!;
    });

    this.stage = stage.finish();
    this.hands = hands.finish();
    this.muted = muted.finish();
    this.presenceTimes = Float64Array.from(presenceTimes);
    this.presenceCounts = Int32Array.from(presenceCounts);
    this.titleTimes = Float64Array.from(titleTimes);
    this.titles = titles;
    this.pins = pins;
    this.pinTimes = Float64Array.from(pins, (p) => p.time);
    this.reactions = new ReactionDensity(scan.times, scan.codes, scan.emojis);
    this.hasPresence = hasPresence;
    this.counts = counts;
    const changes = Float64Array.from([...this.stage.times, ...this.hands.times, ...this.muted.times, ...presenceTimes, ...titleTimes, ...this.pinTimes]);
    changes.sort();
    this.changeTimes = changes;
  }

  /** Who is on stage (may speak) at `time`. */
  stageAt(time: number): PeopleAt {
    return this.view(this.stage, time);
  }

  /** Whose hand is raised at `time`. */
  handsAt(time: number): PeopleAt {
    return this.view(this.hands, time);
  }

  /** Who is muted at `time` (a player shows it for the people on stage). */
  mutedAt(time: number): PeopleAt {
    return this.view(this.muted, time);
  }

  /** People in the room at `time` (joins minus leaves, speakers included); undefined without join/leave events. */
  listenersAt(time: number): number | undefined {
    if (!this.hasPresence) return undefined;
    const i = upperBound(this.presenceTimes, time) - 1;
    return i >= 0 ? this.presenceCounts[i]! : 0;
  }

  /** The most people in the room at once; undefined without join/leave events. */
  peakListeners(): PeakListeners | undefined {
    if (!this.hasPresence) return undefined;
    let best: PeakListeners = { count: 0, time: 0 };
    for (let i = 0; i < this.presenceCounts.length; i++) {
      if (this.presenceCounts[i]! > best.count) best = { count: this.presenceCounts[i]!, time: this.presenceTimes[i]! };
    }
    return best;
  }

  /** The room's title at `time`, when a title change came before it (else the manifest's title applies). */
  titleAt(time: number): string | undefined {
    const i = upperBound(this.titleTimes, time) - 1;
    return i >= 0 ? this.titles[i] : undefined;
  }

  /** How many pins were made at or before `time`: `pins.slice(0, pinCountAt(t))` are the pins so far. */
  pinCountAt(time: number): number {
    return upperBound(this.pinTimes, time);
  }

  /**
   * The first time after `time` at which stage, hands, mutes, presence, title or pins change
   * (`Infinity` when none): a player updates then, not every frame. Reactions are not included.
   */
  nextChangeAfter(time: number): number {
    const i = upperBound(this.changeTimes, time);
    return i < this.changeTimes.length ? this.changeTimes[i]! : Infinity;
  }

  private view(timeline: MembershipTimeline, time: number): PeopleAt {
    const raw = timeline.at(time);
    const last = this.views.get(timeline);
    if (last && last.raw === raw) return last.view;
    let view = NOBODY;
    if (raw.length > 0) {
      const people: RoomPerson[] = [];
      let unnamed = 0;
      for (const k of raw) {
        const person = this.people[k];
        if (person) people.push(person);
        else unnamed++;
      }
      view = { people, unnamed };
    }
    this.views.set(timeline, { raw, view });
    return view;
  }
}

/**
 * Splits off the reactions (most of a room's events) in one tight pass into typed arrays, so the
 * constructor's own loop visits only the few thousand other events.
 */
function scanReactions(list: readonly RoomEventInput[]): { times: Float64Array; codes: Uint16Array | Uint32Array; emojis: string[]; count: number; others: number[] } {
  const times = new Float64Array(list.length);
  // Emoji codes fit 16 bits unless a file holds more than 65,536 different "emojis".
  let codes: Uint16Array | Uint32Array = new Uint16Array(list.length);
  const others: number[] = [];
  const emojis: string[] = [];
  const codeOf = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const event = list[i]!;
    const time = event.time;
    if (!(time >= 0)) continue;
    if (event.type !== 'reaction') {
      others.push(i);
      continue;
    }
    const emoji = event.emoji;
    if (typeof emoji !== 'string') continue;
    // A room uses a handful of emojis: a scan of the first few is quicker than a Map lookup.
    let code = -1;
    for (let k = 0; k < emojis.length && k < 16; k++) {
      if (emojis[k] === emoji) {
        code = k;
        break;
      }
    }
    if (code < 0) {
      code = codeOf.get(emoji) ?? emojis.length;
      if (code === emojis.length) {
        codeOf.set(emoji, code);
        emojis.push(emoji);
        if (code === 0x10000) codes = Uint32Array.from(codes);
      }
    }
    codes[count] = code;
    times[count++] = time;
  }
  return { times: times.subarray(0, count), codes: codes.subarray(0, count), emojis, count, others };
}

function isSorted(events: readonly RoomEventInput[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i]!.time < events[i - 1]!.time) return false;
  return true;
}
