/**
 * The last check before the player loads or links a manifest URL: the manifest's URL rule
 * (`https:`, or `http:` on localhost) again, or the manifest's own origin (a relative URL on a
 * plain-http site resolves to `http:`).
 */

import { checkUrl } from '../../manifest/url-rules.js';

/** `url` when the player may use it (it came from a manifest loaded from `baseUrl`), else `undefined`. */
export function usableUrl(url: string | undefined, baseUrl: string): string | undefined {
  if (!url) return undefined;
  if (checkUrl(url).ok) return url;
  try {
    return new URL(url).origin === new URL(baseUrl).origin ? url : undefined;
  } catch {
    return undefined;
  }
}
