/**
 * The host side of the embed's play messages: one player at a time across the page and its embed
 * iframes. When an embed says it started playing, every other embed iframe is told to pause, and so
 * is every `<space-replay>` of the page itself; when a player of the page starts, every embed is
 * told to pause. A playing message counts only from an embed iframe's window and the origin of its
 * `src`, as the resize message (resize-listener.ts); a pause goes only to that origin.
 */

import { trackPlayers } from '../elements/shared/playing-coordinator.js';
import { iframeOrigin, senderEmbed } from './resize-listener.js';
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

/** Starts coordinating; returns a function that stops it. */
export function startEmbedPlayCoordinator(options: EmbedPlayCoordinatorOptions = {}): () => void {
  const win = options.window ?? window;
  const selector = options.selector ?? 'iframe[data-space-replay-embed]';
  const root = options.root ?? win.document;
  const pauseEmbeds = (except: MessageEventSource | null): void => {
    const message: PauseMessage = { type: PAUSE_MESSAGE_TYPE };
    for (const iframe of root.querySelectorAll<HTMLIFrameElement>(selector)) {
      const origin = iframeOrigin(iframe);
      if (!origin || !iframe.contentWindow || iframe.contentWindow === except) continue;
      iframe.contentWindow.postMessage(message, origin);
    }
  };

  // Players of the page itself: when one starts, every embed is told to pause.
  const { playing, stop } = trackPlayers(win.document, () => pauseEmbeds(null));
  // An embed started: the other embeds and the page's players pause.
  const onMessage = (event: MessageEvent): void => {
    if (!isPlayingMessage(event.data) || !senderEmbed(event, root, selector)) return;
    pauseEmbeds(event.source);
    for (const player of [...playing]) player.pause();
    playing.clear();
  };
  win.addEventListener('message', onMessage);
  return () => {
    win.removeEventListener('message', onMessage);
    stop();
  };
}
