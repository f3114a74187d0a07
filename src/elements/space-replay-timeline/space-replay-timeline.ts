import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { WaveformController, ZOOM_THRESHOLD_SECONDS, ZOOM_WINDOW_SECONDS } from '../../controllers/waveform-controller.js';
import { emit } from '../../events.js';
import { messagesFor } from '../../i18n/messages.js';
import { formatTime } from '../../model/time.js';
import { nextTask } from '../player-state/next-task.js';
import { secondTexts } from '../player-state/clock-texts.js';
import { PlayerConsumer } from '../player-state/player-consumer.js';
import type { PlayerSnapshot } from '../player-state/player-context.js';
import type { Recording } from '../player-state/recording.js';
import { speakerColor } from '../player-state/speaker-color.js';
import { resolveColors } from './canvas-colors.js';
import { lanesHeight } from './lanes-height.js';
import { drawSpeakerLanes } from './speaker-lanes.js';
import { drawMarks } from './timeline-marks.js';
import { timelineStyles } from './space-replay-timeline.styles.js';
import { styleProps } from '../shared/style-props.js';

const WAVE_HEIGHT = 56;
const ARROW_SECONDS = 5;
const PAGE_SECONDS = 60;
const MIN_DRAG_SECONDS = 0.1;
const SLIDER_KEYS: Record<string, number> = { ArrowRight: ARROW_SECONDS, ArrowUp: ARROW_SECONDS, ArrowLeft: -ARROW_SECONDS, ArrowDown: -ARROW_SECONDS, PageUp: PAGE_SECONDS, PageDown: -PAGE_SECONDS };

/**
 * `<space-replay-timeline>`: the waveform (drawn from precomputed peaks; zoomed on recordings
 * over 20 minutes, with an overview) above the speaker lanes, which show who spoke when, redacted
 * ranges and chapter starts. It is the seek slider: press, drag, or use the arrow keys, PageUp,
 * PageDown, Home and End. With Shift, or with "Make a clip" on, a drag chooses a clip. Search hits
 * and clip ranges are marked over the lanes. A part of `<space-replay-provider>` (docs/compose.md).
 *
 * @csspart timeline - Waveform and lanes: the seek slider.
 * @csspart waveform - The waveform (wavesurfer's own parts are inside it).
 * @csspart lanes - The speaker lanes (an SVG: a path per row, `data-row` N; the overview, tracks, hatching and chapter ticks as `data-lanes` paths).
 * @csspart cursor - The playhead on the lanes.
 * @csspart hover - The time and speaker shown under the pointer.
 * @csspart marks - Search hits and clip ranges drawn over the lanes.
 */
export class SpaceReplayTimeline extends LitElement {
  static override styles = timelineStyles;
  static override properties = { _hover: { state: true } };

