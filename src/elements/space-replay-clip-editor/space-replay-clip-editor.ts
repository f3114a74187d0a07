import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TimerScope } from '../../controllers/timer-scope.js';
import { emit } from '../../events.js';
import { readAlongMessages } from '../../i18n/read-along-messages.js';
import { languageOf, loadMessages, messagesFor, type ClipMessages } from '../../i18n/messages.js';
import type { ClipConsentResult } from '../../model/clip-consent.js';
import { formatClipLink } from '../../model/clip-link.js';
import { formatTime } from '../../model/time.js';
import type { Transcript } from '../../model/transcript/index.js';
import { withLtrArgs } from '../shared/bidi.js';
import { copyText } from '../space-replay-transcript/copy-text.js';
import { constrainClip, DEFAULT_MAX_CLIP_SECONDS, nudgeBySeconds, nudgeByWord, type ClipRange } from './clip-range.js';
import { formatClipTime } from './clip-time.js';
import { embedCode, httpUrl } from './embed-code.js';
import { styles } from './space-replay-clip-editor.styles.js';

const NUDGE_SECONDS = 0.1;
const STATUS_MS = 4000;

/**
 * `<space-replay-clip-editor>`: the small editor of a clip being made (from a waveform drag or a
 * transcript selection). Shows start, end and length; nudges each end by 0.1 s or by a word; caps
 * the length at `max-clip`; refuses, naming them, a clip over people who did not consent; and
 * shares the clip as a link (copy, Web Share) or as embed code. See docs/clips.md.
 *
 * @example
 * <space-replay-clip-editor max-clip="90"></space-replay-clip-editor>
 * <script type="module">
 *   editor.start = 62; editor.end = 95;
 *   editor.consentCheck = (s, e) => checkClipConsent(manifest, s, e);
 *   editor.addEventListener('space-replay-clip', (e) => console.log(e.detail.url));
 * </script>
 *
 * @fires space-replay-clip-change - `{start, end}`: the editor moved the range (a nudge, or the cap).
 * @fires space-replay-preview-request - `{start, end}`: play the clip once.
 * @fires space-replay-clip - `{startTime, endTime, url}`: a link was copied or shared, or embed code copied.
 *
 * @csspart base - The editor box.
 * @csspart end-control - The start or the end with its nudge buttons (also `start`, `end`).
 * @csspart label - "Start", "End", "Length".
 * @csspart value - A time.
 * @csspart length - The length row.
 * @csspart button - Every button (also `nudge`, `preview-button`, `copy-link-button`, `share-button`, `embed-button`).
 * @csspart message - The consent refusal (`message refusal`) and the cap note.
 * @csspart link - The link shown for copying by hand when the clipboard refused.
 * @csspart status - "Link copied".
 *
 * @cssprop --space-replay-accent - Focus colour.
 * @cssprop --space-replay-border - Border colour.
 */
export class SpaceReplayClipEditor extends LitElement {
  static override styles = styles;

  /** Clip start, seconds. */
  @property({ type: Number }) start = 0;

  /** Clip end, seconds. */
  @property({ type: Number }) end = 0;

  /** The recording's length, seconds (the range is kept inside it). */
  @property({ type: Number }) duration = NaN;

  /** The longest clip, seconds. */
  @property({ type: Number, attribute: 'max-clip' }) maxClip = DEFAULT_MAX_CLIP_SECONDS;

  /** The transcript, for nudging by word (the word buttons show only with it). */
  @property({ attribute: false }) transcript: Transcript | undefined;

  /** Checks a range against consent, e.g. `(s, e) => checkClipConsent(manifest, s, e)`; none: always allowed. */
  @property({ attribute: false }) consentCheck: ((start: number, end: number) => ClipConsentResult) | undefined;

  /** The page URL clip links are made from (default: this page's). */
  @property({ attribute: 'page-url' }) pageUrl = '';

  /** The embed page for embed code, e.g. `https://example.org/embed.html?src=…manifest.json` (default: the clip link). */
  @property({ attribute: 'embed-url' }) embedUrl = '';

  /** The recording id written into links (for pages with several players). */
  @property({ attribute: 'recording-id' }) recordingId = '';

  /** The recording's title, for sharing and the embed's title. */
  @property({ attribute: 'recording-title' }) recordingTitle = '';

