/** Registers `<space-replay-transcript>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayTranscript } from './space-replay-transcript.js';

if (!customElements.get('space-replay-transcript')) customElements.define('space-replay-transcript', SpaceReplayTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-transcript': SpaceReplayTranscript;
  }
}

export { SpaceReplayTranscript };
