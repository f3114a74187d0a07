/**
 * What a share page says about a recording or a clip: its URLs, title, description, image and
 * audio, computed once from the manifest and checked (clip range, clip consent, expiry, absolute
 * URLs). The page and oEmbed renderers only format a card, so they cannot fail.
 */

import { formatList } from '../i18n/list-format.js';
import { isExpired } from '../manifest/expiry.js';
import type { Manifest, Participant } from '../manifest/types.js';
import { checkUrl, resolveManifestUrl } from '../manifest/url-rules.js';
import { checkClipConsent } from '../model/clip-consent.js';
import { formatFragmentTime, formatTime } from '../model/time.js';
import type { Transcript } from '../model/transcript/transcript.js';
import { clipQuote } from './clip-quote.js';
import { embedHeights } from './embed-height.js';
import { shareTextFor } from './share-text.js';

/** Default size of the embedded player, CSS pixels (oEmbed and Twitter player cards need one). */
export const EMBED_WIDTH = 640;

const PROGRESSIVE_TYPES = ['audio/mp4', 'audio/mpeg', 'audio/aac', 'audio/ogg'];

/** A clip to share: a range, or the id of one of the manifest's `clips`. */
export type ShareClip = { start: number; end: number } | { clipId: string };

/** Options of {@link buildShareCard}. */
export interface ShareOptions {
  /** Where the share pages are published, an absolute https: URL of a folder (`https://example.org/share/launch/`). */
  baseUrl: string;
  /** The manifest's public absolute URL: the player's `src` and the embed's `src`. */
  manifestUrl: string;
  /** The published `embed.html` (absolute), for oEmbed and Twitter's player card. */
  embedUrl: string;
  /** The player's module script (absolute), loaded by the share page. */
  playerScriptUrl: string;
  /** A clip instead of the whole recording. */
  clip?: ShareClip;
  /** The recording's transcript, for a clip's quote. */
  transcript?: Transcript;
  /** The card image; default the manifest's `x-image` (a URL), else the host's avatar. */
  image?: string;
  /** Site name for `og:site_name` and oEmbed `provider_name` (default `space-replay`). */
  siteName?: string;
  /** Language of the texts (default the manifest's `language`, else `en`). */
  lang?: string;
  /** Clip page URLs: `path` (`clip-90-120.html`, for static files; default) or `query` (`?clip=90,120`, for servers). */
  clipUrls?: 'path' | 'query';
  /** The time expiry is judged at, ms since the epoch (default now). */
  now?: number;
}

/** Everything a share page and its oEmbed answer say. All URLs absolute. */
export interface ShareCard {
  /** `recording` or `clip`. */
  kind: 'recording' | 'clip';
  /** Page title (and `og:title`). */
  title: string;
  /** `og:description`: host, date and length, or a clip's quote and speaker. */
  description: string;
  /** Language of the texts. */
  lang: string;
  /** The page's canonical URL. */
  pageUrl: string;
  /** File name of the page in a static folder (`index.html`, `clip-90-120.html`). */
  fileName: string;
  /** The oEmbed JSON URL. */
  oembedUrl: string;
  /** File name of the oEmbed JSON (`oembed.json`, `clip-90-120.oembed.json`). */
  oembedFileName: string;
  /** The manifest URL. */
  manifestUrl: string;
  /** The iframe URL: `embed.html?src=MANIFEST[&t=START,END]`. */
  playerUrl: string;
  /** The player's module script. */
  playerScriptUrl: string;
  /** The card image. */
  image?: string;
  /** The progressive audio file (`og:audio`), with its MIME type. */
  audio?: { url: string; type: string };
  /** The clip range, seconds. */
  clip?: { start: number; end: number; id?: string };
  /** Site name. */
  siteName: string;
  /** The host's name and profile link, for oEmbed's author fields. */
  author?: { name: string; url?: string };
  /** Embed size, CSS pixels. */
  width: number;
  /** Embed height at `width`, CSS pixels: the player's height for this recording's layout (embed-height.ts). */
  height: number;
  /** The embed's height at narrower widths, narrowest first (for a consumer's `maxwidth`). */
  heights: { width: number; height: number }[];
}

