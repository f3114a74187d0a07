/** Registers `<space-replay-list>` (once: a second copy of the library on the page is ignored). `<space-replay>` itself loads when a card opens. */

import { SpaceReplayList } from './space-replay-list.js';

if (!customElements.get('space-replay-list')) customElements.define('space-replay-list', SpaceReplayList);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-list': SpaceReplayList;
  }
}

export { SpaceReplayList };
