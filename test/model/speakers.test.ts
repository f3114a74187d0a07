import { expect } from '@esm-bundle/chai';
import { SpeakerTimeline, type SpeakerSegment } from '../../src/model/speakers.js';

const seg = (speaker: string, startTime: number, endTime: number): SpeakerSegment => ({ speaker, startTime, endTime });

// A: 0-10 and 10.5-15 (one turn: gap 0.5 s), B 14-20 talks over A, A 21-25 with C's 22-23 inside,
// a silence 25-30, then B twice over itself (30-40, 35-45).
const segments = [
  seg('A', 0, 10),
  seg('A', 10.5, 15),
  seg('B', 14, 20),
  seg('A', 21, 25),
  seg('C', 22, 23),
  seg('B', 30, 40),
  seg('B', 35, 45),
];

describe('speakers: who speaks when', () => {
  const timeline = new SpeakerTimeline(segments, { participants: ['host', 'A'] });

  it('lists participants first, then other speakers in order of appearance', () => {
    expect(timeline.speakers).to.deep.equal(['host', 'A', 'B', 'C']);
    expect(timeline.speakerIndex('B')).to.equal(2);
    expect(timeline.speakerIndex('nobody')).to.equal(-1);
    expect(timeline.segmentCount).to.equal(7);
  });

  it('speakerAt uses half-open segments, gaps, and the latest starter on overlap', () => {
    const cases: [number, string | undefined][] = [
      [-1, undefined], [0, 'A'], [9.999, 'A'], [10, undefined], [10.25, undefined], [10.5, 'A'], [13.99, 'A'],
      [14, 'B'], [14.99, 'B'], [15, 'B'], [19.99, 'B'], [20, undefined], [21, 'A'], [22, 'C'], [22.99, 'C'],
      [23, 'A'], [25, undefined], [27, undefined], [30, 'B'], [36, 'B'], [44.99, 'B'], [45, undefined], [1e9, undefined],
      [NaN, undefined],
    ];
    for (const [t, who] of cases) expect(timeline.speakerAt(t), `t=${t}`).to.equal(who);
  });

  it('speakersAt lists everyone at once, each once, by start', () => {
    expect(timeline.speakersAt(5)).to.deep.equal(['A']);
    expect(timeline.speakersAt(14.5)).to.deep.equal(['A', 'B']);
    expect(timeline.speakersAt(15)).to.deep.equal(['B']);
    expect(timeline.speakersAt(22.5)).to.deep.equal(['A', 'C']);
    expect(timeline.speakersAt(36)).to.deep.equal(['B']);
    expect(timeline.speakersAt(27)).to.deep.equal([]);
    expect(timeline.speakersAt(-5)).to.deep.equal([]);
  });

  it('overlaps lists stretches with two or more different people', () => {
    expect(timeline.overlaps()).to.deep.equal([
      { start: 14, end: 15, speakers: ['A', 'B'] },
      { start: 22, end: 23, speakers: ['A', 'C'] },
    ]);
  });

  it('merges adjacent overlap stretches and unions their speakers', () => {
    const t = new SpeakerTimeline([seg('A', 0, 10), seg('B', 2, 6), seg('C', 4, 8)]);
    expect(t.overlaps()).to.deep.equal([{ start: 2, end: 8, speakers: ['A', 'B', 'C'] }]);
    expect(t.speakersAt(5)).to.deep.equal(['A', 'B', 'C']);
    expect(t.speakerAt(5)).to.equal('C');
    expect(t.speakerAt(8)).to.equal('A');
  });

  it('talkTime counts a speaker overlapping themselves once', () => {
    expect(timeline.talkTime('A')).to.equal(18.5);
    expect(timeline.talkTime('B')).to.equal(21);
    expect(timeline.talkTime('C')).to.equal(1);
    expect(timeline.talkTime('host')).to.equal(0);
    expect(timeline.talkTime('nobody')).to.equal(0);
    expect([...timeline.talkTimes()]).to.deep.equal([['host', 0], ['A', 18.5], ['B', 21], ['C', 1]]);
  });
});

