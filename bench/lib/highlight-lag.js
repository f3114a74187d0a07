// Highlight lag: how long after the audio reaches a word the transcript highlights it.
//
// The audio's clock is sampled on every frame (rAF: performance.now() and media.currentTime) and at
// every highlight change; between two samples it advances linearly, so the wall time at which it
// crossed a word's start is interpolated. A highlight change is matched to the word it shows by its
// text, searched backwards from the word the audio was in at that moment. lag = time of the DOM
// change − time the audio crossed that word's start. Words the highlight skipped are counted apart.
import { percentile } from './stats.js';

/** Word start times and texts from a normalized transcript (`space-replay-transcript` JSON). */
export function wordsOf(transcriptJson) {
  const starts = [];
  const texts = [];
  for (const cue of transcriptJson.cues) {
    const tokens = cue.text.split(/\s+/).filter(Boolean);
    // Normalized JSON 1.1 (what pack writes): whole ms after the cue start, [start, end] per word
    // flat; 1.0: [start, end] pairs in seconds.
    const offsets = cue.wordOffsetsMs;
    const pairs = offsets ? null : (cue.words ?? []);
    if (offsets ? offsets.length !== 2 * tokens.length : pairs.length !== tokens.length) continue;
    const cueMs = Math.round(cue.startTime * 1000);
    for (let i = 0; i < tokens.length; i++) {
      starts.push(offsets ? (cueMs + offsets[2 * i]) / 1000 : pairs[i][0]);
      texts.push(tokens[i]);
    }
  }
  const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b]);
  return { starts: Float64Array.from(order, (i) => starts[i]), texts: order.map((i) => texts[i]) };
}

/** Index of the last word starting at or before `t` (-1 if none). */
function wordAt(starts, t) {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * `frames`: flat [rafTs, now, currentTime, …]; `highlights`: [[now, text, currentTime], …].
 * Returns `{lags (ms), p95, median, matched, unmatched, skipped}`.
 */
export function highlightLag(words, frames, highlights) {
  const clock = [];
  for (let i = 0; i + 2 < frames.length; i += 3) if (Number.isFinite(frames[i + 2])) clock.push([frames[i + 1], frames[i + 2]]);
  for (const [now, , time] of highlights) clock.push([now, time]);
  clock.sort((a, b) => a[0] - b[0]);
  if (clock.length < 2) return { lags: [], p95: NaN, median: NaN, matched: 0, unmatched: highlights.length, skipped: 0 };
  const firstTime = clock[0][1];
  const lastTime = clock[clock.length - 1][1];

  /** Wall time at which the media clock crossed `t`, or NaN outside the sampled span. */
  const crossing = (t) => {
    if (t <= firstTime || t > lastTime) return NaN;
    let i = clock.findIndex(([, time]) => time >= t);
    if (i <= 0) return NaN;
    const [p0, c0] = clock[i - 1];
    const [p1, c1] = clock[i];
    return c1 > c0 ? p0 + ((t - c0) / (c1 - c0)) * (p1 - p0) : p1;
  };

  const lags = [];
  const shown = new Set();
  let unmatched = 0;
  for (const [now, text, time] of highlights) {
    const around = wordAt(words.starts, time + 1e-6);
    let w = -1;
    for (let k = around; k >= 0 && k > around - 8; k--) {
      if (words.texts[k] === text.trim()) {
        w = k;
        break;
      }
    }
    if (w < 0) {
      unmatched++;
      continue;
    }
    // A block rendered again with the same word current (scrolling) is not a new highlight.
    if (shown.has(w)) continue;
    shown.add(w);
    const crossed = crossing(words.starts[w]);
    if (Number.isFinite(crossed)) lags.push(now - crossed);
  }
  // Words the audio crossed inside the window that never got highlighted.
  let skipped = 0;
  const first = wordAt(words.starts, firstTime) + 1;
  const last = wordAt(words.starts, lastTime);
  const lo = Math.min(...shown);
  const hi = Math.max(...shown);
  for (let w = Math.max(first, lo); w <= Math.min(last, hi); w++) if (!shown.has(w)) skipped++;
  return { lags, p95: percentile(lags, 95), median: percentile(lags, 50), matched: lags.length, unmatched, skipped };
}
