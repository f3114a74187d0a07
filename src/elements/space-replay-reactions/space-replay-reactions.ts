import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { roomMessages } from '../../i18n/room-messages.js';
import type { RoomEvents } from '../../model/room-events.js';
import { formatTime } from '../../model/time.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import { RoomFollower } from '../player-state/room-index.js';
import { resolveColors } from '../space-replay-timeline/canvas-colors.js';
import { drawReactionStrip } from './reaction-strip.js';
import { reactionsStyles } from './space-replay-reactions.styles.js';

/** Bins of the text summary's "most around": fixed, so the summary does not change with the width. */
const SUMMARY_BINS = 60;

/**
 * `<space-replay-reactions>`: the room's reactions as a density strip under the timeline (a heat
 * map on one canvas: 100,000 reactions cost one draw per resize, nothing while playing), pins as
 * ticks along its top, and the number of people in the room as a line. Its text summary is the
 * strip's accessible name. A press seeks there. Shows nothing for a recording without events.
 * A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart reactions - The strip (`role="img"`, named by its summary).
 * @cssprop --space-replay-reactions-height - The strip's height (18px).
 */
export class SpaceReplayReactions extends LitElement {
  static override styles = reactionsStyles;
  static override properties = { _room: { state: true } };

  private _room: RoomEvents | null = null;
  private readonly _player = new PlayerConsumer(this);
  private readonly _follower = new RoomFollower((room) => (this._room = room));
  private _drawn = '';
  private _resize: ResizeObserver | null = null;
  /** The summary and what it was made for: making it reads every reaction once. */
  private _summaryOf: { key: string; text: string } | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._resize = null;
    this._drawn = '';
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const recording = s?.recording;
    const room = this._room;
    if (!s || !recording || !room) return nothing;
    return html`<div part="reactions" class="strip" role="img" aria-label=${this._summary(room, recording.manifest.duration, s.lang)} @click=${this._onClick}>
        <canvas aria-hidden="true"></canvas>
      </div>
      <span class="probe" aria-hidden="true"></span>`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this._follower.follow(this._player.state?.recording ?? null);
  }

  protected override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return;
    if (!this._resize) {
      this._resize = new ResizeObserver(() => this._draw());
      this._resize.observe(canvas);
    }
    this._draw();
  }

  /** Draws when the room, the size or the colour scheme changed since the last draw. */
  private _draw(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const s = this._player.state;
    const room = this._room;
    if (!canvas || !s?.recording || !room) return;
    const key = `${canvas.clientWidth}x${canvas.clientHeight}:${s.scheme}:${room.reactions.count}:${s.recording.manifest.duration}`;
    if (key === this._drawn) return;
    this._drawn = key;
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe')!;
    const [heat, pin, listeners] = resolveColors(probe, ['--space-replay-accent', '--space-replay-live', '--space-replay-muted']);
    drawReactionStrip(canvas, room, s.recording.manifest.duration, { heat: heat!, pin: pin!, listeners: listeners! });
  }

  private _summary(room: RoomEvents, duration: number, lang: string): string {
    const key = `${lang}:${duration}:${room.reactions.count}`;
    if (this._summaryOf?.key !== key) this._summaryOf = { key, text: this._summarize(room, duration, lang) };
    return this._summaryOf.text;
  }

  private _summarize(room: RoomEvents, duration: number, lang: string): string {
    const m = roomMessages(lang);
    const reactions = room.reactions;
    if (reactions.count === 0) return `${m.reactions}: ${m.noReactions}`;
    const bins = reactions.bins(0, duration, SUMMARY_BINS);
    const busiest = bins.counts.indexOf(bins.max);
    const at = bins.max > 0 ? formatTime(bins.from + (busiest + 0.5) * bins.binSeconds, { forceHours: duration >= 3600 }) : undefined;
    const top = reactions
      .topEmojis(0, duration + 1, 3)
      .map((e) => `${e.emoji} ${e.count.toLocaleString(lang)}`)
      .join(', ');
    return `${m.reactions}: ${m.reactionSummary(reactions.count.toLocaleString(lang), at, top)}`;
  }

  private readonly _onClick = (e: MouseEvent): void => {
    const duration = this._player.state?.recording?.manifest.duration ?? 0;
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    if (!(duration > 0) || box.width === 0) return;
    const time = Math.min(Math.max((e.clientX - box.left) / box.width, 0), 1) * duration;
    emit(this, 'space-replay-seek-request', { time, follow: true });
  };
}
