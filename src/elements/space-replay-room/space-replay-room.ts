import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { roomMessages, type RoomMessages } from '../../i18n/room-messages.js';
import type { RoomEvents, RoomPin } from '../../model/room-events.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import type { PlayerSnapshot } from '../player-state/player-context.js';
import { RoomFollower } from '../player-state/room-index.js';
import { roomStyles } from './space-replay-room.styles.js';

const WEB_LINK = /^https?:\/\//i;

/**
 * `<space-replay-room>`: the room at the playback position, from the manifest's events: who is on
 * stage now (the one speaking marked; hands raised), how many are in the room when joins and leaves
 * are given, and the pinned links so far, a list that follows playback. A participant who did not
 * consent to recording is "a participant", never named. It re-renders only when the room changes
 * (the events index says when next), not every frame. Shows nothing for a recording without events.
 * A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart room - The whole panel.
 * @csspart stage - "On stage now" and its list.
 * @csspart listeners - The number of people in the room.
 * @csspart pins - "Pinned" and its list of links (`pin`, `pin current` for the latest).
 * @cssprop --space-replay-room-list-height - The stage's and the pins' fixed height (7.5rem); longer lists scroll.
 */
export class SpaceReplayRoom extends LitElement {
  static override styles = roomStyles;
  static override properties = { _room: { state: true } };

  private _room: RoomEvents | null = null;
  private readonly _player = new PlayerConsumer(this, (t) => this._tick(t));
  private readonly _follower = new RoomFollower((room) => (this._room = room));
  /** The state shown holds from `_from` until `_until` (the next change): ticks in between do nothing. */
  private _from = Infinity;
  private _until = -Infinity;

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const room = this._room;
    if (!s || !s.recording || !room) return nothing;
    const time = s.clock.time;
    this._from = time;
    this._until = room.nextChangeAfter(time);
    const m = roomMessages(s.lang);
    const duration = s.recording.manifest.duration;
    const at = (t: number): string => formatTime(t, { forceHours: duration >= 3600 });
    const listeners = room.listenersAt(time);
    const peak = room.peakListeners();
    const pins = room.pins.slice(0, room.pinCountAt(time));
    return html`<section part="room" class="room" aria-label=${m.room}>
      ${this._renderStage(room, time, s, m)}
      ${listeners !== undefined
        ? html`<p part="listeners" class="listeners">
            ${m.inRoom(listeners.toLocaleString(s.lang))}${peak && peak.count > 0 ? html` <span class="note">(${m.peak(peak.count.toLocaleString(s.lang), at(peak.time))})</span>` : nothing}
          </p>`
        : nothing}
      ${room.pins.length > 0
        ? html`<div part="pins" class="pins">
            <h3 id="pins">${m.pinned}</h3>
            <ul aria-labelledby="pins">
              ${pins.reverse().map((pin, i) => this._renderPin(pin, i === 0, m, at))}
              ${pins.length === 0 ? html`<li class="note">${m.noPins}</li>` : nothing}
            </ul>
          </div>`
        : nothing}
    </section>`;
  }

  private _renderStage(room: RoomEvents, time: number, s: PlayerSnapshot, m: RoomMessages): TemplateResult {
    const stage = room.stageAt(time);
    const muted = room.mutedAt(time).people;
    const hands = room.handsAt(time);
    const raised = hands.people.length + hands.unnamed;
    return html`<div part="stage" class="stage">
      <h3 id="stage">${m.onStage}</h3>
      <ul aria-labelledby="stage">
        ${stage.people.map(
          (p) => html`<li>
            <bdi>${p.name}</bdi>${p.id === s.speaker ? html` · <span class="speaking">${m.speaking}</span>` : nothing}${muted.includes(p) ? html` · <span class="note">${m.muted}</span>` : nothing}
          </li>`,
        )}
        ${stage.unnamed > 0 ? html`<li class="note">${m.unnamed(stage.unnamed)}</li>` : nothing}
        ${stage.people.length + stage.unnamed === 0 ? html`<li class="note">${m.nobodyOnStage}</li>` : nothing}
      </ul>
      ${raised > 0 ? html`<p class="note hands">${m.hands(raised)}</p>` : nothing}
    </div>`;
  }

  private _renderPin(pin: RoomPin, latest: boolean, m: RoomMessages, at: (t: number) => string): TemplateResult {
    const label = pin.title ?? pin.url;
    // Links only to the web: anything else is shown as text.
    const link = WEB_LINK.test(pin.url)
      ? html`<a href=${pin.url} target="_blank" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">${label}</a>`
      : html`<span>${label}</span>`;
    return html`<li part=${latest ? 'pin current' : 'pin'} class="pin" aria-current=${latest ? 'true' : 'false'}>
      ${link}
      <span class="note">${pin.by ? html`${m.pinnedBy}<bdi>${pin.by.name}</bdi>` : nothing}
        <button class="at" type="button" aria-label=${m.playFrom(at(pin.time))} @click=${() => emit(this, 'space-replay-seek-request', { time: pin.time })}>${m.pinnedAt(at(pin.time))}</button></span>
    </li>`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this._follower.follow(this._player.state?.recording ?? null);
  }

  private _tick(time: number): void {
    if (time >= this._from && time < this._until) return;
    // Out of the span shown (a change came, or a seek): render once, which sets the next span.
    this._from = Infinity;
    this._until = -Infinity;
    this.requestUpdate();
  }
}
