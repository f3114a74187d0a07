/** Registers `<space-replay>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplay } from './space-replay.js';

if (!customElements.get('space-replay')) customElements.define('space-replay', SpaceReplay);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay': SpaceReplay;
  }
}

export { SpaceReplay };
