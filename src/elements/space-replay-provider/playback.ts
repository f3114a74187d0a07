/**
 * Playing a loaded recording, from the provider's side: where the audio starts (the page's clip
 * link, else the saved position), loading it, `space-replay-ready` once the parts that asked to
 * be waited for have drawn, then the read-along half and the chapters; while it plays, the
 * position saved every 5 s and the operating system's media session. A newer recording (or a
 * removed element) makes every step of an older one stale. Whatever fails while starting ends in
 * the error state with a message (`start-failed`, with Retry), never in a "ready" that cannot play.
 */

import type { ReactiveControllerHost } from 'lit';
import { DEFAULT_DEADLINES, deadlineOr } from '../../controllers/deadlines.js';
import { preferenceFor, probeCapabilities, type EnginePreference } from '../../controllers/source-choice.js';
import { emit } from '../../events.js';
import { languageOf } from '../../i18n/messages.js';
import type { Chapter } from '../../manifest/types.js';
import { nextTask } from '../player-state/next-task.js';
import type { Recording } from '../player-state/recording.js';
import type { MediaState } from './media-state.js';
import type { SessionPlayer } from './media-session.js';
import type { ReadAlong } from './read-along.js';
import { readPosition, writePosition } from './resume-position.js';

const SAVE_EVERY_SECONDS = 5;

/** What playback needs of its provider. */
export interface PlaybackHost extends ReactiveControllerHost, HTMLElement {
  readonly noResume: boolean;
  readonly engine: EnginePreference;
  readonly hlsConfig: Record<string, unknown> | undefined;
  readonly requestTimeout: number | undefined;
  readonly stallTimeout: number | undefined;
  readonly deepLink: boolean;
  readonly playing: boolean;
  readonly currentTime: number;
  readonly mediaElement: HTMLAudioElement;
  seek(seconds: number): void;
}

/** One provider's playback of its current recording. */
export class Playback {
  /** The read-along half, once loaded after ready. */
  readAlong: ReadAlong | null = null;
  /** The chapters, once loaded. */
  chapters: Chapter[] = [];

  private recording: Recording | null = null;
  private id = 0;
  private holds: Promise<unknown>[] = [];
  private wantsTranscript = false;
  private lastSaved = 0;
  private chapterAbort: AbortController | null = null;
  private session: typeof import('./media-session.js') | null = null;
  /** How the last start was asked for, while it has failed (Retry starts it again). */
  private failedStart: Parameters<Playback['start']> | null = null;
  /** The listener seeked since this recording started loading. */
  private listenerSeeked = false;

  /** `media` gives the provider's audio; `player` is what the media session's buttons do. */
  constructor(
    private readonly host: PlaybackHost,
    private readonly media: () => MediaState,
    private readonly player: () => SessionPlayer,
  ) {}

  /** Starts `recording`; `link` is the clip-link parser when the page's URL has a time. */
  async start(recording: Recording, link: Promise<typeof import('../../model/clip-link.js') | null> | null, tick: (t: number) => void): Promise<void> {
    const id = ++this.id;
    this.failedStart = null;
    try {
      await this.run(id, recording, link, tick);
    } catch (error) {
      if (id !== this.id) return;
      this.failedStart = [recording, link, tick];
      this.media().fail({ code: 'start-failed', message: `the recording could not start (${String(error)})`, fatal: true });
    }
  }

  /** After a failed start: starts again (the UI's Retry). Whether there was one to restart. */
  restart(): boolean {
    const args = this.failedStart;
    if (!args) return false;
    this.media().clearError();
    void this.start(...args);
    return true;
  }