describe('speakers: turns and navigation', () => {
  const timeline = new SpeakerTimeline(segments);

  it('merges one speaker\'s segments less than a second apart into turns', () => {
    expect(timeline.turns.map(({ speaker, start, end }) => [speaker, start, end])).to.deep.equal([
      ['A', 0, 15], ['B', 14, 20], ['A', 21, 25], ['C', 22, 23], ['B', 30, 45],
    ]);
    expect(timeline.turns.map((t) => t.index)).to.deep.equal([0, 1, 2, 3, 4]);
    const wide = new SpeakerTimeline(segments, { mergeGap: 10 });
    expect(wide.turns.map(({ speaker, start, end }) => [speaker, start, end])).to.deep.equal([
      ['A', 0, 25], ['B', 14, 20], ['C', 22, 23], ['B', 30, 45],
    ]);
    const exact = new SpeakerTimeline([seg('A', 0, 1), seg('A', 2, 3)]);
    expect(exact.turns).to.have.length(2); // a gap of exactly 1 s is not "less than 1 s"
  });

  it('nextTurn goes to the next start of anyone, or of one speaker', () => {
    expect(timeline.nextTurn(-10)?.start).to.equal(0);
    expect(timeline.nextTurn(0)?.start).to.equal(14);
    expect(timeline.nextTurn(14)?.start).to.equal(21);
    expect(timeline.nextTurn(13.995)?.start).to.equal(21); // a seek that landed a hair early is at 14
    expect(timeline.nextTurn(22)?.start).to.equal(30);
    expect(timeline.nextTurn(30)).to.equal(undefined);
    expect(timeline.nextTurn(0, 'A')).to.deep.equal({ index: 2, speaker: 'A', start: 21, end: 25 });
    expect(timeline.nextTurn(21, 'A')).to.equal(undefined);
    expect(timeline.nextTurn(0, 'B')?.start).to.equal(14);
    expect(timeline.nextTurn(0, 'nobody')).to.equal(undefined);
  });

  it('previousTurn restarts the current turn after 1 s into it, else goes to the one before', () => {
    expect(timeline.previousTurn(16)?.start).to.equal(14);
    expect(timeline.previousTurn(14.5)?.start).to.equal(0);
    expect(timeline.previousTurn(15)?.start).to.equal(0);
    expect(timeline.previousTurn(5)?.start).to.equal(0);
    expect(timeline.previousTurn(0.5)).to.equal(undefined);
    expect(timeline.previousTurn(-3)).to.equal(undefined);
    expect(timeline.previousTurn(21.5)?.start).to.equal(14);
    expect(timeline.previousTurn(27)?.start).to.equal(22);
    expect(timeline.previousTurn(29.995)?.start).to.equal(22); // at 30 within tolerance
    expect(timeline.previousTurn(21.5, 'A')?.start).to.equal(0);
    expect(timeline.previousTurn(24, 'A')?.start).to.equal(21);
    expect(timeline.previousTurn(100, 'B')?.start).to.equal(30);
    expect(timeline.previousTurn(30.5, 'B')?.start).to.equal(14);
    expect(timeline.previousTurn(30.5, 'nobody')).to.equal(undefined);
    const patient = new SpeakerTimeline(segments, { restartThreshold: 3 });
    expect(patient.previousTurn(16)?.start).to.equal(0);
  });
});

describe('speakers: odd input', () => {
  it('skips invalid segments, counts them, and sorts unsorted input', () => {
    const t = new SpeakerTimeline([
      seg('B', 5, 8),
      seg('A', 0, 4),
      seg('A', 3, 3),
      seg('A', 4, 2),
      seg('', 1, 2),
      seg('A', NaN, 2),
      seg('A', -1, 2),
      seg('A', 1, Infinity),
      { speaker: 7, startTime: 0, endTime: 1 } as unknown as SpeakerSegment,
      null as unknown as SpeakerSegment,
    ]);
    expect(t.skippedSegments).to.equal(8);
    expect(t.segmentCount).to.equal(2);
    expect(Array.from(t.starts)).to.deep.equal([0, 5]);
    expect(t.speakers).to.deep.equal(['A', 'B']);
    expect(t.speakerAt(6)).to.equal('B');
  });

  it('handles no segments at all', () => {
    for (const input of [[], undefined as unknown as SpeakerSegment[]]) {
      const t = new SpeakerTimeline(input);
      expect(t.speakerAt(0)).to.equal(undefined);
      expect(t.speakersAt(0)).to.deep.equal([]);
      expect(t.turns).to.deep.equal([]);
      expect(t.nextTurn(0)).to.equal(undefined);
      expect(t.previousTurn(0)).to.equal(undefined);
      expect(t.overlaps()).to.deep.equal([]);
      expect(t.talkTimes().size).to.equal(0);
    }
  });

  it('breaks a tie in start time by input order (the later one is "most recent")', () => {
    const t = new SpeakerTimeline([seg('A', 0, 10), seg('B', 0, 5)]);
    expect(t.speakerAt(1)).to.equal('B');
    expect(t.speakerAt(5)).to.equal('A');
  });

  it('is not fooled by one very long segment', () => {
    const many = [seg('host', 0, 14400)];
    for (let i = 0; i < 1000; i++) many.push(seg(`g${i % 7}`, 1 + i * 10, 1 + i * 10 + 4));
    const t = new SpeakerTimeline(many);
    expect(t.speakerAt(5001.5)).to.equal('g3');
    expect(t.speakerAt(5006)).to.equal('host');
    expect(t.speakerAt(9.5)).to.equal('host');
    expect(t.speakerAt(11.5)).to.equal('g1');
    expect(t.speakersAt(11.5)).to.deep.equal(['host', 'g1']);
  });
});

