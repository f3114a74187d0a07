import { ContextProvider } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import type { EnginePreference } from '../../controllers/source-choice.js';
import { emit, type PlayerErrorDetail } from '../../events.js';
import { languageOf, loadMessages, messagesFor } from '../../i18n/messages.js';
import type { Manifest } from '../../manifest/types.js';
import { ClockHub } from '../player-state/player-clock.js';
import { playerContext, type PlayerSnapshot, type PlayerState } from '../player-state/player-context.js';
import type { Recording } from '../player-state/recording.js';
import { ColorSchemeWatch } from './color-scheme.js';
import { HelpController } from './help-controller.js';
import { playerActions } from './player-actions.js';
import { handleShortcut } from './player-keys.js';
import { answerRequests } from './player-requests.js';
import { MediaState } from './media-state.js';
import { Playback } from './playback.js';
import { RecordingSource } from './recording-source.js';
import { providerStyles } from './space-replay-provider.styles.js';

export type { PlayerState } from '../player-state/player-context.js';
export { PLAYBACK_RATES } from '../player-state/playback-rates.js';

/**
 * `<space-replay-provider>`: owns one recording (its manifest, its audio and what is played) and
 * shares it with the parts placed inside it (`<space-replay-timeline>`, `<space-replay-transport>`,
 * …) through `@lit/context`. It draws nothing itself but the keyboard shortcuts help: the page
 * lays the parts out. `<space-replay>` is this element with a default layout. See docs/compose.md.
 *
 * @example
 * <space-replay-provider src="/rooms/2024-05-01/manifest.json">
 *   <space-replay-timeline></space-replay-timeline>
 *   <space-replay-transport></space-replay-transport>
 * </space-replay-provider>
 *
 * @attr {'light' | 'dark' | 'auto'} theme - Colour scheme: `auto` (default) follows the viewer's `prefers-color-scheme`; pure CSS, no property.
 *
 * @fires space-replay-ready - `{manifest}`: the manifest is valid and audio is attached.
 * @fires space-replay-error - `{code, message, fatal, issues?, status?}`: something went wrong.
 * @fires space-replay-speakerchange - `{speakerId}`: the active speaker changed (`null`: silence).
 * @fires space-replay-play - `{currentTime}`: playback started.
 * @fires space-replay-pause - `{currentTime}`: playback paused.
 * @fires space-replay-ended - `{currentTime}`: playback reached the end.
 * @fires space-replay-seeked - `{currentTime}`: a seek finished.
 * @fires space-replay-ratechange - `{playbackRate}`: the rate changed.
 * @fires space-replay-engine - `{engine}`: `native`, `hls.js` or `progressive` was chosen.
 * @fires space-replay-clip - `{startTime, endTime, url}`: a clip link was made (copied, shared or embedded).
 *
 * @slot - The parts and whatever else the page lays out.
 *
 * @csspart help - The keyboard shortcuts overlay.
 *
 * @cssprop --space-replay-font - Font family.
 * @cssprop --space-replay-bg - Background.
 * @cssprop --space-replay-fg - Text colour.
 * @cssprop --space-replay-muted - Secondary text colour.
 * @cssprop --space-replay-accent - Buttons, progress and focus colour.
 * @cssprop --space-replay-surface - Background of controls and lanes.
 * @cssprop --space-replay-border - Border colour.
 * @cssprop --space-replay-radius - Corner radius.
 * @cssprop --space-replay-wave - Unplayed waveform colour.
 * @cssprop --space-replay-progress - Played waveform colour.
 * @cssprop --space-replay-cursor - Playhead colour.
 * @cssprop --space-replay-live - REC badge colour.
 * @cssprop --space-replay-speaker-1 - Colour of the first speaker (through `--space-replay-speaker-8`; then they repeat).
 */
export class SpaceReplayProvider extends LitElement {
  static override styles = providerStyles;

  // Reactive properties as one static map: smaller than a decorator call each.
  static override properties = {
    src: { reflect: true },
    engine: { reflect: true },
    skipBack: { type: Number, attribute: 'skip-back' },
    skipForward: { type: Number, attribute: 'skip-forward' },
    noResume: { type: Boolean, attribute: 'no-resume' },
    deepLink: { type: Boolean, attribute: 'deep-link' },
    maxClip: { type: Number, attribute: 'max-clip' },
    hlsConfig: { attribute: false },
    requestTimeout: { type: Number, attribute: 'request-timeout' },
    stallTimeout: { type: Number, attribute: 'stall-timeout' },
    playing: { type: Boolean, reflect: true },
    loading: { type: Boolean, reflect: true },
    expired: { type: Boolean, reflect: true },
    _recording: { state: true },
    _speaker: { state: true },
    _follow: { state: true },
  };

