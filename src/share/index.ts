/**
 * `space-replay/share`: share pages with Open Graph and Twitter player cards, and oEmbed answers,
 * for a recording or a clip. Pure (strings in, strings out): for the `share` command and for
 * servers that render their own pages. See docs/share.md.
 */

export { buildShareCard, EMBED_WIDTH } from './share-card.js';
export { embedHeight, type EmbedLayout } from './embed-height.js';
export type { ShareCard, ShareCardResult, ShareClip, ShareOptions } from './share-card.js';
export { renderSharePage, CLIP_RANGE_SCRIPT } from './share-page.js';
export { renderOEmbed } from './oembed.js';
export type { OEmbedOptions, OEmbedRich } from './oembed.js';
export { clipQuote } from './clip-quote.js';
export type { ClipQuote, ClipQuoteOptions } from './clip-quote.js';
export { escapeHtml } from './html-escape.js';
