import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { emit, type ListErrorDetail } from '../../events.js';
import { languageOf, loadMessages, messagesFor } from '../../i18n/messages.js';
import { listTable, type ListTable } from '../../i18n/list-messages.js';
import type { FeedItem } from '../../manifest/feed-types.js';
import type { ManifestIssue } from '../../manifest/issues.js';
import { installPlayingCoordinator } from '../shared/playing-coordinator.js';
import { expiryOf } from './card-facts.js';
import { renderCard } from './feed-card.js';
import { renderFilters, renderListError, renderLoading, renderSkipped, type SkippedIssue } from './list-notes.js';
import { FeedError, loadFeed, type LoadedFeed } from './feed-loader.js';
import { hasRoles, LIST_FILTERS, matchesFilter, mergePage, newestFirst, type ListFilter } from './feed-order.js';
import { nextFocusIndex } from './roving-focus.js';
import { styles } from './space-replay-list.styles.js';

/** What a player in a card needs of `<space-replay>` (its public API, so the module can load late). */
interface CardPlayer extends HTMLElement {
  play(): Promise<void>;
}

/**
 * `<space-replay-list>`: a profile's "audio" tab. Reads a feed (docs/feed.md) and shows one card per
 * recording, newest first: title, date, length, host and speaker avatars, a mini waveform, live /
 * recorded status, "N days left" or "Expired", and "Resume at 14:02" when partly heard. Activating
 * a card opens a full `<space-replay>` in place; the player's code and the recording's manifest are
 * loaded only then, and expired recordings never load anything. Starting any player on the page
 * pauses the others.
 *
 * @example
 * <script type="module" src="https://unpkg.com/space-replay/dist/list.js"></script>
 * <space-replay-list src="/users/rosa/recordings.json"></space-replay-list>
 *
 * @fires space-replay-list-load - `{url, items, itemErrors, next}`: a feed page loaded (`itemErrors`: items left out, with paths).
 * @fires space-replay-list-error - `{code, message, url, status?, issues?}`: the feed could not be loaded or is invalid.
 * @fires space-replay-list-toggle - `{id, manifest, open}`: a card's player was opened or closed.
 *
 * @csspart list - The `<ul>` of cards.
 * @csspart item - One `<li>` (card and, when open, its player).
 * @csspart card - A card (also `card live`, `card expired`, `card open`).
 * @csspart open-button - The card's title button: opens and closes its player.
 * @csspart title - The recording title.
 * @csspart meta - Date, length, status and badges.
 * @csspart badge - A status badge (also `badge live`, `badge expiry`, `badge expired`, `badge resume`).
 * @csspart waveform - The mini waveform.
 * @csspart people - The avatars.
 * @csspart avatar - One avatar (image or initials).
 * @csspart player - The box holding an opened `<space-replay>`.
 * @csspart filters - The role filter buttons (also `filter`, `filter active`).
 * @csspart more-button - "Show more".
 * @csspart message - Loading, empty and error messages.
 * @csspart issues - The list of items that could not be shown, with their paths.
 *
 * @cssprop --space-replay-font - Font family.
 * @cssprop --space-replay-bg - Card background.
 * @cssprop --space-replay-fg - Text colour.
 * @cssprop --space-replay-muted - Secondary text colour.
 * @cssprop --space-replay-accent - Focus, waveform and button colour.
 * @cssprop --space-replay-surface - Background of avatars and badges.
 * @cssprop --space-replay-border - Border colour.
 * @cssprop --space-replay-radius - Corner radius.
 * @cssprop --space-replay-live - REC badge colour.
 */
export class SpaceReplayList extends LitElement {
  static override styles = styles;

  /**
   * Loads `<space-replay>` when a card is first opened. Replace it to load the player from
   * elsewhere (e.g. a CDN bundle); it must define the `space-replay` element.
   */
  static loadPlayer: () => Promise<unknown> = () => import('../space-replay/define.js');

  /** URL of the feed. */
  @property({ reflect: true }) src = '';

  /** Cards shown at first and added by each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The role filter: `all`, `hosted` or `spoke` (shown when the feed gives roles). */
  @property({ reflect: true }) filter: ListFilter = 'all';

  /** Don't start playback when a card is opened. */
  @property({ type: Boolean, attribute: 'no-autoplay' }) noAutoplay = false;

  /** Reflects that the first page of the feed is loading. */
  @property({ type: Boolean, reflect: true }) loading = false;

  @state() private _input: unknown = undefined;
  @state() private _items: FeedItem[] = [];
  @state() private _skipped: SkippedIssue[] = [];
  @state() private _next: string | null = null;
  @state() private _owner = '';
  @state() private _shown = 0;
  @state() private _open: ReadonlySet<string> = new Set();
  @state() private _focus = 0;
  @state() private _more: 'idle' | 'loading' | ListErrorDetail = 'idle';
  @state() private _broken: ReadonlySet<string> = new Set();
  @state() private _playerError: string | null = null;

  private _pages = 0;
  private _moreAbort: AbortController | null = null;
  private readonly _autoplay = new Set<string>();
  private _focusAfterRender: number | null = null;

