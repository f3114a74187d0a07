/**
 * A synthetic 4-hour room's events for benchmarks and tests: 20 participants, one of whom refused
 * recording, coming on and off stage, hands, mutes, 2,000 listeners joining and leaving
 * anonymously, pins, title changes, and the rest reactions. Seeded, so every run is the same.
 */
import type { RoomEventInput, RoomParticipantInput } from '../../src/model/room-events.js';

/** Participants of the generated room. */
export function generatedParticipants(): RoomParticipantInput[] {
  return Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, consent: { record: i !== 7 } }));
}

/** `count` events over `seconds`, in time order. */
export function generateRoomEvents(count: number, seconds = 4 * 3600, seed = 11): RoomEventInput[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const emojis = ['👏', '🔥', '😂', '💯', '❤️', '🎉'];
  const events: RoomEventInput[] = [];
  for (let i = 0; i < count; i++) {
    const time = Math.round(((i + random()) * seconds * 1000) / count) / 1000;
    const who = `p${Math.floor(random() * 20)}`;
    const r = random();
    if (r < 0.04) events.push({ time, type: random() < 0.55 ? 'join' : 'leave' });
    else if (r < 0.05) events.push({ time, type: 'stage', participant: who, on: random() < 0.5 });
    else if (r < 0.06) events.push({ time, type: 'hand', participant: who, raised: random() < 0.5 });
    else if (r < 0.07) events.push({ time, type: random() < 0.5 ? 'mute' : 'unmute', participant: who });
    else if (r < 0.0705) events.push({ time, type: 'pin', participant: who, url: `https://example.com/${i}`, title: `Link ${i}` });
    else if (r < 0.0707) events.push({ time, type: 'title-change', title: `Part ${i}` });
    else events.push({ time, type: 'reaction', emoji: emojis[Math.floor(random() * emojis.length)]! });
  }
  return events;
}
