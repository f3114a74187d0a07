/**
 * Validation of room events (spec 1.1), inline in `events.data` or one per line of an events JSON
 * Lines file. A hand loop, as for inline cues: it must accept exactly what RoomEventSchema accepts
 * (a test compares them), and adds the rules: times within the recording and in order, participant
 * ids that resolve. Events of a type this version does not know are dropped with one warning per
 * type, so a newer 1.x can add types.
 */

import { describeValue, type IssueCollector } from './issues.js';
import { MAX_EMOJI_LENGTH, RANGE_END_TOLERANCE } from './limits.js';
import { EVENT_TYPES } from './events-schema.js';
import type { RoomEvent } from './types.js';
import { checkUrl } from './url-rules.js';

/** What the event loop needs from the rest of the manifest. */
export interface EventsContext {
  /** The manifest duration, or `undefined` when unknown or invalid (times are then only checked for sign). */
  duration: number | undefined;
  /** Participant ids, or `undefined` when the list is unusable (ids are then unchecked). */
  participants: ReadonlySet<string> | undefined;
}

/** Where an event's fields are reported: `path(i)` is the event, `path(i, key)` one of its fields. */
export type EventPath = (index: number, key?: string) => string;

type Fields = Record<string, unknown>;

const KNOWN: ReadonlySet<string> = new Set(EVENT_TYPES);
const NEEDS_PARTICIPANT: ReadonlySet<string> = new Set(['stage', 'hand', 'mute', 'unmute']);
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks events one at a time (in order); keeps what order and unknown-type reporting need. */
export class EventChecker {
  private previousTime = -1;
  private previousIndex = -1;
  private readonly unknownTypes = new Map<string, { index: number; count: number }>();

  constructor(
    private readonly context: EventsContext,
    private readonly issues: IssueCollector,
    private readonly path: EventPath,
    /** How messages name another event (default: its path). */
    private readonly name: (index: number) => string = (index) => path(index),
  ) {}

  /** Checks event `index`; returns a fresh copy of its defined fields, or undefined (error recorded, or an unknown type). */
  check(value: unknown, index: number): RoomEvent | undefined {
    const { issues, path } = this;
    if (!isObject(value)) {
      issues.error(path(index), `expected an event object, got ${describeValue(value)}`);
      return undefined;
    }
    let ok = true;
    const time = this.time(value.time, index);
    if (time === undefined) ok = false;
    const type = value.type;
    if (typeof type !== 'string') {
      issues.error(path(index, 'type'), type === undefined ? 'required' : `expected string, got ${describeValue(type)}`);
      return undefined;
    }
    if (!KNOWN.has(type)) {
      const seen = this.unknownTypes.get(type);
      if (seen) seen.count++;
      else this.unknownTypes.set(type, { index, count: 1 });
      return undefined;
    }
    const participant = this.participant(value.participant, index, NEEDS_PARTICIPANT.has(type));
    if (participant === null) ok = false;
    const who = participant ?? undefined;
    // Each event is made as one literal of its final shape: adding fields one by one made 100,000
    // events spend most of their time in the garbage collector.
    let event: RoomEvent | undefined;
    switch (type) {
      case 'join':
      case 'leave':
      case 'mute':
      case 'unmute':
        event = (who === undefined ? { time, type } : { time, type, participant: who }) as RoomEvent;
        break;
      case 'stage': {
        const on = this.flag(value.on, index, 'on');
        if (on !== undefined) event = { time: time!, type, participant: who!, on };
        break;
      }
      case 'hand': {
        const raised = this.flag(value.raised, index, 'raised');
        if (raised !== undefined) event = { time: time!, type, participant: who!, raised };
        break;
      }
      case 'reaction': {
        const emoji = this.text(value.emoji, index, 'emoji', MAX_EMOJI_LENGTH, true);
        if (emoji !== undefined) event = who === undefined ? { time: time!, type, emoji } : { time: time!, type, participant: who, emoji };
        break;
      }
      case 'pin': {
        const url = this.url(value.url, index);
        const title = this.text(value.title, index, 'title', 200, false);
        if (url === undefined || title === null) break;
        event = { time: time!, type, ...(who !== undefined ? { participant: who } : {}), url, ...(title !== undefined ? { title } : {}) };
        break;
      }
      case 'title-change': {
        const title = this.text(value.title, index, 'title', 200, true);
        if (typeof title === 'string') event = who === undefined ? { time: time!, type, title } : { time: time!, type, participant: who, title };
        break;
      }
      default:
        break;
    }
    return ok ? event : undefined;
  }

