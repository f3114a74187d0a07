import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TimerScope } from '../../controllers/timer-scope.js';
import { emit } from '../../events.js';
import { readAlongMessages } from '../../i18n/read-along-messages.js';
import { languageOf, loadMessages, messagesFor, type TranscriptMessages } from '../../i18n/messages.js';
import { formatSpokenTime, formatTime } from '../../model/time.js';
import { toPlainText, toWebVTT, type SearchHit, type Transcript } from '../../model/transcript/index.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { initialsOf, safeAvatarUrl } from './avatar.js';
import {
  avatarNode,
  CURRENT,
  HIT,
  HIT_CURRENT,
  IN_CLIP,
  paintCue,
  paintWord,
  PLAYED,
  REDACTED,
  renderBlock,
  type BlockContext,
  type RenderedBlock,
  type SpeakerView,
} from './block-view.js';
import { copyText } from './copy-text.js';
import { downloadFile } from './download-file.js';
import { HeightIndex } from './height-index.js';
import { redactedWords, type RedactionRange } from './redacted-words.js';
import { ScrollIntent } from './scroll-intent.js';
import { coveredWords, selectedRange } from './selection-words.js';
import { styles } from './space-replay-transcript.styles.js';
import { blockOfWord, buildBlocks, type TranscriptBlocks } from './transcript-blocks.js';
import { exportableTranscript } from './transcript-export.js';

/** A participant as the panel shows them (a manifest `Participant` fits). */
export interface TranscriptParticipant {
  /** Participant id, as transcript speakers are matched to. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Avatar URL; only relative, `https:` and local `http:` URLs load. */
  readonly avatar?: string | undefined;
}

/** A search hit's time span, as the player marks it on the waveform. */
export interface SearchHitSpan {
  /** Start of the first matched word, seconds. */
  startTime: number;
  /** End of the last matched word, seconds. */
  endTime: number;
}

// Rendering window: the visible blocks, plus this margin (px, at least) above and below, up to a word budget.
const MIN_MARGIN_PX = 240;
const MAX_WINDOW_WORDS = 900;
// Following keeps the current word between these fractions of the panel's height, and puts it
// back at FOLLOW_AT when it leaves them.
const FOLLOW_TOP = 0.1;
const FOLLOW_BOTTOM = 0.8;
const FOLLOW_AT = 0.3;
// In a pause shorter than this after a word (or cue), it stays highlighted.
const HOLD_SECONDS = 1;
const MAX_HITS = 10_000;
const STATUS_MS = 4000;
const DEFAULTS = { lineHeight: 24, head: 44, pad: 12, charWidth: 8 };

interface Model {
  t: Transcript;
  blocks: TranscriptBlocks;
  heights: HeightIndex;
  measured: Uint8Array;
  /** HIT and HIT_CURRENT per word. */
  hits: Uint8Array;
  /** No word timings in the source: highlight cues instead of words. */
  cueMode: boolean;
}

/** A navigable item: a word (index >= 0) or a turn's time button (-(turn + 1)). */
type Item = number;

const chevron = (d: string): TemplateResult =>
  html`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">${svg`<path d=${d} fill="currentColor"></path>`}</svg>`;

/**
 * `<space-replay-transcript>`: a synced, searchable transcript panel. Paragraphs follow speaker
 * turns; the word being spoken is highlighted; clicking (or Enter on) a word or a paragraph's time
 * asks the player to seek; selecting words asks for a clip. Only the visible paragraphs (and a
 * margin) are in the DOM, so a 4-hour, 60,000-word transcript stays light. Inside a
 * `<space-replay-provider>` (or `<space-replay>`) it is a part: it asks for the recording's
 * transcript and takes its properties from the player's state (docs/compose.md). On its own, a
 * page sets them and listens for the requests; see docs/transcript-panel.md.
 *
 * @example
 * <space-replay-transcript style="height: 24rem"></space-replay-transcript>
 * <script type="module">
 *   panel.transcript = importTranscript(vttText).transcript;
 *   panel.participants = manifest.participants;
 *   audio.addEventListener('timeupdate', () => (panel.currentTime = audio.currentTime));
 *   panel.addEventListener('space-replay-seek-request', (e) => (audio.currentTime = e.detail.time));
 * </script>
 *
 * @fires space-replay-seek-request - `{time}`: a word or a paragraph time was clicked (or Enter was pressed on it).
 * @fires space-replay-clip-request - `{start, end}`: words were selected; the range is snapped to their boundaries.
 * @fires space-replay-search - `{query, hits: [{startTime, endTime}], active}`: the search results (or the one shown) changed.
 *
 * @csspart toolbar - The search and action row.
 * @csspart search - The search field.
 * @csspart search-count - "3 of 17".
 * @csspart button - Every button (also `search-previous`, `search-next`, `copy-button`, `download-button`, `resume`).
 * @csspart status - "Transcript copied".
 * @csspart notice - "N lines could not be read".
 * @csspart message - "Loading transcript…" and "Transcript unavailable".
 * @csspart scroller - The scrolling area.
 * @csspart turn - A paragraph (`turn continued` for the later parts of a long one).
 * @csspart turn-header - Avatar, name and time of a paragraph.
 * @csspart avatar - A speaker's image (`avatar initials` when there is none).
 * @csspart speaker - A speaker's name.
 * @csspart time - A paragraph's start time (a button).
 * @csspart text - A paragraph's text.
 * @csspart cue - One cue (`cue current`, `cue played` when the source has no word times).
 * @csspart word - One word; also `current`, `played`, `hit`, `hit-current`, `clip`, `redacted`.
 * @csspart redaction - "removed at the speaker's request".
 * @csspart resume - The "Resume following" button.
 *
 * @cssprop --space-replay-transcript-height - The panel's height (default 24rem).
 * @cssprop --space-replay-transcript-current - Background of the current word.
 * @cssprop --space-replay-transcript-played - Colour of played words.
 * @cssprop --space-replay-transcript-hit - Background of search hits.
 * @cssprop --space-replay-accent - Focus, clip and current-hit colour.
 */
