// In-page instruments of the benchmark, loaded before any player code. A classic script so it runs
// first. The orchestrator (scripts/bench.js) drives it through `window.benchProbe`.
// Everything here is cheap per frame: a rAF sample is two numbers, and the heavier counts (DOM
// elements) run only when asked.
(() => {
  'use strict';

  const marks = {};
  /** Marks `name` in the page timeline (so it lands in the trace too) and keeps its time. */
  function mark(name) {
    if (marks[name] !== undefined) return;
    marks[name] = performance.now();
    performance.mark(`bench:${name}`);
  }

  /** Runs `fn` just after the next frame is painted: rAF runs before paint, a message after it. */
  function afterNextPaint(fn) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => fn();
      channel.port2.postMessage(0);
    });
  }

  /** Every shadow root under (and including) `root`. */
  function* roots(root) {
    yield root;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) yield* roots(el.shadowRoot);
  }

  /** The first element matching `selector` in `root` or any shadow root below it. */
  function deepQuery(root, selector) {
    for (const r of roots(root)) {
      const found = r.querySelector(selector);
      if (found) return found;
    }
    return null;
  }

  const longTasks = [];
  const longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    // Long animation frames (over 50 ms) name the scripts that made them long.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longFrames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: e.scripts.map((s) => ({ invoker: s.invoker, source: `${s.sourceURL}:${s.sourceFunctionName || '?'}@${s.sourceCharPosition}`, duration: s.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}

  let player = null;

  const probe = {
    defined: false,
    marks,
    mark,
    longTasks,
    longFrames,
    errors: [],
    get player() {
      return player;
    },

    /**
     * Creates the player: marks `create`, `first-paint` (the frame after its first render: the
     * skeleton), `content-paint` (the first frame showing the recording's timeline), `ready` (the
     * `space-replay-ready` event), `ready-paint`, `transcript-paint` (the first frame with
     * transcript words, when a panel shows) and `playing` (the media's first `playing` event).
     */
    create({ src, engine, attributes = {} } = {}) {
      const ctor = customElements.get('space-replay');
      const observed = ctor?.observedAttributes ?? [];
      // Show the transcript when the player has an attribute for it (whatever it ends up named).
      const transcriptAttribute = ['transcript', 'show-transcript', 'transcript-open', 'transcript-visible'].find((a) => observed.includes(a)) ?? null;
      mark('create');
      const el = document.createElement('space-replay');
      player = el;
      if (engine) el.setAttribute('engine', engine);
      el.setAttribute('no-resume', '');
      if (transcriptAttribute) el.setAttribute(transcriptAttribute, '');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.addEventListener('space-replay-ready', () => {
        mark('ready');
        afterNextPaint(() => mark('ready-paint'));
      });
      el.addEventListener('space-replay-error', (e) => probe.errors.push(e.detail));
      el.mediaElement?.addEventListener('playing', () => mark('playing'), { once: true });
      el.setAttribute('src', src);
      document.getElementById('stage').append(el);
      el.updateComplete.then(() => afterNextPaint(() => mark('first-paint')));
      const watch = () => {
        if (!marks['content-paint'] && el.shadowRoot && deepQuery(el.shadowRoot, '[part~="timeline"]')) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => mark('content-paint');
          channel.port2.postMessage(0);
        }
        if (!marks['transcript-paint'] && probe.transcriptWord()) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => mark('transcript-paint');
          channel.port2.postMessage(0);
        }
        if (!marks['content-paint'] || !marks['transcript-paint']) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      return { transcriptAttribute };
    },

    /** The transcript panel, wherever the player put it (light DOM, slot or its shadow root). */
    transcriptPanel() {
      return player ? deepQuery(player, 'space-replay-transcript') ?? (player.shadowRoot && deepQuery(player.shadowRoot, 'space-replay-transcript')) : null;
    },

    /** A rendered transcript word, if any. */
    transcriptWord() {
      const panel = probe.transcriptPanel();
      return panel?.shadowRoot ? panel.shadowRoot.querySelector('[part~="word"], [part~="cue"]') : null;
    },

    /** The scrolling element of the transcript panel. */
    transcriptScroller() {
      const panel = probe.transcriptPanel();
      return panel?.shadowRoot?.querySelector('[part~="scroller"]') ?? null;
    },

    /** Elements of the player: itself, its light DOM, and every shadow tree inside. */
    countElements() {
      if (!player) return 0;
      let count = 1;
      for (const r of roots(player)) count += r.querySelectorAll('*').length;
      if (player.shadowRoot) for (const r of roots(player.shadowRoot)) count += r.querySelectorAll('*').length;
      return count;
    },

    /** Canvases in the player and their backing stores: `{count, megapixels}` (4 bytes a pixel). */
    canvasStats() {
      let count = 0;
      let pixels = 0;
      const all = [];
      if (player) for (const r of roots(player)) all.push(...r.querySelectorAll('canvas'));
      if (player?.shadowRoot) for (const r of roots(player.shadowRoot)) all.push(...r.querySelectorAll('canvas'));
      for (const c of all) {
        count++;
        pixels += c.width * c.height;
      }
      return { count, megapixels: pixels / 1e6 };
    },

    // ---- per-frame samples -------------------------------------------------------------------
    frames: [],
    _sampling: false,
    /** Starts sampling each frame: [rAF timestamp, performance.now(), media currentTime]. */
    startFrames() {
      probe.frames = [];
      probe._sampling = true;
      const media = player?.mediaElement;
      const sample = (ts) => {
        if (!probe._sampling) return;
        probe.frames.push(ts, performance.now(), media ? media.currentTime : NaN);
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    },
    /** Stops sampling; returns the flat sample array. */
    stopFrames() {
      probe._sampling = false;
      return probe.frames;
    },

    // ---- the highlight -----------------------------------------------------------------------
    highlights: [],
    _observer: null,
    /**
     * Records when an element of the panel gains `aria-current="time"`: [time, text, media time].
     * New blocks rendered with the highlight already on count too (child list additions).
     */
    startHighlights() {
      probe.highlights = [];
      probe.mutations = { records: 0, added: 0 };
      const panel = probe.transcriptPanel();
      if (!panel?.shadowRoot) return false;
      const media = player.mediaElement;
      const record = (el, now) => probe.highlights.push([now, el.textContent, media.currentTime]);
      probe._observer = new MutationObserver((records) => {
        const now = performance.now();
        probe.mutations.records += records.length;
        for (const r of records) {
          if (r.type === 'attributes') {
            if (r.target.getAttribute('aria-current') === 'time') record(r.target, now);
          } else {
            for (const node of r.addedNodes) {
              if (node.nodeType !== 1) continue;
              probe.mutations.added++;
              if (node.getAttribute('aria-current') === 'time') record(node, now);
              for (const el of node.querySelectorAll('[aria-current="time"]')) record(el, now);
            }
          }
        }
      });
      probe._observer.observe(panel.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-current'] });
      return true;
    },
    /** Stops recording highlights; returns them. */
    stopHighlights() {
      probe._observer?.disconnect();
      probe._observer = null;
      return probe.highlights;
    },

    /** Resolves when the media plays (the `playing` event), or at once if it does. */
    playing() {
      const media = player.mediaElement;
      if (!media.paused && media.readyState >= 3) return Promise.resolve();
      return new Promise((resolve) => media.addEventListener('playing', () => resolve(), { once: true }));
    },
    /** Resolves after the media's next `seeked` event. */
    seeked() {
      return new Promise((resolve) => player.mediaElement.addEventListener('seeked', () => resolve(), { once: true }));
    },
  };
  window.benchProbe = probe;
})();
