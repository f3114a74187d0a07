/** A connection the test drops and restores: what `navigator.onLine` reads (fault injection). */
export interface FakeNetwork {
  /** Whether `navigator.onLine` reads false now. */
  offline: boolean;
  /** Back online: `navigator.onLine` reads true and the window gets its `online` event. */
  reconnect(): void;
  /** `navigator.onLine` is the browser's own again. */
  restore(): void;
}

/** Makes `navigator.onLine` read `!network.offline` until `restore()`. */
export function fakeNetwork(offline: boolean): FakeNetwork {
  const network: FakeNetwork = {
    offline,
    reconnect() {
      network.offline = false;
      window.dispatchEvent(new Event('online'));
    },
    restore() {
      // The own property shadowed Navigator.prototype's getter; without it that one reads again.
      delete (navigator as { onLine?: boolean }).onLine;
    },
  };
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !network.offline });
  return network;
}