export class SpaceReplayTranscript extends LitElement {
  static override styles = styles;

  /** The transcript to show (from `importTranscript`); undefined while it loads. */
  @property({ attribute: false }) transcript: Transcript | undefined;

  /** Participants, for names and avatars of matched speakers (the manifest's list fits). */
  @property({ attribute: false }) participants: readonly TranscriptParticipant[] = [];

  /** Whether the player is playing (following scrolls smoothly only then). */
  @property({ type: Boolean, reflect: true }) playing = false;

  /** The recording's length in seconds (times show hours from an hour on). */
  @property({ type: Number }) duration = NaN;

  /** A clip range to mark in the text (`part="word clip"`), or undefined. */
  @property({ attribute: false }) range: { start: number; end: number } | undefined;

  /** Ranges removed at a speaker's request: their words are never shown, copied or downloaded. */
  @property({ attribute: false }) redactions: readonly RedactionRange[] = [];

  /** Show "Transcript unavailable" (the transcript could not be loaded). */
  @property({ type: Boolean, reflect: true }) unavailable = false;

  /** How many lines or cues the importer skipped ("N lines could not be read"). */
  @property({ type: Number }) skipped = 0;

  /** Offer WebVTT and plain-text downloads (the manifest's `downloads.transcript` allows it). */
  @property({ type: Boolean, attribute: 'allow-download' }) allowDownload = false;

  /** File name of downloads, without extension. */
  @property({ attribute: 'download-name' }) downloadName = 'transcript';

  /** The UI language (else the closest ancestor's `lang`). */
  @property({ reflect: true }) override lang!: string;

  @state() private _following = true;
  @state() private _status = '';

  private _model: Model | null = null;
  private _speakers: SpeakerView[] = [];
  private _redacted: Uint8Array | null = null;
  private _rangeWords: [number, number] = [0, 0];
  private _time = 0;
  private _current = -1;
  private _playedEnd = 0;

  private _scroller: HTMLElement | null = null;
  private _list: HTMLElement | null = null;
  private _intent: ScrollIntent | null = null;
  private _resizeObserver: ResizeObserver | null = null;
  /** Watches whether the followed word is still inside the follow band (see _watchFollowed). */
  private _followObserver: IntersectionObserver | null = null;
  private _followed: Element | null = null;
  private _width = 0;
  private _height = 0;
  private _lineHeight = DEFAULTS.lineHeight;
  private _headHeight = DEFAULTS.head;
  private _pad = DEFAULTS.pad;
  private _charsPerLine = 60;
  private _calibrated = false;

  private readonly _rendered = new Map<number, RenderedBlock>();
  private readonly _blockOfEl = new WeakMap<Element, RenderedBlock>();
  private _first = 0;
  private _end = 0;
  private _tabStop: Item = 0;
  private _tabEl: HTMLElement | null = null;
  private _dirtyBlocks = false;
  private _layingOut = false;

  /** Inside a provider: its state (the properties follow it) and its clock (the highlight does). */
  private readonly _player = new PlayerConsumer(this, (t) => {
    if (this._player.state) this.currentTime = t;
  });
  private _asked = false;
  private _providerLang = '';
  private _follow = 0;
  private _followPending = false;

  private _query = '';
  private _hits: SearchHit[] = [];
  private _activeHit = -1;
  private _lastClip = '';
  private readonly _timers = new TimerScope();

  /** Where playback is, in seconds. Set it every frame while playing: only the words that change are touched. */
  get currentTime(): number {
    return this._time;
  }
  set currentTime(value: number) {
    const time = Number(value);
    if (!Number.isFinite(time)) return;
    this._time = time;
    this._applyTime();
  }

  /** The current search hits' time spans, in time order (for marking them on the waveform). */
  get searchHits(): SearchHitSpan[] {
    return this._hits.map((h) => ({ startTime: h.startTime, endTime: h.endTime }));
  }

  /** Whether the panel keeps the current line in view (false after the listener scrolls it). */
  get following(): boolean {
    return this._following;
  }

  /** Follows playback again and brings the current line into view (the player calls it on a waveform seek). */
  resumeFollowing(): void {
    this._following = true;
    this._revealWord(this._followWord(), true);
  }

