/** Registers `<space-replay>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplay } from './space-replay.js';

if (!customElements.get('space-replay')) customElements.define('space-replay', SpaceReplay);
// Starting one player pauses the others. Its own small chunk: no player can play before its
// manifest has loaded, by which time this has long been installed.
void import('../shared/playing-coordinator.js').then((m) => m.installPlayingCoordinator());

declare global {
  interface HTMLElementTagNameMap {
    'space-replay': SpaceReplay;
  }
}

export { SpaceReplay };
