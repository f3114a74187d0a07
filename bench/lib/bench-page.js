// Opening the bench page in a fresh browser context (empty cache and storage: every run is a first
// visit), creating the player in it, and waiting for what the player shows.
import { raisePriority } from './process-memory.js';
import { TRACE_CATEGORIES } from './trace.js';

/** A phone-sized viewport: the player's compact layout, canvases at 2× density. */
export const VIEWPORT = { width: 412, height: 915, deviceScaleFactor: 2 };

/** The manifest of the 4-hour recording, as the bench server serves it. */
export const LONG_MANIFEST = '/long/manifest.json';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export { sleep };

/**
 * Opens the bench page. `throttle`: CPU slowdown from the first byte; `hash`: the URL fragment
 * (a clip link); `beforeGoto(cdp)`: set up CDP domains (Network) before anything loads.
 */
export async function openBenchPage(browser, serverUrl, { throttle = 1, hash = '', beforeGoto } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  // The new page's renderer too: every process of the browser at nice -10 (see docs/benchmarks.md).
  const root = browser.process()?.pid;
  if (root) raisePriority(root);
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('favicon')) problems.push(message.text());
  });
  await page.setViewport(VIEWPORT);
  const cdp = await page.createCDPSession();
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (beforeGoto) await beforeGoto(cdp);
  await page.goto(`${serverUrl}/pages/player.html${hash}`, { waitUntil: 'load' });
  try {
    await page.waitForFunction('window.benchProbe && window.benchProbe.defined', { timeout: 60_000 });
  } catch (error) {
    await context.close().catch(() => {});
    throw new Error(`the bench page never defined <space-replay>: ${problems.join('; ') || error.message}`);
  }
  return {
    page,
    cdp,
    problems,
    async setThrottle(rate) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
}

/** Starts a trace of the page with the bench's categories. */
export function startTrace(page) {
  return page.tracing.start({ categories: TRACE_CATEGORIES });
}

/**
 * Creates the player on the 4-hour recording and waits for `space-replay-ready`. Resolves to
 * `{transcriptAttribute}` (the attribute set to show the transcript, or null). Throws with the
 * player's error when it reports one.
 */
export async function createPlayer(page, { engine, attributes = {}, timeout = 90_000 } = {}) {
  const created = await page.evaluate((src, engine, attributes) => window.benchProbe.create({ src, engine, attributes }), LONG_MANIFEST, engine ?? null, attributes);
  await page.waitForFunction('benchProbe.marks.ready || benchProbe.errors.some((e) => e.fatal)', { timeout, polling: 50 });
  const errors = await page.evaluate('benchProbe.errors');
  if (errors.some((e) => e.fatal)) throw new Error(`player error: ${JSON.stringify(errors)}`);
  return created;
}

/**
 * Waits until the transcript panel shows words; resolves to 'shown', 'hidden' (a panel exists but
 * shows no words, even after pressing a transcript button if the player has one) or 'absent'.
 */
export async function waitForTranscript(page, { timeout = 30_000 } = {}) {
  const state = await page.waitForFunction(
    `benchProbe.marks['transcript-paint'] ? 'shown'
      : performance.now() - benchProbe.marks.ready > 2000 ? (benchProbe.transcriptPanel() ? 'hidden' : 'absent') : false`,
    { timeout, polling: 50 },
  ).then((handle) => handle.jsonValue());
  if (state !== 'hidden') return state;
  // A panel that waits for the listener: press the player's transcript button, if it has one.
  const pressed = await page.evaluate(`(() => {
    const root = benchProbe.player.shadowRoot;
    const button = root && [...root.querySelectorAll('button')].find((b) => /transcript/i.test(b.getAttribute('part') || '') && b.getAttribute('aria-expanded') !== 'true');
    button?.click();
    return Boolean(button);
  })()`);
  if (!pressed) return 'hidden';
  return page
    .waitForFunction(`benchProbe.marks['transcript-paint'] ? 'shown' : false`, { timeout: 10_000, polling: 50 })
    .then(() => 'shown')
    .catch(() => 'hidden');
}

/** Scrolls the page so the transcript panel (or the player's end) is on screen. */
export async function showTranscript(page) {
  await page.evaluate(`(benchProbe.transcriptPanel() ?? benchProbe.player).scrollIntoView({ block: 'end' })`);
}

/** Starts playback at `from` seconds and `rate`, and resolves once audio plays (fails after 30 s). */
export async function playAt(page, from, rate) {
  await page.evaluate(
    async (from, rate) => {
      const player = window.benchProbe.player;
      const media = player.mediaElement;
      const within = (promise, what) =>
        Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within 30 s (readyState ${media.readyState}, t=${media.currentTime})`)), 30_000))]);
      // Before any media data (hls.js attaches on demand) a seek only sets the start position: no seeked event.
      const seeked = media.readyState > 0 ? window.benchProbe.seeked() : Promise.resolve();
      player.seek(from);
      await within(seeked, 'seeked');
      player.playbackRate = rate;
      const playing = window.benchProbe.playing();
      await player.play();
      await within(playing, 'playing');
    },
    from,
    rate,
  );
}

/** Forces garbage collection (twice: finalizers free more on the second pass). */
export async function collectGarbage(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(100);
  await cdp.send('HeapProfiler.collectGarbage');
}

/** The renderer process id of the page: the pid of a mark it writes into a short trace. */
export async function rendererPid(page) {
  await page.tracing.start({ categories: ['blink.user_timing'] });
  await page.evaluate(`performance.mark('bench:pid')`);
  const data = await page.tracing.stop();
  const events = JSON.parse(new TextDecoder().decode(data)).traceEvents;
  return events.find((e) => e.name === 'bench:pid')?.pid;
}
