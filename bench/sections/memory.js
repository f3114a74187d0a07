// Memory and DOM size over a busy minute with the 4-hour recording.
// After load, and again after `seconds` of use (playing at 2–3×, seeking far every few seconds,
// wheel-scrolling the transcript), garbage is collected and we read:
// - JS heap: Performance.getMetrics JSHeapUsedSize;
// - renderer: the private memory footprint of the page's renderer process, as Chromium accounts it
//   (memory-infra dump, process_totals.private_footprint_bytes: what the Task Manager shows). It
//   holds the JS heap, the DOM, layout, the media pipeline, and with --disable-gpu the canvases'
//   backing stores and the compositor's raster tiles too (a phone keeps those on the GPU). The
//   allocators' shares (malloc, partition_alloc, v8, blink_gc, cc, canvas) are kept as evidence;
// - DOM nodes: Memory.getDOMCounters (all nodes of the page, text nodes and detached ones too).
// The DOM element count (the player, its light DOM and every shadow tree in it) is sampled every
// 200 ms and after every action; its peak is the DOM figure.
import { figure } from '../lib/figure.js';
import { collectGarbage, createPlayer, openBenchPage, playAt, rendererPid, showTranscript, sleep, waitForTranscript } from '../lib/bench-page.js';
import { memoryDump } from '../lib/memory-dump.js';

const MB = 1024 * 1024;
const summarizeMB = (values) => Math.round(values.reduce((a, b) => a + b, 0) / values.length / MB * 10) / 10;
// Far jumps across the 4 hours, and the rates to cycle through.
const SEEKS = [12_600, 300, 9_000, 14_300, 5_400, 7_200, 2_000, 11_000, 600, 13_500, 4_000, 8_100];
const RATES = [2, 3, 2.5];

async function snapshot(session, pid) {
  await collectGarbage(session.cdp);
  await sleep(200);
  const { metrics } = await session.cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const counters = await session.cdp.send('Memory.getDOMCounters');
  const canvases = await session.page.evaluate('benchProbe.canvasStats()');
  const dump = pid ? await memoryDump(session.cdp, pid) : { footprint: NaN, allocators: {} };
  return { heap: metric('JSHeapUsedSize'), renderer: dump.footprint, allocators: dump.allocators, nodes: counters.nodes, listeners: counters.jsEventListeners, canvases };
}

async function useOnce(browser, serverUrl, seconds, engine, log) {
  const session = await openBenchPage(browser, serverUrl);
  try {
    const { page, cdp } = session;
    await cdp.send('Performance.enable');
    const pid = await rendererPid(page);
    // The page with the player's code loaded but no player: what the recording adds is measured from here.
    const empty = await snapshot(session, pid);
    await createPlayer(page, { engine });
    const transcript = await waitForTranscript(page);
    await showTranscript(page);
    await sleep(1000);
    const loaded = await snapshot(session, pid);
    let peak = await page.evaluate('benchProbe.countElements()');
    const sampler = setInterval(() => {
      page.evaluate('benchProbe.countElements()').then((n) => (peak = Math.max(peak, n)), () => {});
    }, 200);
    const count = async () => (peak = Math.max(peak, await page.evaluate('benchProbe.countElements()')));
    const actions = [];
    try {
      await playAt(page, 1800, 2);
      const started = Date.now();
      let step = 0;
      const wheelAt = await page.evaluate(`(() => {
        const el = benchProbe.transcriptScroller();
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 200) };
      })()`);
      while (Date.now() - started < seconds * 1000) {
        const kind = step % 3;
        if (kind === 0) {
          const to = SEEKS[(step / 3) % SEEKS.length | 0];
          await page.evaluate(`benchProbe.player.seek(${to})`);
          actions.push(`seek ${to}`);
        } else if (kind === 1 && wheelAt) {
          await page.mouse.move(wheelAt.x, wheelAt.y);
          for (let i = 0; i < 6; i++) {
            await page.mouse.wheel({ deltaY: step % 2 ? 900 : -900 });
            await sleep(80);
            await count();
          }
          actions.push('wheel transcript');
        } else {
          const rate = RATES[step % RATES.length];
          await page.evaluate(`benchProbe.player.playbackRate = ${rate}; benchProbe.player.play()`);
          actions.push(`rate ${rate}`);
        }
        await count();
        step++;
        await sleep(1500);
        await count();
      }
    } finally {
      clearInterval(sampler);
    }
    await page.evaluate('benchProbe.player.pause()');
    await sleep(1000);
    const used = await snapshot(session, pid);
    const currentTime = await page.evaluate('benchProbe.player.currentTime');
    log?.(`memory run: canvases ${loaded.canvases.count} (${loaded.canvases.megapixels.toFixed(1)} MP) → ${used.canvases.count} (${used.canvases.megapixels.toFixed(1)} MP), ${actions.length} actions, heap ${(loaded.heap / MB).toFixed(1)} → ${(used.heap / MB).toFixed(1)} MB, renderer ${(loaded.renderer / MB).toFixed(1)} → ${(used.renderer / MB).toFixed(1)} MB, peak elements ${peak}, ended at ${currentTime.toFixed(0)} s`);
    return { transcript, empty, loaded, used, peak, actions: actions.length, problems: session.problems };
  } finally {
    await session.close();
  }
}

