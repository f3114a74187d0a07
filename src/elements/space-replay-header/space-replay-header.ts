import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { TimerScope } from '../../controllers/timer-scope.js';
import { messagesFor } from '../../i18n/messages.js';
import { timeLeft, type TimeLeft } from '../../model/expiry.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { hostOf } from '../player-state/room-host.js';
import { headerStyles } from './space-replay-header.styles.js';

const AVAILABILITY_NOTICE_DAYS = 30;

/**
 * A license URL as a link (the validator resolved it and allowed only web URLs; anything else is
 * shown as text), an SPDX identifier or expression as text.
 */
function licenseView(license: string): TemplateResult | string {
  return /^https?:\/\//i.test(license) ? html`<a href=${license} target="_blank" rel="license noopener noreferrer">${license}</a>` : license;
}

/**
 * `<space-replay-header>`: the recording's title, status badge, host, date and length, and how
 * long it stays available. A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart header - The whole header.
 * @csspart title - The recording title.
 * @csspart meta - Host, date and duration line.
 * @csspart badge - The status badge (also `live`, `ended` or `pending`).
 * @csspart availability - "Available for N more days".
 * @csspart license - The manifest's `license`: an SPDX identifier as text, a URL as a link.
 */
export class SpaceReplayHeader extends LitElement {
  static override styles = headerStyles;

  private readonly _player = new PlayerConsumer(this);
  private readonly _timers = new TimerScope();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._timers.clear();
  }

  /**
   * The time left to show (from 30 days before expiry), and a render again when it next changes:
   * on the last day it counts down in hours, then in minutes. The provider itself stops the
   * recording when it expires.
   */
  private _timeLeft(expiresAt: string | undefined): TimeLeft | null {
    this._timers.clear();
    const at = expiresAt ? Date.parse(expiresAt) : NaN;
    const left = timeLeft(at);
    if (!left) return null;
    // setTimeout's longest delay is about 24.8 days.
    if (this.isConnected) this._timers.timeout(() => this.requestUpdate(), Math.min(left.changesIn, 2 ** 31 - 1));
    return left.unit !== 'day' || left.count <= AVAILABILITY_NOTICE_DAYS ? left : null;
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const manifest = s?.recording?.manifest;
    if (!s || !manifest) return nothing;
    const { lang } = s;
    const m = messagesFor(lang);
    const host = hostOf(manifest.participants);
    const started = new Date(manifest.startedAt);
    let date = '';
    try {
      date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(started);
    } catch {
      date = started.toDateString();
    }
    const left = this._timeLeft(manifest.retention?.expiresAt);
    const status = manifest.status;
    return html`<header part="header" class="header">
      <div class="heading">
        <h2 part="title" class="title">${manifest.title}</h2>
        <span part="badge ${status}" class="badge ${status}">
          ${status === 'live' ? html`<span class="dot" aria-hidden="true"></span>${m.live}` : status === 'pending' ? m.scheduled : m.recorded}
        </span>
      </div>
      <p part="meta" class="meta">
        ${host ? html`<span dir="auto">${m.hostedBy} <bdi>${host.name}</bdi></span> · ` : nothing}
        <time dir="auto" datetime=${manifest.startedAt}>${date}</time> ·
        <time dir="ltr" datetime=${`PT${Math.round(manifest.duration)}S`}>${formatTime(manifest.duration)}</time>
        ${left ? html` · <span part="availability" dir="auto">${m.availableFor(left.count, left.unit)}</span>` : nothing}
        ${manifest.license ? html` · <span part="license">${m.license}: ${licenseView(manifest.license)}</span>` : nothing}
      </p>
    </header>`;
  }
}
