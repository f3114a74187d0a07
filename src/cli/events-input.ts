/**
 * `pack --events`: a room's events as JSON Lines (one `{time, type, participant?, …}` object per
 * line, the manifest's event shape), with `participant` holding the platform's label for a person:
 * their participant id, their name, or the name with `_` for spaces, matched as RTTM labels are.
 * Events are sorted by time, checked with the manifest's event rules, and every problem names the
 * file and line.
 */
import { EventChecker } from '../manifest/events.js';
import { formatIssue, IssueCollector } from '../manifest/issues.js';
import { findJsonSyntaxError } from '../manifest/json-text.js';
import { MAX_EVENT_LINE_LENGTH, MAX_EVENTS_FILE_EVENTS } from '../manifest/limits.js';
import type { RoomEvent } from '../manifest/types.js';
import { matchSpeakers } from '../model/transcript/index.js';
import { readInputText } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';
import type { InputParticipant } from './participants.js';

/** Events up to this many are written into manifest.json; more go to `events.jsonl` beside it. */
export const INLINE_EVENTS_MAX = 1000;

/** Types whose `participant` may be left out: an unknown label there makes the event anonymous. */
const ANONYMOUS_OK: ReadonlySet<string> = new Set(['join', 'leave', 'reaction', 'pin', 'title-change']);

/** What {@link readEventsFile} read. */
export interface EventsInput {
  /** Valid events of known types, sorted by time (ties keep file order). */
  events: RoomEvent[];
  /** Lines for stderr: anonymous labels, ignored types. */
  notices: string[];
}

/**
 * Reads and checks an events file against `participants` (labels mapped to ids; an unknown label
 * on a stage, hand or mute event fails unless `addSpeaker` adds them) and the audio's `duration`.
 */
export async function readEventsFile(
  path: string,
  label: string,
  participants: InputParticipant[],
  duration: number,
  addSpeaker: ((label: string) => void) | undefined,
): Promise<Outcome<EventsInput>> {
  const text = await readInputText(path, label);
  if (!text.ok) return text;
  const rows: { line: number; value: Record<string, unknown> }[] = [];
  const lines = text.value.replace(/^\ufeff/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const where = `${label}:${i + 1}`;
    if (line.length > MAX_EVENT_LINE_LENGTH) return fail(`${where}: line is longer than ${MAX_EVENT_LINE_LENGTH} characters`);
    if (rows.length >= MAX_EVENTS_FILE_EVENTS) return fail(`${where}: more than ${MAX_EVENTS_FILE_EVENTS} events`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const found = findJsonSyntaxError(line);
      return fail(`${where}: invalid JSON${found ? ` at column ${found.column}: ${found.message}` : ''}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`${where}: expected an event object`);
    rows.push({ line: i + 1, value: value as Record<string, unknown> });
  }

  // Labels to participant ids, as pack matches RTTM labels: by id, by name, by name with _ as a space.
  const labels = [...new Set(rows.flatMap((row) => (typeof row.value.participant === 'string' ? [row.value.participant] : [])))];
  const idOf = new Map<string, string>();
  const resolve = (): void => {
    const unresolved = labels.filter((l) => !idOf.has(l));
    const direct = matchSpeakers(unresolved.map((l) => ({ label: l })), participants);
    const spaced = matchSpeakers(unresolved.map((l) => ({ label: l.replace(/_/g, ' ') })), participants);
    unresolved.forEach((l, i) => {
      const id = direct.participantIds[i] ?? spaced.participantIds[i];
      if (id !== undefined) idOf.set(l, id);
    });
  };
  resolve();
  const anonymous = new Map<string, number>();
  for (const row of rows) {
    const who = row.value.participant;
    if (typeof who !== 'string' || idOf.has(who)) continue;
    if (ANONYMOUS_OK.has(String(row.value.type))) {
      anonymous.set(who, (anonymous.get(who) ?? 0) + 1);
      continue;
    }
    if (!addSpeaker) {
      return fail(
        `${label}:${row.line}: participant "${who}" matches no participant (by id or name); ` +
          'add them to the participants file, or pass --unknown-speakers speaker',
      );
    }
    addSpeaker(who);
    resolve();
  }
  const mapped = rows.map(({ line, value }) => {
    const who = value.participant;
    const out: Record<string, unknown> = { ...value };
    if (typeof who === 'string') {
      const id = idOf.get(who);
      if (id === undefined) delete out.participant;
      else out.participant = id;
    }
    return { line, value: out };
  });
  // Platforms log events as they arrive, not always in order; equal times keep file order.
  mapped.sort((a, b) => (Number(a.value.time) || 0) - (Number(b.value.time) || 0));

  const issues = new IssueCollector();
  const checker = new EventChecker(
    { duration, participants: new Set(participants.map((p) => p.id)) },
    issues,
    (i, key) => `${label}:${mapped[i]!.line}${key === undefined ? '' : ` ${key}`}`,
    (i) => `line ${mapped[i]!.line}`,
  );
  const events: RoomEvent[] = [];
  mapped.forEach(({ value }, i) => {
    const event = checker.check(value, i);
    if (event) events.push(event);
  });
  checker.reportUnknownTypes();
  if (issues.hasErrors) {
    const shown = issues.errors.slice(0, 5).map((issue) => formatIssue(issue).replace(/^(\S+:\d+) (\w+): /, '$1: $2: '));
    if (issues.errors.length > 5) shown.push(`${label}: … and ${issues.errors.length - 5} more`);
    return fail(shown.join('\n'));
  }
  const notices = issues.warnings.map((w) => formatIssue(w).replace(/^(\S+:\d+) type: /, '$1: '));
  const anonymousEvents = [...anonymous.values()].reduce((a, b) => a + b, 0);
  if (anonymousEvents > 0) {
    notices.push(
      `${label}: ${anonymousEvents} event(s) of ${anonymous.size} label(s) matching no participant written without one ` +
        '(anonymous joins, leaves, reactions, pins and title changes)',
    );
  }
  return ok({ events, notices });
}