  /** URL of the recording's manifest. */
  src = '';

  /** How HLS plays: `auto` (native where the browser can, else hls.js), `native` or `hls.js`. */
  engine: EnginePreference = 'auto';

  /** Seconds the back button and `j` go back. */
  skipBack = 15;

  /** Seconds the forward button and `l` go forward. */
  skipForward = 15;

  /** Don't remember or restore the listening position. */
  noResume = false;

  /** Open the page's clip link (`#t=62,95`, `?t=90`) once ready. */
  deepLink = false;

  /** The longest clip a listener can make, seconds. */
  maxClip = 120;

  /** hls.js settings merged over the player's (e.g. `{workerPath}` to run hls.js in a worker). */
  hlsConfig: Record<string, unknown> | undefined;

  /** Seconds a request (manifest, peaks, transcript, chapters, HLS playlist) may take before it counts as failed (default 15). */
  requestTimeout: number | undefined;

  /** Seconds playback may wait for audio before the source counts as failed (default 20). */
  stallTimeout: number | undefined;

  /** Reflects that audio is playing. */
  playing = false;

  /** Reflects that the manifest is loading. */
  loading = false;

  /** Reflects that the recording has expired. */
  expired = false;

  private _recording: Recording | null = null;
  private _speaker: string | null = null;
  private _follow = 0;

  // Made on first use (connecting, or a call such as play()), never in the constructor: a server
  // rendering the element has no document.
  private _m: MediaState | undefined;
  private readonly _clock = new ClockHub();
  private readonly _context = new ContextProvider(this, { context: playerContext });
  private _snapshot: PlayerSnapshot | undefined;
  private _needsStart = false;
  private readonly _scheme = new ColorSchemeWatch(this);
  private readonly _help = new HelpController(this);
  // The media session's buttons do what the keys do.
  private readonly _playback: Playback = new Playback(this, () => this._media(), () => this._actions);
  private readonly _actions = playerActions(this, {
    help: this._help,
    playback: this._playback,
    timeline: () => this._recording?.timeline,
    follow: () => void this._follow++,
  });

  private readonly _source = new RecordingSource(this, {
    changed: () => this._reset(),
    loaded: (recording, grown) => {
      this._recording = recording;
      this._needsStart ||= !(grown && this._playback.grow(recording));
    },
    failed: (detail) => emit(this, 'space-replay-error', detail),
  });

  constructor() {
    super();
    this.addEventListener('keydown', (e) => {
      if (this.state === 'ready' && handleShortcut(e, this._actions)) e.preventDefault();
    });
    answerRequests(this, this._actions);
  }

  // ---- public API -------------------------------------------------------------------------

  /**
   * The parsed, validated manifest (`undefined` until loaded). Setting an object loads it instead
   * of `src` (relative URLs resolve against the page).
   */
  get manifest(): Manifest | undefined {
    return this._recording?.manifest;
  }
  set manifest(value: unknown) {
    this._source.object = value ?? undefined;
    this.requestUpdate();
  }

  /** What the player shows: `idle`, `loading`, `ready`, `expired` or `error`. */
  get state(): PlayerState {
    switch (this._source.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return this._source.error?.code === 'expired' ? 'expired' : 'error';
      case TaskStatus.COMPLETE:
        return this._m?.error?.fatal ? 'error' : 'ready';
      default:
        return 'idle';
    }
  }

  /** The current problem, if any (same detail as the last `space-replay-error`). */
  get error(): PlayerErrorDetail | null {
    return this._source.error ?? this._m?.error ?? null;
  }

  /** Playback position, seconds. Setting it seeks. */
  get currentTime(): number {
    return this.mediaElement.currentTime;
  }
  set currentTime(seconds: number) {
    this.seek(seconds);
  }

  /** Length of the recording, seconds (from the manifest; `NaN` before it loads). */
  get duration(): number {
    return this._recording?.manifest.duration ?? NaN;
  }

  /** Whether playback is paused. */
  get paused(): boolean {
    return this.mediaElement.paused;
  }

  /** Playback rate (0.5 to 3). */
  get playbackRate(): number {
    return this.mediaElement.playbackRate;
  }
  set playbackRate(rate: number) {
    if (Number.isFinite(rate)) this.mediaElement.playbackRate = Math.min(3, Math.max(0.5, rate));
  }

  /** The engine in use: `native`, `hls.js`, `progressive`, or `null` before audio is attached. */
  get activeEngine(): string | null {
    return this._m?.engine.engine ?? null;
  }

  /** The `<audio>` element the player drives (for analytics; don't change its source). */
  get mediaElement(): HTMLAudioElement {
    return this._media().media;
  }

