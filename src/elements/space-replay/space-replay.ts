import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { MediaEngineController } from '../../controllers/media-engine-controller.js';
import type { MediaEngineError } from '../../controllers/media-engine-controller.js';
import { PlaybackClockController } from '../../controllers/playback-clock-controller.js';
import type { EnginePreference } from '../../controllers/source-choice.js';
import { WaveformController, ZOOM_THRESHOLD_SECONDS, ZOOM_WINDOW_SECONDS, type WaveformColors } from '../../controllers/waveform-controller.js';
import { emit, type PlayerErrorDetail } from '../../events.js';
import { languageOf, loadMessages, messagesFor, type Messages } from '../../i18n/messages.js';
import type { Chapter, Manifest, Participant } from '../../manifest/types.js';
import { formatSpokenTime, formatTime } from '../../model/time.js';
import { icon } from './icons.js';
import { nextTask } from './next-task.js';
import { loadRecording, PlayerError } from './recording-loader.js';
import type { Recording, SpeakerRow } from './recording.js';
import { readPosition, writePosition } from './resume-position.js';
import { lanesHeight } from './lanes-height.js';
import { styles } from './space-replay.styles.js';

/** What the player shows. */
export type PlayerState = 'idle' | 'loading' | 'ready' | 'expired' | 'error';

