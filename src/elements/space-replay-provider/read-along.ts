/**
 * The player's reading and sharing half, loaded in its own chunk once the player is ready (first
 * paint does not need it): clip playback (clip links, host highlights, previews), the clip
 * editor's range and the "Make a clip" mode, the transcript search's hits, and the transcript
 * itself, fetched once a part asks for it. The provider owns one per loaded recording; parts read
 * it through the snapshot (`readAlong`) and change it with requests.
 */

import type { ReactiveControllerHost } from 'lit';
import { ClipPlaybackController, type ActiveClip, type ClipNotice } from '../../controllers/clip-playback.js';
import type { Manifest } from '../../manifest/types.js';
import { clipsAllowed } from '../../model/clip-consent.js';
import type { Transcript } from '../../model/transcript/index.js';
import type { ReadAlongState, Span } from '../player-state/player-context.js';
import type { ReadAlongActions } from './player-requests.js';

/** What the read-along half needs of its provider. */
export interface ReadAlongHost extends ReactiveControllerHost, HTMLElement {
  /** Open the page's clip link once ready. */
  readonly deepLink: boolean;
  /** Playback position, seconds. */
  readonly currentTime: number;
  /** The element the audio plays through. */
  readonly mediaElement: HTMLAudioElement;
  /** Seeks. */
  seek(seconds: number): void;
}

/** Transcript and clip state of one loaded recording. */
export class ReadAlong implements ReadAlongState, ReadAlongActions {
  /** Clip playback on the provider's media element. */
  readonly clips: ClipPlaybackController;
  transcript: Transcript | undefined;
  transcriptUnavailable = false;
  skipped = 0;
  /** How long the transcript import took, ms (reported by the benchmark and tests). */
  importMs = 0;
  editing: { start: number; end: number } | null = null;
  clipMode = false;
  hits: readonly Span[] = [];
  activeHit = -1;

  private readonly abort = new AbortController();
  private transcriptLoading = false;
  /** The page's clip link is seeking through the player: that seek is the link's, not the listener's. */
  private openingLink = false;
  /** Transcript loads started: only the latest one lands. */
  private loads = 0;

  /** Wires clip playback to `host` for `manifest`; call {@link start} next. A transcript request may take `requestSeconds`. */
  constructor(
    private readonly host: ReadAlongHost,
    private manifest: Manifest,
    private readonly requestSeconds: number,
  ) {
    this.clips = new ClipPlaybackController(host, host.mediaElement, { onChange: () => host.requestUpdate() });
  }

  /** Opens the page's clip link (with `deep-link`; unless `open` is false), and again whenever the page's hash changes. */
  start(open = true): void {
    if (!this.host.deepLink) return;
    if (open) this.openLink();
    globalThis.addEventListener('hashchange', this.openLink);
  }

  /** Fetches and imports the transcript, once. */
  async loadTranscript(lang: string): Promise<void> {
    if (this.transcriptLoading || !this.manifest.transcripts?.length) return;
    this.transcriptLoading = true;
    const id = ++this.loads;
    const { loadTranscript } = await import('./transcript-loader.js');
    const loaded = await loadTranscript(this.manifest, lang, this.abort.signal, this.requestSeconds);
    if (!loaded || id !== this.loads) return;
    this.transcript = loaded.transcript;
    this.skipped = loaded.skipped;
    this.transcriptUnavailable = loaded.unavailable;
    this.importMs = loaded.importMs;
    this.host.requestUpdate();
  }

  /** A newer version of a live recording: clip checks use it, and a transcript asked for loads again. */
  grow(manifest: Manifest, lang: string): void {
    this.manifest = manifest;
    if (!this.transcriptLoading) return;
    this.transcriptLoading = false;
    void this.loadTranscript(lang);
  }

  /** Stops loading and watching; the provider drops this object afterwards. */
  destroy(): void {
    globalThis.removeEventListener('hashchange', this.openLink);
    this.abort.abort();
    this.clips.exit();
    this.clips.hostDisconnected();
    this.host.removeController(this.clips);
  }

  /** Whether clips may be made of this recording (not expired). */
  get clipsAllowed(): boolean {
    return clipsAllowed(this.manifest);
  }

  /** The clip being played, or null. */
  get clip(): ActiveClip | null {
    return this.clips.active;
  }

  /** The refused clip link's note, or null. */
  get notice(): ClipNotice | null {
    return this.clips.notice;
  }

  /** Opens the clip editor on `[start, end)`. */
  edit(start: number, end: number): void {
    if (!this.clipsAllowed) return;
    this.leavePreview();
    this.editing = { start, end };
    this.clipMode = false;
    this.host.requestUpdate();
  }

  /** Closes the clip editor. */
  closeEditor(): void {
    this.editing = null;
    this.leavePreview();
    this.host.requestUpdate();
  }

  /**
   * A preview belongs to the editor's range: a paused one would otherwise outlive it, marking the
   * old range over the next one and stopping the next Play at its end.
   */
  private leavePreview(): void {
    if (this.clips.active?.source === 'preview') this.clips.exit();
  }

  /** Turns "Make a clip" on or off. */
  setClipMode(on: boolean): void {
    this.clipMode = on && this.clipsAllowed;
    this.host.requestUpdate();
  }

  /** The transcript search's hits, to mark them on the timeline. */
  showHits(hits: readonly Span[], active: number): void {
    this.hits = hits;
    this.activeHit = active;
    this.host.requestUpdate();
  }

  /** The player seeked to `time` at the listener's request (see ClipPlaybackController.listenerSeek). */
  listenerSeek(time: number): void {
    if (!this.openingLink) this.clips.listenerSeek(time);
  }

  /** Plays `[start, end)` once: a host highlight or an editor preview. */
  playClip(start: number, end: number, source: 'highlight' | 'preview'): void {
    void this.clips.playClip(start, end, source);
  }

  /** Leaves the clip and plays on. */
  playFull(): void {
    void this.clips.playFullRecording();
  }

  /** Dismisses the refused clip link's note. */
  closeNotice(): void {
    this.clips.dismissNotice();
  }

  /** Opens the page's clip link, if it has one for this recording: seek, scroll into view, and the clip's range. */
  private readonly openLink = (): void => {
    const { manifest, host } = this;
    // With `url` given, the controller leaves `hashchange` to us.
    const opened = this.clips.openDeepLink({ id: manifest.id, duration: manifest.duration, manifest, url: location.href });
    if (!opened) return;
    // Through the player too: before metadata (hls.js loads nothing before a play or a seek) the
    // controller only remembers the seek, and this one is what starts loading. A link the page
    // opened with already started the audio there: no second seek to the same place.
    this.openingLink = true;
    if (Math.abs(host.currentTime - opened.start) > 0.01) host.seek(opened.start);
    this.openingLink = false;
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    host.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  };
}
