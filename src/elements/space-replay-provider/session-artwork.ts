/**
 * The media session's artwork as a `blob:` URL of the avatar, fetched with no referrer.
 *
 * Browsers load artwork URLs with the page's referrer policy (Firefox fetches them again for its
 * media controls), so a plain avatar URL would tell the avatar's host which page plays the
 * recording, though avatars are otherwise loaded with `referrerpolicy="no-referrer"`. A blob has no
 * request behind it. An avatar on another origin without CORS cannot be read: it gets no artwork.
 * An avatar on the page's own origin is used as it is: its server already knows the page, and a
 * strict `img-src 'self'` policy (docs/deploying.md) allows it where it would refuse a blob.
 */

/** The artwork of the current session owner, and how to stop it. */
interface Artwork {
  /** The avatar URL it was made from. */
  source: string;
  /** The fetch, shared by claims of the same avatar (every play claims the session again). */
  pending: Promise<string | null>;
  /** The blob URL once fetched (revoked when replaced). */
  url: string | null;
  /** Stops the fetch. */
  abort: AbortController;
}

let current: Artwork | null = null;

/** Resolves with a `blob:` URL of `avatar` (fetched with no referrer or credentials), or null when it cannot be read. Replaces (and revokes) the previous one. */
export function artworkFor(avatar: string): Promise<string | null> {
  if (current?.source === avatar) return current.pending;
  dropArtwork();
  if (sameOrigin(avatar)) return Promise.resolve(avatar);
  const artwork: Artwork = { source: avatar, pending: Promise.resolve(null), url: null, abort: new AbortController() };
  current = artwork;
  artwork.pending = fetchArtwork(artwork);
  return artwork.pending;
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url, document.baseURI).origin === location.origin;
  } catch {
    return false;
  }
}

async function fetchArtwork(artwork: Artwork): Promise<string | null> {
  const avatar = artwork.source;
  try {
    const response = await fetch(avatar, { referrerPolicy: 'no-referrer', credentials: 'omit', mode: 'cors', signal: artwork.abort.signal });
    if (!response.ok) return null;
    const blob = await response.blob();
    if (current !== artwork) return null;
    artwork.url = URL.createObjectURL(blob);
    return artwork.url;
  } catch {
    // Aborted, refused by CORS, or the network failed: the session shows no picture.
    return null;
  }
}

/** Stops the artwork fetch and frees its blob (the session was released or shows another recording). */
export function dropArtwork(): void {
  if (!current) return;
  current.abort.abort();
  if (current.url) URL.revokeObjectURL(current.url);
  current = null;
}
