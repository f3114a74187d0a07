import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { formatList } from '../../i18n/list-format.js';
import { messagesFor } from '../../i18n/messages.js';
import { readAlongMessages } from '../../i18n/read-along-messages.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { withLtrArgs } from '../shared/bidi.js';
import { controlStyles } from '../shared/control.styles.js';
import { clipBannerStyles } from './space-replay-clip-banner.styles.js';
import type { ReadAlongState } from '../player-state/player-context.js';

/**
 * `<space-replay-clip-banner>`: says that a clip link is playing ("Clip 1:02–1:35 · Play full
 * recording"), or that a clip link was opened as a plain timestamp because someone in it asked not
 * to be clipped (naming them). Nothing otherwise. A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart clip-banner - "Clip 1:02–1:35 · Play full recording".
 * @csspart clip-notice - A clip link opened as a plain timestamp (consent), naming who refused.
 * @csspart button - Its buttons (also `play-full-button`).
 */
export class SpaceReplayClipBanner extends LitElement {
  static override styles = [controlStyles, clipBannerStyles];

  private readonly _player = new PlayerConsumer(this);

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const readAlong = s?.readAlong;
    if (!s?.recording || !readAlong) return nothing;
    // One polite live region that stays while the banner's content comes and goes, so the clip and
    // the notice are read when they appear.
    return html`<div class="live" role="status">${this._renderContent(s.recording.manifest.duration, s.lang, readAlong)}</div>`;
  }

  private _renderContent(duration: number, lang: string, readAlong: ReadAlongState): TemplateResult | typeof nothing {
    const c = readAlongMessages(lang).clips;
    const { clip, notice } = readAlong;
    const hours = duration >= 3600;
    if (clip?.source === 'link') {
      return html`<p part="clip-banner" class="clip-banner">
        <span dir="auto">${withLtrArgs(c.clipOf, formatTime(clip.start, { forceHours: hours }), formatTime(clip.end, { forceHours: hours }))}</span> ·
        <button part="button play-full-button" type="button" @click=${() => emit(this, 'space-replay-full-request', null)}>${c.playFull}</button>
      </p>`;
    }
    if (notice) {
      const names = formatList(notice.participants.map((p) => p.name), lang);
      return html`<p part="clip-notice" class="clip-banner">
        <span dir="auto">${c.linkRefused(names, notice.participants.length)}</span>
        <button part="button" type="button" aria-label=${messagesFor(lang).close} @click=${() => emit(this, 'space-replay-notice-close-request', null)}>×</button>
      </p>`;
    }
    return nothing;
  }
}
