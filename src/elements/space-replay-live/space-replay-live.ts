import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { liveMessages } from '../../i18n/live-messages.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { controlStyles } from '../shared/control.styles.js';

/**
 * Within this many seconds of what has been recorded, the listener is at the live edge. The HLS
 * playlist and the manifest are each a few seconds behind the room: closer means nothing.
 */
const LIVE_EDGE_SECONDS = 5;

/**
 * `<space-replay-live>`: while the recording is still in progress (`status: "live"`), how far
 * behind live the listener is and "Jump to live". It renders when the whole second it shows
 * changes, not every frame; it shows nothing once the room has ended. A part of
 * `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart live - The whole part.
 * @csspart behind - "1:05 behind live".
 * @csspart jump-to-live-button - "Jump to live".
 */
export class SpaceReplayLive extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .live {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        font-size: 0.9em;
      }
      .behind {
        font-variant-numeric: tabular-nums;
        color: var(--space-replay-muted);
      }
    `,
  ];

  private readonly _player = new PlayerConsumer(this, (t) => this._tick(t));
  private _shown = NaN;

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const manifest = s?.recording?.manifest;
    if (!s || manifest?.status !== 'live') return nothing;
    const m = liveMessages(s.lang);
    const behind = this._behind(s.clock.time);
    this._shown = behind;
    const atEdge = behind <= LIVE_EDGE_SECONDS;
    return html`<div part="live" class="live">
      <span part="behind" class="behind">${atEdge ? m.atLive : m.behind(formatTime(behind))}</span>
      <button part="button jump-to-live-button" type="button" ?disabled=${atEdge} @click=${this._jump}>${m.jumpToLive}</button>
    </div>`;
  }

  /** Whole seconds between `time` and the end of what has been recorded. */
  private _behind(time: number): number {
    const duration = this._player.state?.recording?.manifest.duration ?? 0;
    return Math.max(0, Math.floor(duration - time));
  }

  private _tick(time: number): void {
    if (this._player.state?.recording?.manifest.status === 'live' && this._behind(time) !== this._shown) this.requestUpdate();
  }

  private readonly _jump = (): void => {
    const duration = this._player.state?.recording?.manifest.duration ?? 0;
    // A little before the end: the last seconds may not be in the playlist yet.
    emit(this, 'space-replay-seek-request', { time: Math.max(0, duration - LIVE_EDGE_SECONDS / 2), follow: true });
  };
}
