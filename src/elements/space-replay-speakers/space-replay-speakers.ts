import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { messagesFor } from '../../i18n/messages.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import type { SpeakerRow } from '../player-state/recording.js';
import { speakerColor } from '../player-state/speaker-color.js';
import { withLtrArgs } from '../shared/bidi.js';
import { controlStyles } from '../shared/control.styles.js';
import { speakersStyles } from './space-replay-speakers.styles.js';
import { styleProps } from '../shared/style-props.js';

/**
 * `<space-replay-speakers>`: who is in the room (those who consented to be recorded), with their
 * role and talk time; the one speaking now is marked, and said in a polite live region when the
 * turn changes. Pressing a speaker goes to their next turn.
 * A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart speakers - The list.
 * @csspart speaker - One speaker's button (also `active` while they speak).
 * @csspart avatar - A speaker's avatar image or initials.
 * @csspart name - A speaker's name.
 * @csspart role - A speaker's role badge.
 * @csspart talk-time - A speaker's talk time.
 */
export class SpaceReplaySpeakers extends LitElement {
  static override styles = [controlStyles, speakersStyles];

  private readonly _player = new PlayerConsumer(this);

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const rows = s?.recording?.speakers ?? [];
    if (!s || rows.length === 0) return nothing;
    const m = messagesFor(s.lang);
    return html`<section class="speakers-box" aria-label=${m.speakers}>
      <ul part="speakers" class="speakers" @click=${this._onClick}>
        ${rows.map((r, i) => {
          const active = r.participant.id === s.speaker;
          const role = r.participant.role ?? 'speaker';
          const color = r.row >= 0 ? speakerColor(r.row) : 'var(--space-replay-border)';
          return html`<li>
            <button part=${active ? 'speaker active' : 'speaker'} class="speaker" type="button" aria-current=${active ? 'true' : 'false'}
              aria-describedby=${r.talk > 0 ? `jump-${i}` : nothing} ?disabled=${r.talk === 0} ${styleProps({ '--speaker-color': color })}>
              ${this._renderAvatar(r)}
              <span class="who">
                <bdi part="name" class="name">${r.participant.name}</bdi>
                <span class="facts">
                  <span part="role" class="role" dir="auto">${m.roles[role] ?? role}</span>
                  ${r.talk > 0 ? html`<span part="talk-time" class="talk" dir="auto">${withLtrArgs(m.talkTime, formatTime(r.talk))}</span>` : nothing}
                  ${active ? html`<span class="speaking" dir="auto">${m.speakingNow}</span>` : nothing}
                </span>
              </span>
            </button>
            ${r.talk > 0 ? html`<span id="jump-${i}" hidden>${m.jumpTo(r.participant.name)}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${this._renderLive(rows.find((r) => r.participant.id === s.speaker)?.participant.name, m.speakingNow)}
    </section>`;
  }

  /**
   * Who speaks now, for screen readers: a polite live region that is always there (a region
   * inserted with its text is often not read), whose text changes once a turn, never per word.
   */
  private _renderLive(name: string | undefined, speakingNow: string): TemplateResult {
    return html`<p class="sr live" role="status">${name ? html`${speakingNow}: <bdi>${name}</bdi>` : nothing}</p>`;
  }

  private _renderAvatar(r: SpeakerRow): TemplateResult {
    const initials = html`<span part="avatar" class="avatar initials" aria-hidden="true">${r.initials}</span>`;
    if (!r.avatar) return initials;
    return html`<img part="avatar" class="avatar" src=${r.avatar} alt="" referrerpolicy="no-referrer" decoding="async"
      @error=${() => {
        // A broken avatar falls back to initials, once.
        r.avatar = undefined;
        this.requestUpdate();
      }} />`;
  }

  // One listener for the list, whatever the number of speakers.
  private readonly _onClick = (e: Event): void => {
    const button = (e.target as Element).closest?.('button.speaker');
    if (!button) return;
    const index = [...this.renderRoot.querySelectorAll('button.speaker')].indexOf(button);
    const row = this._player.state?.recording?.speakers[index];
    if (row) emit(this, 'space-replay-turn-request', { direction: 1, speakerId: row.participant.id });
  };
}
