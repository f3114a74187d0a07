// Load of the 4-hour recording, from element creation: first paint (the skeleton), content paint
// (the recording's timeline on screen), ready (`space-replay-ready`), and the main thread's work:
// up to content paint, in total (until 1 s after everything showed), and its longest task.
// Each run is a fresh browser context with the CPU throttled from the first byte.
import { figure } from '../lib/figure.js';
import { createPlayer, openBenchPage, sleep, startTrace, waitForTranscript } from '../lib/bench-page.js';
import { MainThreadTrace } from '../lib/trace.js';

/** One load: the raw numbers of a run. */
async function loadOnce(browser, serverUrl, throttle) {
  const session = await openBenchPage(browser, serverUrl, { throttle });
  try {
    const { page } = session;
    await startTrace(page);
    await createPlayer(page);
    const transcript = await waitForTranscript(page);
    await sleep(1000);
    const trace = new MainThreadTrace(await page.tracing.stop());
    const marks = await page.evaluate('benchProbe.marks');
    const longTasks = await page.evaluate('benchProbe.longTasks.length');
    const t = (name) => (marks[name] === undefined ? NaN : trace.fromPage(marks[name], marks));
    const create = t('create');
    const shown = Math.max(t('ready-paint'), Number.isNaN(t('transcript-paint')) ? -Infinity : t('transcript-paint'));
    const end = shown + 1000;
    const longest = trace.longestTask(create, end);
    return {
      transcript,
      firstPaint: marks['first-paint'] - marks.create,
      contentPaint: marks['content-paint'] - marks.create,
      ready: marks.ready - marks.create,
      transcriptPaint: marks['transcript-paint'] === undefined ? NaN : marks['transcript-paint'] - marks.create,
      mainToContentPaint: trace.busy(create, t('content-paint')),
      mainTotal: trace.busy(create, end),
      scriptTotal: trace.script(create, end),
      longestTask: longest.duration,
      longestCpu: longest.cpu,
      longestParts: longest.parts,
      longestAt: longest.start - create,
      longTasks,
      problems: session.problems,
    };
  } finally {
    await session.close();
  }
}

/** Runs the load `runs` times at each throttle; returns figures and the evidence behind the slowest task. */
export async function benchLoad(browser, serverUrl, { runs, throttles = [1, 4], log }) {
  const figures = [];
  let transcript = 'absent';
  const evidence = {};
  for (const throttle of throttles) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await loadOnce(browser, serverUrl, throttle);
      log?.(`load ${throttle}× run ${i + 1}/${runs}: content paint ${r.contentPaint.toFixed(0)} ms, ready ${r.ready.toFixed(0)} ms, main thread ${r.mainTotal.toFixed(0)} ms, longest task ${r.longestTask.toFixed(1)} ms`);
      results.push(r);
      transcript = r.transcript;
    }
    const at = `${throttle}×`;
    const pick = (key) => results.map((r) => r[key]);
    figures.push(
      figure('load', `load.${throttle}x.first-paint`, `first paint (skeleton), creation → frame, ${at}`, 'ms', pick('firstPaint')),
      figure('load', `load.${throttle}x.content-paint`, `content paint (timeline shown), creation → frame, ${at}`, 'ms', pick('contentPaint')),
      figure('load', `load.${throttle}x.ready`, `ready (space-replay-ready), ${at}`, 'ms', pick('ready')),
    );
    if (transcript === 'shown') figures.push(figure('load', `load.${throttle}x.transcript-paint`, `transcript words shown, creation → frame, ${at}`, 'ms', pick('transcriptPaint')));
    figures.push(
      figure('load', `load.${throttle}x.main-thread-to-paint`, `main-thread work to content paint, ${at}`, 'ms', pick('mainToContentPaint')),
      figure('load', `load.${throttle}x.main-thread`, `main-thread work in total (to 1 s after all shown), ${at}`, 'ms', pick('mainTotal')),
      figure('load', `load.${throttle}x.longest-task`, `longest task, ${at}`, 'ms', pick('longestTask')),
    );
    const worst = results.reduce((a, b) => (b.longestTask > a.longestTask ? b : a));
    evidence[`${throttle}x`] = { longestTask: worst.longestTask, longestTaskCpu: worst.longestCpu, atMsAfterCreation: worst.longestAt, parts: worst.longestParts, problems: worst.problems };
  }
  return { figures, transcript, evidence };
}
