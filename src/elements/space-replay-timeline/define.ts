/** Registers `<space-replay-timeline>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayTimeline } from './space-replay-timeline.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-timeline')) customElements.define('space-replay-timeline', SpaceReplayTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-timeline': SpaceReplayTimeline;
  }
}

export { SpaceReplayTimeline };
