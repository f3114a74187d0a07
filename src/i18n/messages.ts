/**
 * The UI strings: English, and the registry of other languages (French in fr.ts; the tables'
 * shape is in message-types.ts). A language is picked by the closest `lang` (the element's own,
 * else an ancestor's); unknown languages fall back to English.
 */

import type { Messages } from './message-types.js';

export type { ClipMessages, ListMessages, Messages, TranscriptMessages } from './message-types.js';

const en: Messages = {
  loading: 'Loading recording…',
  play: 'Play',
  pause: 'Pause',
  back: (s) => `Back ${s} seconds`,
  forward: (s) => `Forward ${s} seconds`,
  rate: 'Playback speed',
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  seek: 'Seek',
  valueText: (now, total) => `${now} of ${total}`,
  remaining: (t) => `${t} remaining`,
  buffering: 'Buffering…',
  chapters: 'Chapters',
  chapterMenu: 'Go to chapter',
  download: 'Download audio',
  nextSpeaker: 'Next speaker',
  previousSpeaker: 'Previous speaker',
  shortcuts: 'Keyboard shortcuts',
  close: 'Close',
  retry: 'Retry',
  recorded: 'Recorded',
  live: 'Live',
  scheduled: 'Scheduled',
  hostedBy: 'Hosted by',
  availableFor: (n, unit) => `Available for ${n} more ${unit}${n === 1 ? '' : 's'}`,
  speakers: 'Speakers',
  speakingNow: 'Speaking now',
  talkTime: (t) => `${t} spoken`,
  jumpTo: (name) => `Jump to ${name}’s next turn`,
  roles: { host: 'Host', 'co-host': 'Co-host', speaker: 'Speaker', listener: 'Listener' },
  redacted: 'Redacted',
  license: 'License',
  errors: {
    'manifest-fetch': 'The recording could not be loaded.',
    'manifest-invalid': 'The recording’s description is invalid.',
    'manifest-version': 'This recording needs a newer player.',
    expired: 'This recording has expired and is no longer available.',
    'media-network': 'The audio could not be loaded.',
    'media-decode': 'The audio could not be played.',
    'no-source': 'This browser cannot play this recording.',
    'start-failed': 'The player could not start this recording.',
    offline: 'You are offline. Playback resumes when the connection is back.',
  },
  httpStatus: (status) => `The server answered ${status}${status === 404 ? ' (not found)' : status === 410 ? ' (gone)' : ''}.`,
  noAnswer: (seconds) => `The server did not answer within ${seconds} s.`,
};

// English ships with the element; other languages are chunks of their own, fetched when a player
// first renders in that language (the main chunk has a size budget).
const TABLE: Record<string, Messages> = { en };
const LOADERS: Record<string, () => Promise<{ default: Messages }>> = {
  fr: () => import('./fr.js'),
};
const pending = new Map<string, Promise<void>>();

/** The languages with a message table. */
export const SUPPORTED_LANGUAGES = ['en', ...Object.keys(LOADERS)];

function primaryOf(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? '';
}

/** The strings for `lang` (a BCP 47 tag; `fr-CA` reads `fr`): English until that language's table has loaded, or when there is none. */
export function messagesFor(lang: string): Messages {
  return TABLE[primaryOf(lang)] ?? en;
}

/** Loads the table for `lang`; resolves `true` once it is usable (at once when loaded or unknown: `false`). */
export function loadMessages(lang: string): Promise<boolean> {
  const primary = primaryOf(lang);
  const load = LOADERS[primary];
  if (TABLE[primary] || !load) return Promise.resolve(false);
  let promise = pending.get(primary);
  if (!promise) {
    promise = load().then(
      (module) => {
        TABLE[primary] = module.default;
      },
      () => {
        // Offline or blocked: stay in English, try again next time.
        pending.delete(primary);
      },
    );
    pending.set(primary, promise);
  }
  return promise.then(() => TABLE[primary] !== undefined);
}

/** The language an element is in: its own `lang`, else its closest ancestor's (crossing shadow roots), else `en`. */
export function languageOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return 'en';
}
