/** Registers `<space-replay-reactions>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayReactions } from './space-replay-reactions.js';

if (globalThis.customElements && !customElements.get('space-replay-reactions')) customElements.define('space-replay-reactions', SpaceReplayReactions);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-reactions': SpaceReplayReactions;
  }
}

export { SpaceReplayReactions };