/** Playback rates offered, and stepped through by `,` and `.`. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

const ARROW_SECONDS = 5;
const PAGE_SECONDS = 60;
const SAVE_EVERY_SECONDS = 5;
const AVAILABILITY_NOTICE_DAYS = 30;
const PALETTE_SIZE = 8;
const WAVE_HEIGHT = 56;

/**
 * `<space-replay>`: replays a recorded live-audio room from its manifest: HLS audio, a waveform
 * from precomputed peaks with speaker lanes, transport, speakers and keyboard shortcuts.
 *
 * @example
 * <script type="module" src="https://unpkg.com/space-replay"></script>
 * <space-replay src="/rooms/2024-05-01/manifest.json"></space-replay>
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
 * @slot transcript - Below the player's transcript panel and clip tools, for a site's additions.
 *
 * @csspart player - The whole player box.
 * @csspart header - Title, host, date, duration and status.
 * @csspart title - The recording title.
 * @csspart meta - Host, date and duration line.
 * @csspart badge - The status badge (`badge live` while live).
 * @csspart availability - "Available for N more days".
 * @csspart timeline - Waveform and lanes: the seek slider.
 * @csspart waveform - The waveform (wavesurfer's own parts are inside it).
 * @csspart lanes - The speaker lanes (an SVG: a path per row, `data-row` N; the overview, tracks, hatching and chapter ticks as `data-lanes` paths).
 * @csspart cursor - The playhead on the lanes.
 * @csspart hover - The time and speaker shown under the pointer.
 * @csspart transport - The row of playback controls.
 * @csspart button - Every button (also `play-button`, `back-button`, `forward-button`, `previous-speaker-button`, `next-speaker-button`, `mute-button`, `help-button`, `retry-button`).
 * @csspart time - Elapsed and remaining time.
 * @csspart rate - The playback-rate menu.
 * @csspart volume - The volume slider.
 * @csspart chapters - The chapter menu.
 * @csspart download - The download link.
 * @csspart buffering - The buffering indicator.
 * @csspart speakers - The speaker list.
 * @csspart speaker - One speaker (also `speaker active` while they speak).
 * @csspart avatar - A speaker's avatar image or initials.
 * @csspart name - A speaker's name.
 * @csspart role - A speaker's role badge.
 * @csspart talk-time - A speaker's talk time.
 * @csspart transcript - The container of the `transcript` slot.
 * @csspart skeleton - The loading placeholder.
 * @csspart message - The expired, error and offline messages.
 * @csspart issues - The list of manifest problems, each with its field path.
 * @csspart help - The keyboard shortcuts overlay.
 * @csspart marks - Search hits and clip ranges drawn over the lanes.
 * @csspart clip-banner - "Clip 1:02–1:35 · Play full recording" (with `play-full-button`).
 * @csspart clip-notice - A clip link opened as a plain timestamp (consent), naming who refused.
 * @csspart clip-tools - The "Make a clip" toggle (`clip-button`) and its hint (`clip-hint`).
 * @csspart highlights - The host highlights (`highlight`, `highlight active`, `highlight-button`).
 * @csspart clip-editor - The clip editor row (the editor's own parts as `editor`, `editor-message`, `editor-button`; `close-clip-button`).
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
export class SpaceReplay extends LitElement {
  static override styles = styles;

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
    playing: { type: Boolean, reflect: true },
    loading: { type: Boolean, reflect: true },
    expired: { type: Boolean, reflect: true },
    _input: { state: true },
    _inline: { state: true },
    _recording: { state: true },
    _mediaError: { state: true },
    _speaker: { state: true },
    _buffering: { state: true },
    _helpOpen: { state: true },
    _chapters: { state: true },
    _volume: { state: true },
    _muted: { state: true },
    _rate: { state: true },
    _hover: { state: true },
    _ended: { state: true },
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

  /** Reflects that audio is playing. */
  playing = false;

  /** Reflects that the manifest is loading. */
  loading = false;

  /** Reflects that the recording has expired. */
  expired = false;

  private _input: unknown = undefined;
  private _inline: string | undefined;
  private _recording: Recording | null = null;
  private _mediaError: PlayerErrorDetail | null = null;
  private _second = 0;
  private _speaker: string | null = null;
  private _buffering = false;
  private _helpOpen = false;
  private _chapters: Chapter[] = [];
  private _volume = 1;
  private _muted = false;
  private _rate = 1;
  private _hover: { x: number; time: number } | null = null;
  private _ended = false;

  private get _waveHost(): HTMLElement | null {
    return this._find('.waveform');
  }
  private get _lanes(): SVGSVGElement | null {
    return this._find('.lanes');
  }
  private get _cursor(): HTMLElement | null {
    return this._find('.cursor');
  }
  private get _timeline(): HTMLElement | null {
    return this._find('.timeline');
  }
  private get _timeText(): HTMLElement | null {
    return this._find('.time');
  }
  private _find<T extends Element>(selector: string): T | null {
    return this.renderRoot?.querySelector<T>(selector) ?? null;
  }

  private readonly _media: HTMLAudioElement = document.createElement('audio');
  private readonly _engine = new MediaEngineController(this, this._media, {
    onError: (e) => this._onMediaError(e),
    onEngine: (engine) => emit(this, 'space-replay-engine', { engine }),
    onRecovered: () => {
      this._mediaError = null;
    },
  });
  private readonly _waveform = new WaveformController(this, this._media);
  private _playbackId = 0;
  private _needsStart = false;
  private _cursorPx = -1;
  private _lastSaved = 0;
  private _lanesWidth = 0;
  private _resize: ResizeObserver | null = null;
  private _scheme: MediaQueryList | null = null;
  private _dragging = false;
  private _chapterAbort: AbortController | null = null;
  private _session: typeof import('./media-session.js') | null = null;
  private _help: typeof import('./help-overlay.js') | null = null;
  /** Transcript and clips: their own chunk, loaded once the player is ready. */
  private _extras: import('./transcript-and-clips.js').TranscriptAndClips | null = null;

  /** The clip-link parser, loading while the recording loads when `deep-link` and the URL has a time. */
  private _linkParser: Promise<typeof import('../../model/clip-link.js') | null> | null = null;

  private readonly _task = new Task(this, {
    task: async ([object, src, inline]: readonly [unknown, string, string | undefined], { signal }) => {
      if (object === undefined && !src && inline === undefined) return initialState;
      // A clip link's parser loads beside the recording: its start is where the audio starts.
      this._linkParser = this.deepLink && /[#?&]t=/.test(location.href) ? import('../../model/clip-link.js').catch(() => null) : null;
      // The strings of the page's language arrive with the recording, so the player never flashes English.
      const [recording] = await Promise.all([loadRecording({ object, src, inline }, signal), loadMessages(languageOf(this))]);
      return recording;
    },
    args: () => [this._input, this.src, this._inline] as const,
    onComplete: (recording) => {
      for (const w of recording.warnings) console.warn(`space-replay: manifest ${w.path}: ${w.message}`);
      this._recording = recording;
      this._needsStart = true;
    },
    onError: (error) => {
      const detail = error instanceof PlayerError ? error.detail : { code: 'manifest-fetch' as const, message: String(error), fatal: true };
      if (detail.code === 'offline') globalThis.addEventListener('online', this._onOnline, { once: true });
      emit(this, 'space-replay-error', detail);
    },
  });

  constructor() {
    super();
    this._media.preload = 'metadata';
    // The clock registers itself with this host; nothing else needs a handle on it.
    new PlaybackClockController(this, this._media, (t) => this._tick(t));
    const on = (type: string, listener: () => void): void => this._media.addEventListener(type, listener);
    on('play', () => {
      this.playing = true;
      this._ended = false;
      this._claimSession();
      emit(this, 'space-replay-play', { currentTime: this._media.currentTime });
    });
    on('pause', () => {
      this.playing = false;
      this._buffering = false;
      this._savePosition(true);
      emit(this, 'space-replay-pause', { currentTime: this._media.currentTime });
    });
    on('ended', () => {
      this._ended = true;
      emit(this, 'space-replay-ended', { currentTime: this._media.currentTime });
    });
    on('waiting', () => (this._buffering = true));
    for (const type of ['playing', 'canplay', 'emptied']) on(type, () => (this._buffering = false));
    on('seeked', () => {
      this._syncSession();
      emit(this, 'space-replay-seeked', { currentTime: this._media.currentTime });
    });
    on('ratechange', () => {
      this._rate = this._media.playbackRate;
      this._syncSession();
      emit(this, 'space-replay-ratechange', { playbackRate: this._rate });
    });
    on('volumechange', () => {
      this._volume = this._media.volume;
      this._muted = this._media.muted;
    });
    this.addEventListener('keydown', (e) => this._onKeydown(e));
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
    this._input = value ?? undefined;
  }

  /** What the player shows: `idle`, `loading`, `ready`, `expired` or `error`. */
  get state(): PlayerState {
    switch (this._task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return this._loadError()?.code === 'expired' ? 'expired' : 'error';
      case TaskStatus.COMPLETE:
        return this._mediaError?.fatal ? 'error' : 'ready';
      default:
        return 'idle';
    }
  }

  /** The current problem, if any (same detail as the last `space-replay-error`). */
  get error(): PlayerErrorDetail | null {
    return this._loadError() ?? this._mediaError;
  }

  /** Playback position, seconds. Setting it seeks. */
  get currentTime(): number {
    return this._media.currentTime;
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
    return this._media.paused;
  }

  /** Playback rate (0.5 to 3). */
  get playbackRate(): number {
    return this._media.playbackRate;
  }
  set playbackRate(rate: number) {
    if (Number.isFinite(rate)) this._media.playbackRate = Math.min(3, Math.max(0.5, rate));
  }

  /** The engine in use: `native`, `hls.js`, `progressive`, or `null` before audio is attached. */
  get activeEngine(): string | null {
    return this._engine.engine;
  }

  /** The `<audio>` element the player drives (for analytics; don't change its source). */
  get mediaElement(): HTMLAudioElement {
    return this._media;
  }

  /**
   * Starts playback. Resolves when it started; a browser's autoplay refusal leaves the play button
   * showing, not an error. Called before the audio is attached, it plays once the audio is (the
   * promise may then settle before the audio plays).
   */
  async play(): Promise<void> {
    if (this._ended) this.seek(0);
    try {
      await this._media.play();
    } catch {
      // NotAllowedError (autoplay policy) or AbortError (a new load): the UI shows Play.
    }
  }

  /** Pauses playback. */
  pause(): void {
    this._media.pause();
  }

  /** Jumps to `seconds` (clamped to the recording). */
  seek(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    const duration = Number.isFinite(this.duration) ? this.duration : Infinity;
    const t = Math.min(Math.max(0, seconds), duration);
    this._media.currentTime = t;
    this._ended = false;
    this._tick(t);
  }

  /** Loads again after an error (the Retry button). */
  retry(): void {
    if (this._task.status === TaskStatus.ERROR) {
      void this._task.run();
    } else if (this._mediaError) {
      this._mediaError = null;
      this._engine.retry();
    }
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
    if (name === 'theme') this._onSchemeChange();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The waveform's library loads beside the manifest.
    WaveformController.preload();
    if (this._input === undefined && !this.src) {
      const script = this.querySelector(':scope > script[type="application/json"]');
      if (script) this._inline = script.textContent ?? '';
    }
    this._scheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
    this._scheme?.addEventListener('change', this._onSchemeChange);
    // Controllers tore the audio down on disconnect; a moved element starts it again.
    if (this._recording) {
      this._needsStart = true;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    // Before the controllers tear the audio down (super), while the position is still known.
    this._savePosition(true);
    super.disconnectedCallback();
    this._playbackId++;
    this._resize?.disconnect();
    this._resize = null;
    this._scheme?.removeEventListener('change', this._onSchemeChange);
    this._chapterAbort?.abort();
    globalThis.removeEventListener('online', this._onOnline);
    this._session?.releaseMediaSession(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const lang = languageOf(this);
    if (messagesFor(lang) === messagesFor('en')) void loadMessages(lang).then((loaded) => loaded && this.requestUpdate());
    if (changed.has('src') || changed.has('_input' as keyof SpaceReplay) || changed.has('_inline' as keyof SpaceReplay)) {
      // A new source: nothing of the old one may show or play while the new one loads.
      if (changed.get('src') !== undefined || changed.get('_input' as keyof SpaceReplay) !== undefined || this._recording) this._reset();
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    // The task may change status during this update (after willUpdate): reflect it now, before
    // super.update() writes attributes, so it costs no second update.
    this.loading = this._task.status === TaskStatus.PENDING;
    this.expired = this.state === 'expired';
    super.update(changed);
  }

  protected override updated(): void {
    if (this._needsStart && this._recording && this._waveHost && this.isConnected) {
      this._needsStart = false;
      void this._start(this._recording);
    }
  }

  private _reset(): void {
    this._playbackId++;
    this._savePosition(true);
    this._waveform.detach();
    this._engine.unload();
    this._chapterAbort?.abort();
    this._recording = null;
    this._mediaError = null;
    this._speaker = null;
    this._second = 0;
    this._chapters = [];
    this._hover = null;
    this._ended = false;
    this._cursorPx = -1;
    this._session?.releaseMediaSession(this);
    this._extras?.destroy();
    this._extras = null;
  }

  /** Wires a loaded recording: model, lanes, waveform, then the audio (in that order: see WaveformController). */
  private async _start(recording: Recording): Promise<void> {
    const id = ++this._playbackId;
    const { manifest } = recording;
    const long = manifest.duration > ZOOM_THRESHOLD_SECONDS;
    // Separate tasks for the player's first render, the waveform and the audio: none of them long.
    await nextTask();
    if (id !== this._playbackId) return;
    this._observeSize();
    this._drawLanes();
    await nextTask();
    if (id !== this._playbackId) return;
    await this._waveform.attach(this._waveHost!, recording.wave, manifest.duration, {
      height: WAVE_HEIGHT,
      colors: this._waveColors(),
      ...(long ? { window: ZOOM_WINDOW_SECONDS } : {}),
    });
    if (id !== this._playbackId) return;
    await nextTask();
    if (id !== this._playbackId) return;
    // A clip link's start is where the audio starts loading: no fetches of the opening segments first.
    const link = (await this._linkParser)?.parseClipLink(location.href, { id: manifest.id, duration: manifest.duration });
    if (id !== this._playbackId) return;
    const startAt = link ? link.start : this.noResume ? undefined : readPosition(manifest.id, manifest.duration);
    const hlsConfig = this.hlsConfig;
    await this._engine.load(manifest.audio, this.engine, { ...(startAt !== undefined ? { startAt } : {}), ...(hlsConfig ? { hlsConfig } : {}) });
    if (id !== this._playbackId) return;
    if (startAt !== undefined) {
      this._media.currentTime = startAt;
      this._tick(startAt);
    }
    emit(this, 'space-replay-ready', { manifest });
    void import('./transcript-and-clips.js').then(({ TranscriptAndClips }) => {
      if (id !== this._playbackId) return;
      // A moved element starts again: the old one's listeners go first.
      this._extras?.destroy();
      this._extras = new TranscriptAndClips(this, manifest, (on) => this._waveform.wavesurfer?.toggleInteraction(on));
      this.requestUpdate();
      void this.updateComplete.then(() => this._extras?.load(languageOf(this)));
    });
    if (manifest.chapters) {
      this._chapterAbort = new AbortController();
      const { loadChapters } = await import('./recording.js');
      const chapters = await loadChapters(manifest.chapters, this._chapterAbort.signal);
      if (id === this._playbackId) {
        this._chapters = chapters;
        this._drawLanes();
      }
    }
  }

  private _observeSize(): void {
    if (this._resize || !this._timeline) return;
    this._resize = new ResizeObserver(() => {
      const width = this._timeline?.clientWidth ?? 0;
      if (width !== this._lanesWidth) this._drawLanes();
    });
    this._resize.observe(this._timeline);
  }

  private _drawLanes(): void {
    const svg = this._lanes;
    const recording = this._recording;
    if (!svg || !recording) return;
    const { timeline, speakers, manifest } = recording;
    const width = this._timeline?.clientWidth ?? 0;
    this._lanesWidth = width;
    const rowOf = new Int32Array(timeline.speakers.length).fill(-1);
    const rowColors: string[] = [];
    for (const r of speakers) {
      if (r.row < 0) continue;
      rowOf[timeline.speakerIndex(r.participant.id)] = r.row;
      rowColors[r.row] = `var(--space-replay-speaker-${(r.row % PALETTE_SIZE) + 1})`;
    }
    const long = manifest.duration > ZOOM_THRESHOLD_SECONDS;
    // Colours stay custom properties: the lanes follow a change of scheme without a redraw.
    recording.drawLanes(svg, width, {
      duration: manifest.duration,
      timeline,
      rowOf,
      rows: recording.rows,
      rowColors,
      redactions: manifest.redactions ?? [],
      chapterStarts: this._chapters.map((c) => c.startTime),
      overview: long ? recording.overview(Math.max(1, Math.round(width / 2))) : null,
      colors: {
        overview: 'var(--space-replay-wave)',
        redaction: 'var(--space-replay-muted)',
        chapter: 'var(--space-replay-fg)',
        track: 'var(--space-replay-surface)',
      },
    });
    this._cursorPx = -1;
    this._tick(this._media.currentTime);
  }

  /**
   * Resolves custom properties to colours a canvas understands (`var()`, named colours, …): one
   * probe element each, read together, so it costs one style recalculation.
   */
  private _colors(properties: string[]): string[] {
    const box = this._find<HTMLElement>('.probe');
    if (!box) return properties.map(() => '#888');
    while (box.childElementCount < properties.length) box.append(document.createElement('i'));
    const probes = [...box.children] as HTMLElement[];
    properties.forEach((p, i) => (probes[i]!.style.color = `var(${p})`));
    return properties.map((_, i) => getComputedStyle(probes[i]!).color || '#888');
  }

  private _waveColors(): WaveformColors {
    const [wave, progress, cursor] = this._colors(['--space-replay-wave', '--space-replay-progress', '--space-replay-cursor']);
    return { wave: wave!, progress: progress!, cursor: cursor! };
  }

  private readonly _onSchemeChange = (): void => {
    // The custom properties switch with the scheme; the waveform's canvases must be repainted by
    // hand (the lanes use the properties themselves).
    void this.updateComplete.then(() => this._waveform.setColors(this._waveColors()));
  };

  private readonly _onOnline = (): void => {
    if (this._task.status === TaskStatus.ERROR && this._loadError()?.code === 'offline') void this._task.run();
  };

  // ---- the clock --------------------------------------------------------------------------

  /** Per frame while playing: only what changed is touched (the second shown, the speaker, the playhead pixel). */
  private _tick(t: number): void {
    const second = Math.floor(t);
    if (second !== this._second) {
      this._second = second;
      this._showSecond();
    }
    const speaker = this._recording?.timeline.speakerAt(t) ?? null;
    if (speaker !== this._speaker) {
      this._speaker = speaker;
      emit(this, 'space-replay-speakerchange', { speakerId: speaker });
    }
    const duration = this.duration;
    if (this._cursor && duration > 0) {
      const px = Math.round((Math.min(t, duration) / duration) * this._lanesWidth);
      if (px !== this._cursorPx) {
        this._cursorPx = px;
        this._cursor.style.transform = `translateX(${px}px)`;
      }
    }
    if (!this._dragging) this._waveform.follow(t);
    this._extras?.tick(t);
    if (this.playing && Math.abs(t - this._lastSaved) >= SAVE_EVERY_SECONDS) this._savePosition(false);
  }

  /**
   * The second shown (clock and slider value), from `_second`, for the template and for
   * `_showSecond`: both must agree, as each writes over the other.
   */
  private _secondTexts(duration: number, m: Messages, lang: string) {
    const hours = duration >= 3600;
    const now = Math.min(this._second, Math.floor(duration));
    const left = duration - Math.min(this._second, duration);
    return {
      valueNow: String(now),
      valueText: m.valueText(formatSpokenTime(now, lang), formatSpokenTime(duration, lang)),
      elapsed: formatTime(Math.min(this._second, duration), { forceHours: hours }),
      remaining: formatTime(-left, { forceHours: hours }),
      remainingLabel: m.remaining(formatSpokenTime(left, lang)),
    };
  }

  /**
   * A new second while playing: the clock and the slider value are written straight to their
   * elements. A render of the whole player for them, twice a second at 2×, cost a few ms of
   * script each time on a slow phone. The template writes the same values when it renders (the
   * clock's texts are property bindings, so a direct write leaves no Lit part to break).
   */
  private _showSecond(): void {
    const manifest = this._recording?.manifest;
    const slider = this._timeline;
    const clock = this._timeText;
    if (!manifest || !slider || !clock) return;
    const lang = languageOf(this);
    const texts = this._secondTexts(manifest.duration, messagesFor(lang), lang);
    slider.setAttribute('aria-valuenow', texts.valueNow);
    slider.setAttribute('aria-valuetext', texts.valueText);
    const [elapsed, remaining] = clock.children;
    if (elapsed) elapsed.textContent = texts.elapsed;
    if (remaining) {
      remaining.textContent = texts.remaining;
      remaining.setAttribute('aria-label', texts.remainingLabel);
    }
  }

  private _savePosition(force: boolean): void {
    const manifest = this._recording?.manifest;
    if (!manifest || this.noResume || !this._engine.loaded) return;
    const t = this._media.currentTime;
    if (!force && Math.abs(t - this._lastSaved) < SAVE_EVERY_SECONDS) return;
    this._lastSaved = t;
    writePosition(manifest.id, t, manifest.duration);
  }

  // ---- media session ----------------------------------------------------------------------

  private _claimSession(): void {
    const recording = this._recording;
    if (!recording) return;
    // The Media Session glue is fetched on the first play: most page views never play.
    void import('./media-session.js').then((session) => {
      if (recording !== this._recording || !this.playing) return;
      this._session = session;
      const host = this._host();
      const avatar = recording.speakers.find((r) => r.participant === host)?.avatar;
      session.claimMediaSession(this, {
        title: recording.manifest.title,
        artist: host?.name ?? '',
        ...(avatar ? { artwork: avatar } : {}),
        play: () => void this.play(),
        pause: () => this.pause(),
        seekBy: (s) => this.seek(this.currentTime + s),
        seekTo: (s) => this.seek(s),
        nextSpeaker: () => this._jumpSpeaker(1),
        previousSpeaker: () => this._jumpSpeaker(-1),
      });
      this._syncSession();
    });
  }

  private _syncSession(): void {
    this._session?.updateSessionPosition(this, this.duration, this._media.currentTime, this._media.playbackRate);
  }

  // ---- actions ----------------------------------------------------------------------------

  private _toggle(): void {
    if (this._media.paused) void this.play();
    else this.pause();
  }

  private _skip(seconds: number): void {
    this.seek(this._media.currentTime + seconds);
  }

  private _jumpSpeaker(direction: 1 | -1): void {
    const timeline = this._recording?.timeline;
    if (!timeline) return;
    const t = this._media.currentTime;
    const turn = direction > 0 ? timeline.nextTurn(t) : timeline.previousTurn(t);
    if (turn) this.seek(turn.start);
  }

  private _jumpToSpeaker(id: string): void {
    const timeline = this._recording?.timeline;
    if (!timeline) return;
    // Their next turn, or (past their last one) their first.
    const turn = timeline.nextTurn(this._media.currentTime, id) ?? timeline.nextTurn(-1, id);
    if (turn) this.seek(turn.start);
  }

  private _stepRate(direction: 1 | -1): void {
    const rates: readonly number[] = PLAYBACK_RATES;
    const current = this._media.playbackRate;
    const next = direction > 0 ? rates.find((r) => r > current + 1e-6) : [...rates].reverse().find((r) => r < current - 1e-6);
    if (next !== undefined) this.playbackRate = next;
  }

  private async _toggleHelp(open = !this._helpOpen): Promise<void> {
    this._help ??= await import('./help-overlay.js');
    this._helpOpen = open;
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(open ? '[part~="help"] button' : '[part~="help-button"]');
      target?.focus();
    });
  }

  private _onMediaError(error: MediaEngineError): void {
    const detail: PlayerErrorDetail = { code: error.code, message: error.message, fatal: error.fatal, ...(error.status !== undefined ? { status: error.status } : {}) };
    this._mediaError = detail;
    emit(this, 'space-replay-error', detail);
  }

  private _loadError(): PlayerErrorDetail | null {
    if (this._task.status !== TaskStatus.ERROR) return null;
    const error = this._task.error;
    return error instanceof PlayerError ? error.detail : { code: 'manifest-fetch', message: String(error), fatal: true };
  }

  // ---- input ------------------------------------------------------------------------------

  private _onKeydown(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || this.state !== 'ready') return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.localName ?? '';
    if (e.key === 'Escape' && this._helpOpen) {
      this._toggleHelp(false);
      e.preventDefault();
      return;
    }
    // Form controls keep their own keys (arrows on the volume slider, letters in a menu).
    if (tag === 'input' || tag === 'select' || tag === 'textarea' || target?.isContentEditable) return;
    const activates = tag === 'button' || tag === 'a';
    let handled = true;
    switch (e.key) {
      case ' ':
        if (activates) return;
        this._toggle();
        break;
      case 'k':
      case 'K':
        this._toggle();
        break;
      case 'j':
      case 'J':
        this._skip(-this.skipBack);
        break;
      case 'l':
      case 'L':
        this._skip(this.skipForward);
        break;
      case 'ArrowLeft':
        this._skip(-ARROW_SECONDS);
        break;
      case 'ArrowRight':
        this._skip(ARROW_SECONDS);
        break;
      case 'n':
      case 'N':
        this._jumpSpeaker(1);
        break;
      case 'p':
      case 'P':
        this._jumpSpeaker(-1);
        break;
      case 'm':
      case 'M':
        this._media.muted = !this._media.muted;
        break;
      case ',':
      case '<':
        this._stepRate(-1);
        break;
      case '.':
      case '>':
        this._stepRate(1);
        break;
      case '?':
        this._toggleHelp();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  }

  /** The ARIA slider's own keys: arrows, PageUp/PageDown, Home/End. */
  private _onSliderKeydown(e: KeyboardEvent): void {
    const steps: Record<string, number> = {
      ArrowRight: ARROW_SECONDS,
      ArrowUp: ARROW_SECONDS,
      ArrowLeft: -ARROW_SECONDS,
      ArrowDown: -ARROW_SECONDS,
      PageUp: PAGE_SECONDS,
      PageDown: -PAGE_SECONDS,
    };
    if (e.key in steps) this._skip(steps[e.key]!);
    else if (e.key === 'Home') this.seek(0);
    else if (e.key === 'End') this.seek(this.duration);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  /** The time under a pointer: on the (possibly zoomed) waveform, or on the lanes overview. */
  private _timeAt(e: PointerEvent): number {
    const duration = this.duration;
    const wrapper = this._waveform.wavesurfer?.getWrapper();
    const onWave = wrapper && this._waveHost && e.composedPath().includes(this._waveHost);
    const box = (onWave ? wrapper : this._timeline)!.getBoundingClientRect();
    const fraction = box.width > 0 ? (e.clientX - box.left) / box.width : 0;
    return Math.min(Math.max(fraction, 0), 1) * duration;
  }

  private _onPointerDown(e: PointerEvent): void {
    if (e.button !== 0 || !this._recording) return;
    this._timeline?.setPointerCapture?.(e.pointerId);
    if (this._extras?.pointer(e, this._timeAt(e), 0)) return;
    this._dragging = true;
    this.seek(this._timeAt(e));
  }

  private _onPointerMove(e: PointerEvent): void {
    if (!this._recording || !this._timeline) return;
    const time = this._timeAt(e);
    this._extras?.pointer(e, time, 1);
    const box = this._timeline.getBoundingClientRect();
    this._hover = { x: Math.min(Math.max(e.clientX - box.left, 0), box.width), time };
  }

  private _onPointerUp(e: PointerEvent): void {
    if (this._extras?.pointer(e, this._timeAt(e), 2) || !this._dragging) return;
    this._dragging = false;
    this.seek(this._timeAt(e));
  }

  // ---- rendering --------------------------------------------------------------------------

  private _host(): Participant | undefined {
    const participants = this._recording?.manifest.participants ?? [];
    return participants.find((p) => p.role === 'host') ?? participants.find((p) => p.role === 'co-host');
  }

  protected override render(): TemplateResult {
    const lang = languageOf(this);
    const m = messagesFor(lang);
    const state = this.state;
    return html`<div part="player" class="player" role="region" aria-label=${this._recording?.manifest.title ?? m.loading} aria-busy=${this._buffering || state === 'loading' ? 'true' : 'false'}>
      <span class="probe" aria-hidden="true"></span>
      ${state === 'loading' ? this._renderSkeleton(m) : nothing}
      ${state === 'expired' ? this._renderMessage(m, this._loadError()!) : nothing}
      ${state === 'error' && !this._recording ? this._renderMessage(m, this.error!) : nothing}
      ${this._recording ? this._renderPlayer(this._recording.manifest, m, lang) : nothing}
    </div>`;
  }

  private _renderSkeleton(m: Messages): TemplateResult {
    return html`<div part="skeleton" class="skeleton" role="status">
      <span class="sr">${m.loading}</span>
      <div class="bone"></div>
      <div class="bone wave"></div>
      <div class="bone"></div>
    </div>`;
  }

  private _renderMessage(m: Messages, error: PlayerErrorDetail): TemplateResult {
    const canRetry = error.code === 'manifest-fetch' || error.code === 'offline' || error.code === 'media-network';
    const issues = error.issues ?? [];
    const role = error.code === 'expired' ? 'status' : 'alert';
    return html`<div part="message ${error.code}" class="message" role=${role}>
      <p class="headline">${m.errors[error.code]}</p>
      ${error.status !== undefined && error.code !== 'expired' ? html`<p class="detail">${m.httpStatus(error.status)}</p>` : nothing}
      ${error.code === 'manifest-invalid' && issues.length > 0
        ? html`<ul part="issues" class="issues">
            ${issues.slice(0, 5).map((i) => html`<li><code>${i.path || '(manifest)'}</code> ${i.message}</li>`)}
          </ul>`
        : nothing}
      ${error.code === 'manifest-version' && issues[0] ? html`<p class="detail">${issues[0].message}</p>` : nothing}
      ${canRetry ? html`<button part="button retry-button" type="button" @click=${() => this.retry()}>${m.retry}</button>` : nothing}
    </div>`;
  }

  private _renderPlayer(manifest: Manifest, m: Messages, lang: string): TemplateResult {
    const duration = manifest.duration;
    const hours = duration >= 3600;
    const second = this._secondTexts(duration, m, lang);
    const lanesH = lanesHeight(this._recording?.rows ?? 0, duration > ZOOM_THRESHOLD_SECONDS);
    const hoverSpeaker = this._hover ? this._recording?.timeline.speakerAt(this._hover.time) : undefined;
    const hoverName = hoverSpeaker ? this._recording?.speakers.find((r) => r.participant.id === hoverSpeaker)?.participant.name : undefined;
    return html`${this._renderHeader(manifest, m, lang)}
      <div
        part="timeline"
        class="timeline"
        role="slider"
        tabindex="0"
        aria-label=${m.seek}
        aria-valuemin="0"
        aria-valuemax=${Math.floor(duration)}
        aria-valuenow=${second.valueNow}
        aria-valuetext=${second.valueText}
        @keydown=${this._onSliderKeydown}
        @pointerdown=${this._onPointerDown}
        @pointermove=${this._onPointerMove}
        @pointerup=${this._onPointerUp}
        @pointerleave=${() => (this._hover = null)}
      >
        <div part="waveform" class="waveform" style="height:${WAVE_HEIGHT}px"></div>
        <div class="lanes-box">
          <svg part="lanes" class="lanes" style="height:${lanesH}px" aria-hidden="true" focusable="false"></svg>
          <div part="cursor" class="cursor"></div>
        </div>
        ${this._hover
          ? html`<div part="hover" class="hover" style="left:${this._hover.x}px" aria-hidden="true">
              ${formatTime(this._hover.time, { forceHours: hours })}${hoverName ? html` · <bdi>${hoverName}</bdi>` : nothing}${this._extras?.hoverNote(this._hover.time, lang)}
            </div>`
          : nothing}
      </div>
      ${this._extras?.renderBanner(m, lang)}
      ${this._mediaError ? this._renderMessage(m, this._mediaError) : nothing} ${this._renderTransport(m, lang, hours, second)}
      ${this._renderSpeakers(m)}
      <div part="transcript" class="transcript">${this._extras?.render(m, lang)}<slot name="transcript"></slot></div>
      ${this._helpOpen && this._help ? this._help.renderHelp(m, lang, () => this._toggleHelp(false)) : nothing}`;
  }

  private _renderHeader(manifest: Manifest, m: Messages, lang: string): TemplateResult {
    const host = this._host();
    const started = new Date(manifest.startedAt);
    let date = '';
    try {
      date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(started);
    } catch {
      date = started.toDateString();
    }
    const expiresAt = manifest.retention ? Date.parse(manifest.retention.expiresAt) : NaN;
    const daysLeft = Math.ceil((expiresAt - Date.now()) / 86_400_000);
    const status = manifest.status;
    return html`<header part="header" class="header">
      <div class="heading">
        <h2 part="title" class="title">${manifest.title}</h2>
        <span part="badge ${status}" class="badge ${status}">
          ${status === 'live' ? html`<span class="dot" aria-hidden="true"></span>${m.live}` : status === 'pending' ? m.scheduled : m.recorded}
        </span>
      </div>
      <p part="meta" class="meta">
        ${host ? html`<span>${m.hostedBy} <bdi>${host.name}</bdi></span> · ` : nothing}
        <time datetime=${manifest.startedAt}>${date}</time> ·
        <time datetime=${`PT${Math.round(manifest.duration)}S`}>${formatTime(manifest.duration)}</time>
        ${daysLeft > 0 && daysLeft <= AVAILABILITY_NOTICE_DAYS ? html` · <span part="availability">${m.availableFor(daysLeft)}</span>` : nothing}
      </p>
    </header>`;
  }

  private _renderTransport(m: Messages, lang: string, hours: boolean, second: ReturnType<SpaceReplay['_secondTexts']>): TemplateResult {
    const paused = !this.playing;
    const rateFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const download = this._recording!.download;
    const currentRate = PLAYBACK_RATES.find((r) => Math.abs(r - this._rate) < 1e-6);
    return html`<div part="transport" class="transport">
      <div class="buttons">
        <button part="button previous-speaker-button" type="button" aria-label=${m.previousSpeaker} title=${m.previousSpeaker} @click=${() => this._jumpSpeaker(-1)}>${icon('previous')}</button>
        <button part="button back-button" type="button" aria-label=${m.back(this.skipBack)} title=${m.back(this.skipBack)} @click=${() => this._skip(-this.skipBack)}>
          ${icon('back')}<span class="amount" aria-hidden="true">${this.skipBack}</span>
        </button>
        <button part="button play-button" class="play" type="button" aria-label=${paused ? m.play : m.pause} @click=${() => this._toggle()}>${icon(paused ? 'play' : 'pause')}</button>
        <button part="button forward-button" type="button" aria-label=${m.forward(this.skipForward)} title=${m.forward(this.skipForward)} @click=${() => this._skip(this.skipForward)}>
          ${icon('forward')}<span class="amount" aria-hidden="true">${this.skipForward}</span>
        </button>
        <button part="button next-speaker-button" type="button" aria-label=${m.nextSpeaker} title=${m.nextSpeaker} @click=${() => this._jumpSpeaker(1)}>${icon('next')}</button>
      </div>
      <span part="time" class="time">
        <span .textContent=${second.elapsed}></span> /
        <span aria-label=${second.remainingLabel} .textContent=${second.remaining}></span>
      </span>
      ${this._buffering ? html`<span part="buffering" class="buffering" role="status">${m.buffering}</span>` : nothing}
      <div class="settings">
        <select part="rate" aria-label=${m.rate} title=${m.rate} @change=${(e: Event) => (this.playbackRate = Number((e.target as HTMLSelectElement).value))}>
          ${currentRate === undefined ? html`<option selected value=${this._rate}>${rateFormat.format(this._rate)}×</option>` : nothing}
          ${PLAYBACK_RATES.map((r) => html`<option value=${r} ?selected=${r === currentRate}>${rateFormat.format(r)}×</option>`)}
        </select>
        <button part="button mute-button" type="button" aria-label=${this._muted ? m.unmute : m.mute} aria-pressed=${this._muted ? 'true' : 'false'} @click=${() => (this._media.muted = !this._media.muted)}>
          ${icon(this._muted || this._volume === 0 ? 'muted' : 'volume')}
        </button>
        <input part="volume" class="volume" type="range" min="0" max="1" step="0.05" aria-label=${m.volume} .value=${String(this._muted ? 0 : this._volume)}
          @input=${(e: Event) => {
            this._media.volume = Number((e.target as HTMLInputElement).value);
            this._media.muted = this._media.volume === 0;
          }} />
        ${this._chapters.length > 0
          ? html`<select part="chapters" aria-label=${m.chapterMenu} @change=${(e: Event) => {
              const select = e.target as HTMLSelectElement;
              if (select.value !== '') this.seek(Number(select.value));
              select.value = '';
            }}>
              <option value="" selected>${m.chapters}</option>
              ${this._chapters.map((c) => html`<option value=${c.startTime}>${formatTime(c.startTime, { forceHours: hours })} ${c.title}</option>`)}
            </select>`
          : nothing}
        ${download ? html`<a part="download" class="icon-link" href=${download} download aria-label=${m.download} title=${m.download}>${icon('download')}</a>` : nothing}
        <button part="button help-button" type="button" aria-label=${m.shortcuts} title=${m.shortcuts} aria-expanded=${this._helpOpen ? 'true' : 'false'} @click=${() => this._toggleHelp()}>${icon('help')}</button>
      </div>
    </div>`;
  }

  private _renderSpeakers(m: Messages): TemplateResult | typeof nothing {
    const rows = this._recording?.speakers ?? [];
    if (rows.length === 0) return nothing;
    return html`<section class="speakers-box" aria-label=${m.speakers}>
      <ul part="speakers" class="speakers">
        ${rows.map((r) => {
          const active = r.participant.id === this._speaker;
          const role = r.participant.role ?? 'speaker';
          const color = r.row >= 0 ? `var(--space-replay-speaker-${(r.row % PALETTE_SIZE) + 1})` : 'var(--space-replay-border)';
          return html`<li>
            <button part=${active ? 'speaker active' : 'speaker'} class="speaker" type="button" aria-current=${active ? 'true' : 'false'}
              aria-label=${r.talk > 0 ? m.jumpTo(r.participant.name) : r.participant.name} ?disabled=${r.talk === 0} style="--speaker-color:${color}">
              ${this._renderAvatar(r)}
              <span class="who">
                <bdi part="name" class="name">${r.participant.name}</bdi>
                <span class="facts">
                  <span part="role" class="role">${m.roles[role] ?? role}</span>
                  ${r.talk > 0 ? html`<span part="talk-time" class="talk">${m.talkTime(formatTime(r.talk))}</span>` : nothing}
                  ${active ? html`<span class="speaking">${m.speakingNow}</span>` : nothing}
                </span>
              </span>
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private _renderAvatar(r: SpeakerRow): TemplateResult {
    const initials = html`<span part="avatar" class="avatar initials" aria-hidden="true">${r.initials}</span>`;
    if (!r.avatar) return initials;
    return html`<img part="avatar" class="avatar" src=${r.avatar} alt="" referrerpolicy="no-referrer" decoding="async"
      @error=${() => {
        // A broken avatar falls back to initials, once.
        r.avatar = undefined;
        this.requestUpdate();
      }} />`;
  }

  protected override firstUpdated(): void {
    // Clicks inside the speaker list are delegated: one listener whatever the number of speakers.
    this.renderRoot.addEventListener('click', (e) => {
      const button = (e.target as Element).closest?.('button.speaker');
      if (!button) return;
      const index = [...this.renderRoot.querySelectorAll('button.speaker')].indexOf(button);
      const row = this._recording?.speakers[index];
      if (row) this._jumpToSpeaker(row.participant.id);
    });
  }
}
