/** Registers `<space-replay-chapters>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayChapters } from './space-replay-chapters.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-chapters')) customElements.define('space-replay-chapters', SpaceReplayChapters);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-chapters': SpaceReplayChapters;
  }
}

export { SpaceReplayChapters };
