import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { emit, type PlayerErrorDetail } from '../../events.js';
import { messagesFor, type Messages } from '../../i18n/messages.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { controlStyles } from '../shared/control.styles.js';
import { statusStyles } from './space-replay-status.styles.js';

/** Problems that loading again may solve (a damaged segment may be fetched whole the next time). */
const RETRYABLE = new Set<PlayerErrorDetail['code']>(['manifest-fetch', 'offline', 'media-network', 'media-decode', 'start-failed']);

/**
 * `<space-replay-status>`: what the player says when it is not simply playing: a placeholder
 * while the manifest loads, why a recording cannot play (expired, invalid with each problem's
 * field, unreachable, offline) and a Retry button where retrying can help. Nothing otherwise.
 * A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @attr {boolean} loading - Show the loading placeholder before the player shares its state (what `<space-replay>` renders on a server).
 *
 * @csspart skeleton - The loading placeholder.
 * @csspart message - The expired, error and offline messages (also named by code: `expired`, `offline`, `manifest-invalid`, …).
 * @csspart issues - The list of manifest problems, each with its field path.
 * @csspart button - The Retry button (also `retry-button`).
 */
export class SpaceReplayStatus extends LitElement {
  static override styles = [controlStyles, statusStyles];
  static override properties = { loading: { type: Boolean } };

  /** Show the placeholder before the player shares its state: what a server renders for a player with a `src`. */
  loading = false;

  private readonly _player = new PlayerConsumer(this);

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    if (!s) return this.loading ? this._renderSkeleton(messagesFor('en')) : nothing;
    const m = messagesFor(s.lang);
    if (s.state === 'loading') return this._renderSkeleton(m);
    const error = s.recording ? s.mediaError : s.loadError;
    return error ? this._renderMessage(m, error) : nothing;
  }

  private _renderSkeleton(m: Messages): TemplateResult {
    return html`<div part="skeleton" class="skeleton" role="status">
      <span class="sr">${m.loading}</span>
      <div class="bone header"></div>
      <div class="bone wave"></div>
      <div class="bone transport"></div>
      <div class="bone speakers"></div>
    </div>`;
  }

  private _renderMessage(m: Messages, error: PlayerErrorDetail): TemplateResult {
    const canRetry = RETRYABLE.has(error.code);
    const issues = error.issues ?? [];
    const role = error.code === 'expired' ? 'status' : 'alert';
    return html`<div part="message ${error.code}" class="message" role=${role}>
      <p class="headline">${m.errors[error.code]}</p>
      ${error.title ? html`<p class="detail"><bdi>${error.title}</bdi></p>` : nothing}
      ${error.status !== undefined && error.code !== 'expired' ? html`<p class="detail">${m.httpStatus(error.status)}</p>` : nothing}
      ${error.timeout !== undefined ? html`<p class="detail">${m.noAnswer(error.timeout)}</p>` : nothing}
      ${error.code === 'manifest-invalid' && issues.length > 0
        ? html`<ul part="issues" class="issues">
            ${issues.slice(0, 5).map((i) => html`<li><code>${i.path || '(manifest)'}</code> ${i.message}</li>`)}
          </ul>`
        : nothing}
      ${error.code === 'manifest-version' && issues[0] ? html`<p class="detail">${issues[0].message}</p>` : nothing}
      ${canRetry ? html`<button part="button retry-button" type="button" @click=${() => emit(this, 'space-replay-retry-request', null)}>${m.retry}</button>` : nothing}
    </div>`;
  }
}
