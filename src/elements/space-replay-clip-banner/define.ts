/** Registers `<space-replay-clip-banner>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayClipBanner } from './space-replay-clip-banner.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-clip-banner')) customElements.define('space-replay-clip-banner', SpaceReplayClipBanner);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-clip-banner': SpaceReplayClipBanner;
  }
}

export { SpaceReplayClipBanner };
