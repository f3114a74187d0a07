/**
 * The embed page's query parameters (`embed.html?src=…&theme=dark&accent=ff5500&lang=fr&id=…&origin=…`),
 * each checked strictly: anything that does not match is ignored (or, for `src`, reported). Pure.
 */

import { isLanguageTag } from '../manifest/schema.js';
import { checkUrl } from '../manifest/url-rules.js';

/** The embed's colour scheme: forced light or dark, or the viewer's (`auto`). */
export type EmbedTheme = 'light' | 'dark' | 'auto';

/** What the embed page was asked to show, and how. */
export interface EmbedParams {
  /** The manifest URL, absolute, when `src` is usable. */
  src?: string;
  /** Why `src` is not usable, when it is not. */
  srcError?: string;
  /** `theme`: `light`, `dark`, else `auto`. */
  theme: EmbedTheme;
  /** `accent`: a hex colour `#rgb`, `#rrggbb` or `#rrggbbaa` (the `#` may be left out), written with `#`. */
  accent?: string;
  /** `lang`: a BCP 47 tag. */
  lang?: string;
  /** `id`: echoed in resize messages (1–200 characters). */
  id?: string;
  /** The origin resize messages are posted to; `undefined`: not known, so none are posted. */
  parentOrigin?: string;
}

/** What the embed knows about its parent besides its own URL. */
export interface EmbedContext {
  /** `document.referrer`. */
  referrer?: string;
  /** `location.ancestorOrigins` as an array (Chromium and Safari have it). */
  ancestorOrigins?: readonly string[];
}

const HEX_COLOUR = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** `value` when it is exactly an `https:` origin, or an `http:` one on localhost; else undefined. */
export function webOrigin(value: string | null | undefined): string | undefined {
  if (!value || !checkUrl(value).ok) return undefined;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return webOrigin(new URL(url).origin);
  } catch {
    return undefined;
  }
}

/**
 * Reads the embed's parameters from its own URL. The parent origin comes from `origin=` (an exact
 * origin), else the browser's `ancestorOrigins`, else the referrer's origin; never `*`.
 */
export function readEmbedParams(pageUrl: string, context: EmbedContext = {}): EmbedParams {
  const url = new URL(pageUrl);
  const query = url.searchParams;
  const params: EmbedParams = { theme: 'auto' };

  const src = query.get('src');
  if (!src) params.srcError = 'no src parameter: add ?src= and the manifest URL';
  else {
    const check = checkUrl(src);
    if (!check.ok) params.srcError = `src: ${check.reason}`;
    else params.src = new URL(src, url).href;
  }

  const theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') params.theme = theme;
  const accent = query.get('accent');
  if (accent && HEX_COLOUR.test(accent)) params.accent = `#${accent.replace(/^#/, '').toLowerCase()}`;
  const lang = query.get('lang');
  if (lang && isLanguageTag(lang)) params.lang = lang;
  const id = query.get('id');
  if (id && id.length <= 200) params.id = id;

  const parent = webOrigin(query.get('origin')) ?? originOf(context.ancestorOrigins?.[0]) ?? originOf(context.referrer);
  if (parent) params.parentOrigin = parent;
  return params;
}