  /** The UI language (else the closest ancestor's `lang`). */
  @property({ reflect: true }) override lang!: string;

  @state() private _status = '';
  @state() private _shortened = false;
  @state() private _manualLink = '';

  private _emitChange = false;
  private readonly _timers = new TimerScope();

  /** The clip link for the current range (the page URL with `#t=start,end`). */
  get clipUrl(): string {
    const base = this.pageUrl || globalThis.location?.href || '';
    return formatClipLink(base, { start: this.start, end: this.end, ...(this.recordingId ? { id: this.recordingId } : {}) });
  }

  /** The `<iframe>` embed code for the current range, or '' when no http(s) page can be embedded. */
  get embedCode(): string {
    const src = this._embedSrc();
    return src ? embedCode(src, this._messages().embedTitle(this.recordingTitle)) : '';
  }

  /** The consent check of the current range. */
  get consent(): ClipConsentResult {
    if (!(this.end > this.start)) return { ok: true };
    return this.consentCheck?.(this.start, this.end) ?? { ok: true };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._timers.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const lang = this._language();
    // Languages other than English load on demand: render again once they have.
    if (messagesFor(lang) === messagesFor('en')) void loadMessages(lang).then((loaded) => loaded && this.requestUpdate());
    if (!(changed.has('start') || changed.has('end') || changed.has('maxClip') || changed.has('duration'))) return;
    this._manualLink = '';
    if (!(this.end > this.start)) return;
    const limited = constrainClip({ start: this.start, end: this.end }, { duration: this.duration, maxClip: this.maxClip });
    if (limited.start !== this.start || limited.end !== this.end) {
      this.start = limited.start;
      this.end = limited.end;
      this._emitChange = true;
    }
    if (limited.shortened) this._shortened = true;
    else if (changed.has('start') || changed.has('end')) this._shortened = false;
  }

  protected override updated(): void {
    if (this._emitChange) {
      this._emitChange = false;
      emit(this, 'space-replay-clip-change', { start: this.start, end: this.end });
    }
  }

  protected override render(): TemplateResult {
    const m = this._messages();
    const lang = this._language();
    const valid = this.end > this.start;
    const consent = this.consent;
    const allowed = valid && consent.ok;
    const hours = (Number.isFinite(this.duration) ? this.duration : this.end) >= 3600;
    const canShare = typeof globalThis.navigator?.share === 'function';
    const max = formatTime(this.maxClip);
    return html`
      <div part="base" class="base" role="group" aria-label=${m.label}>
        <div class="ends">
          ${this._endControl('start', m, lang, hours)} ${this._endControl('end', m, lang, hours)}
          <div part="length" class="length">
            <span part="label" class="label">${m.length}</span>
            <span part="value" class="value" dir="ltr">${formatClipTime(valid ? this.end - this.start : 0, lang)}</span>
          </div>
        </div>
        ${consent.ok ? nothing : html`<p part="message refusal" class="message" role="alert" dir="auto">${m.refused(this._names(consent.participants, lang), consent.participants.length)}</p>`}
        ${this._shortened ? html`<p part="message" class="message" role="status" dir="auto">${withLtrArgs(m.shortened, max)}</p>` : nothing}
        <div part="actions" class="actions">
          <button part="button preview-button" type="button" ?disabled=${!valid} @click=${this._preview}>${m.preview}</button>
          <button part="button copy-link-button" type="button" ?disabled=${!allowed} @click=${this._copyLink}>${m.copyLink}</button>
          ${canShare ? html`<button part="button share-button" type="button" ?disabled=${!allowed} @click=${this._share}>${m.share}</button>` : nothing}
          <button part="button embed-button" type="button" ?disabled=${!allowed || !this._embedSrc()} @click=${this._copyEmbed}>${m.copyEmbed}</button>
          <span part="status" class="status" role="status">${this._status}</span>
        </div>
        ${this._manualLink
          ? html`<input part="link" class="link" readonly aria-label=${m.copyLink} .value=${this._manualLink} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />`
          : nothing}
      </div>
    `;
  }

