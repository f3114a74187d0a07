/**
 * Where the provider's recording comes from, and loading it: a manifest object (the `manifest`
 * property), else the `src` URL, else an inline `<script type="application/json">` child. A Lit
 * Task loads it, so a newer source makes an older load stale. With `deep-link`, the clip-link
 * parser loads beside it (the link's start is where the audio starts), and the page's strings
 * too, so the player never flashes English. Removed while loading, it aborts the load (no request
 * goes out after, no ready and no error); put back, it loads again.
 */

import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_DEADLINES, deadlineOr } from '../../controllers/deadlines.js';
import type { PlayerErrorDetail } from '../../events.js';
import { languageOf, loadMessages } from '../../i18n/messages.js';
import type { Recording } from '../player-state/recording.js';
import { ExpiryTimer } from './expiry-timer.js';
import type { LiveRefresh } from './live-refresh.js';
import { loadRecording, PlayerError } from './recording-loader.js';

/** What the source needs of its provider. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  /** The manifest URL. */
  readonly src: string;
  /** Whether the page's clip link opens. */
  readonly deepLink: boolean;
  /** Seconds each request may take (the `request-timeout` attribute). */
  readonly requestTimeout: number | undefined;
}

/** What the source tells its provider. */
export interface SourceCallbacks {
  /** A new source replaces one that had loaded or was loading: drop everything of the old one. */
  changed(): void;
  /** The recording loaded; `grown`: a newer version of a live recording already playing. */
  loaded(recording: Recording, grown?: boolean): void;
  /** Loading failed (`space-replay-error` goes out with `detail`). */
  failed(detail: PlayerErrorDetail): void;
}

/** Loads the provider's recording from whichever source it has. */
export class RecordingSource implements ReactiveController {
  /** The manifest object set as a property, if any. */
  object: unknown = undefined;
  /** The inline JSON's text, if any. */
  inline: string | undefined;
  /** The clip-link parser, loading beside the recording when `deep-link` and the URL has a time. */
  linkParser: Promise<typeof import('../../model/clip-link.js') | null> | null = null;

  private readonly task: Task<readonly [unknown, string, string | undefined], Recording>;
  private last: readonly [unknown, string, string | undefined] = [undefined, '', undefined];
  /** The load was aborted because the host was removed: not an error, and it runs again on reconnect. */
  private interrupted = false;
  /** The loaded recording expired while the page was open. */
  private expiredNow: PlayerErrorDetail | null = null;
  private readonly expiry = new ExpiryTimer(() => this.expire());
  /** Reloads a recording that is still growing; made (and its module fetched) for the first such recording only. */
  private live: LiveRefresh | null = null;
  /** Counts the recordings followed and the stops, so that a live module arriving late follows only the latest. */
  private liveTurn = 0;
  private readonly grown: (recording: Recording) => void;

  /** Adds itself to `host`, ahead of its task (so a source change is seen before the new load starts). */
  constructor(
    private readonly host: SourceHost,
    callbacks: SourceCallbacks,
  ) {
    host.addController(this);
    this.grown = (recording) => callbacks.loaded(recording, true);
    this.task = new Task(host, {
      task: async ([object, src, inline], { signal }) => {
        if (object === undefined && !src && inline === undefined) return initialState;
        this.linkParser = host.deepLink && /[#?&]t=/.test(location.href) ? import('../../model/clip-link.js').catch(() => null) : null;
        const seconds = deadlineOr(host.requestTimeout, DEFAULT_DEADLINES.request);
        const [recording] = await Promise.all([loadRecording({ object, src, inline }, signal, seconds), loadMessages(languageOf(host))]);
        return recording;
      },
      args: () => [this.object, host.src, this.inline] as const,
      onComplete: (recording) => {
        // Done before the abort reached it: kept, and started once the host is back.
        this.interrupted = false;
        for (const w of recording.warnings) console.warn(`space-replay: manifest ${w.path}: ${w.message}`);
        this.expiry.arm(recording.manifest.retention?.expiresAt);
        callbacks.loaded(recording);
        // A live recording from a URL is loaded again as it grows.
        this.followLive(recording, this.object === undefined && host.src ? new URL(host.src, document.baseURI).href : '');
      },
      onError: (error) => {
        if (this.interrupted) return;
        const detail = this.errorOf(error);
        if (detail.code === 'offline') globalThis.addEventListener('online', this.onOnline, { once: true });
        callbacks.failed(detail);
      },
    });
    this.changed = callbacks.changed;
    this.failed = callbacks.failed;
  }

  private readonly changed: () => void;
  private readonly failed: (detail: PlayerErrorDetail) => void;

  /** Reads an inline manifest child when the host has no other source; loads again what its removal aborted. */
  hostConnected(): void {
    this.live?.resume();
    if (this.object === undefined && !this.host.src) {
      const script = this.host.querySelector(':scope > script[type="application/json"]');
      if (script) this.inline = script.textContent ?? '';
    }
    if (this.interrupted) {
      this.interrupted = false;
      void this.task.run();
    }
    if (this.task.status === TaskStatus.COMPLETE && !this.expiredNow) this.expiry.arm(this.task.value?.manifest.retention?.expiresAt);
  }

  /** Stops waiting for the network and for the expiry, and aborts a load in progress: a removed player fetches nothing more. */
  hostDisconnected(): void {
    this.live?.stop();
    globalThis.removeEventListener('online', this.onOnline);
    this.expiry.cancel();
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort();
    }
  }

