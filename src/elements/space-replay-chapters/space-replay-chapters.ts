import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { messagesFor } from '../../i18n/messages.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { controlStyles } from '../shared/control.styles.js';

/**
 * `<space-replay-chapters>`: a menu of the recording's chapters (inline in the manifest or a
 * Podcasting 2.0 chapters file); choosing one goes there. Nothing without chapters. A part of
 * `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart chapters - The chapter menu.
 */
export class SpaceReplayChapters extends LitElement {
  static override styles = controlStyles;

  private readonly _player = new PlayerConsumer(this);

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const chapters = s?.chapters ?? [];
    if (!s?.recording || chapters.length === 0) return nothing;
    const m = messagesFor(s.lang);
    const hours = s.recording.manifest.duration >= 3600;
    return html`<select part="chapters" aria-label=${m.chapterMenu} @change=${this._onChange}>
      <option value="" selected>${m.chapters}</option>
      ${chapters.map((c) => html`<option value=${c.startTime}>${formatTime(c.startTime, { forceHours: hours })} ${c.title}</option>`)}
    </select>`;
  }

  private readonly _onChange = (e: Event): void => {
    const select = e.target as HTMLSelectElement;
    if (select.value !== '') emit(this, 'space-replay-seek-request', { time: Number(select.value) });
    select.value = '';
  };
}