  /** Runs a search as if typed in the search field (an empty query clears it). */
  search(query: string): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('.search');
    if (input) input.value = query;
    this._search(query, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A currentTime set before the element was defined sits on the instance and hides the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'currentTime')) {
      const value = (this as unknown as { currentTime: number }).currentTime;
      delete (this as unknown as { currentTime?: number }).currentTime;
      this.currentTime = value;
    }
    this._resizeObserver ??= new ResizeObserver(() => this._onResize());
    if (this._scroller) this._resizeObserver.observe(this._scroller);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._asked = false;
    this._resizeObserver?.disconnect();
    this._unwatchFollowed();
    this._timers.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._followProvider();
    const lang = this._language();
    // Languages other than English load on demand: render again (blocks hold strings too) once they have.
    if (messagesFor(lang) === messagesFor('en')) {
      void loadMessages(lang).then((loaded) => {
        if (!loaded) return;
        this._dirtyBlocks = true;
        this.requestUpdate();
      });
    }
    if (changed.has('transcript')) this._resetModel();
    if (changed.has('transcript') || changed.has('participants') || changed.has('lang') || changed.has('duration')) {
      this._speakers = this._speakerViews();
      this._dirtyBlocks = true;
    }
    if (changed.has('transcript') || changed.has('redactions')) {
      this._redacted = this.transcript ? redactedWords(this.transcript, this.redactions) : null;
      this._dirtyBlocks = true;
    }
    if (changed.has('transcript') || changed.has('range')) {
      const r = this.range;
      this._rangeWords = this.transcript && r && r.end > r.start ? this.transcript.wordsInRange(r.start, r.end) : [0, 0];
      if (!changed.has('transcript')) this._repaintWords(0, this.transcript?.wordCount ?? 0);
    }
  }

  protected override render(): TemplateResult {
    const m = this._messages();
    const t = this.transcript;
    if (this.unavailable || !t) {
      return html`<p part="message" class="message" role="status" aria-busy=${this.unavailable ? 'false' : 'true'}>
        ${this.unavailable ? m.unavailable : m.loading}
      </p>`;
    }
    const n = this._hits.length;
    const count = this._query.trim() === '' ? '' : n === 0 ? m.noResults : m.searchCount(this._activeHit + 1, n);
    return html`
      <div part="toolbar" class="toolbar">
        <input
          part="search"
          class="search"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          spellcheck="false"
          aria-label=${m.search}
          placeholder=${m.search}
          @input=${this._onSearchInput}
          @keydown=${this._onSearchKey}
        />
        <span part="search-count" class="count" role="status">${count}</span>
        <button part="button search-previous" type="button" aria-label=${m.previousResult} ?disabled=${n === 0} @click=${() => this._stepHit(-1)}>
          ${chevron('M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6z')}
        </button>
        <button part="button search-next" type="button" aria-label=${m.nextResult} ?disabled=${n === 0} @click=${() => this._stepHit(1)}>
          ${chevron('M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z')}
        </button>
        <button part="button copy-button" type="button" @click=${this._copy}>${m.copy}</button>
        ${this.allowDownload
          ? html`<button part="button download-button" type="button" data-format="vtt" @click=${this._download}>${m.downloadVtt}</button>
              <button part="button download-button" type="button" data-format="txt" @click=${this._download}>${m.downloadText}</button>`
          : nothing}
        <span part="status" class="status" role="status">${this._status}</span>
      </div>
      ${this.skipped > 0 ? html`<p part="notice" class="notice">${m.skipped(this.skipped)}</p>` : nothing}
      <div class="viewport">
        <div
          part="scroller"
          class="scroller"
          role="region"
          aria-label=${m.label}
          aria-describedby="keyboard-help"
          tabindex="-1"
          @scroll=${this._onScroll}
          @wheel=${{ handleEvent: () => this._userScrolls(), passive: true }}
          @touchmove=${{ handleEvent: () => this._userScrolls(), passive: true }}
          @keydown=${this._onKeyDown}
          @click=${this._onClick}
          @pointerup=${this._onSelectionGesture}
          @keyup=${this._onKeyUp}
        >
          <div class="list" lang=${t.language ?? nothing}></div>
        </div>
        ${this._following ? nothing : html`<button part="button resume" class="resume" type="button" @click=${() => this.resumeFollowing()}>${m.resume}</button>`}
        <span id="keyboard-help" hidden>${m.keyboardHelp}</span>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this._layOut(changed);
    if (this._followPending) {
      this._followPending = false;
      this._revealWord(this._followWord(), true);
    }
  }

  /**
   * Inside a provider, the properties follow its state: the recording's transcript (asked for once
   * connected), participants, redactions and length, the clip range, whether it plays. Runs first
   * in willUpdate, so the rest of the update sees the changes as its own.
   */
  private _followProvider(): void {
    const s = this._player.state;
    if (!s) return;
    if (!this._asked) {
      this._asked = true;
      emit(this, 'space-replay-transcript-request', null);
    }
    const manifest = s.recording?.manifest;
    const r = s.readAlong;
    this.transcript = r?.transcript;
    this.unavailable = r?.transcriptUnavailable ?? false;
    this.skipped = r?.skipped ?? 0;
    this.participants = manifest?.participants ?? NONE;
    this.redactions = manifest?.redactions ?? NONE;
    this.duration = manifest?.duration ?? NaN;
    this.playing = s.playing;
    this.downloadName = manifest?.id ?? 'transcript';
    this.allowDownload = Boolean(manifest?.downloads?.transcript) && (manifest?.participants ?? []).every((p) => p.consent.download !== false);
    const range = r?.clip ?? r?.editing ?? undefined;
    if (range?.start !== this.range?.start || range?.end !== this.range?.end) this.range = range ? { start: range.start, end: range.end } : undefined;
    if (s.lang !== this._providerLang) {
      // Rendered blocks hold strings of the old language.
      this._providerLang = s.lang;
      this._speakers = this._speakerViews();
      this._dirtyBlocks = true;
    }
    if (s.follow !== this._follow) {
      // A press on the timeline: follow playback again, and show where it is once rendered.
      this._follow = s.follow;
      this._following = true;
      this._followPending = true;
    }
  }

  private _layOut(changed: PropertyValues<this>): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const list = this.renderRoot.querySelector<HTMLElement>('.list');
    if (scroller !== this._scroller) {
      if (this._scroller) this._resizeObserver?.unobserve(this._scroller);
      this._unwatchFollowed();
      this._scroller = scroller;
      this._intent = scroller ? new ScrollIntent(scroller) : null;
      if (scroller) this._resizeObserver?.observe(scroller);
    }
    if (list !== this._list) {
      this._list = list;
      this._forgetRendered();
    } else if (this._dirtyBlocks) {
      this._list?.replaceChildren();
      this._forgetRendered();
    }
    this._dirtyBlocks = false;
    if (!this._model || !scroller || !list) return;
    const width = scroller.clientWidth;
    if (width > 0 && width !== this._width) {
      this._width = width;
      this._recalibrate();
    }
    this._height = scroller.clientHeight;
    if (changed.has('transcript')) {
      this._intent?.scrollTo(0, false);
      this._renderWindow();
      if (this._following) this._revealWord(this._followWord(), false);
    } else {
      this._renderWindow();
    }
  }

  // ---- model -------------------------------------------------------------------------------

  private _resetModel(): void {
    const t = this.transcript;
    // The rendered blocks belong to the old transcript: updated() clears them from the DOM.
    this._forgetRendered();
    this._dirtyBlocks = true;
    this._hits = [];
    this._activeHit = -1;
    this._current = -1;
    this._playedEnd = 0;
    this._tabStop = 0;
    this._lastClip = '';
    this._calibrated = false;
    if (!t) {
      this._model = null;
      return;
    }
    const blocks = buildBlocks(t);
    const model: Model = {
      t,
      blocks,
      heights: new HeightIndex(new Float64Array(blocks.count)),
      measured: new Uint8Array(blocks.count),
      hits: new Uint8Array(t.wordCount),
      cueMode: !t.hasWordTimings,
    };
    this._model = model;
    this._rebuildEstimates();
    this._computeTimeState();
    if (this._query.trim()) this._search(this._query, false);
  }

  private _speakerViews(): SpeakerView[] {
    const t = this.transcript;
    if (!t) return [];
    const byId = new Map<string, TranscriptParticipant>();
    for (const p of Array.isArray(this.participants) ? this.participants : []) {
      if (p && typeof p.id === 'string') byId.set(p.id, p);
    }
    return t.speakers.map((s) => {
      const p = s.participantId !== undefined ? byId.get(s.participantId) : undefined;
      const name = typeof p?.name === 'string' && p.name ? p.name : s.label;
      return { name, avatar: safeAvatarUrl(p?.avatar), initials: initialsOf(name) };
    });
  }

  private _messages(): TranscriptMessages {
    return readAlongMessages(this._language()).transcript;
  }

  /** The `lang` property, else the closest ancestor's (render runs before Lit reflects the property). */
  private _language(): string {
    return this.lang || languageOf(this);
  }

  private _blockContext(): BlockContext | null {
    const model = this._model;
    if (!model) return null;
    const m = this._messages();
    const lang = this._language();
    const hours = (Number.isFinite(this.duration) ? this.duration : model.t.duration) >= 3600;
    return {
      transcript: model.t,
      blocks: model.blocks,
      speakers: this._speakers,
      redacted: this._redacted,
      removedText: m.removed,
      timeLabel: (s) => formatTime(s, { forceHours: hours }),
      timeName: (s, name) => m.playFrom(formatSpokenTime(s, lang), name),
      onAvatarError: (img, speaker) => {
        const view = this._speakers[speaker];
        if (!view) return;
        view.avatar = undefined;
        img.replaceWith(avatarNode(view, speaker, () => {}));
      },
    };
  }

  // ---- time and highlight --------------------------------------------------------------------

  /** The current word (or cue, without word timings) and the end of the played ones, for `_time`. */
  private _timeState(): [current: number, playedEnd: number] {
    const model = this._model!;
    const t = model.t;
    const time = this._time;
    if (model.cueMode) {
      let cue = t.cueAt(time);
      const before = t.cueBefore(time);
      if (cue < 0 && before >= 0 && time - t.cueEnd[before]! < HOLD_SECONDS) cue = before;
      return [cue, before + 1];
    }
    let word = t.wordAt(time);
    const before = t.wordBefore(time);
    if (word < 0 && before >= 0 && time - t.wordEnd[before]! < HOLD_SECONDS) word = before;
    return [word, before + 1];
  }

  private _computeTimeState(): void {
    if (!this._model) return;
    [this._current, this._playedEnd] = this._timeState();
  }

  private _applyTime(): void {
    const model = this._model;
    if (!model) return;
    const [current, playedEnd] = this._timeState();
    const oldCurrent = this._current;
    const oldPlayed = this._playedEnd;
    if (current === oldCurrent && playedEnd === oldPlayed) return;
    this._current = current;
    this._playedEnd = playedEnd;
    const lo = Math.min(oldPlayed, playedEnd);
    const hi = Math.max(oldPlayed, playedEnd);
    if (model.cueMode) {
      this._repaintCues(lo, hi);
      this._repaintCues(oldCurrent, oldCurrent + 1);
      this._repaintCues(current, current + 1);
    } else {
      this._repaintWords(lo, hi);
      this._repaintWords(oldCurrent, oldCurrent + 1);
      this._repaintWords(current, current + 1);
    }
    if (this._following && current >= 0 && current !== oldCurrent) {
      // Playback stepping to the next word: an observer says, after the frame's own layout, whether
      // the word left the follow band. Asking now would force a layout on every word. A jump (a seek,
      // a click) is checked at once.
      const w = this._followWord();
      if (current !== oldCurrent + 1 || !this._watchFollowed(w)) this._revealWord(w, false);
    }
  }

  private _wordMask(w: number): number {
    const model = this._model!;
    let mask = model.hits[w]!;
    if (this._redacted && this._redacted[w]) mask |= REDACTED;
    if (w >= this._rangeWords[0] && w < this._rangeWords[1]) mask |= IN_CLIP;
    if (!model.cueMode) {
      if (w === this._current) mask |= CURRENT;
      else if (w < this._playedEnd) mask |= PLAYED;
    }
    return mask;
  }

  private _cueMask(c: number): number {
    if (!this._model!.cueMode) return 0;
    return c === this._current ? CURRENT : c < this._playedEnd ? PLAYED : 0;
  }

  /** Repaints the rendered words among [from, to): O(rendered words in the range). */
  private _repaintWords(from: number, to: number): void {
    const model = this._model;
    if (!model || this._rendered.size === 0) return;
    const fw = model.blocks.firstWord;
    const lo = Math.max(from, fw[this._first]!);
    const hi = Math.min(to, fw[this._end]!);
    if (lo >= hi) return;
    let b = blockOfWord(model.blocks, lo);
    for (let w = lo; w < hi; w++) {
      while (w >= fw[b + 1]!) b++;
      const rb = this._rendered.get(b);
      if (rb) paintWord(rb, w - rb.firstWord, this._wordMask(w));
    }
  }

  /** Repaints the rendered spans of cues among [from, to). */
  private _repaintCues(from: number, to: number): void {
    if (from >= to || from < 0) return;
    for (const rb of this._rendered.values()) {
      for (let i = 0; i < rb.cues.length; i++) {
        const c = rb.cueOf[i]!;
        if (c >= from && c < to) paintCue(rb, i, this._cueMask(c));
      }
    }
  }

  // ---- virtual window ----------------------------------------------------------------------

  private _estimate(b: number): number {
    const blocks = this._model!.blocks;
    const lines = Math.max(1, Math.ceil(blocks.chars[b]! / this._charsPerLine));
    return (blocks.head[b] ? this._headHeight : 0) + lines * this._lineHeight + this._pad;
  }

  private _rebuildEstimates(): void {
    const model = this._model;
    if (!model) return;
    const n = model.blocks.count;
    const heights = new Float64Array(n);
    for (let b = 0; b < n; b++) heights[b] = model.measured[b] ? model.heights.get(b) : this._estimate(b);
    model.heights = new HeightIndex(heights);
  }

  /** Width changed: every measured height is stale; estimate again from the new line length. */
  private _recalibrate(): void {
    const model = this._model;
    if (!model) return;
    model.measured.fill(0);
    this._calibrated = false;
    this._charsPerLine = Math.max(8, (this._width - 24) / DEFAULTS.charWidth);
    this._rebuildEstimates();
  }

  /** Learns line height, header height and characters per line from the rendered blocks. */
  private _calibrate(): void {
    const model = this._model!;
    let chars = 0;
    let lines = 0;
    for (const rb of this._rendered.values()) {
      const p = rb.el.querySelector<HTMLElement>('.text');
      const head = rb.el.querySelector<HTMLElement>('.head');
      if (!p) continue;
      const style = getComputedStyle(p);
      const lh = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2 || DEFAULTS.lineHeight;
      const padTop = parseFloat(style.paddingTop) || 0;
      this._lineHeight = lh;
      const pHeight = p.getBoundingClientRect().height;
      const headHeight = head ? head.getBoundingClientRect().height : 0;
      if (head) this._headHeight = headHeight;
      this._pad = Math.max(0, rb.el.getBoundingClientRect().height - pHeight - headHeight) + padTop;
      lines += Math.max(1, Math.round((pHeight - padTop) / lh));
      chars += model.blocks.chars[rb.index]!;
    }
    if (lines > 0 && chars > 0) this._charsPerLine = Math.max(8, chars / lines);
    this._calibrated = true;
    this._rebuildEstimates();
  }

  private _windowAt(top: number, height: number): [first: number, end: number] {
    const model = this._model!;
    const { heights, blocks } = model;
    const n = blocks.count;
    if (n === 0) return [0, 0];
    const h = height > 0 ? height : 600;
    const margin = Math.max(MIN_MARGIN_PX, h / 2);
    const fw = blocks.firstWord;
    let first = heights.indexAt(top);
    let end = Math.min(n, heights.indexAt(top + h) + 1);
    const upTo = heights.indexAt(Math.max(0, top - margin));
    const downTo = Math.min(n, heights.indexAt(top + h + margin) + 1);
    let words = fw[end]! - fw[first]!;
    let grow = true;
    while (grow) {
      grow = false;
      if (end < downTo && words + (fw[end + 1]! - fw[end]!) <= MAX_WINDOW_WORDS) {
        words += fw[end + 1]! - fw[end]!;
        end++;
        grow = true;
      }
      if (first > upTo && words + (fw[first]! - fw[first - 1]!) <= MAX_WINDOW_WORDS) {
        words += fw[first]! - fw[first - 1]!;
        first--;
        grow = true;
      }
    }
    return [first, end];
  }

  /**
   * Renders the blocks around the scroll position, measures them and keeps the view steady.
   * `scrolled`: called for a scroll, which changes no height: when no block came into the window,
   * nothing is measured (measuring reads layout, and a smooth follow scroll fires every frame).
   */
  private _renderWindow(scrolled = false): void {
    const model = this._model;
    const s = this._scroller;
    const intent = this._intent;
    if (!model || !s || !this._list || !intent || this._layingOut) return;
    this._layingOut = true;
    try {
      const anchor = model.heights.indexAt(s.scrollTop);
      const anchorDelta = anchor >= 0 ? s.scrollTop - model.heights.offsetOf(anchor) : 0;
      for (let pass = 0; pass < 4; pass++) {
        const [first, end] = this._windowAt(s.scrollTop, s.clientHeight);
        const added = this._applyWindow(first, end);
        if (scrolled && pass === 0 && !added) break;
        if (!this._measure()) break;
        this._setPadding();
        // Heights above the anchor changed: scroll so the anchor block stays where the listener sees it
        // (not during a smooth scroll: an instant correction would cut it short).
        if (anchor >= 0 && !intent.smoothScrolling) {
          const want = model.heights.offsetOf(anchor) + Math.min(anchorDelta, model.heights.get(anchor));
          if (Math.abs(want - s.scrollTop) >= 1) intent.scrollTo(want, false);
        }
      }
      intent.settle();
    } finally {
      this._layingOut = false;
    }
  }

  private _forgetRendered(): void {
    this._rendered.clear();
    this._first = 0;
    this._end = 0;
    this._tabEl = null;
  }

  /** Shows blocks [first, end) and only those; true when a block was added. */
  private _applyWindow(first: number, end: number): boolean {
    const list = this._list!;
    const ctx = this._blockContext()!;
    const wordMask = (w: number): number => this._wordMask(w);
    const cueMask = (c: number): number => this._cueMask(c);
    const active = this.shadowRoot?.activeElement ?? null;
    for (const [i, rb] of this._rendered) {
      if (i >= first && i < end) continue;
      // Focus must not fall to the page when its block leaves the window.
      if (active && rb.el.contains(active)) this._scroller?.focus({ preventScroll: true });
      rb.el.remove();
      this._rendered.delete(i);
    }
    const build = (from: number, to: number): DocumentFragment => {
      const fragment = document.createDocumentFragment();
      for (let i = from; i < to; i++) {
        const rb = renderBlock(ctx, i, wordMask, cueMask);
        this._rendered.set(i, rb);
        this._blockOfEl.set(rb.el, rb);
        fragment.append(rb.el);
      }
      return fragment;
    };
    let added = false;
    if (this._rendered.size === 0) {
      list.replaceChildren(build(first, end));
      added = end > first;
    } else {
      const keptFirst = Math.max(first, this._first);
      const keptEnd = Math.min(end, this._end);
      if (first < keptFirst) list.prepend(build(first, keptFirst));
      if (keptEnd < end) list.append(build(keptEnd, end));
      added = first < keptFirst || keptEnd < end;
    }
    this._first = first;
    this._end = end;
    this._setPadding();
    this._ensureTabStop();
    return added;
  }

  private _setPadding(): void {
    const model = this._model!;
    const list = this._list!;
    const top = model.heights.offsetOf(this._first);
    const bottom = model.heights.total - model.heights.offsetOf(this._end);
    list.style.paddingTop = `${top}px`;
    list.style.paddingBottom = `${Math.max(0, bottom)}px`;
  }

  /** Measures rendered blocks; true when a height changed. */
  private _measure(): boolean {
    const model = this._model!;
    if (!this._calibrated && this._rendered.size > 0 && (this._scroller?.clientWidth ?? 0) > 0) this._calibrate();
    let changed = false;
    for (let i = this._first; i < this._end; i++) {
      const rb = this._rendered.get(i);
      if (!rb) continue;
      const h = rb.el.getBoundingClientRect().height;
      if (h === 0 && !this.isConnected) continue;
      if (Math.abs(h - model.heights.get(i)) > 0.5) {
        model.heights.set(i, h);
        changed = true;
      }
      model.measured[i] = 1;
    }
    return changed;
  }

  private _onResize(): void {
    const s = this._scroller;
    if (!s || !this._model) return;
    const width = s.clientWidth;
    const height = s.clientHeight;
    if (width === this._width && height === this._height) return;
    const widthChanged = width !== this._width && width > 0;
    this._height = height;
    if (widthChanged) {
      this._width = width;
      this._recalibrate();
    }
    this._renderWindow();
    if (this._following && widthChanged) this._revealWord(this._followWord(), true);
  }

  private _onScroll = (): void => {
    if (this._layingOut) return;
    if (this._intent?.isUserScroll()) this._pauseFollowing();
    this._renderWindow(true);
  };

  private _userScrolls(): void {
    this._intent?.userTookOver();
    this._pauseFollowing();
  }

  private _pauseFollowing(): void {
    if (this._following) this._following = false;
  }

  // ---- following and revealing ---------------------------------------------------------------

  /** The word following keeps in view: the current one, the first of the current cue, or the last played. */
  private _followWord(): number {
    const model = this._model;
    if (!model) return -1;
    if (model.cueMode) {
      const cue = this._current >= 0 ? this._current : this._playedEnd - 1;
      return cue >= 0 ? model.t.cueFirstWord[cue]! : -1;
    }
    return this._current >= 0 ? this._current : this._playedEnd - 1;
  }

  /**
   * Observes word `w`'s element against the follow band (FOLLOW_TOP to FOLLOW_BOTTOM of the
   * panel): when it is not wholly inside, following brings it back. False when `w` has no element.
   */
  private _watchFollowed(w: number): boolean {
    const el = this._wordEl(w);
    const s = this._scroller;
    if (!el || !s || typeof IntersectionObserver === 'undefined') return false;
    if (el === this._followed) return true;
    if (!this._followObserver || this._followObserver.root !== s) {
      this._followObserver?.disconnect();
      const margin = `${-FOLLOW_TOP * 100}% 0px ${-(1 - FOLLOW_BOTTOM) * 100}% 0px`;
      this._followObserver = new IntersectionObserver((entries) => this._onFollowed(entries), { root: s, rootMargin: margin, threshold: 1 });
    }
    if (this._followed) this._followObserver.unobserve(this._followed);
    this._followed = el;
    this._followObserver.observe(el);
    return true;
  }

  private _onFollowed(entries: IntersectionObserverEntry[]): void {
    let entry: IntersectionObserverEntry | undefined;
    for (const e of entries) if (e.target === this._followed) entry = e;
    // Sub-pixel edges read as 0.99…: a word that far inside counts as inside.
    if (!entry || !this._following || entry.intersectionRatio >= 0.99) return;
    this._revealWord(this._followWord(), false);
  }

  private _unwatchFollowed(): void {
    this._followObserver?.disconnect();
    this._followObserver = null;
    this._followed = null;
  }

  private _wordEl(w: number): HTMLElement | undefined {
    const model = this._model;
    if (!model || w < 0) return undefined;
    const rb = this._rendered.get(blockOfWord(model.blocks, w));
    return rb?.words[w - rb.firstWord];
  }

  private _topInScroller(el: Element): number {
    const s = this._scroller!;
    return el.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop;
  }

  /**
   * Brings word `w` into the panel's view (and only the panel's: never `scrollIntoView`). Unless
   * `force`, nothing moves while it is between FOLLOW_TOP and FOLLOW_BOTTOM. A far target is
   * reached in one jump that renders only the window around it.
   */
  private _revealWord(w: number, force: boolean): void {
    const model = this._model;
    const s = this._scroller;
    const intent = this._intent;
    if (!model || !s || !intent || w < 0 || w >= model.t.wordCount) return;
    const h = s.clientHeight || 1;
    let el = this._wordEl(w);
    if (!el) {
      const b = blockOfWord(model.blocks, w);
      const fw = model.blocks.firstWord;
      const y = model.heights.offsetOf(b) + (model.heights.get(b) * (w - fw[b]!)) / Math.max(1, fw[b + 1]! - fw[b]!);
      intent.scrollTo(y - h * FOLLOW_AT, false);
      this._renderWindow();
      el = this._wordEl(w);
      if (!el) return;
      force = true;
    }
    const y = this._topInScroller(el);
    const top = s.scrollTop;
    if (!force && y >= top + h * FOLLOW_TOP && y + el.offsetHeight <= top + h * FOLLOW_BOTTOM) return;
    const target = y - h * FOLLOW_AT;
    const smooth = this.playing && !prefersReducedMotion() && Math.abs(target - top) < h * 2;
    intent.scrollTo(target, smooth);
    if (!smooth) this._renderWindow();
  }

  // ---- pointer and keyboard ------------------------------------------------------------------

  private _itemOf(target: EventTarget | null): Item | undefined {
    const model = this._model;
    if (!model || !(target instanceof Element)) return undefined;
    const blockEl = target.closest('.block');
    const rb = blockEl ? this._blockOfEl.get(blockEl) : undefined;
    if (!rb) return undefined;
    if (target.closest('.time')) return -(model.blocks.turn[rb.index]! + 1);
    const word = target.closest('[part~="word"]');
    if (!word) return undefined;
    const i = rb.words.indexOf(word as HTMLElement);
    return i >= 0 ? rb.firstWord + i : undefined;
  }

  private _itemEl(item: Item): HTMLElement | undefined {
    const model = this._model;
    if (!model) return undefined;
    if (item >= 0) return this._wordEl(item);
    const turn = -item - 1;
    const rb = this._rendered.get(blockOfWord(model.blocks, model.t.cueFirstWord[model.t.turnStartCue[turn]!]!));
    return rb?.time ?? undefined;
  }

  private _seekTo(time: number): void {
    if (!Number.isFinite(time)) return;
    this._following = true;
    emit(this, 'space-replay-seek-request', { time });
  }

  private _seekItem(item: Item): void {
    const t = this._model?.t;
    if (!t) return;
    this._seekTo(item >= 0 ? t.wordStart[item]! : t.turnStart[-item - 1]!);
  }

  private _onClick = (event: MouseEvent): void => {
    // A click that ends a text selection is a clip gesture, not a seek.
    if (this.shadowRoot && selectedRange(this.shadowRoot)) return;
    const item = this._itemOf(event.target);
    if (item === undefined || (item >= 0 && this._redacted?.[item])) return;
    this._setTabStop(item);
    this._seekItem(item);
  };

  private _isRedacted(w: number): boolean {
    return this._redacted !== null && this._redacted[w] === 1;
  }

  /** The item after (`step` 1) or before (-1) `item`, in reading order; words of a redaction are skipped. */
  private _neighbour(item: Item, step: 1 | -1): Item | undefined {
    const t = this._model!.t;
    const turnFirstWord = (k: number): number => t.cueFirstWord[t.turnStartCue[k]!]!;
    if (item < 0) {
      const turn = -item - 1;
      if (step === 1) return this._skipRedacted(turnFirstWord(turn), 1);
      return turn > 0 ? this._skipRedacted(turnFirstWord(turn) - 1, -1) : undefined;
    }
    const turn = t.cueTurn[t.wordCue[item]!]!;
    if (step === 1) {
      const next = item + 1;
      if (next >= t.wordCount) return undefined;
      const nextTurn = t.cueTurn[t.wordCue[next]!]!;
      return nextTurn !== turn ? -(nextTurn + 1) : this._skipRedacted(next, 1);
    }
    if (item === turnFirstWord(turn)) return -(turn + 1);
    return this._skipRedacted(item - 1, -1);
  }

  private _skipRedacted(w: number, step: 1 | -1): Item | undefined {
    const t = this._model!.t;
    let i = w;
    while (i >= 0 && i < t.wordCount && this._isRedacted(i)) i += step;
    if (i < 0 || i >= t.wordCount) return undefined;
    // Stepping over a turn boundary lands on that turn's time instead.
    const turnOf = (x: number): number => t.cueTurn[t.wordCue[x]!]!;
    if (turnOf(i) !== turnOf(w)) return step === 1 ? -(turnOf(i) + 1) : i;
    return i;
  }

  private _turnItem(item: Item, step: 1 | -1): Item | undefined {
    const t = this._model!.t;
    const turn = item < 0 ? -item - 1 : t.cueTurn[t.wordCue[item]!]!;
    const target = item >= 0 && step === -1 ? turn : turn + step;
    return target >= 0 && target < t.turnCount ? -(target + 1) : undefined;
  }

  private _onKeyDown = (event: KeyboardEvent): void => {
    const item = this._itemOf(event.target);
    if (item === undefined) {
      if (event.target === this._scroller && SCROLL_KEYS.has(event.key)) this._userScrolls();
      return;
    }
    const rtl = getComputedStyle(this).direction === 'rtl';
    let next: Item | undefined;
    switch (event.key) {
      case 'Enter':
      case ' ':
        // Handled here for time buttons too, so activation does not depend on the browser's key → click.
        event.preventDefault();
        this._seekItem(item);
        return;
      case 'ArrowRight':
        next = this._neighbour(item, rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = this._neighbour(item, rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        next = this._turnItem(item, 1);
        break;
      case 'ArrowUp':
        next = this._turnItem(item, -1);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next !== undefined) this._focusItem(next);
  };

  private _focusItem(item: Item): void {
    const model = this._model!;
    this._pauseFollowing();
    const word = item >= 0 ? item : model.t.cueFirstWord[model.t.turnStartCue[-item - 1]!]!;
    if (!this._itemEl(item)) this._revealWord(word, true);
    const el = this._itemEl(item);
    if (!el) return;
    this._setTabStop(item);
    el.focus({ preventScroll: true });
    const s = this._scroller!;
    const y = this._topInScroller(el);
    if (y < s.scrollTop || y + el.offsetHeight > s.scrollTop + s.clientHeight) this._revealWord(word, true);
  }

  private _setTabStop(item: Item): void {
    this._tabStop = item;
    this._ensureTabStop();
  }

  /** Exactly one rendered word or time is in the tab order: the last one used, else the current or first visible word. */
  private _ensureTabStop(): void {
    const model = this._model;
    if (!model || this._rendered.size === 0) return;
    let el = this._itemEl(this._tabStop);
    if (!el) {
      const current = this._followWord();
      el = current >= 0 ? this._wordEl(current) : undefined;
      if (!el) {
        const s = this._scroller;
        const b = s ? Math.max(this._first, Math.min(this._end - 1, model.heights.indexAt(s.scrollTop))) : this._first;
        const rb = this._rendered.get(b);
        el = rb?.time ?? rb?.words.find((_, i) => !this._isRedacted(rb.firstWord + i));
      }
    }
    if (el === this._tabEl || !el) return;
    if (this._tabEl) {
      if (this._tabEl.localName === 'button') this._tabEl.tabIndex = -1;
      else this._tabEl.removeAttribute('tabindex');
    }
    el.tabIndex = 0;
    this._tabEl = el;
  }

  // ---- selection → clip --------------------------------------------------------------------

  private _onKeyUp = (event: KeyboardEvent): void => {
    if (event.shiftKey || event.key === 'Shift') this._onSelectionGesture();
  };

  private _onSelectionGesture = (): void => {
    const model = this._model;
    const root = this.shadowRoot;
    if (!model || !root || this._rendered.size === 0) return;
    const range = selectedRange(root);
    if (!range) {
      this._lastClip = '';
      return;
    }
    const words: HTMLElement[] = [];
    for (let i = this._first; i < this._end; i++) words.push(...this._rendered.get(i)!.words);
    const covered = coveredWords(range, words);
    if (!covered) return;
    const base = model.blocks.firstWord[this._first]!;
    const start = model.t.wordStart[base + covered[0]]!;
    const end = model.t.wordEnd[base + covered[1]]!;
    const key = `${start},${end}`;
    if (key === this._lastClip || !(end > start)) return;
    this._lastClip = key;
    emit(this, 'space-replay-clip-request', { start, end });
  };

  // ---- search ------------------------------------------------------------------------------

  private _onSearchInput = (event: Event): void => {
    this._search((event.target as HTMLInputElement).value, true);
  };

  private _onSearchKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this._stepHit(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && this._query) {
      event.preventDefault();
      (event.target as HTMLInputElement).value = '';
      this._search('', true);
    }
  };

  private _markHit(index: number, on: boolean): void {
    const model = this._model!;
    const hit = this._hits[index];
    if (!hit) return;
    for (let w = hit.word; w < hit.wordEnd; w++) {
      if (on) model.hits[w]! |= HIT_CURRENT;
      else model.hits[w]! &= ~HIT_CURRENT;
    }
    this._repaintWords(hit.word, hit.wordEnd);
  }

  private _search(query: string, reveal: boolean): void {
    const model = this._model;
    this._query = query;
    if (!model) return;
    for (const hit of this._hits) model.hits.fill(0, hit.word, hit.wordEnd);
    const old = this._hits;
    this._hits = query.trim() ? model.t.search(query, { limit: MAX_HITS }) : [];
    for (const hit of this._hits) model.hits.fill(HIT, hit.word, hit.wordEnd);
    // Start from the first hit at or after where playback is, as a reader would.
    const from = this._hits.findIndex((h) => h.startTime >= this._time);
    this._activeHit = this._hits.length === 0 ? -1 : from >= 0 ? from : 0;
    if (this._activeHit >= 0) for (let w = this._hits[this._activeHit]!.word; w < this._hits[this._activeHit]!.wordEnd; w++) model.hits[w]! |= HIT_CURRENT;
    if (this._rendered.size > 0 && (old.length > 0 || this._hits.length > 0)) {
      const fw = model.blocks.firstWord;
      this._repaintWords(fw[this._first]!, fw[this._end]!);
    }
    this._emitSearch();
    this.requestUpdate();
    if (reveal && this._activeHit >= 0) this._revealHit();
  }

  private _stepHit(step: 1 | -1): void {
    const n = this._hits.length;
    if (n === 0) return;
    this._markHit(this._activeHit, false);
    this._activeHit = (this._activeHit + step + n) % n;
    this._markHit(this._activeHit, true);
    this._emitSearch();
    this.requestUpdate();
    this._revealHit();
  }

  private _revealHit(): void {
    const hit = this._hits[this._activeHit];
    if (!hit) return;
    this._pauseFollowing();
    this._revealWord(hit.word, true);
  }

  private _emitSearch(): void {
    emit(this, 'space-replay-search', { query: this._query, hits: this.searchHits, active: this._activeHit });
  }

  // ---- copy and download -------------------------------------------------------------------

  private _exportable(): Transcript | undefined {
    const t = this.transcript;
    if (!t) return undefined;
    return exportableTranscript(
      t,
      this._speakers.map((s) => s.name),
      this._redacted,
      this._messages().removed,
    );
  }

  private _copy = async (): Promise<void> => {
    const t = this._exportable();
    if (!t) return;
    const m = this._messages();
    this._showStatus((await copyText(toPlainText(t))) ? m.copied : m.copyFailed);
  };

  private _download = (event: Event): void => {
    const t = this._exportable();
    if (!t || !this.allowDownload || !this.shadowRoot) return;
    const vtt = (event.currentTarget as HTMLElement).dataset.format === 'vtt';
    const name = `${this.downloadName || 'transcript'}.${vtt ? 'vtt' : 'txt'}`;
    downloadFile(this.shadowRoot, name, vtt ? 'text/vtt;charset=utf-8' : 'text/plain;charset=utf-8', vtt ? toWebVTT(t) : toPlainText(t));
  };

  private _showStatus(text: string): void {
    this._status = text;
    this._timers.clear();
    this._timers.timeout(() => (this._status = ''), STATUS_MS);
  }
}

const NONE: readonly never[] = [];
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
