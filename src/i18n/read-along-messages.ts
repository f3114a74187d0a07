/**
 * English strings of the transcript panel, the clip editor and clip links. They ship with those
 * elements (a chunk loaded after the player is ready), not in the player's main chunk; other
 * languages carry them in their own table (fr.ts).
 */

import type { ClipMessages, Messages, TranscriptMessages } from './message-types.js';
import { messagesFor } from './messages.js';

/** English strings of the transcript panel. */
export const transcriptEn: TranscriptMessages = {
  label: 'Transcript',
  loading: 'Loading transcript…',
  unavailable: 'Transcript unavailable',
  skipped: (n) => (n === 1 ? '1 line could not be read' : `${n} lines could not be read`),
  search: 'Search the transcript',
  searchCount: (i, n) => `${i} of ${n}`,
  noResults: 'No results',
  previousResult: 'Previous result',
  nextResult: 'Next result',
  resume: 'Resume following',
  copy: 'Copy with timestamps',
  copied: 'Transcript copied',
  copyFailed: 'Could not copy',
  downloadVtt: 'Download WebVTT',
  downloadText: 'Download text',
  playFrom: (time, name) => (name ? `Play ${name} from ${time}` : `Play from ${time}`),
  removed: 'removed at the speaker’s request',
  keyboardHelp: 'Enter plays from a word. Arrow keys move between words and paragraphs.',
};

/** English strings of the clip editor and clip links. */
export const clipsEn: ClipMessages = {
  label: 'Clip',
  start: 'Start',
  end: 'End',
  length: 'Length',
  nudge: (which, later, byWord) =>
    `${which === 'start' ? 'Start' : 'End'} ${byWord ? 'one word' : '0.1 seconds'} ${later ? 'later' : 'earlier'}`,
  preview: 'Preview',
  copyLink: 'Copy link',
  share: 'Share…',
  copyEmbed: 'Copy embed code',
  linkCopied: 'Link copied',
  embedCopied: 'Embed code copied',
  copyFailed: 'Could not copy',
  shortened: (max) => `Clips can be at most ${max} long: the end was moved.`,
  refused: (names) => `This clip can’t be shared: ${names} asked not to be clipped.`,
  clipOf: (start, end) => `Clip ${start}–${end}`,
  playFull: 'Play full recording',
  linkRefused: (names) => `This link was for a clip with ${names}, who asked not to be clipped. It plays from its start instead.`,
  embedTitle: (title) => (title ? `Clip from ${title}` : 'Audio clip'),
  make: 'Make a clip',
  makeHint: 'Drag across the waveform to choose the clip (or Shift+drag), or select words in the transcript.',
  highlights: 'Highlights',
  playHighlight: (title) => `Play highlight: ${title}`,
};

/** The transcript and clip strings for `lang` (English until that language's table has loaded, or when there is none). */
export function readAlongMessages(lang: string): { transcript: TranscriptMessages; clips: ClipMessages } {
  const table = messagesFor(lang);
  let strings = complete.get(table);
  if (!strings) {
    // A registered language may give only some of these strings (registerLanguage). Made once per
    // table: elements ask on every render.
    strings = { transcript: { ...transcriptEn, ...table.transcript }, clips: { ...clipsEn, ...table.clips } };
    complete.set(table, strings);
  }
  return strings;
}

const complete = new WeakMap<Messages, { transcript: TranscriptMessages; clips: ClipMessages }>();