  private _hover: { x: number; time: number } | null = null;
  private readonly _player = new PlayerConsumer(this, (t) => this._tick(t));
  private _waveform: WaveformController | null = null;
  private _drawn: Recording | null = null;
  private _drawnChapters: unknown = null;
  private _scheme = 0;
  private _second = -1;
  private _cursorPx = -1;
  private _width = 0;
  private _resize: ResizeObserver | null = null;
  /** A press on the waveform or lanes is seeking (the waveform stops following playback meanwhile). */
  private _seeking = false;
  /** While pressed: whether the press started on the waveform (null: not pressed). */
  private _pressOnWave: boolean | null = null;
  /** A clip being chosen by a drag: where it started and where it is. */
  private _clipDrag: { from: number; to: number } | null = null;
  private _marked: unknown[] = [];
  /** "removed at the speaker's request", fetched with the recording when it has redactions. */
  private _removedNote: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // wavesurfer.js loads while the manifest does.
    WaveformController.preload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._resize = null;
    // The waveform controller detached itself; drawing starts again on reconnect.
    this._drawn = null;
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this._player.state;
    const recording = s?.recording;
    if (!s || !recording) return nothing;
    const m = messagesFor(s.lang);
    const duration = recording.manifest.duration;
    const second = secondTexts(Math.max(0, Math.floor(s.clock.time)), duration, m, s.lang);
    const hover = this._hover;
    const hoverSpeaker = hover ? recording.timeline.speakerAt(hover.time) : undefined;
    const hoverName = hoverSpeaker ? recording.speakers.find((r) => r.participant.id === hoverSpeaker)?.participant.name : undefined;
    return html`<div
        part="timeline"
        class="timeline"
        role="slider"
        tabindex="0"
        aria-label=${m.seek}
        aria-valuemin="0"
        aria-valuemax=${Math.floor(duration)}
        aria-valuenow=${second.valueNow}
        aria-valuetext=${second.valueText}
        @keydown=${this._onKeydown}
        @pointerdown=${this._onPointerDown}
        @pointermove=${this._onPointerMove}
        @pointerup=${this._onPointerUp}
        @pointerleave=${() => (this._hover = null)}
      >
        <div part="waveform" class="waveform" ${styleProps({ height: `${WAVE_HEIGHT}px` })}></div>
        <div class="lanes-box">
          <svg part="lanes" class="lanes" ${styleProps({ height: `${lanesHeight(recording.rows, duration > ZOOM_THRESHOLD_SECONDS)}px` })} aria-hidden="true" focusable="false"></svg>
          <div part="cursor" class="cursor"></div>
          <canvas part="marks" class="marks" aria-hidden="true" width="0" height="0"></canvas>
        </div>
        ${hover
          ? html`<div part="hover" class="hover" ${styleProps({ left: `${hover.x}px` })} aria-hidden="true">
              ${formatTime(hover.time, { forceHours: duration >= 3600 })}${hoverName ? html` · <bdi>${hoverName}</bdi>` : nothing}${this._redactionNote(hover.time)}
            </div>`
          : nothing}
      </div>
      <span class="probe" aria-hidden="true"></span>`;
  }

  protected override updated(): void {
    const s = this._player.state;
    const recording = s?.recording ?? null;
    if (recording !== this._drawn) {
      this._drawn = recording;
      this._second = this._cursorPx = -1;
      this._waveform?.detach();
      if (recording && s?.media) this._draw(s, recording, s.media);
    } else if (recording && s!.chapters !== this._drawnChapters) {
      this._drawLanes();
    }
    if (s && s.scheme !== this._scheme) {
      this._scheme = s.scheme;
      this._waveform?.setColors(this._waveColors());
    }
    this._drawMarks();
  }

  /** A new recording: lanes now, the waveform in a task of its own; `space-replay-ready` waits for it. */
  private _draw(s: PlayerSnapshot, recording: Recording, media: HTMLMediaElement): void {
    this._observeSize();
    this._drawLanes();
    if (recording.manifest.redactions?.length) void this._loadRemovedNote(s.lang);
    if (!this._waveform || this._waveform.media !== media) {
      if (this._waveform) this.removeController(this._waveform);
      this._waveform = new WaveformController(this, media);
    }
    const waveform = this._waveform;
    const host = this.renderRoot.querySelector<HTMLElement>('.waveform')!;
    const { duration } = recording.manifest;
    const drawn = nextTask().then(() =>
      recording === this._drawn
        ? waveform.attach(host, recording.wave, duration, {
            height: WAVE_HEIGHT,
            colors: this._waveColors(),
            ...(duration > ZOOM_THRESHOLD_SECONDS ? { window: ZOOM_WINDOW_SECONDS } : {}),
          })
        : false,
    );
    emit(this, 'space-replay-hold-request', { until: drawn });
    void drawn.then(() => recording === this._drawn && waveform.follow(s.clock.time));
  }

  private _observeSize(): void {
    const timeline = this.renderRoot.querySelector<HTMLElement>('.timeline');
    if (this._resize || !timeline) return;
    this._resize = new ResizeObserver(() => {
      if ((this.renderRoot.querySelector('.timeline')?.clientWidth ?? 0) === this._width) return;
      this._drawLanes();
      this._drawMarks(true);
    });
    this._resize.observe(timeline);
  }

  private _drawLanes(): void {
    const s = this._player.state;
    const recording = s?.recording;
    const svg = this.renderRoot.querySelector<SVGSVGElement>('.lanes');
    if (!s || !recording || !svg) return;
    const { timeline, speakers, manifest } = recording;
    const width = this.renderRoot.querySelector<HTMLElement>('.timeline')?.clientWidth ?? 0;
    this._width = width;
    this._drawnChapters = s.chapters;
    const rowOf = new Int32Array(timeline.speakers.length).fill(-1);
    const rowColors: string[] = [];
    for (const r of speakers) {
      if (r.row < 0) continue;
      rowOf[timeline.speakerIndex(r.participant.id)] = r.row;
      rowColors[r.row] = speakerColor(r.row);
    }
    const long = manifest.duration > ZOOM_THRESHOLD_SECONDS;
    // Colours stay custom properties: the lanes follow a change of scheme without a redraw.
    drawSpeakerLanes(svg, width, {
      duration: manifest.duration,
      timeline,
      rowOf,
      rows: recording.rows,
      rowColors,
      redactions: manifest.redactions ?? [],
      chapterStarts: s.chapters.map((c) => c.startTime),
      overview: long ? recording.overview(Math.max(1, Math.round(width / 2))) : null,
      colors: {
        overview: 'var(--space-replay-wave)',
        redaction: 'var(--space-replay-muted)',
        chapter: 'var(--space-replay-fg)',
        track: 'var(--space-replay-surface)',
      },
    });
    this._cursorPx = -1;
    this._tick(s.clock.time);
  }

  private _waveColors(): { wave: string; progress: string; cursor: string } {
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    if (!probe) return { wave: '#888', progress: '#888', cursor: '#888' };
    const [wave, progress, cursor] = resolveColors(probe, ['--space-replay-wave', '--space-replay-progress', '--space-replay-cursor']);
    return { wave: wave!, progress: progress!, cursor: cursor! };
  }

  /** Redraws the marks when what they show changed (or `force`: the size changed). */
  private _drawMarks(force = false): void {
    const s = this._player.state;
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('.marks');
    const duration = s?.recording?.manifest.duration;
    if (!canvas || duration === undefined) return;
    const readAlong = s!.readAlong;
    const drag = this._clipDrag;
    const range = drag ? { start: Math.min(drag.from, drag.to), end: Math.max(drag.from, drag.to) } : (readAlong?.clip ?? readAlong?.editing ?? null);
    const hits = readAlong?.hits ?? [];
    const activeHit = readAlong?.activeHit ?? -1;
    const marked = [range?.start, range?.end, hits, activeHit, duration];
    if (!force && marked.every((v, i) => v === this._marked[i])) return;
    this._marked = marked;
    drawMarks(canvas, this, { duration, range, hits, activeHit });
  }

  /** Per frame while playing: only what changed is touched (the second on the slider, the playhead pixel, the zoomed view). */
  private _tick(t: number): void {
    const s = this._player.state;
    const recording = s?.recording;
    const slider = this.renderRoot?.querySelector('.timeline');
    if (!s || !recording || !slider) return;
    const duration = recording.manifest.duration;
    const second = Math.max(0, Math.floor(t));
    if (second !== this._second) {
      this._second = second;
      const texts = secondTexts(second, duration, messagesFor(s.lang), s.lang);
      slider.setAttribute('aria-valuenow', texts.valueNow);
      slider.setAttribute('aria-valuetext', texts.valueText);
    }
    const cursor = this.renderRoot.querySelector<HTMLElement>('.cursor');
    if (cursor && duration > 0) {
      const px = Math.round((Math.min(t, duration) / duration) * this._width);
      if (px !== this._cursorPx) {
        this._cursorPx = px;
        cursor.style.transform = `translateX(${px}px)`;
      }
    }
    if (this._seeking) return;
    this._waveform?.follow(t);
    // While playing, wavesurfer draws its progress itself.
    if (!s.playing) this._waveform?.showProgress(t);
  }

  // ---- input ------------------------------------------------------------------------------

  private readonly _onKeydown = (e: KeyboardEvent): void => {
    const s = this._player.state;
    const duration = s?.recording?.manifest.duration;
    if (!s || duration === undefined) return;
    const now = s.media?.currentTime ?? s.clock.time;
    let time: number;
    if (e.key in SLIDER_KEYS) time = now + SLIDER_KEYS[e.key]!;
    else if (e.key === 'Home') time = 0;
    else if (e.key === 'End') time = duration;
    else return;
    emit(this, 'space-replay-seek-request', { time });
    e.preventDefault();
    e.stopPropagation();
  };

  /**
   * Whether `e` is over the waveform, by its position: while the timeline holds the pointer
   * (a press or a drag) every event targets the timeline itself, wherever the pointer is.
   */
  private _overWave(e: PointerEvent): boolean {
    const box = this.renderRoot.querySelector('.waveform')?.getBoundingClientRect();
    return !!box && e.clientY >= box.top && e.clientY < box.bottom;
  }

  /**
   * The time under a pointer: on the waveform (zoomed on long recordings: a fraction of its
   * scrolled wrapper, not of the view), else on the lanes (the whole recording). A press keeps the
   * surface it started on until it is released.
   */
  private _timeAt(e: PointerEvent): number {
    const duration = this._player.state?.recording?.manifest.duration ?? 0;
    const wrapper = this._waveform?.wavesurfer?.getWrapper();
    const onWave = wrapper && (this._pressOnWave ?? this._overWave(e));
    const box = (onWave ? wrapper : this.renderRoot.querySelector('.timeline'))!.getBoundingClientRect();
    const fraction = box.width > 0 ? (e.clientX - box.left) / box.width : 0;
    return Math.min(Math.max(fraction, 0), 1) * duration;
  }

  private readonly _onPointerDown = (e: PointerEvent): void => {
    const s = this._player.state;
    if (e.button !== 0 || !s?.recording) return;
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture?.(e.pointerId);
    this._pressOnWave = this._overWave(e);
    target.addEventListener('lostpointercapture', () => (this._pressOnWave = null), { once: true });
    const time = this._timeAt(e);
    const readAlong = s.readAlong;
    if ((e.shiftKey || readAlong?.clipMode) && readAlong?.clipsAllowed) {
      // The waveform seeks on its own click and drag: not while a clip is being chosen.
      this._waveform?.wavesurfer?.toggleInteraction(false);
      this._clipDrag = { from: time, to: time };
      // A cancelled drag (no pointerup) leaves nothing behind.
      target.addEventListener('lostpointercapture', this._cancelClipDrag, { once: true });
      this._drawMarks();
      return;
    }
    this._seeking = true;
    emit(this, 'space-replay-seek-request', { time, follow: true });
  };

  private readonly _onPointerMove = (e: PointerEvent): void => {
    const timeline = e.currentTarget as HTMLElement;
    if (!this._player.state?.recording) return;
    const time = this._timeAt(e);
    if (this._clipDrag) {
      this._clipDrag.to = time;
      this._drawMarks();
    }
    const box = timeline.getBoundingClientRect();
    this._hover = { x: Math.min(Math.max(e.clientX - box.left, 0), box.width), time };
  };

  private readonly _onPointerUp = (e: PointerEvent): void => {
    const drag = this._clipDrag;
    if (drag) {
      const time = this._timeAt(e);
      const start = Math.min(drag.from, time);
      const end = Math.max(drag.from, time);
      this._clipDrag = null;
      // After the click that follows this pointerup, which the waveform must not take as a seek.
      setTimeout(() => this._waveform?.wavesurfer?.toggleInteraction(true));
      if (end - start >= MIN_DRAG_SECONDS) emit(this, 'space-replay-clip-request', { start, end });
      this._drawMarks();
      return;
    }
    if (!this._seeking) return;
    this._seeking = false;
    emit(this, 'space-replay-seek-request', { time: this._timeAt(e) });
  };

  private readonly _cancelClipDrag = (): void => {
    if (!this._clipDrag) return;
    this._clipDrag = null;
    this._waveform?.wavesurfer?.toggleInteraction(true);
    this._drawMarks();
  };

  /** Under the pointer: says when the range was removed at a speaker's request (the lanes hatch it). */
  private _redactionNote(time: number): string {
    const redactions = this._player.state?.recording?.manifest.redactions ?? [];
    const removed = this._removedNote && redactions.some((r) => time >= r.startTime && time < r.endTime);
    return removed ? ` · ${this._removedNote}` : '';
  }

  private async _loadRemovedNote(lang: string): Promise<void> {
    const { readAlongMessages } = await import('../../i18n/read-along-messages.js');
    this._removedNote = readAlongMessages(lang).transcript.removed;
  }
}
