/**
 * The shape of a UI language's strings: the player's, and those of the transcript panel, the clip
 * editor and the recording list, which ship with those elements. English is in messages.ts (the
 * player's), read-along-messages.ts and list-messages.ts; French in fr.ts and list-messages-fr.ts.
 */

/** The unit of a time left before expiry. */
export type TimeUnit = 'day' | 'hour' | 'minute';

/** One locale's strings. Functions take what varies and must not concatenate markup. */
export interface Messages {
  loading: string;
  play: string;
  pause: string;
  back: (seconds: number) => string;
  forward: (seconds: number) => string;
  rate: string;
  mute: string;
  unmute: string;
  volume: string;
  seek: string;
  valueText: (now: string, total: string) => string;
  remaining: (time: string) => string;
  buffering: string;
  chapters: string;
  chapterMenu: string;
  download: string;
  nextSpeaker: string;
  previousSpeaker: string;
  shortcuts: string;
  close: string;
  retry: string;
  recorded: string;
  live: string;
  scheduled: string;
  hostedBy: string;
  /** "Available for 3 more days" (hours on the last day, minutes in the last hour). */
  availableFor: (count: number, unit: TimeUnit) => string;
  speakers: string;
  speakingNow: string;
  talkTime: (time: string) => string;
  jumpTo: (name: string) => string;
  roles: Record<string, string>;
  redacted: string;
  /** Before the manifest's license in the header. */
  license: string;
  errors: Record<
    'manifest-fetch' | 'manifest-invalid' | 'manifest-version' | 'expired' | 'media-network' | 'media-decode' | 'no-source' | 'start-failed' | 'offline',
    string
  >;
  httpStatus: (status: number) => string;
  /** A request or a wait for audio that got no answer within `seconds`. */
  noAnswer: (seconds: number) => string;
  /** `<space-replay-transcript>` (English: in read-along-messages.ts, which ships with the panel). */
  transcript?: TranscriptMessages;
  /** `<space-replay-clip-editor>` and clip links (English: in read-along-messages.ts). */
  clips?: ClipMessages;
  /** `<space-replay-list>` (English: in list-messages.ts, which ships with the list). */
  list?: ListMessages;
}

/** Strings of the transcript panel. */
export interface TranscriptMessages {
  label: string;
  loading: string;
  unavailable: string;
  skipped: (lines: number) => string;
  search: string;
  searchCount: (index: number, total: number) => string;
  noResults: string;
  previousResult: string;
  nextResult: string;
  resume: string;
  copy: string;
  copied: string;
  copyFailed: string;
  downloadVtt: string;
  downloadText: string;
  playFrom: (time: string, name: string) => string;
  removed: string;
  keyboardHelp: string;
}

/** Strings of the clip editor and of clip links. */
export interface ClipMessages {
  label: string;
  start: string;
  end: string;
  length: string;
  nudge: (which: 'start' | 'end', later: boolean, byWord: boolean) => string;
  preview: string;
  copyLink: string;
  share: string;
  copyEmbed: string;
  linkCopied: string;
  embedCopied: string;
  copyFailed: string;
  shortened: (max: string) => string;
  refused: (names: string, count: number) => string;
  clipOf: (start: string, end: string) => string;
  playFull: string;
  linkRefused: (names: string, count: number) => string;
  embedTitle: (title: string) => string;
  make: string;
  makeHint: string;
  highlights: string;
  playHighlight: (title: string) => string;
}

/** Strings of the recording list. */
export interface ListMessages {
  /** Accessible name of the list. */
  label: (owner: string) => string;
  loading: string;
  loadingMore: string;
  empty: string;
  emptyFiltered: string;
  error: string;
  moreError: string;
  showMore: string;
  filterLabel: string;
  filters: { all: string; hosted: string; spoke: string };
  /** The badge of a live recording. */
  rec: string;
  /** Its accessible text. */
  liveNow: string;
  recorded: string;
  scheduled: string;
  /** "12 days left" (hours on the last day, minutes in the last hour). */
  timeLeft: (count: number, unit: TimeUnit) => string;
  expired: string;
  expiredNote: string;
  resumeAt: (time: string) => string;
  hostedBy: (names: string) => string;
  with: (names: string) => string;
  more: (count: number) => string;
  duration: (spoken: string) => string;
  skipped: (count: number) => string;
  closePlayer: string;
}

/**
 * Strings for `registerLanguage`: any part of {@link Messages}, each nested table partial too;
 * what is left out reads from the language's built-in table, else English.
 */
export type LanguageStrings = Partial<Omit<Messages, 'errors' | 'roles' | 'transcript' | 'clips' | 'list'>> & {
  errors?: Partial<Messages['errors']>;
  roles?: Messages['roles'];
  transcript?: Partial<TranscriptMessages>;
  clips?: Partial<ClipMessages>;
  list?: Partial<ListMessages>;
};