/** The card, or what is wrong (in words that name the option or manifest field). */
export type ShareCardResult = { ok: true; card: ShareCard } | { ok: false; message: string };

function absolute(value: unknown, name: string): string | { error: string } {
  const check = checkUrl(value);
  if (!check.ok) return { error: `${name}: ${check.reason}` };
  try {
    return new URL(value as string).href;
  } catch {
    return { error: `${name}: must be an absolute URL (got ${JSON.stringify(value)})` };
  }
}

function host(manifest: Manifest): Participant | undefined {
  const recorded = manifest.participants.filter((p) => p.consent.record);
  return recorded.find((p) => p.role === 'host') ?? recorded.find((p) => p.role === 'co-host');
}

function dateOf(startedAt: string, lang: string): string {
  const date = new Date(startedAt);
  try {
    // UTC: a static page must not depend on the time zone of the machine that wrote it.
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return startedAt.slice(0, 10);
  }
}

function resolveClip(manifest: Manifest, clip: ShareClip): { start: number; end: number; id?: string; title?: string } | { error: string } {
  if ('clipId' in clip) {
    const found = manifest.clips?.find((c) => c.id === clip.clipId);
    if (!found) {
      const ids = (manifest.clips ?? []).map((c) => c.id);
      return { error: `clip "${clip.clipId}" is not in the manifest's clips${ids.length ? ` (it has: ${ids.join(', ')})` : ' (it has none)'}` };
    }
    return { start: found.startTime, end: Math.min(found.endTime, manifest.duration), id: found.id, ...(found.title ? { title: found.title } : {}) };
  }
  const { start, end } = clip;
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0) return { error: `clip ${start},${end}: start and end must be numbers of seconds, 0 or more` };
  if (end <= start) return { error: `clip ${start},${end}: the end must be after the start` };
  if (start >= manifest.duration) return { error: `clip ${start},${end}: starts after the recording ends (${manifest.duration} s)` };
  return { start, end: Math.min(end, manifest.duration) };
}

/**
 * Builds the share card of `manifest` (a parsed manifest; relative URLs in it resolve against
 * `options.manifestUrl`), or of one of its clips. Refuses an expired recording, a clip outside the
 * recording, an unknown clip id, a clip overlapping someone who did not consent to clips, and
 * option URLs that are not absolute `https:` (or `http:` on localhost). Never throws.
 */
