/** Registers `<space-replay-live>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayLive } from './space-replay-live.js';

if (globalThis.customElements && !customElements.get('space-replay-live')) customElements.define('space-replay-live', SpaceReplayLive);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-live': SpaceReplayLive;
  }
}

export { SpaceReplayLive };
