import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { emit, type ListErrorDetail } from '../../events.js';
import { formatList } from '../../i18n/list-format.js';
import { languageOf, loadMessages, messagesFor } from '../../i18n/messages.js';
import { listTable, type ListTable } from '../../i18n/list-messages.js';
import type { FeedItem, FeedParticipant } from '../../manifest/feed-types.js';
import type { ManifestIssue } from '../../manifest/issues.js';
import { formatSpokenTime, formatTime } from '../../model/time.js';
import { installPlayingCoordinator } from '../shared/playing-coordinator.js';
import { initialsOf } from '../space-replay-transcript/avatar.js';
import { expiryOf, resumePositionOf, splitHosts } from './card-facts.js';
import { FeedError, loadFeed, type LoadedFeed } from './feed-loader.js';
import { hasRoles, LIST_FILTERS, matchesFilter, mergePage, newestFirst, type ListFilter } from './feed-order.js';
import { miniWaveform } from './mini-waveform.js';
import { nextFocusIndex } from './roving-focus.js';
import { styles } from './space-replay-list.styles.js';

const MAX_AVATARS = 4;

/** A problem of an item left out, and the feed page it was on (1 for the first). */
interface SkippedIssue extends ManifestIssue {
  page: number;
}

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
    if (status === TaskStatus.PENDING && this._items.length === 0) return this._renderLoading(m);
    if (status === TaskStatus.ERROR) {
      const error = this._task.error;
      const detail = error instanceof FeedError ? error.detail : { code: 'feed-fetch' as const, message: String(error), url: this.src || null };
      return this._renderError(m, m.list.error, detail);
    }
    if (status !== TaskStatus.COMPLETE) return html``;
    return this._renderList(m, lang);
  }

  private _renderLoading(m: ListTable): TemplateResult {
    return html`<div part="message loading" class="message loading" role="status">
      <span class="sr">${m.list.loading}</span>
      ${[0, 1, 2].map(() => html`<div class="bone" aria-hidden="true"></div>`)}
    </div>`;
  }

  private _renderError(m: ListTable, headline: string, detail: ListErrorDetail): TemplateResult {
    const issues = detail.issues ?? [];
    return html`<div part="message error" class="message error" role="alert">
      <p class="headline">${detail.code === 'offline' ? m.errors.offline : headline}</p>
      ${detail.status !== undefined ? html`<p class="detail">${m.httpStatus(detail.status)}</p>` : nothing}
      ${issues.length > 0
        ? html`<ul part="issues" class="issues">
            ${issues.slice(0, 5).map((i) => html`<li><code>${i.path || '(feed)'}</code> ${i.message}</li>`)}
          </ul>`
        : nothing}
      ${detail.code !== 'feed-invalid' ? html`<button part="button retry-button" type="button" @click=${() => this.retry()}>${m.retry}</button>` : nothing}
    </div>`;
  }

  private _renderList(m: ListTable, lang: string): TemplateResult {
    const now = Date.now();
    const filtered = this._filtered();
    const visible = filtered.slice(0, this._shown);
    const focus = Math.min(this._focus, Math.max(0, visible.length - 1));
    const canShowMore = this._shown < filtered.length || this._next !== null;
    const empty = visible.length === 0;
    return html`${hasRoles(this._items) ? this._renderFilters(m) : nothing}
      ${empty
        ? html`<p part="message empty" class="message empty" role="status">${this._items.length === 0 ? m.list.empty : m.list.emptyFiltered}</p>`
        : html`<ul part="list" class="list" role="list" aria-label=${m.list.label(this._owner)} @keydown=${this._onListKeydown}>
            ${visible.map((item, index) => this._renderItem(item, index, index === focus, m, lang, now))}
          </ul>`}
      ${canShowMore
        ? html`<div class="more">
            <button part="button more-button" type="button" aria-busy=${this._more === 'loading' ? 'true' : 'false'} ?disabled=${this._more === 'loading'} @click=${() => void this.showMore()}>
              ${this._more === 'loading' ? m.list.loadingMore : m.list.showMore}
            </button>
          </div>`
        : nothing}
      ${typeof this._more === 'object' ? this._renderError(m, m.list.moreError, this._more) : nothing}
      ${this._skipped.length > 0 ? this._renderSkipped(m) : nothing}`;
  }

  private _renderFilters(m: ListTable): TemplateResult {
    return html`<div part="filters" class="filters" role="group" aria-label=${m.list.filterLabel}>
      ${LIST_FILTERS.map((f) => {
        const active = this.filter === f;
        return html`<button part=${active ? 'button filter active' : 'button filter'} type="button" aria-pressed=${active ? 'true' : 'false'} @click=${() => (this.filter = f)}>
          ${m.list.filters[f]}
        </button>`;
      })}
    </div>`;
  }

  private _renderSkipped(m: ListTable): TemplateResult {
    const items = new Set(this._skipped.map((s) => `${s.page}:${/^items\[\d+\]/.exec(s.path)?.[0] ?? s.path}`));
    return html`<details part="issues" class="skipped">
      <summary>${m.list.skipped(items.size)}</summary>
      <ul>
        ${this._skipped.map((s) => html`<li>${this._pages > 1 ? `${s.page} · ` : ''}<code>${s.path}</code> ${s.message}</li>`)}
      </ul>
    </details>`;
  }

  private _renderItem(item: FeedItem, index: number, focused: boolean, m: ListTable, lang: string, now: number): TemplateResult {
    const { expired, daysLeft } = expiryOf(item, now);
    const open = this._open.has(item.id) && !expired;
    const resume = expired ? undefined : resumePositionOf(item);
    const metaId = `meta-${item.id}`;
    const cardParts = ['card', item.status, expired ? 'expired' : '', open ? 'open' : ''].filter(Boolean).join(' ');
    return html`<li part="item" class="item">
      <article part=${cardParts} class="card ${expired ? 'expired' : ''}">
        <div class="wave">${miniWaveform(item.waveform?.data)}</div>
        <div class="body">
          <h3 class="heading">
            <button part="open-button" class="open" type="button" tabindex=${focused ? 0 : -1} aria-expanded=${open ? 'true' : 'false'}
              aria-disabled=${expired ? 'true' : 'false'} aria-describedby=${metaId} @click=${() => this._toggle(item)} @focus=${() => this._onCardFocus(index)}>
              <span part="title" class="title">${item.title}</span>
            </button>
          </h3>
          <p part="meta" class="meta" id=${metaId}>
            ${this._renderStatus(item, m)}
            <time datetime=${item.startedAt}>${dateOf(item.startedAt, lang)}</time>
            <span aria-hidden="true">·</span>
            <time datetime=${`PT${Math.round(item.duration)}S`} aria-label=${m.list.duration(formatSpokenTime(item.duration, lang))}>${formatTime(item.duration)}</time>
            ${expired ? html`<span part="badge expired" class="badge expired">${m.list.expired}</span><span class="sr">${m.list.expiredNote}</span>` : nothing}
            ${daysLeft !== undefined ? html`<span part="badge expiry" class="badge expiry">${m.list.daysLeft(daysLeft)}</span>` : nothing}
            ${resume !== undefined ? html`<span part="badge resume" class="badge resume">${m.list.resumeAt(formatTime(resume, { forceHours: item.duration >= 3600 }))}</span>` : nothing}
            ${this._renderPeopleText(item.participants, m, lang)}
          </p>
          ${this._renderAvatars(item.participants, m, expired)}
        </div>
      </article>
      ${this._playerError === item.id ? html`<p part="message error" class="message error" role="alert">${m.errors['manifest-fetch']}</p>` : nothing}
      ${open
        ? html`<div part="player" class="player" @space-replay-ready=${(e: Event) => this._onPlayerReady(e, item.id)}>
            <space-replay src=${item.manifest}></space-replay>
          </div>`
        : nothing}
    </li>`;
  }

  private _renderStatus(item: FeedItem, m: ListTable): TemplateResult {
    if (item.status === 'live') {
      return html`<span part="badge live" class="badge live"><span class="dot" aria-hidden="true"></span><span aria-hidden="true">${m.list.rec}</span><span class="sr">${m.list.liveNow}</span></span>`;
    }
    return html`<span part="badge ${item.status}" class="badge ${item.status}">${item.status === 'pending' ? m.list.scheduled : m.list.recorded}</span>`;
  }

  private _renderPeopleText(participants: readonly FeedParticipant[], m: ListTable, lang: string): TemplateResult | typeof nothing {
    const { hosts, others } = splitHosts(participants);
    if (hosts.length === 0 && others.length === 0) return nothing;
    const list = (names: string[]): string => formatList(names, lang);
    const parts = [hosts.length > 0 ? m.list.hostedBy(list(hosts.map((p) => p.name))) : '', others.length > 0 ? m.list.with(list(others.map((p) => p.name))) : ''];
    return html`<span class="sr people-names">${parts.filter(Boolean).join(', ')}</span>`;
  }

  private _renderAvatars(participants: readonly FeedParticipant[], m: ListTable, expired: boolean): TemplateResult | typeof nothing {
    const { hosts, others } = splitHosts(participants);
    const people = [...hosts, ...others];
    if (people.length === 0) return nothing;
    const shown = people.slice(0, MAX_AVATARS);
    const rest = people.length - shown.length;
    return html`<div part="people" class="people" aria-hidden="true">
      ${shown.map((p) => {
        // Expired cards load nothing at all, avatars included.
        const src = !expired && p.avatar && !this._broken.has(p.avatar) ? p.avatar : undefined;
        return src
          ? html`<img part="avatar" class="avatar" src=${src} alt="" title=${p.name} referrerpolicy="no-referrer" loading="lazy" decoding="async" @error=${() => (this._broken = new Set([...this._broken, src]))} />`
          : html`<span part="avatar" class="avatar initials" title=${p.name}>${initialsOf(p.name)}</span>`;
      })}
      ${rest > 0 ? html`<span part="avatar" class="avatar more">${m.list.more(rest)}</span>` : nothing}
    </div>`;
  }
}

function dateOf(startedAt: string, lang: string): string {
  const date = new Date(startedAt);
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
  } catch {
    return date.toDateString();
  }
}
