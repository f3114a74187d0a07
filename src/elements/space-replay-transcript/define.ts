/** Registers `<space-replay-transcript>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayTranscript } from './space-replay-transcript.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-transcript')) customElements.define('space-replay-transcript', SpaceReplayTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-transcript': SpaceReplayTranscript;
  }
}

export { SpaceReplayTranscript };
