/**
 * `parseFeed`: reads a feed v1 (object or JSON text) with the manifest validator's machinery and
 * guards, keeps the valid items, and reports each invalid one with its paths. It never throws.
 */

import * as v from 'valibot';
import { parseDateTime } from './date-time.js';
import { describeThrown, readDocumentObject, toPlainDocument } from './document-input.js';
import { applyExtensions } from './extensions.js';
import {
  FEED_ROLES,
  FeedEnvelopeSchema,
  FeedItemSchema,
  MAX_FEED_ITEMS,
  MAX_FEED_PARTICIPANTS,
  MAX_FEED_TEXT_LENGTH,
  MAX_FEED_WAVEFORM_VALUES,
} from './feed-schema.js';
import type { Feed, FeedItem, FeedParseOptions, FeedParseResult } from './feed-types.js';
import { childPath, IssueCollector } from './issues.js';
import { effectiveRole } from './rules.js';
import { resolveManifestUrl } from './url-rules.js';
import { reportValibotIssues } from './valibot-issues.js';

type Fields = Record<string, unknown>;

const ARRAY_CAPS: ReadonlyMap<string, number> = new Map([
  ['items', MAX_FEED_ITEMS],
  ['items[].participants', MAX_FEED_PARTICIPANTS],
  ['items[].waveform.data', MAX_FEED_WAVEFORM_VALUES],
]);
const NO_HAND_OVER: ReadonlySet<string> = new Set();
const ITEM_PATH = /^items\[(\d+)\]/;
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a feed v1 and returns `{ok: true, feed, itemErrors, warnings}` or `{ok: false, errors,
 * warnings}`, each issue `{path, message}`. Never throws.
 *
 * - `input` is a feed object or its JSON text (at most 5 MiB).
 * - Errors inside `items[i]` drop that item only (they are listed in `itemErrors`); any other error
 *   (JSON syntax, version, `owner`, `items` not an array or over its cap, `next`) fails the feed.
 * - The feed returned is fresh plain data with `x-` keys kept, unknown keys dropped (one warning
 *   each), unknown participant roles read as `speaker` and unknown item roles dropped (warnings).
 * - With `options.baseUrl` (the feed's own URL) every relative URL in the result is made absolute.
 *
 * @example
 * const result = parseFeed(await response.text(), { baseUrl: response.url });
 * if (result.ok) render(result.feed.items); // result.itemErrors: the items left out, and why
 */
export function parseFeed(input: unknown, options: FeedParseOptions = {}): FeedParseResult {
  const issues = new IssueCollector();
  try {
    return parse(input, options, issues);
  } catch (e) {
    // Only a hostile object (a throwing getter, a revoked proxy) gets here.
    issues.error('', `the feed could not be read: ${describeThrown(e)}`);
    return { ok: false, errors: issues.errors, warnings: issues.warnings };
  }
}

function parse(input: unknown, options: FeedParseOptions, issues: IssueCollector): FeedParseResult {
  const failure = (): FeedParseResult => ({ ok: false, errors: issues.errors, warnings: issues.warnings });
  const base = options?.baseUrl;
  const value = readDocumentObject(input, base, 'feed', MAX_FEED_TEXT_LENGTH, issues);
  if (!value) return failure();
  const version = Object.hasOwn(value, 'version') ? value.version : undefined;
  const major = typeof version === 'string' ? VERSION.exec(version) : null;
  if (major && major[1] !== '1') {
    issues.error('version', `unsupported feed version ${version as string} (this reader reads 1.x)`);
    return failure();
  }

  const walked = toPlainDocument(value, issues, { caps: ARRAY_CAPS, handOver: NO_HAND_OVER });
  if (!walked) return failure();
  const { plain, alreadyReported: repeated } = walked;

  const envelope = v.safeParse(FeedEnvelopeSchema, plain, { abortEarly: false });
  if (!envelope.success) reportValibotIssues(envelope.issues, issues, repeated);
  const output = (isObject(envelope.output) ? { ...envelope.output } : {}) as Fields;
  applyExtensions(FeedEnvelopeSchema, plain, output, '', issues);

  const rawItems = Array.isArray(plain.items) ? plain.items : [];
  const items: (FeedItem | undefined)[] = rawItems.map((raw, i) => checkItem(raw, childPath('items', i), issues, repeated));
  markDuplicateIds(items, issues);

  // Classify every failed path (uncapped, unlike the error list): inside an item, or the feed's own.
  const badItems = new Set<number>();
  for (const path of issues.errorPaths()) {
    const m = ITEM_PATH.exec(path);
    if (!m) return failure();
    badItems.add(Number(m[1]));
  }

  const feed = output as unknown as Feed;
  feed.items = items.filter((item, i): item is FeedItem => item !== undefined && !badItems.has(i));
  if (base !== undefined) resolveFeedUrls(feed, base);
  return { ok: true, feed, itemErrors: issues.errors, warnings: issues.warnings };
}

/** Checks one item against its schema and rules; returns the fresh item (errors are recorded at `path`). */
function checkItem(raw: unknown, path: string, issues: IssueCollector, repeated: (path: string) => boolean): FeedItem | undefined {
  const parsed = v.safeParse(FeedItemSchema, raw, { abortEarly: false });
  if (!parsed.success) reportValibotIssues(parsed.issues, issues, repeated, path);
  if (!isObject(parsed.output)) return undefined;
  const item = { ...parsed.output } as Fields;
  applyExtensions(FeedItemSchema, raw, item, path, issues);

  const started = issues.failedAt(childPath(path, 'startedAt')) ? undefined : parseDateTime(item.startedAt);
  const expires = issues.failedAt(childPath(path, 'expiresAt')) ? undefined : parseDateTime(item.expiresAt);
  if (started !== undefined && expires !== undefined && expires <= started) {
    issues.error(childPath(path, 'expiresAt'), `expiresAt ${String(item.expiresAt)} is not after startedAt ${String(item.startedAt)}`);
  }
  if (typeof item.role === 'string' && !(FEED_ROLES as readonly string[]).includes(item.role)) {
    issues.warn(childPath(path, 'role'), `unknown role "${item.role}" (ignored; known: ${FEED_ROLES.join(', ')})`);
    delete item.role;
  }
  if (Array.isArray(item.participants)) {
    item.participants = item.participants.map((p: unknown, j) => {
      if (!isObject(p) || typeof p.role !== 'string') return p;
      const role = effectiveRole(p.role);
      if (role === p.role) return p;
      issues.warn(childPath(childPath(childPath(path, 'participants'), j), 'role'), `unknown role "${p.role}", read as "${role}"`);
      return { ...p, role };
    });
  }
  return item as unknown as FeedItem;
}

/**
 * Rule 1: item ids are unique. Among otherwise valid items, the second and later holders of an id
 * are errors (so those items are dropped and the first is kept).
 */
function markDuplicateIds(items: readonly (FeedItem | undefined)[], issues: IssueCollector): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    if (!item || typeof item.id !== 'string' || issues.failedAt(`items[${i}]`)) return;
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else issues.error(`items[${i}].id`, `duplicate id "${item.id}" (also items[${seen}].id)`);
  });
}

/** Makes every URL of `feed` absolute against `base` (all passed the URL rule already). */
function resolveFeedUrls(feed: Feed, base: string | URL): void {
  const resolve = (url: string | undefined): string | undefined => {
    if (url === undefined) return undefined;
    const resolved = resolveManifestUrl(url, base);
    return resolved.ok ? resolved.url : url;
  };
  const owner = feed.owner;
  if (owner.avatar !== undefined) owner.avatar = resolve(owner.avatar)!;
  if (owner.href !== undefined) owner.href = resolve(owner.href)!;
  if (feed.next !== undefined) feed.next = resolve(feed.next)!;
  for (const item of feed.items) {
    item.manifest = resolve(item.manifest)!;
    for (const p of item.participants) if (p.avatar !== undefined) p.avatar = resolve(p.avatar)!;
  }
}
