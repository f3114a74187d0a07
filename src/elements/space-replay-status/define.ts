/** Registers `<space-replay-status>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayStatus } from './space-replay-status.js';

if (!customElements.get('space-replay-status')) customElements.define('space-replay-status', SpaceReplayStatus);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-status': SpaceReplayStatus;
  }
}

export { SpaceReplayStatus };
