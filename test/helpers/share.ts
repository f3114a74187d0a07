// A share card built in a browser test: the manifest text parsed against its URL, and the card's
// embed page and player script on this test server (its sources, as a site's own URLs would be).
import type { Manifest } from '../../src/manifest/index.js';
import { parseManifest } from '../../src/manifest/index.js';
import { buildShareCard, type ShareCard, type ShareOptions } from '../../src/share/index.js';

/** The card for the manifest `text` published at `manifestUrl`, with `extra` options (a clip, a site name); throws on a bad manifest or card. */
export function testShareCard(text: string, manifestUrl: string, extra: Partial<Pick<ShareOptions, 'clip' | 'siteName'>> = {}): { manifest: Manifest; card: ShareCard } {
  const parsed = parseManifest(text, { baseUrl: manifestUrl });
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const built = buildShareCard(parsed.manifest, {
    baseUrl: location.origin,
    manifestUrl,
    embedUrl: new URL('/src/embed/embed.html', location.href).href,
    playerScriptUrl: new URL('/src/index.ts', location.href).href,
    ...extra,
  });
  if (!built.ok) throw new Error(built.message);
  return { manifest: parsed.manifest, card: built.card };
}
