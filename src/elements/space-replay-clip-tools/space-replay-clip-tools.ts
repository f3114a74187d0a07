import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { messagesFor } from '../../i18n/messages.js';
import { readAlongMessages } from '../../i18n/read-along-messages.js';
import type { Manifest } from '../../manifest/types.js';
import { checkClipConsent } from '../../model/clip-consent.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import type { ReadAlongState } from '../player-state/player-context.js';
import '../space-replay-clip-editor/define.js';
import { ltr } from '../shared/bidi.js';
import { controlStyles } from '../shared/control.styles.js';
import { clipToolsStyles } from './space-replay-clip-tools.styles.js';

/**
 * `<space-replay-clip-tools>`: making and playing clips. "Make a clip" (then a drag across the
 * timeline chooses one), the host's highlights (each plays once), and the clip editor once a range
 * is chosen (on the timeline, or by selecting words in the transcript): nudge it, preview it, copy
 * its link or embed code. Nothing once the recording has expired. A part of
 * `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart clip-tools - The "Make a clip" toggle (`clip-button`) and its hint (`clip-hint`).
 * @csspart clip-button - The "Make a clip" toggle.
 * @csspart clip-hint - How to choose a clip, while "Make a clip" is on.
 * @csspart highlights - The host highlights (`highlight`, `highlight active`, `highlight-button`).
 * @csspart clip-editor - The clip editor row (the editor's own parts as `editor`, `editor-message`, `editor-button`; `close-clip-button`).
 * @csspart button - Every button.
 */
export class SpaceReplayClipTools extends LitElement {
  static override styles = [controlStyles, clipToolsStyles];

  private readonly _player = new PlayerConsumer(this);
  private _asked = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._asked = false;
  }

  protected override willUpdate(): void {
    // The editor moves a clip's ends word by word when the transcript is there.
    if (this._player.state && !this._asked) {
      this._asked = true;
      emit(this, 'space-replay-transcript-request', null);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const manifest = s?.recording?.manifest;
    const readAlong = s?.readAlong;
    if (!s || !manifest || !readAlong?.clipsAllowed) return nothing;
    const { lang } = s;
    const c = readAlongMessages(lang).clips;
    const hours = manifest.duration >= 3600;
    const highlights = manifest.clips ?? [];
    const active = readAlong.clip;
    return html`<div part="clip-tools" class="clip-tools">
        <button part="button clip-button" type="button" aria-pressed=${readAlong.clipMode ? 'true' : 'false'} title=${c.makeHint}
          @click=${() => emit(this, 'space-replay-clip-mode-request', { on: !readAlong.clipMode })}>${c.make}</button>
        ${readAlong.clipMode ? html`<span part="clip-hint" class="clip-hint" role="status">${c.makeHint}</span>` : nothing}
      </div>
      ${highlights.length > 0
        ? html`<section part="highlights" class="highlights" aria-label=${c.highlights}>
            <h3 class="sr">${c.highlights}</h3>
            <ul>
              ${highlights.map((h) => {
                const time = `${formatTime(h.startTime, { forceHours: hours })}–${formatTime(h.endTime, { forceHours: hours })}`;
                const playing = active?.source === 'highlight' && active.start === h.startTime && active.end === h.endTime;
                return html`<li part=${playing ? 'highlight active' : 'highlight'}>
                  <button part="button highlight-button" type="button" aria-label=${c.playHighlight(h.title ?? time)}
                    @click=${() => emit(this, 'space-replay-highlight-request', { start: h.startTime, end: h.endTime })}>▶</button>
                  <bdi class="highlight-title" title=${h.title ?? nothing}>${h.title ?? ''}</bdi> <span class="highlight-time">${ltr(time)}</span>
                </li>`;
              })}
            </ul>
          </section>`
        : nothing}
      ${readAlong.editing ? this._renderEditor(manifest, readAlong, readAlong.editing, lang, s.maxClip) : nothing}`;
  }

  private _renderEditor(manifest: Manifest, readAlong: ReadAlongState, editing: { start: number; end: number }, lang: string, maxClip: number): TemplateResult {
    const close = messagesFor(lang).close;
    // With several players on the page, a clip link names its recording.
    const several = this.ownerDocument.querySelectorAll('space-replay, space-replay-provider').length > 1;
    return html`<div part="clip-editor" class="clip-editor" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this._close()}>
      <space-replay-clip-editor
        exportparts="base: editor, message: editor-message, button: editor-button"
        lang=${lang}
        .start=${editing.start}
        .end=${editing.end}
        .duration=${manifest.duration}
        .maxClip=${maxClip}
        .transcript=${readAlong.transcript}
        .consentCheck=${(s: number, e: number) => checkClipConsent(manifest, s, e)}
        .recordingId=${several ? manifest.id : ''}
        .recordingTitle=${manifest.title}
      ></space-replay-clip-editor>
      <button part="button close-clip-button" type="button" aria-label=${close} title=${close} @click=${this._close}>×</button>
    </div>`;
  }

  private readonly _close = (): void => {
    emit(this, 'space-replay-clip-close-request', null);
  };
}