  /** Sees a new source before the task starts loading it. */
  hostUpdate(): void {
    const next = [this.object, this.host.src, this.inline] as const;
    const [object, src, inline] = this.last;
    if (next[0] === object && next[1] === src && next[2] === inline) return;
    // A first source replaces nothing; any later one replaces what came before.
    const replaces = object !== undefined || src !== '' || inline !== undefined;
    this.last = next;
    this.expiredNow = null;
    this.expiry.cancel();
    this.liveTurn++;
    this.live?.stop();
    if (replaces) this.changed();
  }

  /**
   * Follows `recording` (loaded from `url`, or `""`) with the live reloader if it may still grow: a
   * `refresh` interval or live peaks, from a URL, not ended. The reloader's module is fetched then,
   * so a page of finished recordings never loads it.
   */
  private followLive(recording: Recording, url: string): void {
    const turn = ++this.liveTurn;
    this.live?.stop();
    const { status, refresh, liveWaveform } = recording.manifest;
    if (!url || status === 'ended' || (!refresh && !liveWaveform)) return;
    void import('./live-refresh.js').then(({ LiveRefresh }) => {
      if (turn !== this.liveTurn) return;
      this.live ??= new LiveRefresh(this.grown, () => deadlineOr(this.host.requestTimeout, DEFAULT_DEADLINES.request));
      this.live.follow(recording, url);
      // Removed while the module loaded: it waits, and resumes when the host is back.
      if (!this.host.isConnected) this.live.stop();
    }, (error: Error) => console.warn(`space-replay: the live reloader did not load (${error.message}); the recording plays as loaded`));
  }

  /** The task's status (`INITIAL` while a load aborted by the host's removal waits to run again). */
  get status(): TaskStatus {
    if (this.expiredNow) return TaskStatus.ERROR;
    return this.interrupted ? TaskStatus.INITIAL : this.task.status;
  }

  /** Why loading failed, or null. */
  get error(): PlayerErrorDetail | null {
    if (this.expiredNow) return this.expiredNow;
    return this.task.status === TaskStatus.ERROR && !this.interrupted ? this.errorOf(this.task.error) : null;
  }

  /** Loads again (after an error). */
  retry(): void {
    void this.task.run();
  }

  private errorOf(error: unknown): PlayerErrorDetail {
    return error instanceof PlayerError ? error.detail : { code: 'manifest-fetch', message: String(error), fatal: true };
  }

  /** The recording expired while open: the provider drops it (stopping and unloading the audio) and shows the expired state, naming it. */
  private expire(): void {
    const manifest = this.task.value?.manifest;
    if (this.task.status !== TaskStatus.COMPLETE || !manifest) return;
    this.expiredNow = new PlayerError('expired', `the recording expired at ${manifest.retention?.expiresAt} while it was open`, { title: manifest.title }).detail;
    this.changed();
    this.failed(this.expiredNow);
    this.host.requestUpdate();
  }

  private readonly onOnline = (): void => {
    if (this.error?.code === 'offline') this.retry();
  };
}
