/**
 * The optional host script of the embed (`<script type="module" src=".../embed/host.js">`): sizes
 * every `<iframe data-space-replay-embed>` on the page to the height its embed posts. Loading it
 * twice installs it once. See docs/embed.md.
 */

import { startEmbedResizer } from './resize-listener.js';

const INSTALLED = Symbol.for('space-replay.embed-host');
const holder = window as unknown as Record<symbol, unknown>;
if (!holder[INSTALLED]) holder[INSTALLED] = startEmbedResizer();

export { startEmbedResizer };
