/** Registers `<space-replay-speakers>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplaySpeakers } from './space-replay-speakers.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-speakers')) customElements.define('space-replay-speakers', SpaceReplaySpeakers);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-speakers': SpaceReplaySpeakers;
  }
}

export { SpaceReplaySpeakers };
