/**
 * Loading a feed page: fetch it (or take the object given), validate it with `parseFeed`, and
 * fail with a {@link FeedError} that says what and where. No manifest is fetched here.
 */

import type { ListErrorDetail } from '../../events.js';
import { parseFeed } from '../../manifest/feed.js';
import type { Feed } from '../../manifest/feed-types.js';
import type { ManifestIssue } from '../../manifest/issues.js';
import { isOffline } from '../../controllers/offline.js';

/** A valid feed page and what was left out of it. */
export interface LoadedFeed {
  /** The feed, its valid items only, URLs absolute. */
  feed: Feed;
  /** Errors of the items left out, with their paths. */
  itemErrors: ManifestIssue[];
  /** Validator warnings (logged, not shown). */
  warnings: ManifestIssue[];
  /** The URL it came from (`null` for an object). */
  url: string | null;
}

/** A failed load, with the detail `space-replay-list-error` carries. */
export class FeedError extends Error {
  /** The event detail. */
  readonly detail: ListErrorDetail;

  /** Builds the error. */
  constructor(detail: ListErrorDetail) {
    super(detail.message);
    this.detail = detail;
  }
}

/** Loads and validates a feed from an object or a URL (relative to the page); throws {@link FeedError}. */
export async function loadFeed(source: { object?: unknown; src?: string }, signal: AbortSignal): Promise<LoadedFeed> {
  let raw: unknown = source.object;
  let baseUrl = document.baseURI;
  let url: string | null = null;
  if (raw === undefined) {
    url = new URL(source.src ?? '', document.baseURI).href;
    let response: Response;
    try {
      response = await fetch(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
    } catch (e) {
      if (signal.aborted) throw e;
      const offline = isOffline();
      throw new FeedError({
        code: offline ? 'offline' : 'feed-fetch',
        message: offline ? `the network is offline; ${url} could not be fetched` : `${url} could not be fetched (network error or CORS)`,
        url,
      });
    }
    if (!response.ok) throw new FeedError({ code: 'feed-fetch', message: `${url} answered HTTP ${response.status}`, url, status: response.status });
    raw = await response.text();
    baseUrl = response.url || url;
  }
  const result = parseFeed(raw, { baseUrl });
  if (!result.ok) {
    const lines = result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
    throw new FeedError({ code: 'feed-invalid', message: `${url ?? 'the feed'} is invalid:\n${lines.join('\n')}`, url, issues: result.errors });
  }
  return { feed: result.feed, itemErrors: result.itemErrors, warnings: result.warnings, url };
}
