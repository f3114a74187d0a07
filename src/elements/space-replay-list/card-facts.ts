/** Facts a card shows that depend on the time or the listener: expiry, days left, where they stopped. */

import { parseDateTime } from '../../manifest/date-time.js';
import { timeLeft, type TimeLeft } from '../../model/expiry.js';
import type { FeedItem, FeedParticipant } from '../../manifest/feed-types.js';
import { readPosition } from '../space-replay-provider/resume-position.js';

/** A "N days left" badge shows from this many days before expiry. */
export const EXPIRY_NOTICE_DAYS = 30;

/** Whether the item has expired at `now`, and the time left when its expiry is near (days; hours on the last day, minutes in the last hour). */
export function expiryOf(item: Pick<FeedItem, 'expiresAt'>, now: number): { expired: boolean; left?: TimeLeft } {
  const expiresAt = parseDateTime(item.expiresAt);
  if (expiresAt === undefined) return { expired: false };
  const left = timeLeft(expiresAt, now);
  if (!left) return { expired: true };
  return left.unit !== 'day' || left.count <= EXPIRY_NOTICE_DAYS ? { expired: false, left } : { expired: false };
}

/** Where the listener stopped in this recording, as the player saved it (same key, same rules), if worth resuming. */
export function resumePositionOf(item: Pick<FeedItem, 'id' | 'duration'>): number | undefined {
  return readPosition(item.id, item.duration);
}

const ROLE_ORDER: Record<string, number> = { host: 0, 'co-host': 1, speaker: 2, listener: 3 };

/** Hosts (`host`, `co-host`) and the others, each in feed order. */
export function splitHosts(participants: readonly FeedParticipant[]): { hosts: FeedParticipant[]; others: FeedParticipant[] } {
  const hosts = participants.filter((p) => p.role === 'host' || p.role === 'co-host');
  const others = participants.filter((p) => !(p.role === 'host' || p.role === 'co-host') && p.role !== 'listener');
  hosts.sort((a, b) => (ROLE_ORDER[a.role ?? 'speaker'] ?? 2) - (ROLE_ORDER[b.role ?? 'speaker'] ?? 2));
  return { hosts, others };
}
