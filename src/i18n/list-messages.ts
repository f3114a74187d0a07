/**
 * Strings of `<space-replay-list>` (the profile audio tab) in English (French is in
 * list-messages-fr.ts, loaded with fr.ts; the shape in message-types.ts). They ship with the list,
 * not in the player's main chunk; the list reads them through `listTable(lang)`.
 */

import { messagesFor } from './messages.js';
import type { ListMessages, Messages } from './message-types.js';

export type { ListMessages } from './message-types.js';

/** English. */
export const listEn: ListMessages = {
  label: (owner) => `Recordings by ${owner}`,
  loading: 'Loading recordings…',
  loadingMore: 'Loading more…',
  empty: 'No recordings yet.',
  emptyFiltered: 'No recordings match this filter.',
  error: 'The recordings could not be loaded.',
  moreError: 'More recordings could not be loaded.',
  showMore: 'Show more',
  filterLabel: 'Show',
  filters: { all: 'All', hosted: 'Hosted', spoke: 'Spoke in' },
  rec: 'REC',
  liveNow: 'Live now',
  recorded: 'Recorded',
  scheduled: 'Scheduled',
  timeLeft: (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'} left`,
  expired: 'Expired',
  expiredNote: 'This recording has expired and can no longer be played.',
  resumeAt: (t) => `Resume at ${t}`,
  hostedBy: (names) => `Hosted by ${names}`,
  with: (names) => `with ${names}`,
  more: (n) => `+${n}`,
  duration: (spoken) => `Length ${spoken}`,
  skipped: (n) => (n === 1 ? '1 recording could not be shown' : `${n} recordings could not be shown`),
  closePlayer: 'Close the player',
};

/** The player's strings plus the list's, for `lang` (English list strings until that language's table has loaded). */
export type ListTable = Messages & { list: ListMessages };

/** The strings `<space-replay-list>` renders with, for `lang`. */
export function listTable(lang: string): ListTable {
  const table = messagesFor(lang);
  // A registered language may give only some of these strings (registerLanguage).
  return { ...table, list: { ...listEn, ...table.list } };
}
