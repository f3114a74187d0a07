/** Which cards the list shows, in which order: newest first, pages merged, filtered by the owner's role. Pure. */

import { parseDateTime } from '../../manifest/date-time.js';
import type { FeedItem } from '../../manifest/feed-types.js';

/** The role filter: everything, what the owner hosted (or co-hosted), or where they spoke. */
export type ListFilter = 'all' | 'hosted' | 'spoke';

/** The filters offered, in order. */
export const LIST_FILTERS: readonly ListFilter[] = ['all', 'hosted', 'spoke'];

/** `items` sorted by `startedAt`, newest first; ties keep their order. A new array. */
export function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  const keyed = items.map((item, index) => ({ item, index, time: parseDateTime(item.startedAt) ?? -Infinity }));
  keyed.sort((a, b) => b.time - a.time || a.index - b.index);
  return keyed.map((k) => k.item);
}

/** `loaded` followed by the items of `page` whose id it does not have yet. */
export function mergePage(loaded: readonly FeedItem[], page: readonly FeedItem[]): FeedItem[] {
  const ids = new Set(loaded.map((item) => item.id));
  const out = loaded.slice();
  for (const item of page) {
    if (ids.has(item.id)) continue;
    ids.add(item.id);
    out.push(item);
  }
  return out;
}

/** Whether `item` passes `filter` (items without a role pass only `all`). */
export function matchesFilter(item: FeedItem, filter: ListFilter): boolean {
  if (filter === 'hosted') return item.role === 'hosted' || item.role === 'co-hosted';
  if (filter === 'spoke') return item.role === 'spoke';
  return true;
}

/** Whether any item says what the owner did (only then is the filter shown). */
export function hasRoles(items: readonly FeedItem[]): boolean {
  return items.some((item) => item.role !== undefined);
}