export function buildShareCard(manifest: Manifest, options: ShareOptions): ShareCardResult {
  try {
    return build(manifest, options);
  } catch (e) {
    return { ok: false, message: `the share card could not be made: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function build(manifest: Manifest, options: ShareOptions): ShareCardResult {
  const urls: Record<string, string> = {};
  for (const name of ['baseUrl', 'manifestUrl', 'embedUrl', 'playerScriptUrl'] as const) {
    const url = absolute(options[name], name);
    if (typeof url !== 'string') return { ok: false, message: url.error };
    urls[name] = url;
  }
  const now = options.now ?? Date.now();
  if (isExpired(manifest, now)) return { ok: false, message: `the recording expired at ${manifest.retention?.expiresAt}: nothing to share` };
  const lang = options.lang ?? manifest.language ?? 'en';
  const text = shareTextFor(lang);
  const resolve = (url: unknown): string | undefined => {
    const r = resolveManifestUrl(url, urls.manifestUrl!);
    return r.ok ? r.url : undefined;
  };
  // The base names a folder: the recording's page is the folder itself (its index.html).
  const folder = new URL(urls.baseUrl!);
  folder.search = '';
  folder.hash = '';
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  const base = folder.href;

  let clip: ShareCard['clip'];
  let clipTitle: string | undefined;
  if (options.clip) {
    const resolved = resolveClip(manifest, options.clip);
    if ('error' in resolved) return { ok: false, message: resolved.error };
    const consent = checkClipConsent(manifest, resolved.start, resolved.end);
    if (!consent.ok) {
      const names = consent.participants.map((p) => p.name).join(', ');
      return { ok: false, message: `clip ${formatFragmentTime(resolved.start)},${formatFragmentTime(resolved.end)} includes ${names}, who did not consent to clips` };
    }
    clip = { start: resolved.start, end: resolved.end, ...(resolved.id ? { id: resolved.id } : {}) };
    clipTitle = resolved.title;
  }

  const range = clip ? `${formatFragmentTime(clip.start)},${formatFragmentTime(clip.end)}` : undefined;
  const stem = clip ? `clip-${formatFragmentTime(clip.start)}-${formatFragmentTime(clip.end)}` : undefined;
  const fileName = stem ? `${stem}.html` : 'index.html';
  const oembedFileName = stem ? `${stem}.oembed.json` : 'oembed.json';
  let pageUrl: string;
  if (!clip) pageUrl = base;
  else if (options.clipUrls === 'query') {
    const page = new URL(base);
    page.searchParams.set('clip', range!);
    pageUrl = page.href;
  } else pageUrl = new URL(fileName, base).href;

  const player = new URL(urls.embedUrl!);
  player.searchParams.set('src', urls.manifestUrl!);
  if (range) player.searchParams.set('t', range);

  const hostPerson = host(manifest);
  const hours = manifest.duration >= 3600;
  let title = manifest.title;
  let description: string;
  if (clip) {
    const start = formatTime(clip.start, { forceHours: hours });
    const end = formatTime(clip.end, { forceHours: hours });
    title = clipTitle ?? text.clipTitle(start, end, manifest.title);
    const quote = options.transcript ? clipQuote(options.transcript, manifest, clip.start, clip.end, { redactedMark: text.redacted }) : undefined;
    description = quote ? text.quote(quote.text, quote.speaker) : text.clipFrom(manifest.title);
  } else {
    const others = manifest.participants
      .filter((p) => p.consent.record && p !== hostPerson && p.role !== 'listener')
      .map((p) => p.name);
    const parts = [
      hostPerson ? text.hostedBy(hostPerson.name) : undefined,
      others.length > 0 ? text.with(formatList(others.slice(0, 5), lang)) : undefined,
      manifest.status === 'live' ? text.live : dateOf(manifest.startedAt, lang),
      formatTime(manifest.duration),
    ];
    description = parts.filter((p): p is string => p !== undefined).join(' · ');
  }

  const xImage = manifest['x-image'];
  const image = options.image !== undefined ? resolve(options.image) : (typeof xImage === 'string' ? resolve(xImage) : undefined) ?? resolve(hostPerson?.avatar);
  const progressive = manifest.audio.find((a) => PROGRESSIVE_TYPES.includes(a.type));
  const audioUrl = progressive ? resolve(progressive.url) : undefined;
  const hostHref = resolve(hostPerson?.href);

  const heights = embedHeights(manifest, clip !== undefined);
  const card: ShareCard = {
    kind: clip ? 'clip' : 'recording',
    title,
    description,
    lang,
    pageUrl,
    fileName,
    oembedUrl: new URL(oembedFileName, base).href,
    oembedFileName,
    manifestUrl: urls.manifestUrl!,
    playerUrl: player.href,
    playerScriptUrl: urls.playerScriptUrl!,
    ...(image ? { image } : {}),
    ...(audioUrl && progressive ? { audio: { url: audioUrl, type: progressive.type } } : {}),
    ...(clip ? { clip } : {}),
    siteName: options.siteName ?? 'space-replay',
    ...(hostPerson ? { author: { name: hostPerson.name, ...(hostHref ? { url: hostHref } : {}) } } : {}),
    width: EMBED_WIDTH,
    height: heights.at(-1)!.height,
    heights,
  };
  return { ok: true, card };
}
