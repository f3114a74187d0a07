/** Registers `<space-replay-status>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayStatus } from './space-replay-status.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-status')) customElements.define('space-replay-status', SpaceReplayStatus);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-status': SpaceReplayStatus;
  }
}

export { SpaceReplayStatus };