  /** One warning per unknown event type, at its first event. Call once, after the last event. */
  reportUnknownTypes(): void {
    for (const [type, { index, count }] of this.unknownTypes) {
      this.issues.warn(
        this.path(index, 'type'),
        `unknown event type ${JSON.stringify(type.length > 40 ? `${type.slice(0, 40)}…` : type)} (ignored${count > 1 ? `; ${count} events` : ''})`,
      );
    }
  }

  private time(value: unknown, index: number): number | undefined {
    const { issues, path, context } = this;
    if (typeof value !== 'number' || !(value >= 0 && value < Infinity)) {
      if (value === undefined) issues.error(path(index, 'time'), 'required');
      else if (typeof value !== 'number' || Number.isNaN(value)) issues.error(path(index, 'time'), `expected number, got ${describeValue(value)}`);
      else issues.error(path(index, 'time'), `must be 0 or more (got ${describeValue(value)})`);
      return undefined;
    }
    let ok = true;
    if (context.duration !== undefined && value > context.duration + RANGE_END_TOLERANCE) {
      issues.error(path(index, 'time'), `time ${value} is past the end of the recording (duration ${context.duration} s, + ${RANGE_END_TOLERANCE} s allowed)`);
      ok = false;
    }
    if (value < this.previousTime) {
      issues.error(path(index, 'time'), `at ${value}, before ${this.name(this.previousIndex)} (${this.previousTime}): events must be in time order`);
      ok = false;
    }
    this.previousTime = value;
    this.previousIndex = index;
    return ok ? value : undefined;
  }

  /** The participant id, `undefined` when absent and optional, `null` after an error. */
  private participant(value: unknown, index: number, required: boolean): string | undefined | null {
    const { issues, path, context } = this;
    if (value === undefined) {
      if (!required) return undefined;
      issues.error(path(index, 'participant'), 'required');
      return null;
    }
    if (typeof value !== 'string') {
      issues.error(path(index, 'participant'), `expected string, got ${describeValue(value)}`);
      return null;
    }
    if (!ID.test(value)) {
      issues.error(path(index, 'participant'), `must be 1 to 64 letters, digits, "_" or "-" (got ${describeValue(value)})`);
      return null;
    }
    if (context.participants && !context.participants.has(value)) {
      issues.error(path(index, 'participant'), `"${value}" is not the id of a participant`);
      return null;
    }
    return value;
  }

  /** A boolean field; undefined after an error. */
  private flag(value: unknown, index: number, key: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.issues.error(this.path(index, key), value === undefined ? 'required' : `expected boolean, got ${describeValue(value)}`);
    return undefined;
  }

  /** A text field: the text, undefined when absent and optional, null after an error. */
  private text(value: unknown, index: number, key: string, max: number, required: true): string | undefined;
  private text(value: unknown, index: number, key: string, max: number, required: false): string | undefined | null;
  private text(value: unknown, index: number, key: string, max: number, required: boolean): string | undefined | null {
    if (value === undefined && !required) return undefined;
    const where = this.path(index, key);
    if (typeof value !== 'string') {
      this.issues.error(where, value === undefined ? 'required' : `expected string, got ${describeValue(value)}`);
      return required ? undefined : null;
    }
    if (value.length === 0) {
      this.issues.error(where, 'must not be empty');
      return required ? undefined : null;
    }
    if (value.length > max) {
      this.issues.error(where, `${value.length} characters, more than the ${max} allowed`);
      return required ? undefined : null;
    }
    return value;
  }

  /** A URL field (rule 8); undefined after an error. */
  private url(value: unknown, index: number): string | undefined {
    const where = this.path(index, 'url');
    if (value === undefined) this.issues.error(where, 'required');
    else if (typeof value !== 'string') this.issues.error(where, `expected string, got ${describeValue(value)}`);
    else {
      const check = checkUrl(value);
      if (check.ok) return value;
      this.issues.error(where, check.reason);
    }
    return undefined;
  }
}

/**
 * Validates inline events at `path` (e.g. `events.data`) and returns a fresh list holding only the
 * events of known types, each with only its defined fields.
 */
export function checkInlineEvents(list: readonly unknown[], path: string, context: EventsContext, issues: IssueCollector): RoomEvent[] {
  // Paths are built only when there is an issue: a string per event would double the garbage.
  const checker = new EventChecker(context, issues, (i, key) => (key === undefined ? `${path}[${i}]` : `${path}[${i}].${key}`));
  const out: RoomEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const event = checker.check(list[i], i);
    if (event) out.push(event);
  }
  checker.reportUnknownTypes();
  return out;
}
