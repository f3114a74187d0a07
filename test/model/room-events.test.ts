import { expect } from '@esm-bundle/chai';
import { CHECKPOINT_EVERY, MembershipBuilder } from '../../src/model/membership-timeline.js';
import { DENSITY_CELL_SECONDS, ReactionDensity } from '../../src/model/reaction-density.js';
import { RoomEvents, type RoomEventInput } from '../../src/model/room-events.js';

const participants = [
  { id: 'ada', name: 'Ada', consent: { record: true } },
  { id: 'alan', name: 'Alan', consent: { record: true } },
  { id: 'cy', name: 'Cy Secret', consent: { record: false } },
];

const events: RoomEventInput[] = [
  { time: 0, type: 'join', participant: 'ada' },
  { time: 0, type: 'stage', participant: 'ada', on: true },
  { time: 1, type: 'join' },
  { time: 2, type: 'join', participant: 'alan' },
  { time: 2, type: 'join', participant: 'cy' },
  { time: 3, type: 'hand', participant: 'alan', raised: true },
  { time: 3, type: 'hand', participant: 'cy', raised: true },
  { time: 4, type: 'stage', participant: 'alan', on: true },
  { time: 4, type: 'hand', participant: 'alan', raised: false },
  { time: 5, type: 'stage', participant: 'cy', on: true },
  { time: 5, type: 'mute', participant: 'ada' },
  { time: 6, type: 'pin', participant: 'ada', url: 'https://example.com/a', title: 'A' },
  { time: 7, type: 'pin', participant: 'cy', url: 'https://example.com/c' },
  { time: 7.5, type: 'title-change', participant: 'cy', title: 'Renamed' },
  { time: 8, type: 'unmute', participant: 'ada' },
  { time: 9, type: 'leave', participant: 'cy' },
  { time: 10, type: 'leave' },
  { time: 10, type: 'boost' },
];

/** Names and the unnamed count, for compact assertions. */
function names(at: { people: readonly { name: string }[]; unnamed: number }): string[] {
  return [...at.people.map((p) => p.name), ...Array.from({ length: at.unnamed }, () => '(a participant)')];
}

describe('RoomEvents', () => {
  const room = new RoomEvents(events, participants);

  it('who is on stage, hands, mutes at any time; changes at exactly t count', () => {
    expect(names(room.stageAt(0))).to.deep.equal(['Ada']);
    expect(names(room.stageAt(3.9))).to.deep.equal(['Ada']);
    expect(names(room.stageAt(4))).to.deep.equal(['Ada', 'Alan']);
    expect(names(room.stageAt(5))).to.deep.equal(['Ada', 'Alan', '(a participant)']);
    expect(names(room.stageAt(9))).to.deep.equal(['Ada', 'Alan'], 'leaving the room leaves the stage');
    expect(names(room.handsAt(3))).to.deep.equal(['Alan', '(a participant)']);
    expect(names(room.handsAt(4))).to.deep.equal(['(a participant)']);
    expect(names(room.handsAt(9))).to.deep.equal([]);
    expect(names(room.mutedAt(5))).to.deep.equal(['Ada']);
    expect(names(room.mutedAt(8))).to.deep.equal([]);
  });

  it('never names a participant who refused recording, anywhere', () => {
    const everything = JSON.stringify([
      [0, 3, 5, 7, 8, 9].map((t) => [room.stageAt(t), room.handsAt(t), room.mutedAt(t)]),
      room.pins,
    ]);
    expect(everything).not.to.contain('Cy');
    expect(everything).not.to.contain('cy');
    expect(room.pins[1]).to.deep.equal({ time: 7, url: 'https://example.com/c' });
    expect(room.pins[0]!.by).to.deep.equal({ id: 'ada', name: 'Ada' });
  });

  it('listener count: joins minus leaves, anonymous listeners included', () => {
    expect(room.hasPresence).to.equal(true);
    expect([0, 1, 2, 8.9, 9, 10].map((t) => room.listenersAt(t))).to.deep.equal([1, 2, 4, 4, 3, 2]);
    expect(room.listenersAt(-1)).to.equal(0);
    expect(room.peakListeners()).to.deep.equal({ count: 4, time: 2 });
    expect(new RoomEvents([{ time: 1, type: 'reaction', emoji: '👏' }], participants).listenersAt(5)).to.equal(undefined);
  });

  it('title, pins so far, counts by type and the next change', () => {
    expect(room.titleAt(7)).to.equal(undefined);
    expect(room.titleAt(7.5)).to.equal('Renamed');
    expect(room.pinCountAt(5.9)).to.equal(0);
    expect(room.pinCountAt(6)).to.equal(1);
    expect(room.pinCountAt(100)).to.equal(2);
    expect(room.counts).to.deep.equal({ join: 4, stage: 3, hand: 3, mute: 1, pin: 2, 'title-change': 1, unmute: 1, leave: 2 });
    expect(room.nextChangeAfter(4)).to.equal(5);
    expect(room.nextChangeAfter(7)).to.equal(7.5);
    expect(room.nextChangeAfter(10)).to.equal(Infinity);
  });

  it('returns the same object while nothing changed (a player can compare by identity)', () => {
    expect(room.stageAt(4.1)).to.equal(room.stageAt(4.9));
    expect(room.stageAt(20)).to.equal(room.stageAt(21));
    expect(room.stageAt(5)).not.to.equal(room.stageAt(4.9));
  });

  it('keeps every emoji apart, past 65,536 different ones (hostile input)', () => {
    const many: RoomEventInput[] = Array.from({ length: 70_000 }, (_, i) => ({ time: i / 100, type: 'reaction', emoji: `e${i}` }));
    many.push({ time: 700, type: 'reaction', emoji: 'e69999' });
    const hostile = new RoomEvents(many, participants);
    expect(hostile.reactions.count).to.equal(70_001);
    expect(hostile.reactions.topEmojis(0, 1000, 1)).to.deep.equal([{ emoji: 'e69999', count: 2 }]);
    expect(hostile.reactions.topEmojis(655.35, 655.37, 5)).to.deep.equal([
      { emoji: 'e65535', count: 1 },
      { emoji: 'e65536', count: 1 },
    ]);
  });

  it('reads unsorted input, ignores unknown ids as unnamed people', () => {
    const unsorted = new RoomEvents(
      [
        { time: 5, type: 'stage', participant: 'alan', on: false },
        { time: 1, type: 'stage', participant: 'alan', on: true },
        { time: 2, type: 'stage', participant: 'ghost', on: true },
      ],
      participants,
    );
    expect(names(unsorted.stageAt(3))).to.deep.equal(['Alan', '(a participant)']);
    expect(names(unsorted.stageAt(5))).to.deep.equal(['(a participant)']);
  });
});

