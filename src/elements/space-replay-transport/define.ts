/** Registers `<space-replay-transport>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayTransport } from './space-replay-transport.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-transport')) customElements.define('space-replay-transport', SpaceReplayTransport);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-transport': SpaceReplayTransport;
  }
}

export { SpaceReplayTransport };