  private readonly _task = new Task(this, {
    task: async ([object, src]: readonly [unknown, string], { signal }) => {
      if (object === undefined && !src) return initialState;
      const [loaded] = await Promise.all([loadFeed({ object, src }, signal), loadMessages(languageOf(this))]);
      return loaded;
    },
    args: () => [this._input, this.src] as const,
    onComplete: (loaded) => this._firstPage(loaded),
    onError: (error) => {
      if (error instanceof FeedError) emit(this, 'space-replay-list-error', error.detail);
    },
  });

  // ---- public API -------------------------------------------------------------------------

  /** The feed as an object, loaded instead of `src` (relative URLs resolve against the page). */
  get feed(): unknown {
    return this._input;
  }
  set feed(value: unknown) {
    this._input = value ?? undefined;
  }

  /** Every valid item loaded so far: each page newest first, pages in order. */
  get items(): readonly FeedItem[] {
    return this._items;
  }

  /** The problems of the items left out, with their paths (and the page they were on). */
  get itemErrors(): readonly (ManifestIssue & { page: number })[] {
    return this._skipped;
  }

  /** Opens the player of the card for recording `id` (not for an expired one). Resolves once its module has loaded. */
  async openItem(id: string): Promise<void> {
    const item = this._items.find((i) => i.id === id);
    if (!item || expiryOf(item, Date.now()).expired || this._open.has(id)) return;
    if (!this.noAutoplay) this._autoplay.add(id);
    this._open = new Set([...this._open, id]);
    this._playerError = null;
    emit(this, 'space-replay-list-toggle', { id, manifest: item.manifest, open: true });
    try {
      await SpaceReplayList.loadPlayer();
    } catch (error) {
      // Offline or blocked: close the card again and say so on it.
      this.closeItem(id);
      this._playerError = id;
      emit(this, 'space-replay-list-error', { code: 'player-load', message: `the player could not be loaded: ${String(error)}`, url: null });
    }
  }

  /** Closes the player of the card for recording `id` (its audio stops). */
  closeItem(id: string): void {
    const item = this._items.find((i) => i.id === id);
    if (!item || !this._open.has(id)) return;
    const open = new Set(this._open);
    open.delete(id);
    this._open = open;
    this._autoplay.delete(id);
    emit(this, 'space-replay-list-toggle', { id, manifest: item.manifest, open: false });
  }

  /** Shows the next cards, fetching the feed's next page when all loaded ones are shown. */
  async showMore(): Promise<void> {
    const visible = this._filtered().length;
    if (this._shown < visible) {
      this._revealFrom(this._shown);
      this._shown += this._pageSize();
      return;
    }
    if (!this._next || this._more === 'loading') return;
    this._more = 'loading';
    this._moreAbort?.abort();
    const abort = (this._moreAbort = new AbortController());
    const before = this._shown;
    try {
      const loaded = await loadFeed({ src: this._next }, abort.signal);
      if (abort.signal.aborted) return;
      this._addPage(loaded);
      this._more = 'idle';
      this._revealFrom(before);
      this._shown = before + this._pageSize();
    } catch (error) {
      if (abort.signal.aborted) return;
      const detail = error instanceof FeedError ? error.detail : { code: 'feed-fetch' as const, message: String(error), url: this._next };
      this._more = detail;
      emit(this, 'space-replay-list-error', detail);
    }
  }

  /** Loads the feed again after an error. */
  retry(): void {
    if (this._task.status === TaskStatus.ERROR) void this._task.run();
    else if (typeof this._more === 'object') void this.showMore();
  }

  // ---- lifecycle --------------------------------------------------------------------------

  // `lang` is a global attribute, not a Lit property: watch it so the strings follow it.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installPlayingCoordinator(this.ownerDocument);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._moreAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const lang = languageOf(this);
    if (messagesFor(lang) === messagesFor('en')) void loadMessages(lang).then((loaded) => loaded && this.requestUpdate());
    if (changed.has('src') || changed.has('_input' as keyof SpaceReplayList)) {
      if (changed.get('src') !== undefined || changed.get('_input' as keyof SpaceReplayList) !== undefined) this._reset();
    }
    if (changed.has('filter')) {
      if (!(LIST_FILTERS as readonly string[]).includes(this.filter)) this.filter = 'all';
      else if (changed.get('filter') !== undefined) {
        this._shown = this._pageSize();
        this._focus = 0;
      }
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    this.loading = this._task.status === TaskStatus.PENDING;
    super.update(changed);
  }

  protected override updated(): void {
    if (this._focusAfterRender === null) return;
    const index = this._focusAfterRender;
    this._focusAfterRender = null;
    this._cardButtons()[index]?.focus();
  }

  private _reset(): void {
    this._moreAbort?.abort();
    this._items = [];
    this._skipped = [];
    this._next = null;
    this._owner = '';
    this._shown = 0;
    this._open = new Set();
    this._focus = 0;
    this._more = 'idle';
    this._pages = 0;
    this._autoplay.clear();
    this._playerError = null;
  }

