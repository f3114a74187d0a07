/**
 * Validation of room events (spec 1.1), inline in `events.data` or one per line of an events JSON
 * Lines file. A hand loop, as for inline cues: it must accept exactly what RoomEventSchema accepts
 * (a test compares them), and adds the rules: times within the recording and in order, participant
 * ids that resolve. Events of a type this version does not know are dropped with one warning per
 * type, so a newer 1.x can add types.
 */

import { describeValue, type IssueCollector } from './issues.js';
import { MAX_EMOJI_LENGTH, RANGE_END_TOLERANCE } from './limits.js';
import { EVENT_TYPES } from './schema.js';
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
    const event: Fields = { time, type };
    if (typeof participant === 'string') event.participant = participant;
    switch (type) {
      case 'stage':
        ok = this.flag(value, index, 'on', event) && ok;
        break;
      case 'hand':
        ok = this.flag(value, index, 'raised', event) && ok;
        break;
      case 'reaction':
        ok = this.text(value, index, 'emoji', MAX_EMOJI_LENGTH, true, event) && ok;
        break;
      case 'pin': {
        const url = value.url;
        const check = checkUrl(url);
        if (url === undefined) {
          issues.error(path(index, 'url'), 'required');
          ok = false;
        } else if (typeof url !== 'string') {
          issues.error(path(index, 'url'), `expected string, got ${describeValue(url)}`);
          ok = false;
        } else if (!check.ok) {
          issues.error(path(index, 'url'), check.reason);
          ok = false;
        } else event.url = url;
        ok = this.text(value, index, 'title', 200, false, event) && ok;
        break;
      }
      case 'title-change':
        ok = this.text(value, index, 'title', 200, true, event) && ok;
        break;
      default:
        break;
    }
    return ok ? (event as unknown as RoomEvent) : undefined;
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

  private flag(value: Fields, index: number, key: string, out: Fields): boolean {
    const flag = value[key];
    if (typeof flag === 'boolean') {
      out[key] = flag;
      return true;
    }
    this.issues.error(this.path(index, key), flag === undefined ? 'required' : `expected boolean, got ${describeValue(flag)}`);
    return false;
  }

  private text(value: Fields, index: number, key: string, max: number, required: boolean, out: Fields): boolean {
    const text = value[key];
    if (text === undefined && !required) return true;
    const where = this.path(index, key);
    if (typeof text !== 'string') {
      this.issues.error(where, text === undefined ? 'required' : `expected string, got ${describeValue(text)}`);
      return false;
    }
    if (text.length === 0) {
      this.issues.error(where, 'must not be empty');
      return false;
    }
    if (text.length > max) {
      this.issues.error(where, `${text.length} characters, more than the ${max} allowed`);
      return false;
    }
    out[key] = text;
    return true;
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
