import { expect } from '@esm-bundle/chai';
import * as v from 'valibot';
import { checkInlineEvents } from '../../src/manifest/events.js';
import { IssueCollector } from '../../src/manifest/issues.js';
import {
  EventsJsonlReader,
  MAX_EVENT_LINE_LENGTH,
  MAX_INLINE_EVENTS,
  parseEventsJsonl,
  parseManifest,
  RoomEventSchema,
} from '../../src/manifest/index.js';
import { minimalManifest } from './fixtures.js';
import { errorsOf, expectIssue, okOf } from './issue-assertions.js';

/** A 1.1 manifest of 600 s with two participants, one of whom refused recording. */
function roomManifest(events: unknown): Record<string, any> {
  return {
    ...minimalManifest(),
    version: '1.1',
    duration: 600,
    participants: [
      { id: 'ada', name: 'Ada Lovelace', role: 'host', consent: { record: true, clip: true } },
      { id: 'cy', name: 'Cy', role: 'listener', consent: { record: false, clip: false } },
    ],
    events: { data: events },
  };
}

// Events the valibot schema and the hand loop must judge alike (times ordered, ids known, so only
// the per-event checks decide).
const events: unknown[] = [
  { time: 0, type: 'join' },
  { time: 0, type: 'join', participant: 'ada' },
  { time: 0, type: 'leave', participant: 'ada' },
  { time: 0, type: 'stage', participant: 'ada', on: true },
  { time: 0, type: 'stage', participant: 'ada', on: 'yes' },
  { time: 0, type: 'stage', participant: 'ada' },
  { time: 0, type: 'stage', on: true },
  { time: 0, type: 'hand', participant: 'ada', raised: false },
  { time: 0, type: 'hand', participant: 'ada', on: true },
  { time: 0, type: 'mute', participant: 'ada' },
  { time: 0, type: 'unmute', participant: 'ada' },
  { time: 0, type: 'unmute' },
  { time: 0, type: 'reaction', emoji: '👏' },
  { time: 0, type: 'reaction', emoji: '' },
  { time: 0, type: 'reaction', emoji: 'x'.repeat(33) },
  { time: 0, type: 'reaction', emoji: 5 },
  { time: 0, type: 'reaction' },
  { time: 0, type: 'pin', url: 'https://example.com/a', title: 'A link', participant: 'ada' },
  { time: 0, type: 'pin', url: 'notes.html' },
  { time: 0, type: 'pin', url: 'javascript:alert(1)' },
  { time: 0, type: 'pin', url: 'http://example.com/' },
  { time: 0, type: 'pin' },
  { time: 0, type: 'pin', url: 'a.html', title: '' },
  { time: 0, type: 'title-change', title: 'New title' },
  { time: 0, type: 'title-change', title: 'x'.repeat(201) },
  { time: 0, type: 'title-change' },
  { time: 0, type: 'join', participant: 'bad id' },
  { time: 0, type: 'join', participant: 7 },
  { time: 0, type: 'join', extra: 1 },
  { time: -1, type: 'join' },
  { time: '0', type: 'join' },
  { type: 'join' },
  { time: 0 },
  { time: 0, type: 5 },
  null,
  'join',
  [0, 'join'],
];

