/** Registers `<space-replay-transport>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayTransport } from './space-replay-transport.js';

if (!customElements.get('space-replay-transport')) customElements.define('space-replay-transport', SpaceReplayTransport);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-transport': SpaceReplayTransport;
  }
}

export { SpaceReplayTransport };