describe('speakers: agreement with a linear scan', () => {
  // mulberry32, seeded so a failure replays.
  let seed = 424242;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const HOURS = 4;
  const generated: SpeakerSegment[] = [];
  for (let i = 0; i < 300; i++) {
    const start = Math.round(rand() * HOURS * 3600 * 100) / 100;
    // Mostly short turns, some long monologues, so segments overlap in many ways.
    const length = rand() < 0.1 ? 60 + rand() * 600 : 0.5 + rand() * 60;
    generated.push(seg(`s${Math.floor(rand() * 20)}`, start, Math.round((start + length) * 100) / 100));
  }
  generated.sort((a, b) => a.startTime - b.startTime);
  const timeline = new SpeakerTimeline(generated);

  const active = (t: number): SpeakerSegment[] => generated.filter((s) => s.startTime <= t && t < s.endTime);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) times.push(rand() * (HOURS * 3600 + 700) - 10);
  // Every boundary, and just around it, where half-open ranges go wrong.
  for (const s of generated) times.push(s.startTime, s.endTime, s.startTime - 1e-6, s.endTime - 1e-6);

  it('speakerAt and speakersAt agree on 2,000 random times and every boundary', () => {
    for (const t of times) {
      const here = active(t);
      const latest = here.length === 0 ? undefined : here[here.length - 1]!.speaker;
      expect(timeline.speakerAt(t), `t=${t}`).to.equal(latest);
      expect(timeline.speakersAt(t), `t=${t}`).to.deep.equal([...new Set(here.map((s) => s.speaker))]);
    }
  });

  it('overlaps cover exactly the times with two or more different speakers', () => {
    const ranges = timeline.overlaps();
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start).to.be.greaterThan(ranges[i - 1]!.end);
    for (const t of times) {
      const many = new Set(active(t).map((s) => s.speaker)).size >= 2;
      const inRange = ranges.some((r) => r.start <= t && t < r.end);
      expect(inRange, `t=${t}`).to.equal(many);
    }
  });

  it('talkTime equals the measure of each speaker\'s union of segments', () => {
    for (const id of timeline.speakers) {
      const mine = generated.filter((s) => s.speaker === id);
      const cuts = [...new Set(mine.flatMap((s) => [s.startTime, s.endTime]))].sort((a, b) => a - b);
      let total = 0;
      for (let i = 0; i + 1 < cuts.length; i++) {
        if (mine.some((s) => s.startTime <= cuts[i]! && cuts[i]! < s.endTime)) total += cuts[i + 1]! - cuts[i]!;
      }
      expect(timeline.talkTime(id)).to.be.closeTo(total, 1e-6);
    }
  });

  it('turns cover each speaker\'s segments, and navigation agrees with a scan of the turns', () => {
    const turns = timeline.turns;
    for (const s of generated) {
      expect(turns.some((t) => t.speaker === s.speaker && t.start <= s.startTime && s.endTime <= t.end)).to.equal(true);
    }
    for (const id of timeline.speakers) {
      const mine = turns.filter((t) => t.speaker === id);
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.start - mine[i - 1]!.end).to.be.at.least(1);
    }
    for (const t of times.slice(0, 500)) {
      const next = turns.find((turn) => turn.start > t + 0.01);
      expect(timeline.nextTurn(t), `t=${t}`).to.deep.equal(next);
      const speaker = `s${Math.floor(rand() * 20)}`;
      expect(timeline.nextTurn(t, speaker)).to.deep.equal(turns.find((turn) => turn.speaker === speaker && turn.start > t + 0.01));
    }
  });
});
