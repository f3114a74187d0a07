/**
 * `npm run bench:models` (and the models section of `npm run bench`): times the pure models in
 * Chromium on a 4-hour-sized transcript (60,000 words). Each figure is the median of several runs
 * (min and max kept), measured with performance.now() around the call only, each run on a collected
 * heap; imports are reported per 10,000 words, the unit their budget is set in.
 *
 * The budgeted figures describe steady state: each input is first run untimed on its full size until
 * V8 has optimized the code (`WARM_RUNS`). Without that, the median of a process's first runs
 * swung between 2.5 and 4.9 ms per 10k words from one invocation to the next, depending on when
 * the optimizing compiler kicked in. What a page pays once on load, with cold code, is part of
 * the load section's main-thread figures (`npm run bench -- --only load`).
 */
import { parseManifest } from '../src/manifest/index.js';
import { checkClipConsent } from '../src/model/clip-consent.js';
import { importTranscript, toNormalizedJson } from '../src/model/transcript/index.js';
import { generateNormalized, generateWebVTT, seededRandom } from '../test/model/transcript/generated-transcript.js';
import { minimalManifest } from '../test/manifest/fixtures.js';
import { RoomEvents } from '../src/model/room-events.js';
import { generatedParticipants, generateRoomEvents } from '../test/model/generated-room-events.js';

/** One measured figure, as printed and written by the runner. */
export interface BenchFigure {
  /** Stable key, as bench/budgets.json names it. */
  id: string;
  name: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  /** How many runs the median is of. */
  runs: number;
  target?: number;
}

interface Measured {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** `gc()`, when Chromium runs with --expose-gc (scripts/bench-in-chromium.js starts it so). */
const collect = (globalThis as { gc?: () => void }).gc;

/** Untimed full-size runs before the timed ones: enough for V8 to optimize the import's hot code. */
const WARM_RUNS = 6;

function measure(runs: number, fn: () => unknown): Measured {
  for (let i = 0; i < WARM_RUNS; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run starts from a collected heap, as an import on page load does: a run's garbage is
    // collected within it (its own scavenges count), but is not charged to the next run.
    collect?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1]!, min: times[0]!, max: times[times.length - 1]!, runs };
}

function figure(id: string, name: string, unit: string, m: Measured, target?: number): BenchFigure {
  return { id, name, unit, value: m.median, min: m.min, max: m.max, runs: m.runs, ...(target !== undefined ? { target } : {}) };
}

function scaled(m: Measured, factor: number): Measured {
  return { ...m, median: m.median * factor, min: m.min * factor, max: m.max * factor };
}