  private _endControl(which: 'start' | 'end', m: ClipMessages, lang: string, hours: boolean): TemplateResult {
    const byWord = this.transcript !== undefined && this.transcript.wordCount > 0;
    const value = which === 'start' ? this.start : this.end;
    const nudge = (later: boolean, word: boolean): TemplateResult => html`<button
      part="button nudge"
      type="button"
      aria-label=${m.nudge(which, later, word)}
      title=${m.nudge(which, later, word)}
      data-which=${which}
      data-step=${later ? 1 : -1}
      data-word=${word ? 'true' : 'false'}
      @click=${this._nudge}
    >
      ${word ? (later ? '⇥' : '⇤') : later ? '+0.1' : '−0.1'}
    </button>`;
    return html`<div part="end-control ${which}" class="control" role="group" aria-label=${which === 'start' ? m.start : m.end}>
      <span part="label" class="label">${which === 'start' ? m.start : m.end}</span>
      <span part="value" class="value" dir="ltr">${formatClipTime(value, lang, hours)}</span>
      ${byWord ? nudge(false, true) : nothing} ${nudge(false, false)} ${nudge(true, false)} ${byWord ? nudge(true, true) : nothing}
    </div>`;
  }

  private _messages(): ClipMessages {
    return readAlongMessages(this._language()).clips;
  }

  /** The `lang` property, else the closest ancestor's (render runs before Lit reflects the property). */
  private _language(): string {
    return this.lang || languageOf(this);
  }

  private _names(participants: readonly { name: string }[], lang: string): string {
    const names = participants.map((p) => p.name);
    try {
      return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
    } catch {
      return names.join(', ');
    }
  }

  private _embedSrc(): string | undefined {
    if (!(this.end > this.start)) return undefined;
    const embed = this.embedUrl ? httpUrl(this.embedUrl) : undefined;
    if (embed) return formatClipLink(embed, { start: this.start, end: this.end });
    return httpUrl(this.clipUrl);
  }

  private _nudge = (event: Event): void => {
    const data = (event.currentTarget as HTMLElement).dataset;
    const which = data.which === 'end' ? 'end' : 'start';
    const step = data.step === '1' ? 1 : -1;
    const range: ClipRange = { start: this.start, end: this.end };
    const limits = { duration: this.duration, maxClip: this.maxClip };
    const next =
      data.word === 'true' && this.transcript
        ? nudgeByWord(range, which, step, this.transcript, limits)
        : nudgeBySeconds(range, which, step * NUDGE_SECONDS, limits);
    if (next.start === this.start && next.end === this.end) return;
    this.start = next.start;
    this.end = next.end;
    this._emitChange = true;
  };

  private _preview = (): void => {
    if (this.end > this.start) emit(this, 'space-replay-preview-request', { start: this.start, end: this.end });
  };

  private _linkMade(url: string): void {
    emit(this, 'space-replay-clip', { startTime: this.start, endTime: this.end, url });
  }

  private _copyLink = async (): Promise<void> => {
    if (!this.consent.ok || !(this.end > this.start)) return;
    const url = this.clipUrl;
    const m = this._messages();
    if (await copyText(url)) {
      this._showStatus(m.linkCopied);
      this._linkMade(url);
    } else {
      // The clipboard refused: show the link to copy by hand.
      this._showStatus(m.copyFailed);
      this._manualLink = url;
      this._linkMade(url);
    }
  };

  private _share = async (): Promise<void> => {
    if (!this.consent.ok || !(this.end > this.start) || typeof navigator.share !== 'function') return;
    const url = this.clipUrl;
    const m = this._messages();
    const title = this.recordingTitle ? `${this.recordingTitle} · ${m.clipOf(formatTime(this.start), formatTime(this.end))}` : m.clipOf(formatTime(this.start), formatTime(this.end));
    try {
      await navigator.share({ title, url });
      this._linkMade(url);
    } catch {
      // Cancelled by the listener, or refused: nothing was shared.
    }
  };

  private _copyEmbed = async (): Promise<void> => {
    const src = this._embedSrc();
    if (!this.consent.ok || !src) return;
    const m = this._messages();
    const code = this.embedCode;
    if (await copyText(code)) this._showStatus(m.embedCopied);
    else {
      this._showStatus(m.copyFailed);
      this._manualLink = code;
    }
    this._linkMade(src);
  };

  private _showStatus(text: string): void {
    this._status = text;
    this._timers.clear();
    this._timers.timeout(() => (this._status = ''), STATUS_MS);
  }
}
