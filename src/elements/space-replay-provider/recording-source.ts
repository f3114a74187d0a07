/**
 * Where the provider's recording comes from, and loading it: a manifest object (the `manifest`
 * property), else the `src` URL, else an inline `<script type="application/json">` child. A Lit
 * Task loads it, so a newer source makes an older load stale. With `deep-link`, the clip-link
 * parser loads beside it (the link's start is where the audio starts), and the page's strings
 * too, so the player never flashes English.
 */

import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlayerErrorDetail } from '../../events.js';
import { languageOf, loadMessages } from '../../i18n/messages.js';
import type { Recording } from '../player-state/recording.js';
import { LiveRefresh } from './live-refresh.js';
import { loadRecording, PlayerError } from './recording-loader.js';

/** What the source needs of its provider. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  /** The manifest URL. */
  readonly src: string;
  /** Whether the page's clip link opens. */
  readonly deepLink: boolean;
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
  private readonly live: LiveRefresh;

  /** Adds itself to `host`, ahead of its task (so a source change is seen before the new load starts). */
  constructor(
    private readonly host: SourceHost,
    callbacks: SourceCallbacks,
  ) {
    host.addController(this);
    this.live = new LiveRefresh((recording) => callbacks.loaded(recording, true));
    this.task = new Task(host, {
      task: async ([object, src, inline], { signal }) => {
        if (object === undefined && !src && inline === undefined) return initialState;
        this.linkParser = host.deepLink && /[#?&]t=/.test(location.href) ? import('../../model/clip-link.js').catch(() => null) : null;
        const [recording] = await Promise.all([loadRecording({ object, src, inline }, signal), loadMessages(languageOf(host))]);
        return recording;
      },
      args: () => [this.object, host.src, this.inline] as const,
      onComplete: (recording) => {
        for (const w of recording.warnings) console.warn(`space-replay: manifest ${w.path}: ${w.message}`);
        callbacks.loaded(recording);
        // A live recording from a URL is loaded again as it grows.
        this.live.follow(recording, this.object === undefined && host.src ? new URL(host.src, document.baseURI).href : '');
      },
      onError: (error) => {
        const detail = this.errorOf(error);
        if (detail.code === 'offline') globalThis.addEventListener('online', this.onOnline, { once: true });
        callbacks.failed(detail);
      },
    });
    this.changed = callbacks.changed;
  }

  private readonly changed: () => void;

  /** Reads an inline manifest child when the host has no other source. */
  hostConnected(): void {
    this.live.resume();
    if (this.object === undefined && !this.host.src) {
      const script = this.host.querySelector(':scope > script[type="application/json"]');
      if (script) this.inline = script.textContent ?? '';
    }
  }

  /** Stops waiting for the network. */
  hostDisconnected(): void {
    this.live.stop();
    globalThis.removeEventListener('online', this.onOnline);
  }

  /** Sees a new source before the task starts loading it. */
  hostUpdate(): void {
    const next = [this.object, this.host.src, this.inline] as const;
    const [object, src, inline] = this.last;
    if (next[0] === object && next[1] === src && next[2] === inline) return;
    // A first source replaces nothing; any later one replaces what came before.
    const replaces = object !== undefined || src !== '' || inline !== undefined;
    this.last = next;
    this.live.stop();
    if (replaces) this.changed();
  }

  /** The task's status. */
  get status(): TaskStatus {
    return this.task.status;
  }

  /** Why loading failed, or null. */
  get error(): PlayerErrorDetail | null {
    return this.task.status === TaskStatus.ERROR ? this.errorOf(this.task.error) : null;
  }

  /** Loads again (after an error). */
  retry(): void {
    void this.task.run();
  }

  private errorOf(error: unknown): PlayerErrorDetail {
    return error instanceof PlayerError ? error.detail : { code: 'manifest-fetch', message: String(error), fatal: true };
  }

  private readonly onOnline = (): void => {
    if (this.error?.code === 'offline') this.retry();
  };
}