  private _pageSize(): number {
    const size = Math.floor(this.pageSize);
    return Number.isFinite(size) && size > 0 ? size : 10;
  }

  private _firstPage(loaded: LoadedFeed): void {
    this._reset();
    this._owner = loaded.feed.owner.name;
    this._addPage(loaded);
    this._shown = this._pageSize();
  }

  private _addPage(loaded: LoadedFeed): void {
    const page = ++this._pages;
    for (const w of loaded.warnings) console.warn(`space-replay-list: feed ${w.path}: ${w.message}`);
    for (const e of loaded.itemErrors) console.warn(`space-replay-list: feed page ${page}, ${e.path}: ${e.message} (item left out)`);
    // Each page in order, appended: cards already shown never move when more arrive.
    this._items = mergePage(this._items, newestFirst(loaded.feed.items));
    this._skipped = [...this._skipped, ...loaded.itemErrors.map((e) => ({ ...e, page }))];
    this._next = loaded.feed.next ?? null;
    emit(this, 'space-replay-list-load', { url: loaded.url, items: loaded.feed.items, itemErrors: loaded.itemErrors, next: this._next });
  }

  /** After "Show more", focus moves to the first new card if focus was on the button. */
  private _revealFrom(index: number): void {
    const active = this.shadowRoot?.activeElement;
    if (active?.matches('[part~="more-button"]')) {
      this._focus = index;
      this._focusAfterRender = index;
    }
  }

  private _filtered(): FeedItem[] {
    return this._items.filter((item) => matchesFilter(item, this.filter));
  }

  private _cardButtons(): HTMLButtonElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[part~="open-button"]') ?? [])];
  }

  // ---- input ------------------------------------------------------------------------------

  private _onListKeydown(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    // Keys pressed inside an opened player are the player's (arrows seek there).
    const buttons = this._cardButtons();
    const index = buttons.indexOf(e.composedPath()[0] as HTMLButtonElement);
    if (index < 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const next = nextFocusIndex(e.key, index, buttons.length, rtl);
    if (next === undefined) return;
    e.preventDefault();
    this._focus = next;
    buttons[next]!.focus();
  }

  private _onCardFocus(index: number): void {
    if (this._focus !== index) this._focus = index;
  }

  private _toggle(item: FeedItem): void {
    if (expiryOf(item, Date.now()).expired) return;
    if (this._open.has(item.id)) this.closeItem(item.id);
    else void this.openItem(item.id);
  }

  private _onPlayerReady(e: Event, id: string): void {
    const player = e.composedPath()[0] as CardPlayer;
    if (!this._autoplay.delete(id) || typeof player.play !== 'function') return;
    void player.play();
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const lang = languageOf(this);
    const m = listTable(lang);
    const status = this._task.status;
    if (status === TaskStatus.PENDING && this._items.length === 0) return renderLoading(m);
    if (status === TaskStatus.ERROR) {
      const error = this._task.error;
      const detail = error instanceof FeedError ? error.detail : { code: 'feed-fetch' as const, message: String(error), url: this.src || null };
      return renderListError(m, m.list.error, detail, () => this.retry());
    }
    if (status !== TaskStatus.COMPLETE) return html``;
    return this._renderList(m, lang);
  }

  private _renderList(m: ListTable, lang: string): TemplateResult {
    const now = Date.now();
    const filtered = this._filtered();
    const visible = filtered.slice(0, this._shown);
    const focus = Math.min(this._focus, Math.max(0, visible.length - 1));
    const canShowMore = this._shown < filtered.length || this._next !== null;
    const empty = visible.length === 0;
    return html`${hasRoles(this._items) ? renderFilters(m, this.filter, (f) => (this.filter = f)) : nothing}
      ${empty
        ? html`<p part="message empty" class="message empty" role="status">${this._items.length === 0 ? m.list.empty : m.list.emptyFiltered}</p>`
        : html`<ul part="list" class="list" role="list" aria-label=${m.list.label(this._owner)} @keydown=${this._onListKeydown}>
            ${visible.map((item, index) =>
              renderCard(item, {
                m,
                lang,
                now,
                focused: index === focus,
                open: this._open.has(item.id),
                failed: this._playerError === item.id,
                broken: this._broken,
                toggle: () => this._toggle(item),
                focus: () => this._onCardFocus(index),
                ready: (e) => this._onPlayerReady(e, item.id),
                avatarBroke: (src) => (this._broken = new Set([...this._broken, src])),
              }),
            )}
          </ul>`}
      ${canShowMore
        ? html`<div class="more">
            <button part="button more-button" type="button" aria-busy=${this._more === 'loading' ? 'true' : 'false'} ?disabled=${this._more === 'loading'} @click=${() => void this.showMore()}>
              ${this._more === 'loading' ? m.list.loadingMore : m.list.showMore}
            </button>
          </div>`
        : nothing}
      ${typeof this._more === 'object' ? renderListError(m, m.list.moreError, this._more, () => this.retry()) : nothing}
      ${this._skipped.length > 0 ? renderSkipped(m, this._skipped, this._pages) : nothing}`;
  }
}
