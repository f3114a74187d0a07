/**
 * The UI strings: English, and the registry of other languages (French in fr.ts; the tables'
 * shape is in message-types.ts). A language is picked by the closest `lang` (the element's own,
 * else an ancestor's); unknown languages fall back to English.
 */

import type { LanguageStrings, Messages } from './message-types.js';

export type { ClipMessages, LanguageStrings, ListMessages, Messages, TranscriptMessages } from './message-types.js';

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
const LOADERS: Record<string, () => Promise<{ default: Messages | LanguageStrings }>> = {
  fr: () => import('./fr.js'),
};
// What a site registered (registerLanguage), by primary language: laid over the built-in table
// (English when there is none), also once a lazy table loads.
const OVERRIDES: Record<string, LanguageStrings> = {};
// The tables as shipped or loaded, before overrides.
const BASE: Record<string, Messages> = { en };
const pending = new Map<string, Promise<void>>();

/** The languages with a message table (built in, or registered with {@link registerLanguage}). */
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
        BASE[primary] = layOver(en, module.default);
        TABLE[primary] = layOver(BASE[primary], OVERRIDES[primary]);
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

/**
 * Adds a UI language, or changes strings of one (English and French are built in). `strings` may
 * hold any subset of {@link Messages}; what it leaves out reads from the language's built-in table,
 * else English. Give a function that imports the table to load it only when an element first
 * renders in that language. Register before the elements render: an element already on the page
 * picks the strings up when it next renders (for example when its `lang` changes).
 *
 * @example
 * registerLanguage('de', { play: 'Abspielen', pause: 'Pause', transcript: { search: 'Suchen' } });
 * registerLanguage('es', () => import('./space-replay-es.js'));
 */
export function registerLanguage(lang: string, strings: LanguageStrings | (() => Promise<{ default: LanguageStrings }>)): void {
  const primary = primaryOf(lang);
  if (!/^[a-z]{2,8}$/.test(primary)) throw new TypeError(`registerLanguage: "${lang}" is not a BCP 47 language tag (like "de" or "pt-BR")`);
  if (!SUPPORTED_LANGUAGES.includes(primary)) SUPPORTED_LANGUAGES.push(primary);
  if (typeof strings === 'function') {
    LOADERS[primary] = strings;
    delete BASE[primary];
    delete TABLE[primary];
    pending.delete(primary);
    return;
  }
  OVERRIDES[primary] = layOver(OVERRIDES[primary], strings);
  // A lazy built-in table (French) not loaded yet: the overrides are laid over it when it loads.
  if (!BASE[primary] && LOADERS[primary]) return;
  TABLE[primary] = layOver(BASE[primary] ?? en, OVERRIDES[primary]);
}

/**
 * `over` laid over `base`, one level into the nested tables. The transcript, clip and list tables
 * may stay partial here: their English ships with those elements, which lay these over it.
 */
function layOver<T extends LanguageStrings>(base: T, over: LanguageStrings | undefined): T;
function layOver(base: LanguageStrings | undefined, over: LanguageStrings): LanguageStrings;
function layOver(base: LanguageStrings | undefined, over: LanguageStrings | undefined): LanguageStrings {
  if (!over) return base ?? {};
  const merged: Record<string, unknown> = { ...base, ...over };
  for (const key of ['errors', 'roles', 'transcript', 'clips', 'list'] as const) {
    if (base?.[key] || over[key]) merged[key] = { ...base?.[key], ...over[key] };
  }
  return merged as LanguageStrings;
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
