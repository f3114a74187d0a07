import { expect } from '@esm-bundle/chai';
import { importTranscript, toWebVTT } from '../../../src/model/transcript/index.js';
import { generateNormalized, generateWebVTT } from './generated-transcript.js';

// Measures, does not assert speed (shared CI machines are noisy): prints the best of several runs.
describe('transcript import timing (printed, not asserted)', () => {
  it('imports 40,000 words from normalized JSON and WebVTT; times wordAt', () => {
    const jsonText = JSON.stringify(generateNormalized(40_000));
    const vttTimed = generateWebVTT(40_000);
    const untimed = generateNormalized(40_000);
    for (const cue of untimed.cues) delete cue.words;
    const first = importTranscript(untimed);
    if (!first.ok) throw new Error(first.error);
    const vttVoices = toWebVTT(first.transcript);
    const best = (run: () => unknown) => {
      let min = Infinity;
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        run();
        min = Math.min(min, performance.now() - t0);
      }
      return min.toFixed(1);
    };
    const json = best(() => importTranscript(jsonText));
    const vtt = best(() => importTranscript(vttTimed));
    const voices = best(() => importTranscript(vttVoices));
    const result = importTranscript(jsonText);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const t = result.transcript;
    const n = 1_000_000;
    const span = t.duration;
    let sink = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += t.wordAt((i * 0.618033988749) % span);
    const perLookup = (((performance.now() - t0) * 1000) / n).toFixed(3);
    const s0 = performance.now();
    t.search('cafe');
    const firstSearch = (performance.now() - s0).toFixed(1);
    const s1 = performance.now();
    t.search('zurich the');
    const nextSearch = (performance.now() - s1).toFixed(1);
    console.log(
      `[transcript timing] 40k words, best of 7: normalized JSON text ${json} ms; WebVTT with a timestamp per word ${vtt} ms; ` +
        `WebVTT with voices only ${voices} ms; wordAt ${perLookup} µs; first search ${firstSearch} ms, next ${nextSearch} ms (${sink > 0})`,
    );
  });
});
