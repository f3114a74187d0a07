// Reads a Chromium trace (puppeteer's page.tracing, JSON) down to the page's renderer main thread:
// its tasks, its script time, its frames, and what made a long task long.
//
// The page's main thread is the one that recorded the probe's `bench:*` marks (performance.mark
// lands in the trace as blink.user_timing), so other renderers in the trace (spare renderers,
// other contexts) never count. Those marks also tie the page's performance.now() to trace time.

/** Categories a bench trace records. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-devtools.timeline.frame',
];

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
// JavaScript running on the main thread, by the events V8 and Blink emit around it.
const SCRIPT = new Set(['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'v8.evaluateModule', 'v8.compileModule', 'v8.compile', 'TimerFire']);

/** Merges intervals `[start, end]` (ms) into a sorted union. */
function union(intervals) {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Length of `merged` (a sorted union) inside `[start, end)`. */
function covered(merged, start, end) {
  let total = 0;
  for (const [s, e] of merged) {
    if (e <= start) continue;
    if (s >= end) break;
    total += Math.min(e, end) - Math.max(s, start);
  }
  return total;
}

/** The page's main thread in a trace. `ignoreUrl`: a script whose calls are the bench's own (the probe). */
export class MainThreadTrace {
  /** `data`: the bytes page.tracing.stop() returned. */
  constructor(data, { ignoreUrl = '/pages/probe.js' } = {}) {
    const events = JSON.parse(new TextDecoder().decode(data)).traceEvents;
    const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('bench:'));
    if (marks.length === 0) throw new Error('trace has no bench: marks; cannot tell the page main thread');
    this.pid = marks[0].pid;
    this.tid = marks[0].tid;
    /** Trace time (ms) of each bench mark seen in this trace. */
    this.marks = {};
    for (const m of marks) this.marks[m.name.slice('bench:'.length)] ??= m.ts / 1000;
    const main = events.filter((e) => e.pid === this.pid && e.tid === this.tid);
    const ms = (e) => [e.ts / 1000, (e.ts + (e.dur ?? 0)) / 1000];
    this.tasks = main.filter((e) => e.ph === 'X' && TASKS.has(e.name)).map((e) => [...ms(e), (e.tdur ?? e.dur ?? 0) / 1000]);
    this.taskUnion = union(this.tasks.map(([s, e]) => [s, e]));
    const script = main.filter((e) => e.ph === 'X' && SCRIPT.has(e.name) && !(e.name === 'FunctionCall' && e.args?.data?.url?.endsWith(ignoreUrl)));
    this.scriptUnion = union(script.map(ms));
    this.mainEvents = main;
    this.frameStarts = main.filter((e) => e.name === 'BeginMainThreadFrame').map((e) => e.ts / 1000);
    this.pipeline = events
      .filter((e) => e.pid === this.pid && e.name === 'PipelineReporter' && e.ph === 'b')
      .map((e) => ({ ts: e.ts / 1000, state: e.args?.frame_reporter?.state ?? e.args?.chrome_frame_reporter?.state }));
  }

  /** Trace time (ms) of a page performance.now() value, given the page's marks (name → performance.now()). */
  fromPage(pageMs, pageMarks) {
    const name = Object.keys(pageMarks).find((n) => this.marks[n] !== undefined);
    if (name === undefined) throw new Error('no page mark found in the trace');
    return pageMs + (this.marks[name] - pageMarks[name]);
  }

  /** Main-thread busy time (ms) in `[start, end)`: the union of its tasks. */
  busy(start, end) {
    return covered(this.taskUnion, start, end);
  }

  /**
   * The thread's CPU time over the wall time of its tasks starting in `[start, end)`: 1 when it ran
   * whenever it had work; about 1/rate under CPU throttling; lower still when the OS gave the CPU
   * to other processes (a busy machine), which then shows as long tasks and dropped frames.
   */
  cpuShare(start, end) {
    let wall = 0;
    let cpu = 0;
    for (const [s, e, c] of this.tasks) {
      if (s < start || s >= end) continue;
      wall += e - s;
      cpu += c;
    }
    return wall > 0 ? cpu / wall : NaN;
  }

  /** Script time (ms) in `[start, end)`. */
  script(start, end) {
    return covered(this.scriptUnion, start, end);
  }

  /**
   * The longest task starting in `[start, end)`: `{duration, cpu, start, parts}`; `cpu` is the
   * thread's own CPU time in it (far below `duration` when the OS ran something else meanwhile, or
   * under CPU throttling), parts its biggest inner events.
   */
  longestTask(start, end) {
    let best = null;
    for (const t of this.tasks) if (t[0] >= start && t[0] < end && (!best || t[1] - t[0] > best[1] - best[0])) best = t;
    if (!best) return { duration: 0, cpu: 0, start: NaN, parts: [] };
    return { duration: best[1] - best[0], cpu: best[2], start: best[0], parts: this.inside(best[0], best[1]) };
  }

  /** The biggest events inside `[start, end]` (besides tasks), as `name url:function` with their ms. */
  inside(start, end, limit = 8) {
    const parts = this.mainEvents
      .filter((e) => e.ph === 'X' && !TASKS.has(e.name) && e.ts / 1000 >= start && (e.ts + (e.dur ?? 0)) / 1000 <= end && (e.dur ?? 0) >= 1000)
      .map((e) => {
        const d = e.args?.data ?? {};
        const where = d.url ? ` ${d.url.replace(/^https?:\/\/[^/]+/, '')}:${d.functionName || '(anonymous)'}:${d.lineNumber ?? ''}:${d.columnNumber ?? ''}` : '';
        return { what: `${e.name}${where}`, ms: e.dur / 1000 };
      })
      .sort((a, b) => b.ms - a.ms);
    return parts.slice(0, limit);
  }

  /** Script time of each frame starting in `[start, end)` (frames delimited by BeginMainThreadFrame). */
  scriptPerFrame(start, end) {
    const starts = this.frameStarts.filter((t) => t >= start && t < end);
    const out = [];
    for (let i = 0; i + 1 < starts.length; i++) out.push(this.script(starts[i], starts[i + 1]));
    return out;
  }

  /** Frames the compositor reports as dropped (PipelineReporter STATE_DROPPED) in `[start, end)`. */
  droppedFrames(start, end) {
    return this.pipeline.filter((p) => p.ts >= start && p.ts < end && p.state === 'STATE_DROPPED').length;
  }

  /** Script time (ms) by `url:function` in `[start, end)`, largest first (inclusive time of FunctionCall). */
  topFunctions(start, end, limit = 8) {
    const by = new Map();
    for (const e of this.mainEvents) {
      if (e.name !== 'FunctionCall' || e.ph !== 'X') continue;
      const t = e.ts / 1000;
      if (t < start || t >= end) continue;
      const d = e.args?.data ?? {};
      const key = `${(d.url ?? '').replace(/^https?:\/\/[^/]+/, '')}:${d.functionName || '(anonymous)'}:${d.lineNumber ?? ''}:${d.columnNumber ?? ''}`;
      by.set(key, (by.get(key) ?? 0) + e.dur / 1000);
    }
    return [...by].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([what, ms]) => ({ what, ms }));
  }
}
