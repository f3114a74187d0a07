/** Registers `<space-replay>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplay } from './space-replay.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay')) customElements.define('space-replay', SpaceReplay);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay': SpaceReplay;
  }
}

export { SpaceReplay };
