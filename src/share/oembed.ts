/**
 * The oEmbed answer (https://oembed.com, type `rich`) of a share card: an iframe of the embed page,
 * which posts its height so the optional host script can fit the iframe (docs/embed.md).
 */

import { escapeHtml } from './html-escape.js';
import type { ShareCard } from './share-card.js';

/** An oEmbed 1.0 `rich` response. */
export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  /** The iframe markup. */
  html: string;
  /** Width of `html`, pixels. */
  width: number;
  /** Height of `html`, pixels. */
  height: number;
  title: string;
  provider_name: string;
  author_name?: string;
  author_url?: string;
}

/** Options of {@link renderOEmbed}: a consumer's `maxwidth` and `maxheight` request parameters. */
export interface OEmbedOptions {
  /** Largest width the consumer accepts, pixels. */
  maxWidth?: number;
  /** Largest height the consumer accepts, pixels. */
  maxHeight?: number;
}

/**
 * The oEmbed JSON of `card`: an iframe as tall as the player is at its width (a narrower
 * `maxWidth` makes it taller, as the player wraps). `maxWidth`/`maxHeight` are never exceeded
 * above the floor of 280 by 120; below the player's height the iframe scrolls.
 */
export function renderOEmbed(card: ShareCard, options: OEmbedOptions = {}): OEmbedRich {
  const limit = (value: number, max: number | undefined, floor: number): number =>
    max !== undefined && Number.isFinite(max) && max > 0 ? Math.max(floor, Math.min(value, Math.floor(max))) : value;
  const width = limit(card.width, options.maxWidth, 280);
  // The sampled width at or below the iframe's: the player is no shorter there.
  const fit = [...card.heights].reverse().find((h) => h.width <= width) ?? card.heights[0];
  const height = limit(width >= card.width ? card.height : (fit?.height ?? card.height), options.maxHeight, 120);
  const html =
    `<iframe src="${escapeHtml(card.playerUrl)}" width="${width}" height="${height}" title="${escapeHtml(card.title)}" ` +
    `style="border:0;max-width:100%" loading="lazy" allow="autoplay; encrypted-media" referrerpolicy="origin" ` +
    `sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-space-replay-embed></iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    html,
    width,
    height,
    title: card.title,
    provider_name: card.siteName,
    ...(card.author ? { author_name: card.author.name, ...(card.author.url ? { author_url: card.author.url } : {}) } : {}),
  };
}
