/**
 * What the provider does when a part or a key asks: the one place where requests (player-
 * requests.ts) and shortcuts (player-keys.ts) turn into changes of the audio and the state.
 */

import type { SpeakerTimeline } from '../../model/speakers.js';
import { PLAYBACK_RATES } from '../player-state/playback-rates.js';
import type { HelpController } from './help-controller.js';
import type { Playback } from './playback.js';
import type { ShortcutTarget } from './player-keys.js';
import type { RequestTarget } from './player-requests.js';


/** The provider's public side the actions use. */
export interface ActionsHost {
  readonly skipBack: number;
  readonly skipForward: number;
  readonly mediaElement: HTMLAudioElement;
  playbackRate: number;
  play(): Promise<void>;
  pause(): void;
  seek(seconds: number): void;
  retry(): void;
}

/** The provider's inner pieces the actions use. */
export interface ActionsInside {
  readonly help: HelpController;
  readonly playback: Playback;
  /** Who spoke when, once a recording is loaded. */
  timeline(): SpeakerTimeline | undefined;
  /** The transcript follows playback again. */
  follow(): void;
}

/** The actions of `host`. */
export function playerActions(host: ActionsHost, inside: ActionsInside): ShortcutTarget & RequestTarget {
  const media = (): HTMLAudioElement => host.mediaElement;
  return {
    get skipBack() {
      return host.skipBack;
    },
    get skipForward() {
      return host.skipForward;
    },
    get helpOpen() {
      return inside.help.open;
    },
    get readAlongActions() {
      return inside.playback.readAlong;
    },
    play: () => void host.play(),
    pause: () => host.pause(),
    seek: (s) => host.seek(s),
    toggle: () => (media().paused ? void host.play() : host.pause()),
    skip: (s) => host.seek(media().currentTime + s),
    follow: () => inside.follow(),
    setRate: (rate) => (host.playbackRate = rate),
    setVolume: (volume, muted) => {
      if (volume !== undefined && Number.isFinite(volume)) media().volume = Math.min(1, Math.max(0, volume));
      if (muted !== undefined) media().muted = muted;
    },
    toggleMute: () => (media().muted = !media().muted),
    turn: (direction, speakerId?: string) => {
      const timeline = inside.timeline();
      if (!timeline) return;
      const t = media().currentTime;
      // With a speaker: their next turn, or (past their last one) their first.
      const turn = speakerId !== undefined ? (timeline.nextTurn(t, speakerId) ?? timeline.nextTurn(-1, speakerId)) : direction > 0 ? timeline.nextTurn(t) : timeline.previousTurn(t);
      if (turn) host.seek(turn.start);
    },
    stepRate: (direction) => {
      const rates: readonly number[] = PLAYBACK_RATES;
      const rate = media().playbackRate;
      const next = direction > 0 ? rates.find((r) => r > rate + 1e-6) : [...rates].reverse().find((r) => r < rate - 1e-6);
      if (next !== undefined) host.playbackRate = next;
    },
    help: (open) => void inside.help.toggle(open),
    retry: () => host.retry(),
    hold: (until) => inside.playback.hold(until),
    wantTranscript: () => inside.playback.wantTranscript(),
  };
}
