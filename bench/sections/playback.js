// Playback: 10 s at 2× from the middle of the 4-hour recording, transcript on screen.
// - script per frame: JavaScript on the page's main thread (trace: FunctionCall, RunMicrotasks,
//   timers…, the bench probe's own calls left out) between consecutive BeginMainThreadFrame events;
//   median and p95 over the frames of a run.
// - dropped frames: the probe's rAF timestamps; an interval longer than 1.5 vsyncs drops
//   round(interval / vsync) − 1 frames (vsync: the median interval). Chromium's own compositor
//   count (PipelineReporter STATE_DROPPED) is kept in the evidence only: headless, it reports a
//   third of all frames dropped even on an idle page.
// - the main thread's CPU share of its tasks' wall time is kept per run: far below 1 (or 1/4 at
//   4×), the OS gave the CPU to something else, and dropped frames say more about the machine.
// - highlight lag: see lib/highlight-lag.js.
// The throttle is applied after load, once playing, so each run measures steady playback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../lib/figure.js';
import { createPlayer, openBenchPage, playAt, showTranscript, sleep, startTrace, waitForTranscript } from '../lib/bench-page.js';
import { highlightLag, wordsOf } from '../lib/highlight-lag.js';
import { median, percentile } from '../lib/stats.js';
import { MainThreadTrace } from '../lib/trace.js';
import { startProfile, stopProfile } from '../lib/cpu-profile.js';

const PLAY_FROM = 3600;
const RATE = 2;

/** Dropped frames from rAF timestamps (flat [rafTs, now, time, …]): `{dropped, vsync, frames}`. */
export function droppedFromFrames(frames) {
  const intervals = [];
  for (let i = 3; i < frames.length; i += 3) intervals.push(frames[i] - frames[i - 3]);
  const vsync = median(intervals);
  let dropped = 0;
  for (const iv of intervals) if (iv > 1.5 * vsync) dropped += Math.round(iv / vsync) - 1;
  return { dropped, vsync, frames: intervals.length + 1 };
}

async function playbackOnce(browser, serverUrl, throttle, seconds, words, profile) {
  const session = await openBenchPage(browser, serverUrl);
  try {
    const { page } = session;
    await createPlayer(page);
    const transcript = await waitForTranscript(page);
    await showTranscript(page);
    await playAt(page, PLAY_FROM, RATE);
    await session.setThrottle(throttle);
    await sleep(1000);
    await startTrace(page);
    if (profile) await startProfile(session.cdp);
    // A mark inside the trace ties the page's clock to the trace's.
    const highlighting = await page.evaluate(`benchProbe.mark('window'); benchProbe.startFrames(); benchProbe.startHighlights()`);
    await sleep(seconds * 1000);
    const [frames, highlights, marks, mutations] = await page.evaluate(`[benchProbe.stopFrames(), benchProbe.stopHighlights(), benchProbe.marks, benchProbe.mutations]`);
    const selfTime = profile ? (await stopProfile(session.cdp)).top : undefined;
    const trace = new MainThreadTrace(await page.tracing.stop());
    const start = trace.fromPage(frames[1], marks);
    const end = trace.fromPage(frames[frames.length - 2], marks);
    const perFrame = trace.scriptPerFrame(start, end);
    const { dropped, vsync, frames: frameCount } = droppedFromFrames(frames);
    const lag = highlighting && words ? highlightLag(words, frames, highlights) : null;
    const played = frames[frames.length - 1] - frames[2];
    return {
      transcript,
      highlighting,
      scriptMedian: percentile(perFrame, 50),
      scriptP95: percentile(perFrame, 95),
      scriptMean: perFrame.reduce((a, b) => a + b, 0) / Math.max(1, perFrame.length),
      dropped,
      chromiumDropped: trace.droppedFrames(start, end),
      cpuShare: trace.cpuShare(start, end),
      vsync,
      frameCount,
      played,
      lag,
      top: trace.topFunctions(start, end),
      selfTime,
      mutations,
      longest: trace.longestTask(start, end),
      problems: session.problems,
    };
  } finally {
    await session.close();
  }
}

