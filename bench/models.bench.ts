/**
 * `npm run bench:models`: times the pure models in Chromium. Each figure is the median of several
 * runs (min and max kept), measured with performance.now() around the call only.
 */
import { parseManifest } from '../src/manifest/index.js';
import { importTranscript } from '../src/model/transcript/index.js';
import { generateNormalized, generateWebVTT, seededRandom } from '../test/model/transcript/generated-transcript.js';
import { minimalManifest } from '../test/manifest/fixtures.js';

/** One measured figure, as printed and written by the runner. */
export interface BenchFigure {
  name: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  target?: number;
}

function measure(runs: number, fn: () => unknown): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1]!, min: times[0]!, max: times[times.length - 1]! };
}

function figure(name: string, unit: string, m: { median: number; min: number; max: number }, target?: number): BenchFigure {
  return { name, unit, value: m.median, min: m.min, max: m.max, ...(target !== undefined ? { target } : {}) };
}

export default async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const WORDS = 40_000;

  const normalizedText = JSON.stringify(generateNormalized(WORDS));
  const vtt = generateWebVTT(WORDS);
  const voicesOnlyVtt = vtt.replace(/<\d\d:\d\d:\d\d\.\d\d\d>/g, '');
  // Warm up the JIT on a small input first so the figures describe steady state.
  for (let i = 0; i < 3; i++) importTranscript(JSON.stringify(generateNormalized(2_000)), { type: 'application/json' });

  figures.push(figure('transcript import+index, 40k words, normalized JSON', 'ms', measure(9, () => importTranscript(normalizedText, { type: 'application/json' })), 20));
  figures.push(figure('transcript import+index, 40k words, WebVTT voices', 'ms', measure(9, () => importTranscript(voicesOnlyVtt, { type: 'text/vtt' })), 20));
  figures.push(figure('transcript import+index, 40k words, WebVTT word stamps', 'ms', measure(7, () => importTranscript(vtt, { type: 'text/vtt' })), 20));

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
  figures.push(figure('wordAt lookup (40k words)', 'µs', { median: (lookup.median * 1000) / LOOKUPS, min: (lookup.min * 1000) / LOOKUPS, max: (lookup.max * 1000) / LOOKUPS }, 1));

  const big = generateNormalized(130_000);
  const cues = big.cues.slice(0, 20_000);
  const manifest = {
    ...minimalManifest(),
    duration: Math.ceil(cues[cues.length - 1]!.endTime) + 1,
    transcripts: [{ type: 'application/json', data: { format: 'space-replay-transcript', version: '1.0', speakers: big.speakers, cues } }],
  };
  for (let i = 0; i < 3; i++) parseManifest(manifest);
  const parsed = parseManifest(manifest);
  if (!parsed.ok) throw new Error(`bench manifest invalid: ${parsed.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  figures.push(figure('parseManifest, 20,000 inline cues', 'ms', measure(9, () => parseManifest(manifest)), 10));

  if (sink === 0.5) console.log('unreachable');
  return figures;
}