  private async run(id: number, recording: Recording, link: Promise<typeof import('../../model/clip-link.js') | null> | null, tick: (t: number) => void): Promise<void> {
    const { host } = this;
    const { manifest } = recording;
    this.recording = recording;
    this.listenerSeeked = false;
    // The parts render the recording in this task; the audio loads in the next.
    await nextTask();
    if (id !== this.id) return;
    // A clip link's start is where the audio starts loading: no fetches of the opening segments first.
    const clip = (await link)?.parseClipLink(location.href, { id: manifest.id, duration: manifest.duration });
    if (id !== this.id) return;
    const startAt = clip ? clip.start : host.noResume ? undefined : readPosition(manifest.id, manifest.duration);
    const hlsConfig = host.hlsConfig;
    const deadlines = { request: deadlineOr(host.requestTimeout, DEFAULT_DEADLINES.request), stall: deadlineOr(host.stallTimeout, DEFAULT_DEADLINES.stall) };
    const preference = preferenceFor(host.engine, manifest.status, probeCapabilities(this.media().media));
    await this.media().engine.load(manifest.audio, preference, { ...(startAt !== undefined ? { startAt } : {}), ...(hlsConfig ? { hlsConfig } : {}), deadlines });
    if (id !== this.id) return;
    if (startAt !== undefined) {
      host.mediaElement.currentTime = startAt;
      tick(startAt);
    }
    // The parts that asked to be waited for (the timeline's waveform) have drawn.
    await Promise.all(this.holds);
    if (id !== this.id) return;
    this.holds = [];
    emit(host, 'space-replay-ready', { manifest });
    void import('./read-along.js').then(
      ({ ReadAlong }) => {
        if (id !== this.id) return;
        // A moved element starts again: the old one's listeners go first.
        this.readAlong?.destroy();
        this.readAlong = new ReadAlong(host, manifest, deadlineOr(host.requestTimeout, DEFAULT_DEADLINES.request));
        // A seek the listener made since the audio started at the link's start wins over the link.
        this.readAlong.start(!this.listenerSeeked);
        if (this.wantsTranscript) void this.readAlong.loadTranscript(languageOf(host));
        host.requestUpdate();
      },
      // Its chunk did not load (offline): the audio plays on without transcript or clip tools.
      (error: unknown) => console.warn(`space-replay: the transcript and clip tools could not load (${String(error)})`),
    );
    // Inline chapters show with the recording (their menu is part of the first layout); a chapters
    // file's reader is a chunk of its own, fetched only for one. Chapters are optional: a failed
    // fetch means none.
    const ref = manifest.chapters;
    if (ref?.data) {
      this.chapters = ref.data.chapters;
      host.requestUpdate();
    } else if (ref) {
      this.chapterAbort = new AbortController();
      const { signal } = this.chapterAbort;
      const seconds = deadlineOr(host.requestTimeout, DEFAULT_DEADLINES.request);
      const chapters = await import('./chapters-loader.js').then(({ loadChapters }) => loadChapters(ref, signal, seconds), (): Chapter[] => []);
      if (id !== this.id) return;
      this.chapters = chapters;
      host.requestUpdate();
    }
  }

  /** A newer version of the live recording playing: the transcript and clip checks follow it. False when nothing plays yet (it is then started). */
  grow(recording: Recording): boolean {
    if (!this.recording) return false;
    this.recording = recording;
    this.readAlong?.grow(recording.manifest, languageOf(this.host));
    return true;
  }

  /** Stops everything of the current recording (a new source, or the element was removed); `forget` drops it. */
  stop(forget: boolean): void {
    this.save(true);
    this.id++;
    this.chapterAbort?.abort();
    this.session?.releaseMediaSession(this.host);
    this.failedStart = null;
    if (!forget) return;
    this.recording = null;
    this.chapters = [];
    this.holds = [];
    this.readAlong?.destroy();
    this.readAlong = null;
  }

  /** The listener asked for a seek: the page's clip link no longer decides where playback is. */
  listenerSeek(time: number): void {
    this.listenerSeeked = true;
    this.readAlong?.listenerSeek(time);
  }

  /** Holds `space-replay-ready` until `until` settles. */
  hold(until: Promise<unknown>): void {
    this.holds.push(until.catch(() => {}));
  }

  /** A part shows the transcript: load it (now, or once the read-along half is there). */
  wantTranscript(): void {
    this.wantsTranscript = true;
    void this.readAlong?.loadTranscript(languageOf(this.host));
  }

  /** Per tick while playing: saves the position every few seconds. */
  tick(t: number): void {
    if (this.host.playing && Math.abs(t - this.lastSaved) >= SAVE_EVERY_SECONDS) this.save(false);
  }

  /** Saves the position (at once when `force`, else at most every few seconds). */
  save(force: boolean): void {
    const manifest = this.recording?.manifest;
    if (!manifest || this.host.noResume || !this.media().engine.loaded) return;
    const t = this.host.mediaElement.currentTime;
    if (!force && Math.abs(t - this.lastSaved) < SAVE_EVERY_SECONDS) return;
    this.lastSaved = t;
    writePosition(manifest.id, t, manifest.duration);
  }

  /** Playback started: this player takes the media session (its glue is fetched on first play: most page views never play). */
  claimSession(): void {
    const recording = this.recording;
    if (!recording) return;
    void import('./media-session.js').then((session) => {
      if (recording !== this.recording || !this.host.playing) return;
      this.session = session;
      const avatarOf = (p: object): string | undefined => recording.speakers.find((r) => r.participant === p)?.avatar;
      session.claimFor(this.host, recording.manifest, avatarOf, this.player());
      this.syncSession();
    });
  }

  /** The media session's position follows seeks and rate changes. */
  syncSession(): void {
    const media = this.host.mediaElement;
    this.session?.updateSessionPosition(this.host, this.recording?.manifest.duration ?? NaN, media.currentTime, media.playbackRate);
  }
}