export default async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const WORDS = 60_000;
  const PER_10K = 10_000 / WORDS;

  // What `space-replay pack` writes (normalized JSON 1.1), and the 1.0 form with [start, end] pairs.
  const legacyText = JSON.stringify(generateNormalized(WORDS));
  const legacy = importTranscript(legacyText, { type: 'application/json' });
  if (!legacy.ok) throw new Error(legacy.error);
  const normalizedText = JSON.stringify(toNormalizedJson(legacy.transcript));
  const vtt = generateWebVTT(WORDS);
  const voicesOnlyVtt = vtt.replace(/<\d\d:\d\d:\d\d\.\d\d\d>/g, '');
  const json = measure(15, () => importTranscript(normalizedText, { type: 'application/json' }));
  const json10 = measure(15, () => importTranscript(legacyText, { type: 'application/json' }));
  const voices = measure(15, () => importTranscript(voicesOnlyVtt, { type: 'text/vtt' }));
  const stamps = measure(15, () => importTranscript(vtt, { type: 'text/vtt' }));
  figures.push(figure('models.import.json', 'transcript import+index per 10k words (normalized JSON, 60k)', 'ms', scaled(json, PER_10K), 5));
  figures.push(figure('models.import.json-1.0', 'transcript import+index per 10k words (normalized JSON 1.0 pairs, 60k)', 'ms', scaled(json10, PER_10K)));
  figures.push(figure('models.import.vtt-voices', 'transcript import+index per 10k words (WebVTT voices, 60k)', 'ms', scaled(voices, PER_10K), 5));
  figures.push(figure('models.import.vtt-words', 'transcript import+index per 10k words (WebVTT word stamps, 60k)', 'ms', scaled(stamps, PER_10K), 5));

  const imported = importTranscript(normalizedText, { type: 'application/json' });
  if (!imported.ok) throw new Error(imported.error);
  const transcript = imported.transcript;
  const random = seededRandom(3);
  const LOOKUPS = 1_000_000;
  const times = new Float64Array(LOOKUPS);
  for (let i = 0; i < LOOKUPS; i++) times[i] = random() * transcript.duration;
  let sink = 0;
  const lookup = measure(5, () => {
    for (let i = 0; i < LOOKUPS; i++) sink += transcript.wordAt(times[i]!);
  });
  figures.push(figure('models.wordAt', 'wordAt lookup (60k words)', 'µs', scaled(lookup, 1000 / LOOKUPS), 1));

  const big = generateNormalized(130_000);
  const cues = big.cues.slice(0, 20_000);
  const manifest = {
    ...minimalManifest(),
    duration: Math.ceil(cues[cues.length - 1]!.endTime) + 1,
    transcripts: [{ type: 'application/json', data: { format: 'space-replay-transcript', version: '1.0', speakers: big.speakers, cues } }],
  };
  const parsed = parseManifest(manifest);
  if (!parsed.ok) throw new Error(`bench manifest invalid: ${parsed.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  figures.push(figure('models.parseManifest', 'parseManifest, 20,000 inline cues', 'ms', measure(15, () => parseManifest(manifest)), 10));

  // A clip check against 100,000 segments, half of them by someone who refused clips (index built first).
  const consentManifest = {
    participants: [{ id: 'yes', name: 'Yes', consent: { clip: true } }, { id: 'no', name: 'No', consent: { clip: false } }],
    segments: Array.from({ length: 100_000 }, (_, i) => ({ speaker: i % 2 ? 'no' : 'yes', startTime: i, endTime: i + 0.9 })),
  };
  checkClipConsent(consentManifest, 0, 1);
  const CHECKS = 100_000;
  const consent = measure(5, () => {
    for (let i = 0; i < CHECKS; i++) if (!checkClipConsent(consentManifest, times[i]! % 99_990, (times[i]! % 99_990) + 0.5).ok) sink++;
  });
  figures.push(figure('models.clipConsent', 'clip consent check (100,000 segments)', 'µs', scaled(consent, 1000 / CHECKS)));
  // A 4-hour room's events (spec 1.1): 100,000, mostly reactions; what the player indexes on load.
  const roomEvents = generateRoomEvents(100_000);
  const people = generatedParticipants();
  figures.push(figure('models.room-events.index', 'room events index, 100,000 events (4-hour room)', 'ms', measure(15, () => new RoomEvents(roomEvents, people)), 50));
  const room = new RoomEvents(roomEvents, people);
  const stateLookup = measure(5, () => {
    for (let i = 0; i < LOOKUPS; i++) {
      const t = times[i]! * (14_400 / transcript.duration);
      sink += room.stageAt(t).unnamed + room.handsAt(t).people.length + (room.listenersAt(t) ?? 0) + room.pinCountAt(t);
    }
  });
  figures.push(figure('models.room-events.lookup', 'room state lookup: stage, hands, listeners, pins at a random time', 'µs', scaled(stateLookup, 1000 / LOOKUPS), 5));
  const strip = measure(15, () => (sink += room.reactions.bins(0, 14_400, 1000).max));
  figures.push(figure('models.room-events.density', 'reaction density strip, 1,000 bins over 4 hours', 'ms', strip));
  const eventsManifest = {
    ...minimalManifest(),
    version: '1.1',
    duration: 14_401,
    participants: [...minimalManifest().participants, ...people.map((p) => ({ ...p, consent: { record: p.consent.record, clip: false } }))],
    events: { data: roomEvents },
  };
  const parsedEvents = parseManifest(eventsManifest);
  if (!parsedEvents.ok) throw new Error(`bench events manifest invalid: ${parsedEvents.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  figures.push(figure('models.parseManifest.events', 'parseManifest, 100,000 inline events', 'ms', measure(15, () => parseManifest(eventsManifest))));

  if (sink === 0.5) console.log('unreachable');
  return figures;
}