describe('MembershipTimeline', () => {
  it('agrees with a plain replay at every time, across many checkpoints', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const builder = new MembershipBuilder();
    const changes: [number, number, boolean][] = [];
    for (let i = 0; i < CHECKPOINT_EVERY * 20; i++) changes.push([i * 0.5, Math.floor(random() * 12), random() < 0.55]);
    for (const [t, k, on] of changes) builder.change(t, k, on);
    const timeline = builder.finish();
    for (let q = 0; q < 300; q++) {
      const t = random() * changes.length * 0.5;
      const expected: number[] = [];
      for (const [time, k, on] of changes) {
        if (time > t) break;
        const at = expected.indexOf(k);
        if (on && at < 0) expected.push(k);
        if (!on && at >= 0) expected.splice(at, 1);
      }
      expect(Array.from(timeline.at(t)), `t=${t}`).to.deep.equal(expected);
    }
  });
});

describe('ReactionDensity', () => {
  const times = Float64Array.from([0, 0.05, 0.1, 0.15, 1, 1.01, 2.5, 9.99, 10]);
  const emojis = ['👏', '👏', '🔥', '👏', '🔥', '👏', '😂', '👏', '🔥'];
  const density = new ReactionDensity(times, emojis);

  it('counts before any time, within a cell too', () => {
    expect([0, 0.05, 0.07, 0.1, 0.11, 1.005, 2.5, 2.6, 10, 10.01, 1e9].map((t) => density.countBefore(t))).to.deep.equal([0, 1, 2, 2, 3, 5, 6, 7, 8, 9, 9]);
    expect(density.countBetween(1, 2.5)).to.equal(2);
  });

  it('bins of any width, with the max and total', () => {
    const bins = density.bins(0, 10, 4);
    expect(Array.from(bins.counts)).to.deep.equal([6, 1, 0, 1]);
    expect(bins.max).to.equal(6);
    expect(bins.total).to.equal(8);
    expect(bins.binSeconds).to.equal(2.5);
    const fine = density.bins(0, 0.4, 4);
    expect(Array.from(fine.counts)).to.deep.equal([2, 2, 0, 0]);
    expect(density.bins(0, 10, 0).counts.length).to.equal(0);
  });

  it('agrees with a brute-force count for random bins, and summarises emojis', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const many = Float64Array.from({ length: 5000 }, () => random() * 300).sort();
    const big = new ReactionDensity(many, Array.from(many, (_, i) => (i % 3 ? '👏' : '🔥')));
    for (let q = 0; q < 50; q++) {
      const from = random() * 300;
      const to = from + random() * 50 + DENSITY_CELL_SECONDS / 3;
      const n = 1 + Math.floor(random() * 40);
      const bins = big.bins(from, to, n);
      for (let i = 0; i < n; i++) {
        const a = from + i * bins.binSeconds;
        const b = from + (i + 1) * bins.binSeconds;
        expect(bins.counts[i]).to.equal(many.filter((t) => t >= a && t < b).length);
      }
    }
    expect(density.topEmojis(0, 11)).to.deep.equal([
      { emoji: '👏', count: 5 },
      { emoji: '🔥', count: 3 },
      { emoji: '😂', count: 1 },
    ]);
    expect(density.topEmojis(0.9, 1.005, 1)).to.deep.equal([{ emoji: '🔥', count: 1 }]);
  });
});
