/** Registers `<space-replay-header>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayHeader } from './space-replay-header.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-header')) customElements.define('space-replay-header', SpaceReplayHeader);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-header': SpaceReplayHeader;
  }
}

export { SpaceReplayHeader };
