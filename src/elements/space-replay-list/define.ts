/** Registers `<space-replay-list>` (once: a second copy of the library on the page is ignored). `<space-replay>` itself loads when a card opens. */

import { SpaceReplayList } from './space-replay-list.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-list')) customElements.define('space-replay-list', SpaceReplayList);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-list': SpaceReplayList;
  }
}

export { SpaceReplayList };