describe('room events (spec 1.1)', () => {
  it('the hand loop accepts exactly what RoomEventSchema accepts', () => {
    for (const event of events) {
      const issues = new IssueCollector();
      const out = checkInlineEvents([event], 'events.data', { duration: undefined, participants: undefined }, issues);
      const schema = v.safeParse(RoomEventSchema, event);
      expect(!issues.hasErrors, `${JSON.stringify(event)}: ${JSON.stringify(issues.errors)}`).to.equal(schema.success);
      if (schema.success) expect(out, JSON.stringify(event)).to.deep.equal([schema.output]);
    }
  });

  it('a valid 1.1 manifest keeps its events, fresh, with only their defined fields', () => {
    const input = roomManifest([
      { time: 1, type: 'join', participant: 'ada', 'x-platform': 'x' },
      { time: 1, type: 'stage', participant: 'ada', on: true },
      { time: 2.5, type: 'reaction', emoji: '🔥' },
      { time: 3, type: 'pin', url: 'notes.html', title: 'Notes', participant: 'ada' },
      { time: 4, type: 'join', participant: 'cy' },
      { time: 4, type: 'title-change', title: 'Q&A' },
    ]);
    const result = okOf(parseManifest(input, { baseUrl: 'https://rec.example.com/r/manifest.json' }));
    const data = result.manifest.events!.data!;
    expect(data).to.have.length(6);
    expect(data[0]).to.deep.equal({ time: 1, type: 'join', participant: 'ada' });
    expect(data[3]).to.deep.equal({ time: 3, type: 'pin', participant: 'ada', url: 'https://rec.example.com/r/notes.html', title: 'Notes' });
    expect(data).not.to.equal(input.events.data);
    expect(data[1]).not.to.equal(input.events.data[1]);
    expect(result.warnings).to.deep.equal([]);
  });

  it('a 1.0 manifest stays valid and a refresh hint is read', () => {
    okOf(parseManifest(minimalManifest()));
    const live = okOf(parseManifest({ ...minimalManifest(), version: '1.1', status: 'live', refresh: 5 }));
    expect(live.manifest.refresh).to.equal(5);
    expectIssue(errorsOf(parseManifest({ ...minimalManifest(), refresh: 0.2 })), 'refresh', 'must be 1 or more');
    expectIssue(errorsOf(parseManifest({ ...minimalManifest(), refresh: '5' })), 'refresh', 'expected number');
  });

  it('times are within the recording and in order; ids resolve; errors name the event', () => {
    const errors = errorsOf(
      parseManifest(
        roomManifest([
          { time: 5, type: 'join' },
          { time: 4, type: 'join' },
          { time: 601, type: 'leave' },
          { time: 602, type: 'hand', participant: 'zed', raised: true },
          { time: 603, type: 'pin', url: 'file:///etc/passwd' },
        ]),
      ),
    );
    expectIssue(errors, 'events.data[1].time', 'at 4, before events.data[0] (5): events must be in time order');
    expectIssue(errors, 'events.data[2].time', 'time 601 is past the end of the recording (duration 600 s, + 0.5 s allowed)');
    expectIssue(errors, 'events.data[3].participant', '"zed" is not the id of a participant');
    expectIssue(errors, 'events.data[4].url', 'scheme "file:" is not allowed');
  });

  it('events may name a participant who refused recording (readers anonymize them)', () => {
    okOf(parseManifest(roomManifest([{ time: 1, type: 'stage', participant: 'cy', on: true }])));
  });

  it('events of an unknown type are dropped with one warning per type', () => {
    const result = okOf(
      parseManifest(
        roomManifest([
          { time: 1, type: 'boost', amount: 5 },
          { time: 2, type: 'join' },
          { time: 3, type: 'boost' },
        ]),
      ),
    );
    expect(result.manifest.events!.data).to.deep.equal([{ time: 2, type: 'join' }]);
    expect(result.warnings).to.deep.equal([{ path: 'events.data[0].type', message: 'unknown event type "boost" (ignored; 2 events)' }]);
  });

  it('events need exactly one of url and data, and their URL follows rule 8', () => {
    expectIssue(errorsOf(parseManifest({ ...roomManifest([]), events: {} })), 'events', 'needs url or data');
    expectIssue(errorsOf(parseManifest({ ...roomManifest([]), events: { url: 'e.jsonl', data: [] } })), 'events', 'has both url and data');
    expectIssue(errorsOf(parseManifest({ ...roomManifest([]), events: { url: '//evil.example/e.jsonl' } })), 'events.url', 'protocol-relative');
    expectIssue(errorsOf(parseManifest({ ...roomManifest([]), events: { data: { time: 1 } } })), 'events.data', 'expected an array, got an object');
    const ok = okOf(parseManifest({ ...roomManifest([]), events: { url: 'events.jsonl' } }, { baseUrl: 'https://a.example/r/manifest.json' }));
    expect(ok.manifest.events!.url).to.equal('https://a.example/r/events.jsonl');
  });

  it('inline events are capped, and the cap is reported once', () => {
    const many = Array.from({ length: MAX_INLINE_EVENTS + 1 }, (_, i) => ({ time: i / 1000, type: 'reaction', emoji: '👏' }));
    const errors = errorsOf(parseManifest(roomManifest(many)));
    expect(errors).to.deep.equal([{ path: 'events.data', message: `${MAX_INLINE_EVENTS + 1} items, more than the ${MAX_INLINE_EVENTS} allowed` }]);
  });

  it('100,000 inline reactions validate (npm run bench:models times it)', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ time: (i * 600) / 100_000, type: 'reaction', emoji: i % 2 ? '👏' : '🔥' }));
    expect(okOf(parseManifest(roomManifest(many))).manifest.events!.data).to.have.length(100_000);
  });

  it('a hostile event (prototype key, getter) is an error, never a crash', () => {
    const event = JSON.parse('{"time": 1, "type": "join", "__proto__": {"polluted": true}}');
    const result = parseManifest(roomManifest([event]));
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    okOf(result);
    const throwing = { time: 1, get type(): string { throw new Error('boom'); } };
    const thrown = errorsOf(parseManifest(roomManifest([throwing])));
    expect(thrown[0]!.message).to.contain('boom');
  });
});

