/**
 * Reading an events JSON Lines file (spec 1.1, `events.url`): one event object per line, in time
 * order. Text can be pushed in pieces as it arrives (a fetch stream, or the bytes a live file grew
 * by), and each complete line is checked with the same rules as inline events. Problems name the
 * line. Pure: runs in Node and browsers.
 */

import { EventChecker, type EventsContext } from './events.js';
import { IssueCollector } from './issues.js';
import { findJsonSyntaxError } from './json-text.js';
import { MAX_EVENT_LINE_LENGTH, MAX_EVENTS_FILE_EVENTS } from './limits.js';
import type { RoomEvent } from './types.js';
import { isAbsoluteUrl, resolveManifestUrl } from './url-rules.js';

/** A problem in an events file: its 1-based line, the event field (`""` for the line itself) and what. */
export interface EventsJsonlIssue {
  line: number;
  path: string;
  message: string;
}

/** What {@link EventsJsonlReader.finish} and {@link parseEventsJsonl} return. */
export interface EventsJsonlResult {
  /** True when no line had an error. */
  ok: boolean;
  /** The valid events of known types, in file order. */
  events: RoomEvent[];
  errors: EventsJsonlIssue[];
  warnings: EventsJsonlIssue[];
  /** Lines read (the last, unterminated one included once finished). */
  lines: number;
}

/** Options of the reader. */
export interface EventsJsonlOptions {
  /** The manifest's duration: later times are errors. */
  duration?: number;
  /** The manifest's participant ids: other ids are errors. */
  participants?: Iterable<string>;
  /** The events file's own URL: relative pin URLs are resolved against it. */
  baseUrl?: string | URL;
  /** The number of the first line pushed (default 1), when reading on from part of a file. */
  firstLine?: number;
}

/** Reads an events file piece by piece; see {@link parseEventsJsonl} for a whole text. */
export class EventsJsonlReader {
  private readonly issues = new IssueCollector();
  private readonly checker: EventChecker;
  private readonly base: string | URL | undefined;
  private readonly events: RoomEvent[] = [];
  private pending = '';
  /** Number of the line `pending` starts. */
  private line: number;
  /** The current line is over the length cap: skip to its end. */
  private skipping = false;
  private stopped = false;

  constructor(options: EventsJsonlOptions = {}) {
    const context: EventsContext = {
      duration: options.duration,
      participants: options.participants ? new Set(options.participants) : undefined,
    };
    // Issue paths are "<line>" or "<line>.<field>"; messages name other lines as "line N".
    this.checker = new EventChecker(
      context,
      this.issues,
      (line, key) => (key === undefined ? String(line) : `${line}.${key}`),
      (line) => `line ${line}`,
    );
    this.base = options.baseUrl !== undefined && isAbsoluteUrl(options.baseUrl) ? options.baseUrl : undefined;
    this.line = options.firstLine ?? 1;
  }

  /** Adds text; returns the valid events of the lines it completed. */
  push(text: string): RoomEvent[] {
    if (this.stopped) return [];
    const before = this.events.length;
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline < 0) break;
      this.takeLine(text.slice(start, newline));
      start = newline + 1;
      if (this.stopped) return this.events.slice(before);
    }
    const rest = text.slice(start);
    if (!this.skipping) {
      this.pending += rest;
      if (this.pending.length > MAX_EVENT_LINE_LENGTH) this.tooLong();
    }
    return this.events.slice(before);
  }

  /** Reads the last line (which needs no newline) and returns everything read. */
  finish(): EventsJsonlResult {
    if (!this.stopped && (this.pending !== '' || this.skipping)) this.takeLine('');
    this.checker.reportUnknownTypes();
    const toIssue = ({ path, message }: { path: string; message: string }): EventsJsonlIssue => {
      const dot = path.indexOf('.');
      const line = Number(dot < 0 ? path : path.slice(0, dot));
      return Number.isInteger(line) ? { line, path: dot < 0 ? '' : path.slice(dot + 1), message } : { line: 0, path: '', message };
    };
    const errors = this.issues.errors.map(toIssue);
    return { ok: errors.length === 0, events: this.events, errors, warnings: this.issues.warnings.map(toIssue), lines: this.line - 1 };
  }

  private tooLong(): void {
    this.issues.error(String(this.line), `line is longer than ${MAX_EVENT_LINE_LENGTH} characters`);
    this.pending = '';
    this.skipping = true;
  }

  private takeLine(tail: string): void {
    const number = this.line++;
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    let text = this.pending + tail;
    this.pending = '';
    if (text.length > MAX_EVENT_LINE_LENGTH) {
      this.issues.error(String(number), `line is longer than ${MAX_EVENT_LINE_LENGTH} characters`);
      return;
    }
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return;
    if (this.events.length >= MAX_EVENTS_FILE_EVENTS) {
      this.issues.error(String(number), `more than ${MAX_EVENTS_FILE_EVENTS} events; the rest of the file is not read`);
      this.stopped = true;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const found = findJsonSyntaxError(text);
      this.issues.error(String(number), found ? `invalid JSON at column ${found.column}: ${found.message}` : 'invalid JSON');
      return;
    }
    const event = this.checker.check(value, number);
    if (!event) return;
    if (this.base !== undefined && event.type === 'pin') {
      const resolved = resolveManifestUrl(event.url, this.base);
      if (resolved.ok) event.url = resolved.url;
    }
    this.events.push(event);
  }
}

/**
 * Reads a whole events JSON Lines text. Never throws; every problem comes back with its line.
 *
 * @example
 * const result = parseEventsJsonl(await response.text(), { duration: manifest.duration, baseUrl: response.url });
 * for (const e of result.errors) console.error(`events.jsonl:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}`);
 */
export function parseEventsJsonl(text: string, options: EventsJsonlOptions = {}): EventsJsonlResult {
  const reader = new EventsJsonlReader(options);
  reader.push(typeof text === 'string' ? text : '');
  return reader.finish();
}

/** An events file issue as one line: `12: time: must be 0 or more`, prefixed by `label:` when given. */
export function formatEventsIssue(issue: EventsJsonlIssue, label?: string): string {
  const where = label === undefined ? String(issue.line) : `${label}:${issue.line}`;
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}
