/**
 * The embed page's script (`embed.html?src=MANIFEST_URL`): one full-bleed `<space-replay>`, themed
 * by the query parameters, that posts its height to the parent page so an iframe can fit it, says
 * when it starts playing, and pauses when the parent asks (docs/embed.md). The parent's origin is
 * the only target: messages never go to `*`.
 */

import '../elements/space-replay/define.js';
import { readEmbedParams, type EmbedParams } from './embed-params.js';
import { isPauseMessage, PLAYING_MESSAGE_TYPE, type PlayingMessage } from './play-message.js';
import { RESIZE_MESSAGE_TYPE, MAX_EMBED_HEIGHT, type ResizeMessage } from './resize-message.js';

/** Starts the embed in `doc` (the page's own document): returns the params it read. */
export function startEmbed(doc: Document = document): EmbedParams {
  const win = doc.defaultView!;
  const ancestors = win.location.ancestorOrigins;
  const params = readEmbedParams(win.location.href, {
    referrer: doc.referrer,
    ...(ancestors ? { ancestorOrigins: [...ancestors] } : {}),
  });
  const root = doc.documentElement;
  if (params.lang) root.lang = params.lang;
  if (params.theme !== 'auto') root.dataset.theme = params.theme;

  const main = doc.querySelector('main') ?? doc.body;
  let content: HTMLElement;
  if (params.src) {
    const player = doc.createElement('space-replay');
    if (params.theme !== 'auto') player.setAttribute('theme', params.theme);
    if (params.accent) player.style.setProperty('--space-replay-accent', params.accent);
    // Clip links (`#t=START,END` on the embed URL) open as clips, as on a page with the player.
    player.setAttribute('deep-link', '');
    player.src = params.src;
    content = player;
  } else {
    content = doc.createElement('p');
    content.setAttribute('role', 'alert');
    content.className = 'embed-error';
    // Plain text: the reason may quote the URL it refused.
    content.textContent = `This embed cannot play: ${params.srcError ?? 'no recording'}.`;
  }
  main.replaceChildren(content);

  const framed = win.parent !== win;
  const target = params.parentOrigin;
  if (framed && target) {
    let last = 0;
    const post = (): void => {
      const height = Math.min(MAX_EMBED_HEIGHT, Math.ceil(content.getBoundingClientRect().height));
      // Zero: the player has not rendered yet; collapsing the iframe to nothing would only flicker.
      if (height < 1 || height === last) return;
      last = height;
      const message: ResizeMessage = { type: RESIZE_MESSAGE_TYPE, height, ...(params.id ? { id: params.id } : {}) };
      win.parent.postMessage(message, target);
    };
    new ResizeObserver(post).observe(content);
    // A page in a background tab gets no ResizeObserver callbacks until shown; these say it anyway.
    for (const type of ['space-replay-ready', 'space-replay-error']) content.addEventListener(type, () => requestAnimationFrameOrNow(win, post));
    post();
    // One player at a time across the host page (with the host script): say when this one starts,
    // and pause when the parent says so. Only the parent window at the parent origin is heard.
    const player = content;
    player.addEventListener('space-replay-play', () => {
      const message: PlayingMessage = { type: PLAYING_MESSAGE_TYPE, ...(params.id ? { id: params.id } : {}) };
      win.parent.postMessage(message, target);
    });
    win.addEventListener('message', (event) => {
      if (event.source === win.parent && event.origin === target && isPauseMessage(event.data)) (player as HTMLElement & { pause?: () => void }).pause?.();
    });
  }
  return params;
}

/** Runs `callback` after the next layout when the page is shown, at once when it is hidden (no frames come then). */
function requestAnimationFrameOrNow(win: Window, callback: () => void): void {
  if (win.document.visibilityState === 'hidden') callback();
  else win.requestAnimationFrame(() => callback());
}

startEmbed();
