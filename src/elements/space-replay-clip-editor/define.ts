/** Registers `<space-replay-clip-editor>` (once: a second copy of the library on the page is ignored). */

import { SpaceReplayClipEditor } from './space-replay-clip-editor.js';

// Where there is no registry (a server importing the module to render), nothing is defined.
if (globalThis.customElements && !customElements.get('space-replay-clip-editor')) customElements.define('space-replay-clip-editor', SpaceReplayClipEditor);

declare global {
  interface HTMLElementTagNameMap {
    'space-replay-clip-editor': SpaceReplayClipEditor;
  }
}

export { SpaceReplayClipEditor };
