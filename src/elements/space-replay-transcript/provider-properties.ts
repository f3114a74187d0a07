/**
 * The transcript panel inside a provider: it asks for the recording's transcript once connected,
 * and takes its properties from the player's state (the transcript, participants, redactions and
 * length, downloads, the clip range, whether it plays).
 */

import { emit } from '../../events.js';
import type { Transcript } from '../../model/transcript/index.js';
import type { PlayerSnapshot } from '../player-state/player-context.js';
import type { NamedParticipant } from './avatar.js';
import type { RedactionRange } from './redacted-words.js';

/** The panel's properties that follow the player. */
export interface PanelProperties {
  transcript: Transcript | undefined;
  unavailable: boolean;
  skipped: number;
  participants: readonly NamedParticipant[];
  redactions: readonly RedactionRange[];
  duration: number;
  playing: boolean;
  downloadName: string;
  allowDownload: boolean;
}

const NONE: readonly never[] = [];

/** The panel's properties for state `s`; arrays are the manifest's own (or one shared empty one), so unchanged ones compare equal. */
export function panelProperties(s: PlayerSnapshot): PanelProperties {
  const manifest = s.recording?.manifest;
  const r = s.readAlong;
  const participants = manifest?.participants ?? NONE;
  const all = manifest?.participants ?? [];
  return {
    transcript: r?.transcript,
    unavailable: r?.transcriptUnavailable ?? false,
    skipped: r?.skipped ?? 0,
    participants,
    redactions: manifest?.redactions ?? NONE,
    duration: manifest?.duration ?? NaN,
    playing: s.playing,
    downloadName: manifest?.id ?? 'transcript',
    // Offered when the manifest allows it and nobody in the room refused downloads.
    allowDownload: Boolean(manifest?.downloads?.transcript) && all.every((p) => p.consent.download !== false),
  };
}

/** The clip range to mark: the clip playing, else the one being edited. */
export function clipRangeOf(s: PlayerSnapshot): { start: number; end: number } | undefined {
  const range = s.readAlong?.clip ?? s.readAlong?.editing;
  return range ? { start: range.start, end: range.end } : undefined;
}

/** What changed for the panel in one state, beyond its properties. */
export interface ProviderNews {
  /** The language changed: rendered blocks hold strings of the old one. */
  lang: boolean;
  /** A press on the timeline asked the transcript to follow playback again. */
  follow: boolean;
}

/** One panel's link to its provider: asks for the transcript once, then follows the state. */
export class ProviderLink {
  private asked = false;
  private lang = '';
  private follow = 0;

  /** Sets `panel`'s properties from `s` (in its willUpdate, so the update sees them as its own). */
  apply(panel: HTMLElement & PanelProperties & { range: { start: number; end: number } | undefined }, s: PlayerSnapshot): ProviderNews {
    if (!this.asked) {
      this.asked = true;
      emit(panel, 'space-replay-transcript-request', null);
    }
    Object.assign(panel, panelProperties(s));
    const range = clipRangeOf(s);
    if (range?.start !== panel.range?.start || range?.end !== panel.range?.end) panel.range = range;
    const news = { lang: s.lang !== this.lang, follow: s.follow !== this.follow };
    this.lang = s.lang;
    this.follow = s.follow;
    return news;
  }

  /** The panel left the page: it asks again when it comes back. */
  disconnected(): void {
    this.asked = false;
  }
}
