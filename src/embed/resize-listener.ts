/**
 * The host side of the embed's resize message: sizes each embed iframe to the height its page
 * posts. A message counts only when it comes from that iframe's window (`event.source`) and from
 * the origin of its `src` (`event.origin`); everything else is ignored.
 */

import { isResizeMessage } from './resize-message.js';

/** Options of {@link startEmbedResizer}. */
export interface EmbedResizerOptions {
  /** Which iframes to size (default `iframe[data-space-replay-embed]`). */
  selector?: string;
  /** Where to look for them (default `document`). */
  root?: ParentNode;
  /** The window whose messages are read (default `window`). */
  window?: Window;
}

/** The origin of an iframe's `src`, or `undefined` for an opaque one (`about:`, `data:`, `srcdoc`). */
export function iframeOrigin(iframe: HTMLIFrameElement): string | undefined {
  try {
    const origin = new URL(iframe.src, iframe.ownerDocument.baseURI).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The embed iframe (one matching `selector` under `root`) that sent `event`: its window is the
 * source and its `src` origin the message's origin. Anything else sent nothing this host listens to.
 */
export function senderEmbed(event: MessageEvent, root: ParentNode, selector: string): HTMLIFrameElement | undefined {
  if (!event.source) return undefined;
  for (const iframe of root.querySelectorAll<HTMLIFrameElement>(selector)) {
    if (iframe.contentWindow === event.source) return event.origin === iframeOrigin(iframe) ? iframe : undefined;
  }
  return undefined;
}

/**
 * Listens for resize messages and sets the height of the matching iframe. Returns a function that
 * stops listening. Each applied resize fires `space-replay-embed-resize` (`{height}`) on the iframe.
 */
export function startEmbedResizer(options: EmbedResizerOptions = {}): () => void {
  const win = options.window ?? window;
  const selector = options.selector ?? 'iframe[data-space-replay-embed]';
  const root = options.root ?? win.document;
  const onMessage = (event: MessageEvent): void => {
    if (!isResizeMessage(event.data)) return;
    const iframe = senderEmbed(event, root, selector);
    if (!iframe) return;
    const height = event.data.height;
    iframe.style.height = `${height}px`;
    iframe.dispatchEvent(new CustomEvent('space-replay-embed-resize', { detail: { height }, bubbles: true }));
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}
