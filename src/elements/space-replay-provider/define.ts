/** Registers `<space-replay-provider>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayProvider } from './space-replay-provider.js';

if (!customElements.get('space-replay-provider')) customElements.define('space-replay-provider', SpaceReplayProvider);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-provider': SpaceReplayProvider;
  }
}

export { SpaceReplayProvider };
