import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from '../../events.js';
import { readAlongMessages } from '../../i18n/read-along-messages.js';
import { languageOf, loadMessages, messagesFor, type TranscriptMessages } from '../../i18n/messages.js';
import type { Transcript } from '../../model/transcript/index.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { speakerViews, type NamedParticipant } from './avatar.js';
import { blockContextOf } from './block-context.js';
import type { SpeakerView } from './block-view.js';
import { ExportActions } from './export-actions.js';
import { Following } from './following.js';
import { Highlight } from './highlight.js';
import { ProviderLink } from './provider-properties.js';
import { redactedWords, type RedactionRange } from './redacted-words.js';
import { PanelLayout } from './panel-layout.js';
import { clipOfSelection, selectedRange } from './selection-words.js';
import { styles } from './space-replay-transcript.styles.js';
import { exportableTranscript } from './transcript-export.js';
import { buildModel, type Item, type TranscriptModel } from './transcript-model.js';
import { TranscriptSearch } from './transcript-search.js';
import { renderToolbar } from './transcript-toolbar.js';
import { VirtualWindow } from './virtual-window.js';
import { WordFocus } from './word-focus.js';

/** A participant as the panel shows them (a manifest `Participant` fits): avatars load only from relative, `https:` and local `http:` URLs. */
export type TranscriptParticipant = NamedParticipant;
/** A search hit's time span, as the player marks it on the waveform. */
export type SearchHitSpan = { startTime: number; endTime: number };

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

  private _model: TranscriptModel | null = null;
  private _speakers: SpeakerView[] = [];
  private _time = 0;
  private readonly _highlight = new Highlight();
  private _dirtyBlocks = false;
  private _lastClip = '';
  private readonly _export = new ExportActions(this, {
    exportable: () => this._exportable(),
    messages: () => this._messages(),
    allowDownload: () => this.allowDownload,
    downloadName: () => this.downloadName,
    root: () => this.shadowRoot,
  });
  private readonly _search = new TranscriptSearch({
    model: () => this._model,
    time: () => this._time,
    repaint: (from, to) => this._window.repaintWords(from, to),
    changed: (reveal) => this._searchChanged(reveal),
  });
  private readonly _window: VirtualWindow = new VirtualWindow({
    blockContext: () => blockContextOf(this._model!, this._speakers, this._highlight.redacted, this.duration, this._messages(), this._language()),
    wordMask: (w) => this._highlight.wordMask(w),
    cueMask: (c) => this._highlight.cueMask(c),
    windowChanged: () => this._focus.ensure(),
    focused: () => this.shadowRoot?.activeElement ?? null,
    connected: () => this.isConnected,
  });
  private readonly _focus: WordFocus = new WordFocus(this._window, {
    model: () => this._model,
    redacted: () => this._highlight.redacted,
    followWord: () => this._highlight.followWord(),
    reveal: (word) => this._following.reveal(word, true),
    pauseFollowing: () => this._following.pause(),
    play: (item) => this._seekItem(item),
    rtl: () => getComputedStyle(this).direction === 'rtl',
  });
  private readonly _following = new Following(this, this._window, this._highlight, () => this.playing);
  private readonly _layout = new PanelLayout(this, this._window, this._following, this._highlight, () => this._focus.forget(false));

  /** Inside a provider: its state (the properties follow it) and its clock (the highlight does). */
  private readonly _player = new PlayerConsumer(this, (t) => {
    if (this._player.state) this.currentTime = t;
  });
  private readonly _link = new ProviderLink();

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
    return this._search.spans;
  }

  /** Whether the panel keeps the current line in view (false after the listener scrolls it). */
  get following(): boolean {
    return this._following.on;
  }

  /** Follows playback again and brings the current line into view (the player calls it on a waveform seek). */
  resumeFollowing(): void {
    this._following.resume();
  }

  /** Runs a search as if typed in the search field (an empty query clears it). */
  search(query: string): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('.search');
    if (input) input.value = query;
    this._search.search(query, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A currentTime set before the element was defined sits on the instance and hides the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'currentTime')) {
      const value = (this as unknown as { currentTime: number }).currentTime;
      delete (this as unknown as { currentTime?: number }).currentTime;
      this.currentTime = value;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._link.disconnected();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const s = this._player.state;
    const news = s && this._link.apply(this, s);
    if (news?.lang) {
      this._speakers = speakerViews(this.transcript, this.participants);
      this._dirtyBlocks = true;
    }
    // A press on the timeline: follow playback again, and show where it is once rendered.
    if (news?.follow) this._following.resumeAfterRender();
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
      this._speakers = speakerViews(this.transcript, this.participants);
      this._dirtyBlocks = true;
    }
    if (changed.has('transcript') || changed.has('redactions')) {
      this._highlight.redacted = this.transcript ? redactedWords(this.transcript, this.redactions) : null;
      this._dirtyBlocks = true;
    }
    if (changed.has('transcript') || changed.has('range')) {
      const r = this.range;
      this._highlight.rangeWords = this.transcript && r && r.end > r.start ? this.transcript.wordsInRange(r.start, r.end) : [0, 0];
      if (!changed.has('transcript')) this._window.repaintWords(0, this.transcript?.wordCount ?? 0);
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
    const search = this._search;
    return html`
      ${renderToolbar(m, {
        hits: search.hits.length,
        active: search.active,
        query: search.query,
        allowDownload: this.allowDownload,
        status: this._export.status,
        onInput: search.onInput,
        onKey: search.onKey,
        step: (step) => search.show(step),
        copy: this._export.copy,
        download: this._export.download,
      })}
      ${this.skipped > 0 ? html`<p part="notice" class="notice">${m.skipped(this.skipped)}</p>` : nothing}
      <div class="viewport">
        <div
          part="scroller"
          class="scroller"
          role="region"
          aria-label=${m.label}
          aria-describedby="keyboard-help"
          tabindex="-1"
          @scroll=${this._layout.onScroll}
          @wheel=${{ handleEvent: () => this._layout.userScrolls(), passive: true }}
          @touchmove=${{ handleEvent: () => this._layout.userScrolls(), passive: true }}
          @keydown=${this._onKeyDown}
          @click=${this._onClick}
          @pointerup=${this._onSelectionGesture}
          @keyup=${this._onKeyUp}
        >
          <div class="list" lang=${t.language ?? nothing}></div>
        </div>
        ${this._following.on ? nothing : html`<button part="button resume" class="resume" type="button" @click=${() => this.resumeFollowing()}>${m.resume}</button>`}
        <span id="keyboard-help" hidden>${m.keyboardHelp}</span>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dirty = this._dirtyBlocks;
    this._dirtyBlocks = false;
    this._layout.rendered(this.renderRoot.querySelector('.scroller'), this.renderRoot.querySelector('.list'), dirty, changed.has('transcript'));
    this._following.rendered();
  }

  private _resetModel(): void {
    const t = this.transcript;
    // The rendered blocks belong to the old transcript: updated() clears them from the DOM.
    this._layout.drop();
    this._dirtyBlocks = true;
    this._search.clear();
    this._focus.forget(true);
    this._lastClip = '';
    this._model = t ? buildModel(t) : null;
    this._window.reset(this._model);
    this._highlight.model = this._model;
    this._highlight.place(this._time);
    if (this._model && this._search.query.trim()) this._search.search(this._search.query, false);
  }

  private _messages(): TranscriptMessages {
    return readAlongMessages(this._language()).transcript;
  }

  /** The `lang` property, else the closest ancestor's (render runs before Lit reflects the property). */
  private _language(): string {
    return this.lang || languageOf(this);
  }

  // ---- time and highlight --------------------------------------------------------------------

  private _applyTime(): void {
    const model = this._model;
    const moved = this._highlight.move(this._time);
    if (!model || !moved) return;
    for (const [from, to] of moved.repaint) {
      if (model.cueMode) this._window.repaintCues(from, to);
      else this._window.repaintWords(from, to);
    }
    this._following.moved(moved.oldCurrent);
  }

  // ---- pointer and keyboard ------------------------------------------------------------------

  private _seekItem(item: Item): void {
    const t = this._model?.t;
    if (!t) return;
    const time = item >= 0 ? t.wordStart[item]! : t.turnStart[-item - 1]!;
    if (!Number.isFinite(time)) return;
    this._following.follow();
    emit(this, 'space-replay-seek-request', { time });
  }

  private _onClick = (event: MouseEvent): void => {
    // A click that ends a text selection is a clip gesture, not a seek.
    if (this.shadowRoot && selectedRange(this.shadowRoot)) return;
    const item = this._window.itemOf(event.target);
    if (item === undefined || (item >= 0 && this._highlight.redacted?.[item])) return;
    this._focus.set(item);
    this._seekItem(item);
  };

  private _onKeyDown = (event: KeyboardEvent): void => {
    const item = this._window.itemOf(event.target);
    if (item !== undefined) this._focus.onKey(event, item);
    else if (event.target === this._window.scroller) this._layout.userScrolls(event);
  };

  // ---- selection → clip --------------------------------------------------------------------

  private _onKeyUp = (event: KeyboardEvent): void => {
    if (event.shiftKey || event.key === 'Shift') this._onSelectionGesture();
  };

  private _onSelectionGesture = (): void => {
    const model = this._model;
    const root = this.shadowRoot;
    const win = this._window;
    if (!model || !root || win.rendered.size === 0) return;
    const clip = clipOfSelection(root, win.renderedWords(), model.t);
    if (clip === undefined) this._lastClip = '';
    const key = clip ? `${clip.start},${clip.end}` : '';
    if (!clip || key === this._lastClip) return;
    this._lastClip = key;
    emit(this, 'space-replay-clip-request', clip);
  };

  // ---- search ------------------------------------------------------------------------------

  /** Tells the player (to mark the hits on the waveform), renders the count, shows the hit. */
  private _searchChanged(reveal: boolean): void {
    const search = this._search;
    emit(this, 'space-replay-search', { query: search.query, hits: search.spans, active: search.active });
    this.requestUpdate();
    const hit = search.hits[search.active];
    if (!reveal || !hit) return;
    this._following.pause();
    this._following.reveal(hit.word, true);
  }

  // ---- copy and download (export-actions.ts) ----------------------------------------------

  /** The transcript as it may leave the page: the names shown, redacted words replaced. */
  private _exportable(): Transcript | undefined {
    const t = this.transcript;
    return t ? exportableTranscript(t, this._speakers.map((s) => s.name), this._highlight.redacted, this._messages().removed) : undefined;
  }
}
