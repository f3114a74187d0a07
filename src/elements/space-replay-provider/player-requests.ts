/**
 * The requests parts send up (see events.ts), answered by the nearest provider. They bubble on to
 * the page (as the transcript panel's always have), marked as answered, so a provider further up
 * (a player inside another's layout) leaves them alone; the mark is a global symbol, so two copies
 * of the library on one page agree.
 */

import type { SpaceReplayEventMap } from '../../events.js';

/** What the provider does for its parts. */
export interface RequestTarget {
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  /** The transcript follows playback again. */
  follow(): void;
  setRate(rate: number): void;
  setVolume(volume: number | undefined, muted: boolean | undefined): void;
  turn(direction: 1 | -1, speakerId?: string): void;
  help(open: boolean): void;
  retry(): void;
  hold(until: Promise<unknown>): void;
  wantTranscript(): void;
  /** The clip and transcript half, once loaded (requests for it before then are dropped). */
  readonly readAlongActions: ReadAlongActions | null;
}

/** What the read-along half does (see read-along.ts). */
export interface ReadAlongActions {
  edit(start: number, end: number): void;
  closeEditor(): void;
  setClipMode(on: boolean): void;
  showHits(hits: readonly { startTime: number; endTime: number }[], active: number): void;
  playClip(start: number, end: number, source: 'highlight' | 'preview'): void;
  playFull(): void;
  closeNotice(): void;
}

type Handlers = { [K in keyof SpaceReplayEventMap]?: (target: RequestTarget, detail: SpaceReplayEventMap[K]['detail']) => void };

const ANSWERED = Symbol.for('space-replay.answered');

const REQUESTS: Handlers = {
  'space-replay-play-request': (t) => t.play(),
  'space-replay-pause-request': (t) => t.pause(),
  'space-replay-seek-request': (t, d) => {
    if (d.follow) t.follow();
    t.seek(d.time);
  },
  'space-replay-rate-request': (t, d) => t.setRate(d.playbackRate),
  'space-replay-volume-request': (t, d) => t.setVolume(d.volume, d.muted),
  'space-replay-turn-request': (t, d) => t.turn(d.direction, d.speakerId),
  'space-replay-help-request': (t, d) => t.help(d.open),
  'space-replay-retry-request': (t) => t.retry(),
  'space-replay-hold-request': (t, d) => t.hold(d.until),
  'space-replay-transcript-request': (t) => t.wantTranscript(),
  'space-replay-clip-request': (t, d) => t.readAlongActions?.edit(d.start, d.end),
  'space-replay-clip-close-request': (t) => t.readAlongActions?.closeEditor(),
  'space-replay-clip-mode-request': (t, d) => t.readAlongActions?.setClipMode(d.on),
  'space-replay-preview-request': (t, d) => t.readAlongActions?.playClip(d.start, d.end, 'preview'),
  'space-replay-highlight-request': (t, d) => t.readAlongActions?.playClip(d.start, d.end, 'highlight'),
  'space-replay-full-request': (t) => t.readAlongActions?.playFull(),
  'space-replay-notice-close-request': (t) => t.readAlongActions?.closeNotice(),
  // News rather than requests: the transcript's search results and the clip editor's range.
  'space-replay-search': (t, d) => t.readAlongActions?.showHits(d.hits, d.active),
  'space-replay-clip-change': (t, d) => t.readAlongActions?.edit(d.start, d.end),
};

/** Listens on `host` for its parts' requests, and hands those no nearer provider answered to `target`. */
export function answerRequests(host: HTMLElement, target: RequestTarget): void {
  for (const [name, handle] of Object.entries(REQUESTS) as [string, (t: RequestTarget, d: unknown) => void][]) {
    host.addEventListener(name, (e) => {
      const event = e as CustomEvent & { [ANSWERED]?: boolean };
      if (event[ANSWERED]) return;
      event[ANSWERED] = true;
      handle(target, event.detail);
    });
  }
}
