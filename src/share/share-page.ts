/**
 * The static share page of a recording or clip: Open Graph and Twitter player-card tags for
 * crawlers, an oEmbed discovery link, and the player. Every interpolated value is escaped by
 * {@link escapeHtml}; the only script is a constant (see {@link CLIP_RANGE_SCRIPT}).
 */

import { formatFragmentTime } from '../model/time.js';
import { escapeHtml } from './html-escape.js';
import type { ShareCard } from './share-card.js';
import { shareTextFor } from './share-text.js';

/**
 * The page's inline module, the same bytes on every page (so a CSP can allow it by hash, see
 * docs/share.md). Crawlers never see a `#fragment`, so a clip page carries its range in the
 * player's `data-clip` attribute (or the page URL's `?clip=START,END`); before the player starts,
 * this turns it into the `#t=START,END` clip link the player reads. A `t=` already in the fragment wins.
 */
export const CLIP_RANGE_SCRIPT =
  "const p=document.querySelector('space-replay[data-clip]');" +
  "const c=(p&&p.dataset.clip)||new URLSearchParams(location.search).get('clip');" +
  "if(c&&/^\\d+(\\.\\d+)?,\\d+(\\.\\d+)?$/.test(c)&&!/(^#|&)t=/.test(location.hash))history.replaceState(history.state,'','#t='+c);";

function meta(kind: 'property' | 'name', key: string, value: string | number | undefined): string {
  return value === undefined || value === '' ? '' : `    <meta ${kind}="${escapeHtml(key)}" content="${escapeHtml(value)}">\n`;
}

/** The HTML of the share page of `card` (from `buildShareCard`). */
export function renderSharePage(card: ShareCard): string {
  const text = shareTextFor(card.lang);
  const range = card.clip ? `${formatFragmentTime(card.clip.start)},${formatFragmentTime(card.clip.end)}` : undefined;
  const twitterCard = card.image ? 'player' : 'summary';
  const head =
    `    <meta charset="utf-8">\n` +
    `    <meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `    <meta name="color-scheme" content="light dark">\n` +
    `    <title>${escapeHtml(card.title)}</title>\n` +
    meta('name', 'description', card.description) +
    `    <link rel="canonical" href="${escapeHtml(card.pageUrl)}">\n` +
    `    <link rel="alternate" type="application/json+oembed" href="${escapeHtml(card.oembedUrl)}" title="${escapeHtml(card.title)}">\n` +
    meta('property', 'og:type', 'website') +
    meta('property', 'og:site_name', card.siteName) +
    meta('property', 'og:title', card.title) +
    meta('property', 'og:description', card.description) +
    meta('property', 'og:url', card.pageUrl) +
    meta('property', 'og:locale', card.lang.replace('-', '_')) +
    meta('property', 'og:image', card.image) +
    (card.image ? meta('property', 'og:image:alt', text.imageAlt(card.title)) : '') +
    meta('property', 'og:audio', card.audio?.url) +
    (card.audio?.url.startsWith('https:') ? meta('property', 'og:audio:secure_url', card.audio.url) : '') +
    meta('property', 'og:audio:type', card.audio?.type) +
    meta('name', 'twitter:card', twitterCard) +
    meta('name', 'twitter:title', card.title) +
    meta('name', 'twitter:description', card.description) +
    meta('name', 'twitter:image', card.image) +
    (twitterCard === 'player'
      ? meta('name', 'twitter:player', card.playerUrl) +
        meta('name', 'twitter:player:width', card.width) +
        meta('name', 'twitter:player:height', card.height) +
        meta('name', 'twitter:player:stream', card.audio?.url) +
        meta('name', 'twitter:player:stream:content_type', card.audio?.type)
      : '') +
    `    <script type="module">${CLIP_RANGE_SCRIPT}</script>\n` +
    `    <script type="module" src="${escapeHtml(card.playerScriptUrl)}"></script>\n`;
  const audio = card.audio ? `${card.audio.url}${range ? `#t=${range}` : ''}` : undefined;
  const body =
    `    <main>\n` +
    `      <space-replay deep-link src="${escapeHtml(card.manifestUrl)}"${range ? ` data-clip="${escapeHtml(range)}"` : ''}></space-replay>\n` +
    `      <noscript>\n` +
    `        <h1>${escapeHtml(card.title)}</h1>\n` +
    `        <p>${escapeHtml(card.description)}</p>\n` +
    (audio ? `        <p>${escapeHtml(text.noScript)}</p>\n        <audio controls preload="none" src="${escapeHtml(audio)}"></audio>\n` : '') +
    `      </noscript>\n` +
    `    </main>\n`;
  return `<!doctype html>\n<html lang="${escapeHtml(card.lang)}">\n  <head>\n${head}  </head>\n  <body>\n${body}  </body>\n</html>\n`;
}
