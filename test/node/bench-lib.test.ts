// The pure parts of `npm run bench`: how runs are summarized, how the highlight lag is computed
// from the samples the page records, and which requests count as whole-audio fetches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: plain JavaScript modules of the benchmark, without types
import { summarize, percentile } from '../../bench/lib/stats.js';
// @ts-expect-error: plain JavaScript module of the benchmark, without types
import { wordsOf, highlightLag } from '../../bench/lib/highlight-lag.js';
// @ts-expect-error: plain JavaScript module of the benchmark, without types
import { isWholeAudioFetch } from '../../bench/sections/clip-link.js';

test('bench stats: the median of odd and even counts, NaN runs dropped, nearest-rank percentiles', () => {
  assert.deepEqual(summarize([5, 1, 3]), { value: 3, min: 1, max: 5, runs: 3 });
  assert.deepEqual(summarize([4, 1, 3, 2]), { value: 2.5, min: 1, max: 4, runs: 4 });
  assert.deepEqual(summarize([2, NaN, 4]), { value: 3, min: 2, max: 4, runs: 2 });
  assert.ok(Number.isNaN(summarize([NaN]).value));
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(hundred, 95), 95);
  assert.equal(percentile(hundred, 50), 50);
  assert.equal(percentile(hundred, 100), 100);
  assert.equal(percentile([7], 95), 7);
  assert.ok(Number.isNaN(percentile([], 95)));
});

const cues10 = {
  cues: [
    { startTime: 10, endTime: 11.5, text: 'hello there', words: [[10, 10.4], [10.5, 11.5]] },
    { startTime: 12, endTime: 13, text: 'general kenobi', words: [[12, 12.5], [12.6, 13]] },
    // word times that do not match the text are left out, as the player leaves them untimed
    { startTime: 14, endTime: 15, text: 'three words here', words: [[14, 15]] },
  ],
};
const cues11 = {
  cues: [
    { startTime: 10, endTime: 11.5, text: 'hello there', wordOffsetsMs: [0, 400, 500, 1500] },
    { startTime: 12, endTime: 13, text: 'general kenobi', wordOffsetsMs: [0, 500, 600, 1000] },
    { startTime: 14, endTime: 15, text: 'three words here', wordOffsetsMs: [0, 1000] },
  ],
};

test('bench highlight lag: word starts read alike from normalized JSON 1.0 pairs and 1.1 offsets', () => {
  for (const json of [cues10, cues11]) {
    const words = wordsOf(json);
    assert.deepEqual([...words.starts], [10, 10.5, 12, 12.6]);
    assert.deepEqual(words.texts, ['hello', 'there', 'general', 'kenobi']);
  }
});

test('bench highlight lag: the delay from the audio crossing a word start to its highlight, and skipped words', () => {
  const words = wordsOf(cues11);
  // The media clock runs at 2x from 9.5 s: wall ms t ↔ media 9.5 + 2 * t / 1000, sampled every 16 ms.
  const frames: number[] = [];
  for (let t = 0; t <= 2000; t += 16) frames.push(t, t, 9.5 + (2 * t) / 1000);
  const mediaAt = (t: number) => 9.5 + (2 * t) / 1000;
  // 'hello' (10 s) is crossed at 250 ms wall, 'there' (10.5 s) at 500 ms, 'general' (12 s) at 1250, 'kenobi' (12.6 s) at 1550.
  const highlights: [number, string, number][] = [
    [270, 'hello', mediaAt(270)], // 20 ms late
    [290, 'hello', mediaAt(290)], // the same word rendered again: not a new highlight
    [540, 'there ', mediaAt(540)], // 40 ms late (texts are compared trimmed)
    [1560, 'kenobi', mediaAt(1560)], // 10 ms late; 'general' was never highlighted
    [1600, 'nobody', mediaAt(1600)], // a text that is no word near the audio
  ];
  const result = highlightLag(words, frames, highlights);
  assert.equal(result.matched, 3);
  assert.equal(result.unmatched, 1);
  assert.equal(result.skipped, 1);
  const lags = result.lags.map((lag: number) => Math.round(lag));
  assert.deepEqual(lags, [20, 40, 10]);
  assert.equal(Math.round(result.p95), 40);
  assert.equal(Math.round(result.median), 20);
});

test('bench clip link: a whole-audio fetch is audio.m4a without a range or with one covering the file', () => {
  const size = 1000;
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a', null, size), true);
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a?v=1', null, size), true);
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a', 'bytes=0-', size), true);
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a', 'bytes=0-999', size), true);
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a', 'bytes=0-5000', size), true);
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a', 'bytes=0-499', size), false);
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a', 'bytes=500-', size), false);
  assert.equal(isWholeAudioFetch('http://x/long/audio.m4a', 'bytes=-100', size), false);
  assert.equal(isWholeAudioFetch('http://x/long/audio/seg001.m4s', null, size), false);
  assert.equal(isWholeAudioFetch('http://x/long/init.mp4', null, size), false);
});

test('bench --markdown prints bench/results.json as a table, and docs/benchmarks.md holds that table', async () => {
  const { execFileSync } = await import('node:child_process');
  const { readFile } = await import('node:fs/promises');
  const root = new URL('../../', import.meta.url);
  const out = execFileSync(process.execPath, ['scripts/bench.js', '--markdown'], { cwd: root, encoding: 'utf8' });
  const results = JSON.parse(await readFile(new URL('bench/results.json', root), 'utf8'));
  const rows = out.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| figure'));
  assert.equal(rows.length, results.figures.length);
  for (const f of results.figures) {
    if (f.budget === undefined) continue;
    const row = rows.find((line) => line.startsWith(`| ${f.name} |`));
    assert.ok(row?.includes(`≤ ${f.budget}`), `${f.id}: its budget in the table`);
    assert.match(row!, f.pass ? /\| ok \|$/ : /over/, `${f.id}: its status`);
  }
  // The latest figures in the docs are the committed results: paste `npm run bench -- --markdown` after a run.
  const docs = await readFile(new URL('docs/benchmarks.md', root), 'utf8');
  assert.ok(docs.includes(out.trim()), 'docs/benchmarks.md "Latest figures" is the --markdown table of bench/results.json');
});
