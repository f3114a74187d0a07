/**
 * The optional host script of the embed (`<script type="module" src=".../embed/host.js">`): sizes
 * every `<iframe data-space-replay-embed>` on the page to the height its embed posts, and keeps one
 * player playing at a time across the page and its embeds. Loading it twice installs it once. See
 * docs/embed.md.
 */

import { startEmbedPlayCoordinator } from './play-coordinator.js';
import { startEmbedResizer } from './resize-listener.js';

const INSTALLED = Symbol.for('space-replay.embed-host');
// A server importing the module (to render a page) has no window: nothing is installed there.
const holder = typeof window === 'undefined' ? undefined : (window as unknown as Record<symbol, unknown>);
if (holder && !holder[INSTALLED]) {
  const stops = [startEmbedResizer(), startEmbedPlayCoordinator()];
  holder[INSTALLED] = () => stops.forEach((stop) => stop());
}

export { startEmbedPlayCoordinator, startEmbedResizer };