describe('events JSON Lines', () => {
  const options = { duration: 600, participants: ['ada', 'cy'] };

  it('reads one event per line, skipping blank lines, CRLF and a byte order mark', () => {
    const text = '\ufeff{"time":0,"type":"join","participant":"ada"}\r\n\n{"time":1,"type":"reaction","emoji":"👏"}';
    const result = parseEventsJsonl(text, options);
    expect(result.ok).to.equal(true);
    expect(result.events).to.deep.equal([
      { time: 0, type: 'join', participant: 'ada' },
      { time: 1, type: 'reaction', emoji: '👏' },
    ]);
    expect(result.lines).to.equal(3);
  });

  it('errors name the line and the field', () => {
    const text = ['{"time":2,"type":"join"}', '{"time":1,"type":"join"}', '{"time":3,"type":', '{"time":4,"type":"hand","participant":"zed","raised":true}', '[1]'].join('\n');
    const result = parseEventsJsonl(text, options);
    expect(result.ok).to.equal(false);
    expect(result.errors).to.deep.equal([
      { line: 2, path: 'time', message: 'at 1, before line 1 (2): events must be in time order' },
      { line: 3, path: '', message: 'invalid JSON at column 18: unexpected end of input (expected a value)' },
      { line: 4, path: 'participant', message: '"zed" is not the id of a participant' },
      { line: 5, path: '', message: 'expected an event object, got an array' },
    ]);
    // Only the events without an error are returned.
    expect(result.events).to.deep.equal([{ time: 2, type: 'join' }]);
  });

  it('pushed in pieces, each complete line comes out once; the last line needs no newline', () => {
    const reader = new EventsJsonlReader(options);
    expect(reader.push('{"time":0,"type":"jo')).to.deep.equal([]);
    expect(reader.push('in"}\n{"time":1,')).to.deep.equal([{ time: 0, type: 'join' }]);
    expect(reader.push('"type":"leave"}')).to.deep.equal([]);
    const result = reader.finish();
    expect(result.events).to.deep.equal([{ time: 0, type: 'join' }, { time: 1, type: 'leave' }]);
  });

  it('a line past the length cap is one error and reading goes on', () => {
    const reader = new EventsJsonlReader(options);
    reader.push(`{"time":0,"type":"reaction","emoji":"${'x'.repeat(MAX_EVENT_LINE_LENGTH)}`);
    reader.push('"}\n{"time":1,"type":"join"}\n');
    const result = reader.finish();
    expect(result.errors).to.deep.equal([{ line: 1, path: '', message: `line is longer than ${MAX_EVENT_LINE_LENGTH} characters` }]);
    expect(result.events).to.deep.equal([{ time: 1, type: 'join' }]);
  });

  it('relative pin URLs resolve against the file URL; firstLine numbers a later part', () => {
    const result = parseEventsJsonl('{"time":1,"type":"pin","url":"notes.html"}\n{"time":0,"type":"join"}', {
      ...options,
      baseUrl: 'https://rec.example.com/r/events.jsonl',
      firstLine: 41,
    });
    expect(result.events[0]).to.deep.equal({ time: 1, type: 'pin', url: 'https://rec.example.com/r/notes.html' });
    expect(result.errors).to.deep.equal([{ line: 42, path: 'time', message: 'at 0, before line 41 (1): events must be in time order' }]);
  });
});