  /**
   * Starts playback. Resolves when it started; a browser's autoplay refusal leaves the play button
   * showing, not an error. Called before the audio is attached, it plays once the audio is (the
   * promise may then settle before the audio plays).
   */
  async play(): Promise<void> {
    if (this._m?.ended) this.seek(0);
    try {
      await this.mediaElement.play();
    } catch {
      // NotAllowedError (autoplay policy) or AbortError (a new load): the UI shows Play.
    }
  }

  /** Pauses playback. */
  pause(): void {
    this.mediaElement.pause();
  }

  /** Jumps to `seconds` (clamped to the recording). */
  seek(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    const t = Math.min(Math.max(0, seconds), Number.isFinite(this.duration) ? this.duration : Infinity);
    this._media().seek(t);
    this._playback.listenerSeek(t);
    this._tick(t);
  }

  /** Loads again after an error (the Retry button). */
  retry(): void {
    if (this._source.status === TaskStatus.ERROR) this._source.retry();
    else if (!this._playback.restart()) this._m?.retry();
  }

  // ---- lifecycle --------------------------------------------------------------------------

  // `lang` is a global attribute, not a Lit property: watch it so the strings follow it. `theme`
  // is pure CSS (`:host([theme=dark])`), not a property either: only the canvases need telling.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'theme'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
    if (name === 'theme') this._scheme.changed();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._media();
    // Starting one player pauses the others. Its own small chunk: no player can play before its
    // manifest has loaded, by which time this has long been installed.
    const doc = this.ownerDocument;
    void import('../shared/playing-coordinator.js').then((m) => m.installPlayingCoordinator(doc));
    // Controllers tore the audio down on disconnect; a moved element starts it again.
    if (this._recording) {
      this._needsStart = true;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    // Before the controllers tear the audio down (super), while the position is still known.
    this._playback.stop(false);
    super.disconnectedCallback();
  }

  protected override willUpdate(): void {
    const lang = languageOf(this);
    if (messagesFor(lang) === messagesFor('en')) void loadMessages(lang).then((loaded) => loaded && this.requestUpdate());
  }

  /**
   * Shares the new state at once, not only when this element updates: the parts then render in
   * the same microtask as the player, before the code that heard one of its events goes on.
   */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    super.requestUpdate(name, oldValue, options);
    if (this.hasUpdated) this._share();
  }

  protected override update(changed: PropertyValues<this>): void {
    // The task may change status during this update (in its hostUpdate, after willUpdate):
    // reflect it and share the state now, before super.update() renders, so it costs no second update.
    this.loading = this._source.status === TaskStatus.PENDING;
    this.expired = this.state === 'expired';
    this._share();
    super.update(changed);
  }

  private _share(): void {
    this._snapshot = this._takeSnapshot(languageOf(this));
    this._context.setValue(this._snapshot);
  }

  protected override updated(): void {
    if (this._needsStart && this._recording && this.isConnected) {
      this._needsStart = false;
      void this._playback.start(this._recording, this._source.linkParser, (t) => this._tick(t));
    }
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>${this.renderHelp()}`;
  }

  /** The state the parts read (undefined before the first update). */
  protected get snapshot(): PlayerSnapshot | undefined {
    return this._snapshot;
  }

  /** The shortcuts help, when open. */
  protected renderHelp(): TemplateResult | typeof nothing {
    return this._help.render();
  }

  private _takeSnapshot(lang: string): PlayerSnapshot {
    return {
      ...(this._m?.snapshot() ?? { ended: false, buffering: false, rate: 1, volume: 1, muted: false, mediaError: null, media: null }),
      state: this.state,
      loadError: this._source.error,
      recording: this._recording,
      lang,
      playing: this.playing,
      speaker: this._speaker,
      chapters: this._playback.chapters,
      skipBack: this.skipBack,
      skipForward: this.skipForward,
      maxClip: this.maxClip,
      helpOpen: this._help.open,
      scheme: this._scheme.changes,
      follow: this._follow,
      readAlong: this._playback.readAlong,
      clock: this._clock,
    };
  }

  private _media(): MediaState {
    this._m ??= new MediaState(this, this._playback, (t) => this._tick(t), (playing) => (this.playing = playing));
    return this._m;
  }

  private _reset(): void {
    this._playback.stop(true);
    this._m?.unload();
    this._recording = null;
    this._speaker = null;
  }

  /** Per frame while playing, and after seeks: the speaker, the parts that follow the clock, the saved position. */
  private _tick(t: number): void {
    const speaker = this._recording?.timeline.speakerAt(t) ?? null;
    if (speaker !== this._speaker) {
      this._speaker = speaker;
      emit(this, 'space-replay-speakerchange', { speakerId: speaker });
    }
    this._clock.emit(t);
    this._playback.tick(t);
  }
}
