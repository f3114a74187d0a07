/** Registers `<space-replay-room>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayRoom } from './space-replay-room.js';

if (globalThis.customElements && !customElements.get('space-replay-room')) customElements.define('space-replay-room', SpaceReplayRoom);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-room': SpaceReplayRoom;
  }
}

export { SpaceReplayRoom };
