/** Registers `<space-replay-provider>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayProvider } from './space-replay-provider.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-provider')) customElements.define('space-replay-provider', SpaceReplayProvider);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-provider': SpaceReplayProvider;
  }
}

export { SpaceReplayProvider };
