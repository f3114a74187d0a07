import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { messagesFor } from '../../i18n/messages.js';
import { secondTexts } from '../player-state/clock-texts.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { PLAYBACK_RATES } from '../player-state/playback-rates.js';
import { controlStyles } from '../shared/control.styles.js';
import { icon } from '../shared/icons.js';
import { transportStyles } from './space-replay-transport.styles.js';

/**
 * `<space-replay-transport>`: the playback controls: previous and next speaker, back, play or
 * pause, forward, the clock (elapsed and remaining), buffering, speed, mute, volume, the download
 * link and the keyboard shortcuts button. Children (a `<space-replay-chapters>`) go among the
 * settings. A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @slot - Among the settings, before the download link (the default layout puts the chapters menu there).
 *
 * @csspart transport - The row of controls.
 * @csspart button - Every button (also `play-button`, `back-button`, `forward-button`, `previous-speaker-button`, `next-speaker-button`, `mute-button`, `help-button`).
 * @csspart time - Elapsed and remaining time.
 * @csspart rate - The playback-rate menu.
 * @csspart volume - The volume slider.
 * @csspart download - The download link.
 * @csspart buffering - The buffering indicator.
 */
export class SpaceReplayTransport extends LitElement {
  static override styles = [controlStyles, transportStyles];

  private readonly _player = new PlayerConsumer(this, (t) => this._tick(t));
  private _second = 0;

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const recording = s?.recording;
    if (!s || !recording) return nothing;
    const { lang, skipBack, skipForward } = s;
    const m = messagesFor(lang);
    const paused = !s.playing;
    const second = secondTexts(this._second, recording.manifest.duration, m, lang);
    const rateFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const currentRate = PLAYBACK_RATES.find((r) => Math.abs(r - s.rate) < 1e-6);
    const download = recording.download;
    return html`<div part="transport" class="transport">
      <div class="buttons">
        <button part="button previous-speaker-button" type="button" aria-label=${m.previousSpeaker} title=${m.previousSpeaker} @click=${() => this._turn(-1)}>${icon('previous')}</button>
        <button part="button back-button" type="button" aria-label=${m.back(skipBack)} title=${m.back(skipBack)} @click=${() => this._skip(-skipBack)}>
          ${icon('back')}<span class="amount" aria-hidden="true">${skipBack}</span>
        </button>
        <button part="button play-button" class="play" type="button" aria-label=${paused ? m.play : m.pause}
          @click=${() => emit(this, paused ? 'space-replay-play-request' : 'space-replay-pause-request', null)}>${icon(paused ? 'play' : 'pause')}</button>
        <button part="button forward-button" type="button" aria-label=${m.forward(skipForward)} title=${m.forward(skipForward)} @click=${() => this._skip(skipForward)}>
          ${icon('forward')}<span class="amount" aria-hidden="true">${skipForward}</span>
        </button>
        <button part="button next-speaker-button" type="button" aria-label=${m.nextSpeaker} title=${m.nextSpeaker} @click=${() => this._turn(1)}>${icon('next')}</button>
      </div>
      <span part="time" class="time">
        <span .textContent=${second.elapsed}></span> /
        <span aria-label=${second.remainingLabel} .textContent=${second.remaining}></span>
      </span>
      ${s.buffering ? html`<span part="buffering" class="buffering" role="status">${m.buffering}</span>` : nothing}
      <div class="settings">
        <select part="rate" dir="ltr" aria-label=${m.rate} title=${m.rate}
          @change=${(e: Event) => emit(this, 'space-replay-rate-request', { playbackRate: Number((e.target as HTMLSelectElement).value) })}>
          ${currentRate === undefined ? html`<option selected value=${s.rate}>${rateFormat.format(s.rate)}×</option>` : nothing}
          ${PLAYBACK_RATES.map((r) => html`<option value=${r} ?selected=${r === currentRate}>${rateFormat.format(r)}×</option>`)}
        </select>
        <button part="button mute-button" type="button" aria-label=${s.muted ? m.unmute : m.mute} aria-pressed=${s.muted ? 'true' : 'false'}
          @click=${() => emit(this, 'space-replay-volume-request', { muted: !s.muted })}>
          ${icon(s.muted || s.volume === 0 ? 'muted' : 'volume')}
        </button>
        <input part="volume" class="volume" type="range" min="0" max="1" step="0.05" aria-label=${m.volume} .value=${String(s.muted ? 0 : s.volume)}
          @input=${(e: Event) => {
            const volume = Number((e.target as HTMLInputElement).value);
            emit(this, 'space-replay-volume-request', { volume, muted: volume === 0 });
          }} />
        <slot></slot>
        ${download ? html`<a part="download" class="icon-link" href=${download} download aria-label=${m.download} title=${m.download}>${icon('download')}</a>` : nothing}
        <button part="button help-button" type="button" aria-label=${m.shortcuts} title=${m.shortcuts} aria-expanded=${s.helpOpen ? 'true' : 'false'}
          @click=${() => emit(this, 'space-replay-help-request', { open: !s.helpOpen })}>${icon('help')}</button>
      </div>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const s = this._player.state;
    // The help closed: focus comes back to the button that opens it.
    if (this._helpWasOpen && !s?.helpOpen) this.renderRoot.querySelector<HTMLElement>('[part~="help-button"]')?.focus();
    this._helpWasOpen = s?.helpOpen ?? false;
  }
  private _helpWasOpen = false;

  private _skip(seconds: number): void {
    const s = this._player.state;
    if (s) emit(this, 'space-replay-seek-request', { time: (s.media?.currentTime ?? s.clock.time) + seconds });
  }

  private _turn(direction: 1 | -1): void {
    emit(this, 'space-replay-turn-request', { direction });
  }

  /** A new second: the clock's texts are written straight to their elements (see clock-texts.ts). */
  private _tick(t: number): void {
    const second = Math.floor(t);
    if (second === this._second) return;
    this._second = second;
    const s = this._player.state;
    const clock = this.renderRoot?.querySelector('.time');
    if (!s?.recording || !clock) return;
    const texts = secondTexts(second, s.recording.manifest.duration, messagesFor(s.lang), s.lang);
    const [elapsed, remaining] = clock.children;
    if (elapsed) elapsed.textContent = texts.elapsed;
    if (remaining) {
      remaining.textContent = texts.remaining;
      remaining.setAttribute('aria-label', texts.remainingLabel);
    }
  }
}