/** Runs the busy minute `runs` times; figures for heap, renderer, DOM. */
export async function benchMemory(browser, serverUrl, { runs, seconds = 60, engine, log }) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await useOnce(browser, serverUrl, seconds, engine, log));
  const pick = (fn) => results.map(fn);
  const figures = [
    figure('dom', 'dom.peak', `peak elements in the player (shadow trees included) while playing, seeking, scrolling`, 'elements', pick((r) => r.peak)),
    figure('dom', 'dom.nodes', `DOM nodes of the page after ${seconds} s (Memory.getDOMCounters, text nodes too)`, 'nodes', pick((r) => r.used.nodes)),
    figure('memory', 'memory.heap.loaded', 'JS heap after load (after GC)', 'MB', pick((r) => r.loaded.heap / MB), { emptyPage: summarizeMB(pick((r) => r.empty.heap)) }),
    figure('memory', 'memory.heap.used', `JS heap after ${seconds} s of use (after GC)`, 'MB', pick((r) => r.used.heap / MB)),
    figure('memory', 'memory.heap.use-growth', `JS heap growth over ${seconds} s of use`, 'MB', pick((r) => (r.used.heap - r.loaded.heap) / MB)),
    figure('memory', 'memory.renderer.load-growth', 'renderer footprint growth: empty page → 4-hour recording loaded', 'MB', pick((r) => (r.loaded.renderer - r.empty.renderer) / MB), { emptyPage: summarizeMB(pick((r) => r.empty.renderer)) }),
    figure('memory', 'memory.renderer.use-growth', `renderer footprint growth over ${seconds} s of use`, 'MB', pick((r) => (r.used.renderer - r.loaded.renderer) / MB)),
    figure('memory', 'memory.renderer.growth', `renderer footprint growth in total: empty page → after ${seconds} s of use`, 'MB', pick((r) => (r.used.renderer - r.empty.renderer) / MB)),
  ];
  const last = results[results.length - 1];
  const evidence = {
    // Canvas backing stores (4 bytes a pixel) are renderer memory the JS heap does not show.
    canvases: { empty: last.empty.canvases, loaded: last.loaded.canvases, used: last.used.canvases },
    heapMB: { empty: last.empty.heap / MB, loaded: last.loaded.heap / MB, used: last.used.heap / MB },
    rendererMB: { empty: last.empty.renderer / MB, loaded: last.loaded.renderer / MB, used: last.used.renderer / MB },
    allocatorsMB: { empty: last.empty.allocators, loaded: last.loaded.allocators, used: last.used.allocators },
    problems: results.flatMap((r) => r.problems).slice(0, 5),
  };
  return { figures, transcript: last.transcript, evidence };
}
