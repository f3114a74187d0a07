/**
 * The host side of the embed's play messages: one player at a time across the page and its embed
 * iframes. When an embed says it started playing, every other embed iframe is told to pause, and so
 * is every `<space-replay>` of the page itself; when a player of the page starts, every embed is
 * told to pause. A playing message counts only from an embed iframe's window and the origin of its
 * `src`, as the resize message (resize-listener.ts); a pause goes only to that origin.
 */

import { iframeOrigin } from './resize-listener.js';
import { isPlayingMessage, PAUSE_MESSAGE_TYPE, type PauseMessage } from './play-message.js';

/** Options of {@link startEmbedPlayCoordinator}. */
export interface EmbedPlayCoordinatorOptions {
  /** Which iframes take part (default `iframe[data-space-replay-embed]`). */
  selector?: string;
  /** Where to look for them (default `document`). */
  root?: ParentNode;
  /** The window whose messages are read (default `window`). */
  window?: Window;
}

interface Pausable extends EventTarget {
  pause(): void;
}

/** Starts coordinating; returns a function that stops it. */
export function startEmbedPlayCoordinator(options: EmbedPlayCoordinatorOptions = {}): () => void {
  const win = options.window ?? window;
  const selector = options.selector ?? 'iframe[data-space-replay-embed]';
  const root = options.root ?? win.document;
  // Players of the page itself that are playing (they may sit in shadow roots: tracked by event).
  const playing = new Set<Pausable>();

  const pauseEmbeds = (except: MessageEventSource | null): void => {
    const message: PauseMessage = { type: PAUSE_MESSAGE_TYPE };
    for (const iframe of root.querySelectorAll<HTMLIFrameElement>(selector)) {
      const origin = iframeOrigin(iframe);
      if (!origin || !iframe.contentWindow || iframe.contentWindow === except) continue;
      iframe.contentWindow.postMessage(message, origin);
    }
  };

  const onMessage = (event: MessageEvent): void => {
    if (!event.source || !isPlayingMessage(event.data)) return;
    for (const iframe of root.querySelectorAll<HTMLIFrameElement>(selector)) {
      if (iframe.contentWindow !== event.source) continue;
      if (event.origin !== iframeOrigin(iframe)) return;
      pauseEmbeds(event.source);
      for (const player of [...playing]) player.pause();
      playing.clear();
      return;
    }
  };
  const onPlay = (event: Event): void => {
    const player = event.composedPath()[0] as Pausable | undefined;
    if (player && typeof player.pause === 'function') playing.add(player);
    pauseEmbeds(null);
  };
  const onStop = (event: Event): void => {
    playing.delete(event.composedPath()[0] as Pausable);
  };

  const doc = win.document;
  win.addEventListener('message', onMessage);
  doc.addEventListener('space-replay-play', onPlay, true);
  doc.addEventListener('space-replay-pause', onStop, true);
  doc.addEventListener('space-replay-ended', onStop, true);
  return () => {
    win.removeEventListener('message', onMessage);
    doc.removeEventListener('space-replay-play', onPlay, true);
    doc.removeEventListener('space-replay-pause', onStop, true);
    doc.removeEventListener('space-replay-ended', onStop, true);
    playing.clear();
  };
}
