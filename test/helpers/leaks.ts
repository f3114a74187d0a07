/**
 * Counts what outlives a player: listeners on the page's long-lived targets (the window, the
 * document, media query lists) and pending timeouts, intervals and animation frames, made by the
 * library or its dependencies rather than by the test itself (told apart by the nearest frame of
 * the call's stack that is not this file). Fault injection in the test only: it wraps the
 * platform's functions until `stop()`.
 */

export interface LeakCounter {
  /** Listeners on long-lived targets still registered, as `type` names (for the failure message). */
  listeners(): string[];
  /** Timeouts, intervals and animation frames still pending, as the URL:line that made each. */
  timers(): string[];
  /** Puts the platform's functions back. */
  stop(): void;
}

type Listener = EventListenerOrEventListenerObject;
interface Entry {
  target: EventTarget;
  type: string;
  listener: Listener;
  capture: boolean;
  where: string;
}

/** The nearest stack frame outside this file when it is the library's or a dependency's, else null (the test's, the runner's). */
function caller(): string | null {
  const frames = (new Error().stack ?? '').split('\n').filter((line) => /https?:\/\//.test(line) && !line.includes('/test/helpers/leaks.ts'));
  const first = frames[0] ?? '';
  const url = /(https?:\/\/\S+?:\d+)(?::\d+)?\)?$/.exec(first.trim())?.[1] ?? '';
  const path = url ? new URL(url.replace(/:\d+$/, '')).pathname : '';
  const ours = path.startsWith('/src/') || (path.startsWith('/node_modules/') && !path.startsWith('/node_modules/@web/'));
  return ours ? url : null;
}

/** Whether listeners on `target` outlive a removed element. */
function longLived(target: EventTarget): boolean {
  return target === window || target === document || target === document.documentElement || target === document.body || target instanceof MediaQueryList;
}

/** Starts counting. */
export function countLeaks(): LeakCounter {
  const proto = EventTarget.prototype;
  const realAdd = proto.addEventListener;
  const realRemove = proto.removeEventListener;
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  const realSetInterval = window.setInterval;
  const realClearInterval = window.clearInterval;
  const realRaf = window.requestAnimationFrame;
  const realCancelRaf = window.cancelAnimationFrame;
  const mql = MediaQueryList.prototype;
  const realMqlAdd = mql.addListener;
  const realMqlRemove = mql.removeListener;

  const entries = new Set<Entry>();
  const timeouts = new Map<number, string>();
  const intervals = new Map<number, string>();
  const frames = new Map<number, string>();
  const captureOf = (options?: boolean | AddEventListenerOptions | EventListenerOptions): boolean => (typeof options === 'boolean' ? options : !!options?.capture);
  const find = (target: EventTarget, type: string, listener: Listener, capture: boolean): Entry | undefined =>
    [...entries].find((e) => e.target === target && e.type === type && e.listener === listener && e.capture === capture);

  proto.addEventListener = function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | AddEventListenerOptions) {
    const where = listener && longLived(this) ? caller() : null;
    if (where && listener) {
      const capture = captureOf(options);
      if (!find(this, type, listener, capture)) {
        const entry: Entry = { target: this, type, listener, capture, where };
        entries.add(entry);
        const once = typeof options === 'object' && options.once;
        const signal = typeof options === 'object' ? options.signal : undefined;
        // Listeners that remove themselves (once, or an aborted signal) are gone when they do.
        if (once) realAdd.call(this, type, () => entries.delete(entry), { once: true, capture });
        signal?.addEventListener('abort', () => entries.delete(entry), { once: true });
      }
    }
    return realAdd.call(this, type, listener, options);
  };
  proto.removeEventListener = function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | EventListenerOptions) {
    if (listener) {
      const entry = find(this, type, listener, captureOf(options));
      if (entry) entries.delete(entry);
    }
    return realRemove.call(this, type, listener, options);
  };
  mql.addListener = function (this: MediaQueryList, listener) {
    const where = caller();
    if (where && listener) entries.add({ target: this, type: 'change', listener: listener as Listener, capture: false, where });
    return realMqlAdd.call(this, listener);
  };
  mql.removeListener = function (this: MediaQueryList, listener) {
    const entry = listener ? find(this, 'change', listener as Listener, false) : undefined;
    if (entry) entries.delete(entry);
    return realMqlRemove.call(this, listener);
  };
  const w = window as unknown as Record<string, unknown>;
  w.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]): number => {
    const where = caller();
    const id: number = realSetTimeout(
      (...a: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') handler(...a);
      },
      ms,
      ...args,
    );
    if (where) timeouts.set(id, where);
    return id;
  };
  w.clearTimeout = (id?: number): void => {
    if (id !== undefined) timeouts.delete(id);
    realClearTimeout(id);
  };
  w.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]): number => {
    const where = caller();
    const id = realSetInterval(handler, ms, ...args);
    if (where) intervals.set(id, where);
    return id;
  };
  w.clearInterval = (id?: number): void => {
    if (id !== undefined) intervals.delete(id);
    realClearInterval(id);
  };
  w.requestAnimationFrame = (callback: FrameRequestCallback): number => {
    const where = caller();
    const id: number = realRaf((now) => {
      frames.delete(id);
      callback(now);
    });
    if (where) frames.set(id, where);
    return id;
  };
  w.cancelAnimationFrame = (id: number): void => {
    frames.delete(id);
    realCancelRaf(id);
  };

  return {
    listeners: () => [...entries].map((e) => `${e.type} (${e.where})`),
    timers: () => [...timeouts.values(), ...intervals.values(), ...frames.values()],
    stop() {
      proto.addEventListener = realAdd;
      proto.removeEventListener = realRemove;
      mql.addListener = realMqlAdd;
      mql.removeListener = realMqlRemove;
      w.setTimeout = realSetTimeout;
      w.clearTimeout = realClearTimeout;
      w.setInterval = realSetInterval;
      w.clearInterval = realClearInterval;
      w.requestAnimationFrame = realRaf;
      w.cancelAnimationFrame = realCancelRaf;
    },
  };
}
