/** Test helpers that wait on conditions and events (never on bare sleeps). */

/** Resolves once `condition()` is truthy (checked every animation frame and 20 ms), rejects after `timeout` ms. */
export function waitFor<T>(condition: () => T, message = 'condition', timeout = 10_000): Promise<NonNullable<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const check = (): void => {
      let value: T;
      try {
        value = condition();
      } catch (e) {
        reject(e);
        return;
      }
      if (value) {
        resolve(value as NonNullable<T>);
        return;
      }
      if (performance.now() - started > timeout) {
        reject(new Error(`timed out after ${timeout} ms waiting for ${message}`));
        return;
      }
      setTimeout(check, 20);
    };
    check();
  });
}

/** The next `type` event on `target`, rejecting after `timeout` ms. */
export function oneEvent<E extends Event = Event>(target: EventTarget, type: string, timeout = 10_000): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, listener);
      reject(new Error(`timed out after ${timeout} ms waiting for "${type}"`));
    }, timeout);
    const listener = (event: Event): void => {
      clearTimeout(timer);
      target.removeEventListener(type, listener);
      resolve(event as E);
    };
    target.addEventListener(type, listener);
  });
}

/** Whether this browser plays HLS without hls.js (Chromium and Safari do; Firefox does not). */
export function hasNativeHls(): boolean {
  return document.createElement('audio').canPlayType('application/vnd.apple.mpegurl') !== '';
}

/** Absolute URL of a file under test/fixtures/. */
export function fixtureUrl(path: string): string {
  return new URL(`../fixtures/${path}`, import.meta.url).href;
}