/** Runs playback `runs` times per throttle; figures for script, dropped frames and highlight lag. */
export async function benchPlayback(browser, serverUrl, { runs, seconds = 10, throttles = [1, 4], longDir, profile = false, log }) {
  let words = null;
  try {
    const manifest = JSON.parse(readFileSync(join(longDir, 'manifest.json'), 'utf8'));
    const entry = (manifest.transcripts ?? []).find((t) => t.type === 'application/json' && t.url);
    if (entry) words = wordsOf(JSON.parse(readFileSync(join(longDir, entry.url), 'utf8')));
  } catch {
    words = null;
  }
  const figures = [];
  const evidence = {};
  let transcript = 'absent';
  for (const throttle of throttles) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await playbackOnce(browser, serverUrl, throttle, seconds, words, profile);
      transcript = r.transcript;
      log?.(
        `playback ${throttle}× run ${i + 1}/${runs}: script/frame median ${r.scriptMedian.toFixed(3)} ms p95 ${r.scriptP95.toFixed(3)} ms, ` +
          `dropped ${r.dropped} of ${r.frameCount}, main-thread CPU share ${r.cpuShare.toFixed(2)}, media advanced ${r.played.toFixed(1)} s` +
          (r.lag ? `, highlight lag p95 ${r.lag.p95.toFixed(1)} ms over ${r.lag.matched} words (${r.lag.skipped} skipped, ${r.lag.unmatched} unmatched)` : ''),
      );
      results.push(r);
    }
    const at = `${throttle}×`;
    const pick = (fn) => results.map(fn);
    figures.push(
      figure('playback', `playback.${throttle}x.script-median`, `script per frame, median, 2× playback, ${at}`, 'ms', pick((r) => r.scriptMedian)),
      figure('playback', `playback.${throttle}x.script-p95`, `script per frame, p95, 2× playback, ${at}`, 'ms', pick((r) => r.scriptP95)),
      figure('playback', `playback.${throttle}x.dropped`, `dropped frames in ${seconds} s (rAF gaps > 1.5 vsync), ${at}`, 'frames', pick((r) => r.dropped)),
    );
    const lagRuns = results.filter((r) => r.lag && r.lag.matched > 0);
    if (lagRuns.length > 0) {
      figures.push(
        figure('highlight', `highlight.${throttle}x.p95`, `highlight lag p95, 2× playback, ${at}`, 'ms', lagRuns.map((r) => r.lag.p95), {
          words: lagRuns.map((r) => r.lag.matched),
          skipped: lagRuns.map((r) => r.lag.skipped),
        }),
        figure('highlight', `highlight.${throttle}x.median`, `highlight lag median, ${at}`, 'ms', lagRuns.map((r) => r.lag.median)),
      );
    } else {
      const why = transcript === 'absent' ? 'no transcript panel' : !words ? 'no JSON transcript in the manifest' : 'no highlight seen';
      figures.push(figure('highlight', `highlight.${throttle}x.p95`, `highlight lag p95, ${at}`, 'ms', NaN, { na: why }));
    }
    const worst = results.reduce((a, b) => (b.scriptP95 > a.scriptP95 ? b : a));
    evidence[`${throttle}x`] = {
      perRun: results.map((r) => ({ dropped: r.dropped, compositorDropped: r.chromiumDropped, cpuShare: Math.round(r.cpuShare * 100) / 100, scriptMedian: r.scriptMedian, longestTask: r.longest.duration, longestTaskCpu: r.longest.cpu })),
      panelMutations: worst.mutations, topFunctions: worst.top, selfTime: worst.selfTime, longestTask: worst.longest, vsync: worst.vsync, problems: worst.problems };
  }
  return { figures, transcript, evidence };
}
