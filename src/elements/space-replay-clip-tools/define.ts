/** Registers `<space-replay-clip-tools>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayClipTools } from './space-replay-clip-tools.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-clip-tools')) customElements.define('space-replay-clip-tools', SpaceReplayClipTools);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-clip-tools': SpaceReplayClipTools;
  }
}

export { SpaceReplayClipTools };
