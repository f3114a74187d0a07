/** Registers `<space-replay-chapters>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayChapters } from './space-replay-chapters.js';

if (!customElements.get('space-replay-chapters')) customElements.define('space-replay-chapters', SpaceReplayChapters);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-chapters': SpaceReplayChapters;
  }
}

export { SpaceReplayChapters };
