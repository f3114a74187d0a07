/**
 * Every URL field of a manifest in one place: for resolving relative URLs against the manifest's
 * own URL, and for a player or tool that wants to list or re-check them.
 */

import { childPath } from './issues.js';
import { isLicenseUrl } from './license.js';
import { resolveManifestUrl } from './url-rules.js';
import type { Manifest } from './types.js';

/** A URL found in a manifest and where it is. */
export interface ManifestUrl {
  /** Path like `audio[0].url`. */
  path: string;
  /** The URL as written (or as resolved, after parsing with a base URL). */
  url: string;
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Calls `visit` for each URL field; a string returned replaces the value. */
function visitUrls(manifest: Fields, visit: (path: string, url: string) => string | undefined): void {
  const field = (holder: unknown, path: string, key: string): void => {
    if (!isObject(holder) || typeof holder[key] !== 'string') return;
    const next = visit(childPath(path, key), holder[key] as string);
    if (next !== undefined) holder[key] = next;
  };
  const each = (list: unknown, path: string, keys: string[]): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => keys.forEach((key) => field(item, childPath(path, i), key)));
  };
  each(manifest.audio, 'audio', ['url']);
  field(manifest.waveform, 'waveform', 'url');
  each(manifest.participants, 'participants', ['avatar', 'href']);
  each(manifest.transcripts, 'transcripts', ['url']);
  field(manifest.chapters, 'chapters', 'url');
  const chapters = manifest.chapters;
  if (isObject(chapters) && isObject(chapters.data)) each(chapters.data.chapters, 'chapters.data.chapters', ['img', 'url']);
  field(manifest.events, 'events', 'url');
  if (isObject(manifest.events)) each(manifest.events.data, 'events.data', ['url']);
  field(manifest.liveWaveform, 'liveWaveform', 'url');
  field(manifest.downloads, 'downloads', 'audio');
  field(manifest.downloads, 'downloads', 'transcript');
  // An SPDX identifier is not a URL; only a license written as a URL is one.
  if (typeof manifest.license === 'string' && isLicenseUrl(manifest.license)) field(manifest, '', 'license');
}

/** Every URL in a manifest, in document order, with its path. */
export function listManifestUrls(manifest: Manifest): ManifestUrl[] {
  const out: ManifestUrl[] = [];
  visitUrls(manifest as unknown as Fields, (path, url) => {
    out.push({ path, url });
    return undefined;
  });
  return out;
}

/**
 * Replaces every URL in `manifest` (in place) by its absolute form against `base`. The URLs must
 * have passed rule 8 already; one that does not resolve is left as it is.
 */
export function resolveUrlsInPlace(manifest: Fields, base: string | URL): void {
  visitUrls(manifest, (_path, url) => {
    const resolved = resolveManifestUrl(url, base);
    return resolved.ok ? resolved.url : undefined;
  });
}
