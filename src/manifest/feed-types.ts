/** Types of a parsed feed v1 (docs/feed.md). */

import type { FEED_ROLES } from './feed-schema.js';
import type { ManifestIssue } from './issues.js';
import type { Extensions, Role, Status } from './types.js';

/** What the feed's owner did in a recording. */
export type FeedRole = (typeof FEED_ROLES)[number];

/** The person or organization whose recordings the feed lists. */
export interface FeedOwner extends Extensions {
  /** Stable id. */
  id: string;
  /** Display name. */
  name: string;
  /** Avatar image URL. */
  avatar?: string;
  /** Profile link. */
  href?: string;
}

/** Someone in a recording, as its card shows them. */
export interface FeedParticipant extends Extensions {
  /** Their manifest participant id, when given. */
  id?: string;
  /** Display name. */
  name: string;
  /** Avatar image URL. */
  avatar?: string;
  /** Role; unknown roles are read as `speaker`. */
  role?: Role;
}

/** One recording in a feed: its manifest URL and the summary its card is drawn from. */
export interface FeedItem extends Extensions {
  /** The manifest URL (absolute once parsed with a `baseUrl`). */
  manifest: string;
  /** The recording id (the manifest's `id`); unique in the feed. */
  id: string;
  /** Title, 1–200 characters. */
  title: string;
  /** RFC 3339 date-time the recording started. */
  startedAt: string;
  /** Length in seconds (so far, while live). */
  duration: number;
  /** `pending`, `live` or `ended`. */
  status: Status;
  /** Who was there, hosts first is customary. */
  participants: FeedParticipant[];
  /** When the recording expires (its manifest's `retention.expiresAt`). */
  expiresAt?: string;
  /** What the owner did in it; absent when the feed does not say. */
  role?: FeedRole;
  /** A small overview waveform: values in [0, 1]. */
  waveform?: { data: number[] } & Extensions;
}

/** A parsed, valid feed v1. */
export interface Feed extends Extensions {
  /** The JSON Schema URL, when the document names one. */
  $schema?: string;
  /** `"1.N"`. */
  version: string;
  /** Whose recordings these are. */
  owner: FeedOwner;
  /** The valid items, in document order. */
  items: FeedItem[];
  /** URL of the next (older) page. */
  next?: string;
}

/** Options of {@link parseFeed}. */
export interface FeedParseOptions {
  /** The feed's own URL: relative URLs in the result are resolved against it. */
  baseUrl?: string | URL;
}

/**
 * What {@link parseFeed} returns. A feed whose envelope (version, owner, `items` as a whole,
 * `next`) is valid is `ok`, keeping its valid items; each invalid item is left out and its errors
 * are in `itemErrors` with paths like `items[3].startedAt`. Anything wrong outside the items makes
 * the whole feed invalid.
 */
export type FeedParseResult =
  | { ok: true; feed: Feed; itemErrors: ManifestIssue[]; warnings: ManifestIssue[] }
  | { ok: false; errors: ManifestIssue[]; warnings: ManifestIssue[] };
